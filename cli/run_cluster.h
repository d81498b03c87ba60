/* wfc run against a cluster: compile, apply the objects, and coordinate the
 * run from this process with the live view (runtime/coordinator.h). */
#ifndef WFC_CLI_RUN_CLUSTER_H
#define WFC_CLI_RUN_CLUSTER_H
#include <stdbool.h>

#include "cli/kube_cli.h"
#include "wfc.h"

struct wfc_run_cluster_opts {
	const struct wfc_cli_kube *kube;
	bool detach;          /* apply the coordinator Job too, and return */
	int output;           /* 0 none, 1 json, 2 yaml */
};

/* Compiles what ctx holds with cc, applies each Workflow's objects and
 * runs it; a CronWorkflow's CronJob is applied (installed) only. Returns
 * the exit status. */
int wfc_run_cluster(struct wfc_ctx *ctx, struct wfc_compile_cfg *cc,
		    const struct wfc_run_cluster_opts *o);

/* Carries on run `name` from its objects on the cluster (--resume). */
int wfc_run_cluster_resume(const char *name, const struct wfc_run_cluster_opts *o);

#endif
