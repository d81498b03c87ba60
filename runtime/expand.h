/* Nodes made at run time from the plan's templates as written (docs/plan.md
 * `templates`): what an Expand node (withParam, recursion) stands for once
 * it starts, and everything inside a template expanded that way.
 *
 * Only JSON is read here: the call (`expand.call`, a step or task as
 * written) and the templates it names. A template becomes one node of its
 * type: a Pod (container, script) keeps the template and its main
 * container with the tags unfilled (the scheduler fills them when it
 * launches it, so {{retries}} and {{pod.name}} are right per attempt), a
 * Steps node gets its groups and a DAG its tasks, each step or task an
 * Expand node again (kind "call") that is expanded when it starts: its
 * arguments, `when` and loop then see every value they may refer to.
 *
 * Expanded nodes are named as Argo names them (`step(0:item)`, the same
 * rules as the compiler's expansion), bound with literal input values
 * (wfc_rt_node.literal_inputs), and carry the template as written
 * (wfc_rt_node.tmpl) for an executor that renders a pod from it. */
#ifndef WFC_RUNTIME_EXPAND_H
#define WFC_RUNTIME_EXPAND_H
#include <stdbool.h>
#include <stddef.h>

#include "runtime/plan.h"

struct cJSON;
struct wfc_arena;

/* How deep templates may nest at run time (a template calling itself);
 * deeper is an Error on the node that would go deeper. */
#define WFC_RT_MAX_DEPTH 100

/* What expansion needs of the run. */
struct wfc_rt_expand_env {
	struct wfc_arena *a;              /* the nodes and their strings */
	struct cJSON *made;               /* a JSON array: JSON made here is kept in it */
	const struct cJSON *templates;    /* the plan's */
	const char *workflow;             /* the run's name (for Job names) */
	/* appends n (allocated from a) to the run's table; its id */
	size_t (*add)(void *user, struct wfc_rt_node *n);
	/* node id of the table */
	const struct wfc_rt_node *(*node)(void *user, size_t id);
	/* fills every tag of text as seen from node `from`, {{item}} and
	 * {{item.KEY}} from item when it is not NULL: 0 and *out (malloc'd),
	 * or -1 with a message */
	int (*subst)(void *user, size_t from, const struct cJSON *item, const char *text,
		     char **out, char *err, size_t errlen);
	void *user;
};

/* What an Expand node stands for. */
struct wfc_rt_expansion {
	size_t *ids;          /* nodes that take its place under its parent, in order (malloc'd) */
	size_t n;
	bool empty;           /* a loop over no items: the node is Skipped */
};

/* Expands node id (type Expand) at template depth `depth` (the Steps and
 * DAG nodes above it). 0 and *out, or -1 with Argo's message in err (the
 * node ends in Error). */
int wfc_rt_expand(const struct wfc_rt_expand_env *env, size_t id, size_t depth,
		  struct wfc_rt_expansion *out, char *err, size_t errlen);

/* The node type (Argo's name: Pod, Steps, DAG, Suspend, ...) of the
 * template a call runs. */
const char *wfc_rt_call_type(const struct wfc_rt_expand_env *env, const struct cJSON *call);

/* Whether text refers to {{item}} or {{item.KEY}} (a loop's `when` is
 * evaluated per item then). */
bool wfc_rt_refers_item(const char *text);

/* Hooks of a node made from a call (its `onExit` and `hooks`): children
 * of node parent, bound against caller, appended to *ids. Used for the
 * instances of an expansion; exported for the workflow-level hooks. */
size_t wfc_rt_expand_hook(const struct wfc_rt_expand_env *env, size_t parent, const char *name,
			  const char *display, const struct cJSON *call, const char *hook_name,
			  const struct wfc_rt_kv *caller_inputs, size_t ncaller_inputs);

#endif
