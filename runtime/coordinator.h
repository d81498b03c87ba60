/* The coordinator: one run of a compiled workflow on a cluster, the
 * scheduler (runtime/scheduler.h) over the kube executor
 * (runtime/kube_exec.h). `wfc coordinate` runs it inside the cluster, `wfc
 * run` from a laptop or CI; both read the plan from the cluster, so the
 * two are the same program.
 *
 * All state is on the cluster: the Jobs (and their outputs annotation),
 * the per-node ConfigMaps, and ConfigMap `<run>-status` (the Workflow in
 * Argo's shape, written as the run goes and at its end; the control
 * annotations of runtime/kube_store.h). A coordinator that is killed and
 * started again carries on: it runs the plan from the start, and every
 * Job that exists is adopted, finished ones read back rather than run.
 */
#ifndef WFC_RUNTIME_COORDINATOR_H
#define WFC_RUNTIME_COORDINATOR_H
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

#include "runtime/kube.h"
#include "runtime/plan.h"
#include "runtime/scheduler.h"

struct wfc_coord_opts {
	struct wfc_kube *client;       /* borrowed */
	const char *namespace;         /* NULL: the client's */
	/* the plan's ConfigMap (`<run>-plan`), read with runtime/kube_store.h */
	const char *plan_configmap;
	/* in the cluster: the coordinator Job this process runs in, made the
	 * owner of every object of the run (so deleting it deletes the run),
	 * its ttlSecondsAfterFinished set from ttlStrategy at the end. NULL:
	 * none (wfc run from outside) */
	const char *owner_job;
	/* no owner_job given: find it from this pod (pod_name, e.g. $HOSTNAME,
	 * and its ownerReferences), as in a CronJob's firing; NULL: none */
	const char *pod_name;
	bool watch_signals;            /* Ctrl-C and SIGTERM stop this coordinator */
	double status_interval_s;      /* least time between status writes; 0: 1 s */
};

struct wfc_coord;

/* Reads the plan and starts watching the run. NULL with a message in err. */
struct wfc_coord *wfc_coord_create(const struct wfc_coord_opts *o, char *err, size_t errlen);
void wfc_coord_destroy(struct wfc_coord *c);

const struct wfc_rt_plan *wfc_coord_plan(const struct wfc_coord *c);
/* The kube executor, for a caller that wraps it (the live view). */
void wfc_coord_executor(struct wfc_coord *c, struct wfc_executor *out);
/* One line for whoever reads the coordinator's log: the Jobs it
 * unsuspended, created and found finished, its API errors, its CPU time and
 * its peak resident memory (VmHWM: this program's own, not counting what
 * ran before the exec that started it). */
void wfc_coord_report_usage(const struct wfc_coord *c, FILE *out);

/* The scheduler of the run over ex (wfc_coord_executor's, or one that
 * wraps it), with so's progress options (its control callback is the
 * coordinator's own); valid until wfc_coord_destroy. */
struct wfc_sched *wfc_coord_sched(struct wfc_coord *c, const struct wfc_executor *ex,
				  const struct wfc_sched_opts *so);
/* Runs the workflow to its end (after wfc_coord_sched) and returns its
 * phase. When this coordinator was stopped (Ctrl-C, SIGTERM:
 * wfc_sched_interrupted) the Jobs go on and another can carry the run on. */
enum wfc_rt_phase wfc_coord_run(struct wfc_coord *c);

#endif
