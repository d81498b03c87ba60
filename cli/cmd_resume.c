/* wfc resume NAME: resumes the suspended steps of a running workflow. A
 * local run (`wfc run --local`) is reached through its control point
 * (runtime/control.h); a workflow on a cluster would be the other branch,
 * which this version does not have. */
#include <stdio.h>
#include <stddef.h>

#include "cli/commands.h"
#include "runtime/control.h"

struct resume_opts {
	int unused;
};

static const struct wfc_cli_opt resume_opts[] = { { 0 } };

const struct wfc_cli_spec wfc_resume_spec = {
	.name = "resume",
	.operands = "NAME...",
	.summary = "resume the suspended steps of a running workflow",
	.description =
		"Resumes every suspended node of workflow NAME (a suspend template\n"
		"without a duration, or a workflow with spec.suspend), as 'argo resume'\n"
		"does. NAME is the run's name as 'wfc run' prints it. This version\n"
		"reaches runs of 'wfc run --local' on this host, by this user.\n",
	.opts = resume_opts,
	.nopts = 0,
	.epilogue =
		"examples:\n"
		"  wfc run --local approval.yaml &    # waits at its suspend step\n"
		"  wfc resume approval\n"
		"\n"
		"exit status:\n"
		"  0  resumed\n"
		"  1  no run of that name is running\n"
		"  2  wrong options\n",
};

/* Sends cmd to each named run; shared with `wfc stop`. */
int wfc_cli_control_runs(const struct wfc_cli_spec *spec, int argc, char **argv,
			 enum wfc_control_cmd cmd, const char *done)
{
	struct resume_opts o = { 0 };
	int n = 0;
	switch (wfc_cli_parse(spec, argc, argv, &o, &n)) {
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, spec, NULL);
		return WFC_EXIT_OK;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, spec);
		return WFC_EXIT_USAGE;
	case WFC_CLI_OK:
		break;
	}
	if (!n) {
		wfc_cli_error("no workflow name given");
		wfc_cli_usage_hint(stderr, spec);
		return WFC_EXIT_USAGE;
	}
	int rc = WFC_EXIT_OK;
	for (int i = 0; i < n; i++) {
		char err[512] = "";
		int r = wfc_control_send(argv[i], cmd, err, sizeof(err));
		if (r == 0) {
			printf("workflow %s %s\n", argv[i], done);
			continue;
		}
		/* the cluster branch goes here: a workflow that is not a local run */
		if (r > 0)
			wfc_cli_error("no local run named '%s' is running on this host (the cluster "
				      "runner is not in this version)", argv[i]);
		else
			wfc_cli_error("workflow '%s': %s", argv[i], err);
		rc = WFC_EXIT_FINDINGS;
	}
	return rc;
}

int wfc_cmd_resume(int argc, char **argv)
{
	return wfc_cli_control_runs(&wfc_resume_spec, argc, argv, WFC_CONTROL_RESUME, "resumed");
}
