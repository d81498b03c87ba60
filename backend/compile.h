/* The plans of what was given: shared by wfc_compile (objects) and
 * wfc_graph (pictures). */
#ifndef WFC_BACKEND_COMPILE_H
#define WFC_BACKEND_COMPILE_H
#include "ir/plan.h"
#include "wfc.h"

/* Receives one plan, valid only during the call. */
typedef void (*wfc_plan_fn)(void *user, const struct wfc_plan *p);

/* After wfc_validate: builds the plan of each Workflow and CronWorkflow
 * added (not the library ones), in input order, and hands it to fn. A
 * document whose plan cannot be built gets diagnostics and is skipped. */
void wfc_each_plan(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		   wfc_plan_fn fn, void *user);

#endif
