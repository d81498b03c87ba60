/* The plan (docs/plan.md) as the runtime reads it: the JSON text parsed
 * into read-only structs. What a scheduler and its executors need, nothing
 * of the compiler: runtime/ never sees the frontend, the IR or the backend.
 * A plan owns every string and array it holds; wfc_rt_plan_free releases
 * them all. */
#ifndef WFC_RUNTIME_PLAN_H
#define WFC_RUNTIME_PLAN_H
#include <stdbool.h>
#include <stddef.h>

struct cJSON;
struct wfc_arena;

enum wfc_rt_type {
	WFC_RT_STEPS,
	WFC_RT_STEP_GROUP,
	WFC_RT_DAG,
	WFC_RT_POD,
	WFC_RT_RESOURCE,
	WFC_RT_SUSPEND,
	WFC_RT_EXPAND,
	WFC_RT_SKIPPED,
	WFC_RT_OTHER,
};

#define WFC_RT_NONE ((size_t)-1)

struct wfc_rt_kv {
	const char *name;
	const char *value;
};

/* outputs.parameters[] of a template */
struct wfc_rt_output {
	const char *name;
	const char *path;        /* valueFrom.path, or NULL */
	const char *parameter;   /* valueFrom.parameter (steps, DAGs), or NULL */
	const char *dflt;        /* valueFrom.default, or NULL */
	const char *value;       /* value, or NULL */
	const char *global_name; /* globalName, or NULL */
};

enum wfc_rt_retry_policy {
	WFC_RETRY_ON_FAILURE,
	WFC_RETRY_ON_ERROR,      /* also OnTransientError */
	WFC_RETRY_ALWAYS,
};

/* retryStrategy of a node (set = false without one) */
struct wfc_rt_retry {
	bool set;
	long limit;              /* -1: no limit */
	enum wfc_rt_retry_policy policy;
	double backoff_s;        /* backoff.duration; 0 none */
	double factor;           /* backoff.factor; 0 none */
	double cap_s;            /* backoff.cap; 0 none */
	double max_duration_s;   /* backoff.maxDuration; 0 none */
	const char *expression;  /* NULL: none */
};

enum wfc_rt_probe_type {
	WFC_PROBE_NONE,
	WFC_PROBE_EXEC,
	WFC_PROBE_HTTP,
	WFC_PROBE_TCP,
};

/* A container's readinessProbe (daemons are ready once it passes). */
struct wfc_rt_probe {
	enum wfc_rt_probe_type type;
	const char *const *command;  /* exec */
	const char *path;            /* httpGet: "/" when unset */
	const char *host;            /* httpGet: NULL for the pod's own address */
	const char *scheme;          /* httpGet: HTTP or HTTPS */
	const char *port;            /* httpGet, tcpSocket: a number or a port's name */
	double initial_delay_s, period_s, timeout_s;
	long success_threshold;
};

/* The main container of a Pod node. */
struct wfc_rt_container {
	const char *const *command;  /* NULL-terminated, may be empty */
	const char *const *args;
	const struct wfc_rt_kv *env; /* value NULL: from a source the plan does not hold */
	size_t nenv;
	const char *working_dir;
	const char *image;
	struct wfc_rt_probe readiness;
	const struct wfc_rt_kv *ports; /* name (may be NULL) = containerPort */
	size_t nports;
};

