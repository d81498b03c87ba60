/* wfc stop NAME: stops a running workflow with Argo's Stop strategy:
 * running steps are ended, nothing new starts except exit handlers, which
 * run; the workflow ends Failed ("Stopped with strategy 'Stop'"). Reaches
 * local runs as `wfc resume` does (cli/cmd_resume.c). */
#include <stdio.h>
#include <stddef.h>

#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "runtime/control.h"

static const struct wfc_cli_opt stop_opts[] = {
	WFC_CLI_KUBE_OPTS(struct wfc_cli_control_opts),
};

const struct wfc_cli_spec wfc_stop_spec = {
	.name = "stop",
	.operands = "NAME...",
	.summary = "stop a running workflow; its exit handlers still run",
	.description =
		"Stops workflow NAME as 'argo stop' does: its running steps are ended\n"
		"and no step starts any more except the exit handlers, which run; the\n"
		"workflow ends Failed with \"Stopped with strategy 'Stop'\". NAME is a\n"
		"run of 'wfc run --local' on this host by this user, else a run on the\n"
		"cluster.\n",
	.opts = stop_opts,
	.nopts = sizeof(stop_opts) / sizeof(stop_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc stop nightly-build\n"
		"\n"
		"exit status:\n"
		"  0  stop asked\n"
		"  1  no run of that name is running\n"
		"  2  wrong options\n",
};

int wfc_cmd_stop(int argc, char **argv)
{
	return wfc_cli_control_runs(&wfc_stop_spec, argc, argv, WFC_CONTROL_STOP, "stopped");
}
