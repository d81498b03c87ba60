/* The kube executor: each Pod node of the plan as a batch/v1 Job on a
 * cluster (runtime/kube.h), under the same scheduler as the local executor.
 *
 * Starting a node writes its run-time values into ConfigMap `<job>-in`,
 * then unsuspends the Job `wfc compile` emitted, or creates it: from the
 * node's `pod` and `jobWrapper` (--job-creation lazy, CronWorkflow), from
 * the plan's `jobTemplates` (nodes made at run time), or from the previous
 * attempt (retries); see runtime/jobtmpl.h. Every name is deterministic and
 * a Job that already exists is adopted as it is, so a coordinator started
 * again carries on where the last one stopped: a Job that finished is read
 * back, never run again.
 *
 * A Job's end is seen through informers on the run's Jobs and Pods (label
 * wfc.dev/workflow). Its outputs come from the pod: outputs.result from the
 * main container's log, output parameters from its termination message
 * (the file itself for one, the report of `wfc exec` for several: see
 * runtime/wrapper.h). Once read they are kept on the Job as the annotation
 * wfc.dev/outputs, so they outlive the pod.
 */
#ifndef WFC_RUNTIME_KUBE_EXEC_H
#define WFC_RUNTIME_KUBE_EXEC_H
#include <cjson/cJSON.h>
#include <stdbool.h>

#include "runtime/kube.h"
#include "runtime/plan.h"
#include "runtime/scheduler.h"

/* The annotation a finished Job keeps its outputs in: JSON
 * {"phase", "message", "exitCode", "result", "outputs": {NAME: VALUE}}. */
#define WFC_OUTPUTS_ANNOTATION "wfc.dev/outputs"

struct wfc_kube_jobs_opts {
	struct wfc_kube *client;        /* borrowed */
	const struct wfc_rt_plan *plan; /* borrowed */
	const cJSON *plan_json;         /* the same plan as JSON (nodes' Jobs, jobTemplates) */
	const char *namespace;          /* NULL: the client's */
	/* ownerReference put on every object it creates (the coordinator
	 * Job), or NULL */
	const cJSON *owner;
	bool watch_signals;             /* Ctrl-C / SIGTERM stop the run */
	/* a CronWorkflow's firing: every Job's name gets this part
	 * (wfc_name_child of the plan's), and the run's label is that of
	 * plan->name, not the CronWorkflow's; NULL: none */
	const char *name_suffix;
};

struct wfc_kube_jobs;

/* Lists the run's Jobs and Pods and starts watching them. NULL with a
 * message in err. */
struct wfc_kube_jobs *wfc_kube_jobs_create(const struct wfc_kube_jobs_opts *o, char *err,
					   size_t errlen);
void wfc_kube_jobs_destroy(struct wfc_kube_jobs *k);
/* Cuts each of plan_json's nodes down to what the executor reads of it
 * (a node's Job, pod, resource and outputs): for a caller that keeps the
 * plan of a large run only for the executor. */
void wfc_kube_jobs_trim_plan(cJSON *plan_json);
/* The executor interface over k (valid while k lives). */
void wfc_kube_jobs_executor(struct wfc_kube_jobs *k, struct wfc_executor *out);

/* The name of the pod behind a running or finished job, or NULL. */
const char *wfc_kube_jobs_pod(struct wfc_kube_jobs *k, const void *job);
/* Counters: Jobs created, unsuspended, adopted as already finished. */
struct wfc_kube_jobs_stats {
	unsigned long created, unsuspended, adopted_done, api_errors;
	unsigned long pods_listed;    /* an ended Job's pod not seen ended on the watch */
	unsigned long logs_read;      /* for outputs.result */
	unsigned long job_reads;      /* a running Job's state read from the caches: at news of it */
};
void wfc_kube_jobs_stats(const struct wfc_kube_jobs *k, struct wfc_kube_jobs_stats *out);

/* The label value of a run (wfc.dev/workflow): its name as a DNS-1123
 * label. malloc'd. */
char *wfc_kube_run_label(const char *name);

#endif
