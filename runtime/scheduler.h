/* The scheduler: node states and transitions of one run, read from the plan
 * (runtime/plan.h) alone, over an executor that runs Pod nodes somewhere
 * (host processes: runtime/local.h; a cluster: the kube executor).
 *
 * What it does as Argo does (see ARGO-SEMANTICS in the design notes): steps
 * groups in order, the steps of a group in parallel; DAG tasks by `depends`;
 * `when` (run-time tags substituted, then govaluate with bare words as
 * strings); `continueOn`; outputs.result and output parameters for later
 * `{{steps.X...}}` / `{{tasks.X...}}` (JSON lists for loops); a node's
 * run-time values; `retryStrategy` of Pod nodes (attempts as children of a
 * Retry node, policies, backoff, expression); workflow and template
 * `parallelism`; DAG `failFast` and `target`; `globalName`; workflow
 * `activeDeadlineSeconds`; step and workflow exit handlers with
 * `{{workflow.status}}` and `{{workflow.failures}}`; `withParam` and
 * recursion (Expand nodes, expanded when they start by runtime/expand.h,
 * the node table growing as it goes); daemons (Daemoned once ready, killed
 * when their Steps or DAG ends); `suspend` (a duration, or until
 * wfc_sched_resume); lifecycle hooks of steps, tasks and the workflow
 * (`hooks` with an `expression`); stopping (wfc_sched_stop, Argo's Stop
 * strategy).
 *
 * Event-driven: a node that changes queues its parent, which looks only
 * at what changed; nothing scans every node per event. */
#ifndef WFC_RUNTIME_SCHEDULER_H
#define WFC_RUNTIME_SCHEDULER_H
#include <stdbool.h>
#include <stdio.h>

#include "runtime/plan.h"

struct cJSON;

enum wfc_rt_phase {
	WFC_PHASE_NONE,      /* not reached (no status) */
	WFC_PHASE_RUNNING,
	WFC_PHASE_SUCCEEDED,
	WFC_PHASE_FAILED,
	WFC_PHASE_ERROR,
	WFC_PHASE_SKIPPED,
	WFC_PHASE_OMITTED,
	/* a daemon that is ready: its job still runs, but it counts as done
	 * for what follows (Argo: phase Running with daemoned: true) */
	WFC_PHASE_DAEMONED,
};

const char *wfc_rt_phase_name(enum wfc_rt_phase ph);

/* What the executor is asked to start: a Pod node with its run-time
 * values ready. */
struct wfc_exec_start {
	const struct wfc_rt_node *node;
	const char *const *values;   /* value of node->runtime_values[i] */
	const char *script;          /* the script source, filled; NULL: none */
	unsigned attempt;            /* 0 for the first */
	/* nodes made at run time (node->render): the main container with
	 * every tag filled; NULL: node->main with values (the plan's pod) */
	const struct wfc_rt_container *container;
	/* the value of any tag as the node sees it (tag: the text between
	 * "{{" and "}}", trimmed: "inputs.parameters.x", "=EXPR"): 0 and a
	 * malloc'd *value, or -1 when it has none; callable during start only,
	 * for an executor that renders a Job from the plan's jobTemplates */
	int (*lookup)(void *user, const char *tag, char **value);
	void *lookup_user;
	size_t tag;                  /* the scheduler's name for the job (news) */
};

/* How a Pod node ended; the strings are malloc'd and the scheduler takes
 * them. */
struct wfc_exec_result {
	enum wfc_rt_phase phase;     /* SUCCEEDED, FAILED or ERROR */
	char *message;               /* NULL or a lowercase-first message */
	int exit_code;               /* -1 when unknown */
	char *result;                /* outputs.result, or NULL */
	char **outputs;              /* per node->outputs entry, NULL: unset */
	char *stderr_tail;           /* for --logs, or NULL */
};

/* Runs Pod nodes. A job is the executor's handle of one started node. */
struct wfc_executor {
	void *self;
	/* 0 and *job, or -1 with a message in err (the node ends in Error) */
	int (*start)(void *self, const struct wfc_exec_start *s, void **job,
		     char *err, size_t errlen);
	/* 1 when the job ended (out filled, job released), 0 while it runs */
	int (*poll)(void *self, void *job, struct wfc_exec_result *out);
	/* asks a running job to end; poll reports it */
	void (*kill)(void *self, void *job);
	/* blocks until a job may have ended, a stop was asked, or timeout_ms
	 * (-1: no limit) passed */
	void (*wait)(void *self, int timeout_ms);
	/* may be NULL: every running job is polled after every wait. Else
	 * the tags (wfc_exec_start.tag) of the jobs that may have news since
	 * the last call, any whose poll could now report an end, and only
	 * those are polled: each event of a wide fan-out is not a poll of
	 * every running job. The array is the executor's until its next call */
	size_t (*news)(void *self, const size_t **tags);
	/* non-zero once the user asked to stop (Ctrl-C) */
	int (*interrupted)(void *self);
	/* daemons: 1 once a running job is ready (its container's
	 * readinessProbe passed; without one, once it runs), 0 not yet; may
	 * be NULL (ready once started) */
	int (*ready)(void *self, void *job);
	/* the address other steps reach a job at ({{steps.X.ip}}), valid
	 * until poll reports its end; may be NULL */
	const char *(*address)(void *self, void *job);
};

