/* What `wfc run` shows on standard error while a plan runs: on a terminal a
 * tree of the nodes (phase, duration, message) redrawn in place; with
 * --logs the steps' output as it is written, each line prefixed with the
 * node's display name.
 *
 * The view sits between the scheduler and the real executor: it forwards
 * every call and, in the executor's wait (the one place the scheduler
 * blocks), tails the running steps' log files and redraws, so no thread
 * is needed. Without a terminal the scheduler's own progress lines are the
 * progress (the view prints only the logs). */
#ifndef WFC_CLI_RUN_VIEW_H
#define WFC_CLI_RUN_VIEW_H
#include <stdbool.h>
#include <stdio.h>

#include "runtime/plan.h"
#include "runtime/scheduler.h"

struct wfc_run_view_opts {
	FILE *out;                   /* standard error */
	bool tty;                    /* draw the tree in place (wfc_run_view_tty) */
	bool color;                  /* colour the phases (wfc_run_view_color) */
	bool logs;                   /* follow the steps' output */
	/* the host path of a job's stdout or stderr log (the inner
	 * executor's job), or NULL */
	const char *(*log_path)(const void *job, bool err);
};

struct wfc_run_view;

struct wfc_run_view *wfc_run_view_create(const struct wfc_rt_plan *p,
					 const struct wfc_executor *inner,
					 const struct wfc_run_view_opts *o);
void wfc_run_view_destroy(struct wfc_run_view *v);
/* The executor to give the scheduler: inner's, watched by the view (valid
 * while v lives). */
void wfc_run_view_executor(struct wfc_run_view *v, struct wfc_executor *out);
/* The scheduler whose node states the tree shows. */
void wfc_run_view_attach(struct wfc_run_view *v, const struct wfc_sched *s);
/* After wfc_sched_run: the rest of the logs and the final tree. */
void wfc_run_view_end(struct wfc_run_view *v);

/* f is a terminal that understands cursor movement (TERM set, not dumb). */
bool wfc_run_view_tty(FILE *f);
/* Colours on that terminal: NO_COLOR unset or empty. */
bool wfc_run_view_color(void);
/* The locale's characters are UTF-8 (LC_ALL, LC_CTYPE, LANG): symbols and
 * tree lines may be drawn with them. */
bool wfc_run_view_utf8(void);

#endif
