/* Jobs the coordinator makes itself, from the plan alone (docs/plan.md,
 * "Jobs made at run time"): the Job of a node the plan carries as `pod` and
 * `jobWrapper` (--job-creation lazy, CronWorkflow), the Job of a node the
 * runtime expands from a prototype in `jobTemplates` (withParam items,
 * recursion, workflow-level hooks), and a new attempt of a Job read back
 * from the cluster (retries). Names of such Jobs: support/names.h. */
#ifndef WFC_RUNTIME_JOBTMPL_H
#define WFC_RUNTIME_JOBTMPL_H
#include <cjson/cJSON.h>
#include <stddef.h>

/* The value of one tag. tag is the text between "{{" and "}}" with spaces
 * and tabs trimmed: "inputs.parameters.msg", "item", "steps.a.outputs.result",
 * or "=EXPR" for an expression. Returns 0 with *value a malloc'd string
 * (the renderer frees it), or -1 when the tag has no value. */
typedef int (*wfc_rt_tag_fn)(void *user, const char *tag, char **value);

/* A deep copy of tmpl (any JSON value) with every tag of every string
 * value filled, object keys left alone: the placeholders {{wfc.job}} (the
 * Job's name), {{wfc.node}} (the node's name as Argo names it) and
 * {{wfc.lbrace}} (a literal "{") here, every other tag through lookup.
 * A value is put in as it is and never read again: quotes, line breaks,
 * "{{", "$(" or YAML indicators in it stay part of one string. job_name or
 * node_name may be NULL when tmpl does not use them, lookup when tmpl has
 * no other tag. NULL with a message naming the tag and where it is in err
 * when a tag has no value. */
cJSON *wfc_rt_render(const cJSON *tmpl, const char *job_name, const char *node_name,
		     wfc_rt_tag_fn lookup, void *user, char *err, size_t errlen);

/* The same for one text (malloc'd), such as a script's source. */
char *wfc_rt_render_text(const char *text, const char *job_name, const char *node_name,
			 wfc_rt_tag_fn lookup, void *user, char *err, size_t errlen);

/* The Job of an entry of the plan's jobTemplates for one node: entry.job
 * rendered, with spec.activeDeadlineSeconds from entry.deadline when the
 * template's timeout or activeDeadlineSeconds is known only at run time.
 * For a script template *script (when script is not NULL) is the rendered
 * source, which goes into ConfigMap <job_name>-in under key "script"
 * before the Job is created; NULL for a container template. NULL with a
 * message in err. */
cJSON *wfc_rt_job_render(const cJSON *entry, const char *job_name, const char *node_name,
			 wfc_rt_tag_fn lookup, void *user, char **script, char *err,
			 size_t errlen);

/* The Job of a plan node that carries `pod` and `jobWrapper`: the wrapper
 * with the pod spec as spec.template.spec. It holds no tag: run-time values
 * are $(WFC_IN_n) from ConfigMap <k8sName>-in, as in the node's
 * runtimeValues. NULL with a message in err. */
cJSON *wfc_rt_node_job(const cJSON *node, char *err, size_t errlen);

/* Attempt `attempt` (1 or more) of a node, made from its previous Job as
 * read from the cluster: a copy named name without what the API server
 * set (status; metadata uid, resourceVersion, generation, creationTimestamp,
 * managedFields, selfLink, deletion fields; spec.selector unless
 * spec.manualSelector; the controller-uid and job-name labels of the Job and
 * of its pod template; kubectl's last-applied-configuration and the
 * job-tracking annotations), without spec.suspend (it runs once created),
 * annotated wfc.dev/attempt, and reading ConfigMap <name>-in where the
 * previous Job read <its name>-in (values such as {{retries}} differ per
 * attempt). The wfc.dev/node label and wfc.dev/node-name annotation stay
 * the node's; ownerReferences are kept. NULL with a message in err. */
cJSON *wfc_rt_job_attempt(const cJSON *job, const char *name, unsigned attempt, char *err,
			  size_t errlen);

#endif