struct wfc_rt_node {
	size_t id;
	const char *name;
	const char *display;
	const char *type_name;
	enum wfc_rt_type type;
	const char *template_name;
	const char *k8s_name;
	size_t parent;           /* WFC_RT_NONE for a root */
	const size_t *children;
	size_t nchildren;
	bool exit_handler;
	const char *when;
	const char *depends;
	bool continue_failed, continue_error;
	/* Pod and Expand nodes (`captureResult: false`): the template that
	 * calls it does not refer to its outputs.result, so none is kept (as
	 * Argo: hasOutputResultRef) and no log is read for it */
	bool no_result;
	const struct wfc_rt_kv *inputs;
	size_t ninputs;
	const struct wfc_rt_output *outputs;
	size_t noutputs;
	const struct wfc_rt_kv *runtime_values; /* name = env, value = tag text */
	size_t nruntime;
	bool has_pod;
	struct wfc_rt_container main;
	bool is_script;
	const char *script_source; /* NULL when the plan keeps it elsewhere */
	long retry_limit;        /* retryStrategy.limit; -1 without one */
	bool retry_unbounded;    /* retryStrategy without a limit */
	struct wfc_rt_retry retry;
	long parallelism;        /* Steps / DAG: leaf pods at once; 0 none */
	bool fail_fast;          /* DAG failFast (default true) */
	const char *target;      /* DAG target: space-separated task names */
	double timeout_s;        /* timeout / activeDeadlineSeconds; 0 none */
	bool daemon;
	const char *expand_reason;
	/* Expand nodes: the step or task as written (docs/plan.md `expand.call`);
	 * inputs are then the caller's bound inputs (`callerInputs`), against
	 * which the call's arguments are evaluated */
	const struct cJSON *call;
	/* a lifecycle hook (`hooks.NAME` other than exit): its name; its `when`
	 * is the hook's expression (expr-lang) */
	const char *hook_name;
	/* Suspend nodes: suspend.duration as written, or NULL to wait for a
	 * resume */
	const char *suspend_duration;
	/* nodes made at run time (runtime/expand.h) */
	const struct cJSON *tmpl;  /* the template it runs, as written */
	bool literal_inputs;       /* inputs are values, not text with tags */
	bool render;               /* Pod: fill the container's and script's tags at launch */
	bool when_literal;         /* when is already filled (loop items) */
	const struct cJSON *item;  /* the loop item its call was made for (hooks' arguments) */
};

struct wfc_rt_plan {
	const char *name;
	const char *namespace;
	const char *kind;        /* Workflow or CronWorkflow */
	const char *entrypoint;
	const char *service_account; /* serviceAccountName, or NULL */
	const struct wfc_rt_kv *labels, *annotations;
	size_t nlabels, nannotations;
	const struct wfc_rt_kv *params;
	size_t nparams;
	const struct wfc_rt_node *nodes;
	size_t nnodes;
	size_t root;
	size_t on_exit;          /* WFC_RT_NONE without one */
	long parallelism;        /* workflow parallelism; 0 none */
	double active_deadline_s; /* workflow activeDeadlineSeconds; 0 none */
	/* `templates` (as written, by name) and the workflow's `hooks`, or NULL */
	const struct cJSON *templates;
	const struct cJSON *hooks;
	bool suspend;            /* spec.suspend: wait for a resume before starting */
};

/* Parses the plan JSON text. NULL with a lowercase message in err when it is
 * not a plan this version reads. */
struct wfc_rt_plan *wfc_rt_plan_parse(const char *text, char *err, size_t errlen);
void wfc_rt_plan_free(struct wfc_rt_plan *p);

/* A Go duration ("90s", "1m30s", "2h") or a bare number of seconds;
 * -1 when it is neither. */
double wfc_rt_duration(const char *s);

/* For nodes made at run time from a template as written (runtime/expand.h),
 * read the way plan nodes are (strings copied into a):
 * the main container of a pod spec (`containers`), or a template's
 * `container` / `script` object itself when pod is NULL; */
void wfc_rt_container_parse(struct wfc_arena *a, const struct cJSON *pod,
			    const struct cJSON *container, struct wfc_rt_container *out);
/* outputs.parameters, retryStrategy, timeout, activeDeadlineSeconds,
 * daemon and parallelism of a node or template object o. */
void wfc_rt_node_fields(struct wfc_arena *a, const struct cJSON *o, struct wfc_rt_node *n);

#endif
