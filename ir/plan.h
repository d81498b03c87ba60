/* The plan: every node a run of the workflow will have, named as Argo names
 * them, with what each node needs to run. Built from the graph by the
 * compile passes (bind, expand); the backend turns it into Kubernetes
 * objects and the plan JSON, the runtime reads only that JSON. Lives in the
 * compilation's arena. */
#ifndef WFC_PLAN_H
#define WFC_PLAN_H
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "ir/ir.h"
#include "wfc.h"

enum wfc_pnode_type {
	WFC_PN_STEPS,      /* a steps template: children are step groups */
	WFC_PN_GROUP,      /* one group of steps: children run in parallel */
	WFC_PN_DAG,        /* a dag template: children are tasks */
	WFC_PN_POD,        /* container or script: one Job */
	WFC_PN_RESOURCE,   /* performed by the coordinator through the API */
	WFC_PN_SUSPEND,    /* the coordinator waits */
	WFC_PN_EXPAND,     /* withParam or recursion: expanded at run time */
	WFC_PN_SKIPPED,    /* a loop over zero items */
};

const char *wfc_pnode_type_name(enum wfc_pnode_type t);

/* A parameter bound to a value; value may still hold {{...}} tags that only
 * the runtime can fill (outputs of earlier nodes, workflow.uid, ...). */
struct wfc_binding {
	const char *name;
	const char *value;
};

struct wfc_pnode {
	size_t id;
	const char *name;          /* Argo's node name: wf[0].step(0:a) */
	const char *display;       /* step(0:a) */
	const char *kname;         /* Job name (pods, expansions), DNS-1123 label <= 63; else NULL */
	enum wfc_pnode_type type;
	struct wfc_gtmpl *tmpl;    /* the template it runs */
	const struct wfc_call *call; /* the step/task that called it (NULL: root, exit handler) */
	struct wfc_pnode *parent;
	struct wfc_pnode **children;
	size_t nchildren, cap;
	size_t group;              /* steps: index of its group */
	/* item of a withItems / withSequence expansion, as JSON (NULL if none) */
	const cJSON *item;
	long item_index;           /* -1 when not a loop item */
	struct wfc_binding *inputs;
	size_t ninputs;
	/* conditions after compile-time substitution */
	const char *when;
	const char *depends;       /* dependencies: turned into an && of names */
	bool exit_handler;         /* under spec.onExit / onExit / hooks */
	const char *hook;          /* hook name ("exit", or a hook expression) */
	const char *expand_reason; /* WFC_PN_EXPAND: "withParam" or "recursion" */
};

struct wfc_plan {
	struct wfc_graph *g;
	struct wfc_gdoc *doc;          /* the Workflow or CronWorkflow compiled */
	const char *name;              /* metadata.name of the run */
	const char *job_name;          /* the coordinator Job: name cut to a DNS-1123 label */
	const char *label;             /* the name as a label value (wfc.dev/workflow) */
	const char *namespace;
	struct wfc_binding *params;    /* workflow parameters, bound */
	size_t nparams;
	struct wfc_pnode **nodes;      /* in creation order; nodes[0] is the root */
	size_t nnodes, cap;
	struct wfc_pnode *root;
	struct wfc_pnode *on_exit;     /* spec.onExit, or NULL */
	struct wfc_strmap knames;      /* Kubernetes names in use */
	unsigned max_depth;            /* nesting guard for expansion */
};

/* s as a DNS-1123 label of at most max characters: lowercased, other
 * characters turned to '-', cut with a stable hash suffix when longer. */
const char *wfc_plan_fit_name(struct wfc_arena *a, const char *s, size_t max);

#endif