struct wfc_sched;

struct wfc_sched_opts {
	FILE *progress;              /* one line per change, or NULL */
	bool logs;                   /* each Pod node's output after it ends */
	/* called after each wait of the executor: may call wfc_sched_resume
	 * or wfc_sched_stop (a control point the user reaches); may be NULL */
	void (*control)(void *user, struct wfc_sched *s);
	void *control_user;
	/* how the user resumes a suspended node, for the progress line
	 * ("wfc resume NAME"); NULL: not said */
	const char *resume_hint;
	/* when the run began (Unix time, seconds), for a coordinator that
	 * carries on an earlier one's run: {{workflow.duration}} and the
	 * workflow's activeDeadlineSeconds count from it; 0: now */
	double started_at;
};

struct wfc_sched;

struct wfc_sched *wfc_sched_create(const struct wfc_rt_plan *p, const struct wfc_executor *ex,
				   const struct wfc_sched_opts *o);
void wfc_sched_destroy(struct wfc_sched *s);

/* Runs the workflow to its end: the entrypoint, then the exit handler.
 * Returns the workflow's phase (SUCCEEDED, FAILED or ERROR). */
enum wfc_rt_phase wfc_sched_run(struct wfc_sched *s);
/* The run was stopped by the user. */
bool wfc_sched_interrupted(const struct wfc_sched *s);

/* Resumes every suspended node (Argo resumes them all); returns how many. */
size_t wfc_sched_resume(struct wfc_sched *s);
/* Argo's Stop strategy: running steps are killed, none starts except exit
 * handlers, which run; the workflow ends Failed with "Stopped with
 * strategy 'Stop'". */
void wfc_sched_stop(struct wfc_sched *s);

/* The run's nodes: the plan's (same ids), then those made at run time.
 * Valid until the next wfc_sched_run step (the table grows). */
size_t wfc_sched_nnodes(const struct wfc_sched *s);
const struct wfc_rt_node *wfc_sched_node(const struct wfc_sched *s, size_t id);
/* A node's children as the run has them (loops expanded at run time; a
 * node an expansion replaced is listed no more) */
const size_t *wfc_sched_children(const struct wfc_sched *s, size_t id, size_t *n);
/* Counts changes of node phases: equal counts, nothing changed. */
unsigned long wfc_sched_changes(const struct wfc_sched *s);

/* After wfc_sched_run: a node's phase, message and outputs.result. */
enum wfc_rt_phase wfc_sched_node_phase(const struct wfc_sched *s, size_t id);
const char *wfc_sched_node_message(const struct wfc_sched *s, size_t id);
const char *wfc_sched_node_result(const struct wfc_sched *s, size_t id);
/* The value of output parameter i of a node, or NULL. */
const char *wfc_sched_node_output(const struct wfc_sched *s, size_t id, size_t i);

/* A Pod node with a retryStrategy: its attempts (Argo's NAME(0), NAME(1),
 * ... under the Retry node) and the phase and message of attempt k. */
size_t wfc_sched_node_attempts(const struct wfc_sched *s, size_t id);
enum wfc_rt_phase wfc_sched_attempt_phase(const struct wfc_sched *s, size_t id, size_t k);
const char *wfc_sched_attempt_message(const struct wfc_sched *s, size_t id, size_t k);

/* workflow.outputs.parameters (globalName): how many, and the value and
 * name of the i-th. */
size_t wfc_sched_nglobals(const struct wfc_sched *s);
const char *wfc_sched_global(const struct wfc_sched *s, size_t i, const char **name);

/* The final Workflow in Argo's shape (metadata, status.phase, startedAt,
 * finishedAt, status.nodes by id). Caller owns it. */
struct cJSON *wfc_sched_workflow_json(const struct wfc_sched *s);
/* The same printed unformatted (caller frees), built a node at a time:
 * the tree of 10,000 nodes would be several times the text. */
char *wfc_sched_workflow_text(const struct wfc_sched *s);

#endif
