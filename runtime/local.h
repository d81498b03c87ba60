/* The local executor: each Pod node of the plan as a host process tree
 * (runtime/proc.h), for `wfc run --local`. The image is ignored; the main
 * container's command and args run on the host with $(VAR) references to
 * its env filled as Kubernetes does, the script source (the plan must carry
 * it) as a file appended to the command, outputs.result from stdout and
 * output parameters from the files the step wrote (its private /tmp). */
#ifndef WFC_RUNTIME_LOCAL_H
#define WFC_RUNTIME_LOCAL_H
#include <stdbool.h>

#include "runtime/scheduler.h"

struct wfc_local_opts {
	bool no_namespaces;          /* see wfc_proc_spec.no_namespaces */
	bool watch_signals;          /* Ctrl-C stops the run (see wfc_proc_signals_install) */
	const char *scratch_dir;     /* where steps' private dirs go; NULL: $TMPDIR or /tmp */
	/* more descriptors the executor's wait returns on when readable (a
	 * control point: runtime/control.h) */
	const int *watch_fds;
	size_t nwatch_fds;
};

struct wfc_local;

struct wfc_local *wfc_local_create(const struct wfc_local_opts *o);
void wfc_local_destroy(struct wfc_local *l);
/* The executor interface over l (valid while l lives). */
void wfc_local_executor(struct wfc_local *l, struct wfc_executor *out);
/* How the first step was isolated (wfc_proc_isolation_name), or NULL when
 * none ran yet. */
const char *wfc_local_isolation(const struct wfc_local *l);
/* Host path of a running job's stdout log (err false) or stderr log (err
 * true), for following its output; job as the executor's start gave it.
 * Asked for right after start (NULL once the job has ended): asking keeps
 * the files from being reused by a later step (wfc_proc_follow_logs), so
 * what the caller opened stays this job's; the path itself goes when poll
 * reports the end. */
const char *wfc_local_job_log(const void *job, bool err);

#endif
