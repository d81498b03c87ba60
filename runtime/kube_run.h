/* The objects of one run on the cluster, found by their label: what `wfc
 * get`, `wfc logs` and `wfc delete` look up, and what a coordinator that
 * starts again lists.
 *
 * Every object of a run carries label wfc.dev/workflow=LABEL, LABEL being
 * the run's name fitted to a DNS-1123 label of 63 characters. A node's Job
 * carries label wfc.dev/node (its own name) and annotations
 * wfc.dev/node-name (Argo's node name, "hello[0].step(1:b)") and
 * wfc.dev/template; its pods carry wfc.dev/workflow, wfc.dev/node and the
 * Job controller's batch.kubernetes.io/job-name. The coordinator's Job and
 * pods carry wfc.dev/role=coordinator instead of wfc.dev/node. */
#ifndef WFC_RUNTIME_KUBE_RUN_H
#define WFC_RUNTIME_KUBE_RUN_H
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "runtime/kube.h"

#define WFC_LABEL_WORKFLOW "wfc.dev/workflow"
#define WFC_LABEL_NODE "wfc.dev/node"
#define WFC_LABEL_ROLE "wfc.dev/role"
#define WFC_ROLE_COORDINATOR "coordinator"
#define WFC_ANN_NODE_NAME "wfc.dev/node-name"
#define WFC_ANN_TEMPLATE "wfc.dev/template"
#define WFC_STATUS_KEY "workflow.json"

/* An object's metadata.name, labels[key], annotations[key]; NULL when
 * absent. */
const char *wfc_kobj_name(const cJSON *obj);
const char *wfc_kobj_label(const cJSON *obj, const char *key);
const char *wfc_kobj_annotation(const cJSON *obj, const char *key);
/* metadata.creationTimestamp as seconds since the epoch; 0 when absent. */
double wfc_kobj_created(const cJSON *obj);
/* The value at a path of object keys ("status", "phase", NULL) when it
 * is a string, else NULL. */
const char *wfc_kobj_str(const cJSON *obj, ...) __attribute__((sentinel));

/* s is a DNS-1123 label: 1 to 63 of [a-z0-9-], starting and ending with
 * a letter or digit. */
bool wfc_is_dns_label(const char *s);

/* The label value of the objects of run: run itself when it is a DNS-1123
 * label, else the wfc.dev/workflow label of its ConfigMap `<run>-status`
 * or `<run>-plan` (malloc'd). NULL with e filled: kind
 * WFC_KUBE_ENOTFOUND when the run has neither. */
char *wfc_run_label(struct wfc_kube *c, const char *ns, const char *run,
		    struct wfc_kube_error *e);

/* "wfc.dev/workflow=LABEL", or "wfc.dev/workflow" (every run) for label
 * NULL (malloc'd). */
char *wfc_run_selector(const char *label);

/* Every object of resource b labelled for the run (label NULL: of every
 * run): the List's items, an array the caller frees. */
int wfc_run_list(struct wfc_kube *c, enum wfc_kube_builtin b, const char *ns,
		 const char *label, cJSON **items, struct wfc_kube_error *e);

/* The run's status: the Workflow kept under `<run>-status` key
 * workflow.json (all its parts), as its exact text (text, may be NULL)
 * and parsed (wf, may be NULL). -1 with e filled (WFC_KUBE_ENOTFOUND: no
 * status yet) and a message in err: the text is not a JSON object. */
int wfc_run_status_read(struct wfc_kube *c, const char *ns, const char *run, char **text,
			cJSON **wf, struct wfc_kube_error *e, char *err, size_t errlen);

/* A Workflow phase that no longer changes: Succeeded, Failed, Error. */
bool wfc_run_phase_done(const char *phase);

/* The name of the Job that made pod (batch.kubernetes.io/job-name, else
 * job-name, else wfc.dev/node), or NULL. */
const char *wfc_run_pod_job(const cJSON *pod);
/* The pod belongs to the coordinator (wfc.dev/role=coordinator). */
bool wfc_run_is_coordinator(const cJSON *obj);

/* The nodes of a run as its Jobs and pods say: which Job runs which Argo
 * node, which pods each Job made. Built from the lists of wfc_run_list
 * (borrowed: they must outlive the index). */
struct wfc_run_index;

struct wfc_run_index *wfc_run_index_create(const cJSON *jobs, const cJSON *pods);
void wfc_run_index_destroy(struct wfc_run_index *x);
/* The Job named name, or NULL. */
const cJSON *wfc_run_index_job(const struct wfc_run_index *x, const char *name);
/* The Jobs whose wfc.dev/node-name is node, k-th of them by creation
 * (0, 1, ...; usually one), or NULL. */
const cJSON *wfc_run_index_node_job(const struct wfc_run_index *x, const char *node, size_t k);
/* The newest pod of the Job named job (the one that ran last), or NULL. */
const cJSON *wfc_run_index_job_pod(const struct wfc_run_index *x, const char *job);
/* The pod that ran the Argo node named node: the newest pod of its Job;
 * for an attempt "X(k)" of a retried node whose attempts' Jobs all say
 * X, the newest pod of X's k-th Job. NULL when none ran. */
const cJSON *wfc_run_index_node_pod(const struct wfc_run_index *x, const char *node);
/* The Argo node name of pod's Job (its wfc.dev/node-name), or NULL. */
const char *wfc_run_index_pod_node(const struct wfc_run_index *x, const cJSON *pod);

/* Argo's display name of a node name: its last part after a '.' outside
 * brackets and parentheses ("step(1:b)" of "hello[0].step(1:b)"). A
 * pointer into name. */
const char *wfc_run_display_name(const char *name);

/* What wfc_run_delete reports of each object it deleted. */
typedef void (*wfc_run_deleted_fn)(void *ud, const struct wfc_kube_res *r, const char *name);

/* Deletes every object labelled for the run: the coordinator's Job
 * first (nothing more is started), CronJobs, the other Jobs (propagation
 * Background: their pods go too), pods left over, Services, the
 * PersistentVolumeClaims of its volumeClaimTemplates (claims made outside
 * the run carry no label and stay), ConfigMaps, Leases, RoleBindings,
 * Roles, ServiceAccounts. An object gone meanwhile is not an error. Returns
 * how many objects it deleted (0: none had the label), or -1 with e filled
 * (what was deleted before stays deleted). */
long wfc_run_delete(struct wfc_kube *c, const char *ns, const char *label,
		    wfc_run_deleted_fn fn, void *ud, struct wfc_kube_error *e);

/* The label values of every run that has objects in ns (for `wfc delete
 * --all`), each with a name for messages: the run's name as its status or
 * plan ConfigMap gives it, else the label. */
struct wfc_run_ref {
	char *label;
	char *name;
};

int wfc_run_find_all(struct wfc_kube *c, const char *ns, struct wfc_run_ref **runs,
		     size_t *n, struct wfc_kube_error *e);
void wfc_run_refs_free(struct wfc_run_ref *runs, size_t n);

#endif
