/* wfc coordinate: the coordinator Job's entrypoint. Reads the plan from
 * its ConfigMap and runs the workflow with the in-cluster credentials
 * (runtime/coordinator.h); progress as plain lines on standard error, which
 * is the pod's log. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "runtime/coordinator.h"
#include "runtime/proc.h"

/* Exit statuses the coordinator Job's podFailurePolicy reads: the workflow
 * failed (the Job fails, no retry), or the coordinator could not go on
 * (the Job starts it again and it carries on). */
#define WFC_EXIT_WORKFLOW_FAILED 1
#define WFC_EXIT_CANNOT_COORDINATE 3
#define WFC_EXIT_INTERRUPTED 130

struct coordinate_opts {
	const char *plan_configmap;
	const char *job;
	struct wfc_cli_kube kube;
};

#define OFF(field) offsetof(struct coordinate_opts, field)

static const struct wfc_cli_opt coordinate_opts[] = {
	{ .name = "plan-configmap", .type = WFC_CLI_STRING, .offset = OFF(plan_configmap),
	  .metavar = "NAME", .help = "the ConfigMap holding the plan (required)" },
	{ .name = "job", .type = WFC_CLI_STRING, .offset = OFF(job), .metavar = "NAME",
	  .help = "the coordinator's own Job: made the owner of the run's objects" },
	WFC_CLI_KUBE_OPTS(struct coordinate_opts),
};

const struct wfc_cli_spec wfc_coordinate_spec = {
	.name = "coordinate",
	.operands = "",
	.summary = "run a compiled workflow from inside the cluster (the coordinator Job)",
	.description =
		"Reads the plan from its ConfigMap, starts each node's Job when the\n"
		"workflow allows, and writes the run's status to ConfigMap\n"
		"<run>-status (read it with 'wfc get'). Started again after a crash, it\n"
		"carries on: finished Jobs are read back, never run again. Inside a pod\n"
		"it uses the pod's service account (namespace: $WFC_NAMESPACE, else the\n"
		"service account's); outside, the kubeconfig.\n",
	.opts = coordinate_opts,
	.nopts = sizeof(coordinate_opts) / sizeof(coordinate_opts[0]),
	.epilogue =
		"exit status:\n"
		"  0    the workflow Succeeded\n"
		"  1    the workflow Failed or Errored\n"
		"  2    wrong options\n"
		"  3    the coordinator could not go on (its Job starts it again)\n"
		"  130  stopped by a signal (likewise)\n",
};

int wfc_cmd_coordinate(int argc, char **argv)
{
	struct coordinate_opts o = { 0 };
	struct wfc_cli_cluster cl = { 0 };
	struct wfc_coord *c = NULL;
	int nops = 0, rc = WFC_EXIT_USAGE;

	switch (wfc_cli_parse(&wfc_coordinate_spec, argc, argv, &o, &nops)) {
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, &wfc_coordinate_spec, NULL);
		rc = WFC_EXIT_OK;
		goto err_out;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, &wfc_coordinate_spec);
		goto err_out;
	case WFC_CLI_OK:
		break;
	}
	if (nops) {
		wfc_cli_error("'coordinate' takes no operands");
		wfc_cli_usage_hint(stderr, &wfc_coordinate_spec);
		goto err_out;
	}
	if (!o.plan_configmap) {
		wfc_cli_error("'--plan-configmap' is required");
		wfc_cli_usage_hint(stderr, &wfc_coordinate_spec);
		goto err_out;
	}
	if (!o.kube.namespace) {
		const char *ns = getenv("WFC_NAMESPACE");
		if (ns && *ns)
			o.kube.namespace = ns;
	}
	rc = WFC_EXIT_CANNOT_COORDINATE;
	if (wfc_cli_cluster_open(&cl, &o.kube, true) != 0)
		goto err_out;
	if (wfc_proc_signals_install() != 0) {
		wfc_cli_error("cannot install the signal handlers");
		goto err_out;
	}
	char err[1024];
	struct wfc_coord_opts co = {
		.client = cl.client,
		.plan_configmap = o.plan_configmap,
		.owner_job = o.job,
		.pod_name = getenv("HOSTNAME"),
		.watch_signals = true,
	};
	c = wfc_coord_create(&co, err, sizeof(err));
	if (!c) {
		wfc_cli_error("%s", err);
		goto err_out;
	}
	struct wfc_executor ex;
	wfc_coord_executor(c, &ex);
	struct wfc_sched_opts so = { .progress = stderr };
	struct wfc_sched *s = wfc_coord_sched(c, &ex, &so);
	enum wfc_rt_phase ph = wfc_coord_run(c);
	if (wfc_sched_interrupted(s))
		rc = WFC_EXIT_INTERRUPTED;
	else
		rc = ph == WFC_PHASE_SUCCEEDED ? WFC_EXIT_OK : WFC_EXIT_WORKFLOW_FAILED;
	fprintf(stderr, "workflow %s\n", rc == WFC_EXIT_INTERRUPTED ? "interrupted"
				       : wfc_rt_phase_name(ph));
	wfc_coord_report_usage(c, stderr);
err_out:
	wfc_coord_destroy(c);
	wfc_cli_cluster_close(&cl);
	wfc_cli_free(&wfc_coordinate_spec, &o);
	return rc;
}
