/* The compile passes after validation: bind the run's arguments and expand
 * the instance tree into a plan. */
#ifndef WFC_COMPILE_H
#define WFC_COMPILE_H
#include "ir/plan.h"

struct wfc_compile_opts {
	const char *name;               /* --name: the run's name */
	const char *namespace;          /* -n */
	const struct wfc_arg *args;     /* -p and --parameter-file, in order */
	size_t nargs;
	const char *name_salt;          /* see wfc_compile_cfg */
};

/* The plan of one Workflow or CronWorkflow document, or NULL after adding
 * diagnostics. Free with wfc_plan_destroy (the nodes live in the arena). */
struct wfc_plan *wfc_plan_build(struct wfc_graph *g, struct wfc_gdoc *gd,
				const struct wfc_compile_opts *o,
				const struct wfc_sources *src);
void wfc_plan_destroy(struct wfc_plan *p);

#endif
