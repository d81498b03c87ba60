/* wfc exec: the output wrapper of a step's main container (runtime/wrapper.h).
 * The same command is the whole of the static wfc-exec program that an init
 * container copies into the step's pod (wfc install), so this file uses
 * nothing but the option parser and the wrapper. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "runtime/wrapper.h"
#include "support/xalloc.h"

struct exec_opts {
	struct wfc_cli_list outputs;   /* NAME=PATH */
	const char *termination_path;
};

#define OFF(field) offsetof(struct exec_opts, field)

static const struct wfc_cli_opt exec_opts[] = {
	{ .name = "output", .type = WFC_CLI_LIST, .offset = OFF(outputs), .metavar = "NAME=PATH",
	  .help = "after the command ends, report the file PATH as output parameter NAME; repeatable" },
	{ .name = "termination-path", .type = WFC_CLI_STRING, .offset = OFF(termination_path),
	  .metavar = "PATH",
	  .help = "where the report goes (default /dev/termination-log, the container's "
		  "terminationMessagePath)" },
};

const struct wfc_cli_spec wfc_exec_spec = {
	.name = "exec",
	.operands = "-- COMMAND [ARG...]",
	.summary = "run a step's command and report its output files (inside a pod)",
	.description =
		"Runs COMMAND with its arguments, forwarding the signals that stop a\n"
		"container to it, then writes the files named by --output into the\n"
		"container's termination message, where the coordinator reads them.\n"
		"'wfc compile' wraps the main container of a step that has several\n"
		"output parameters in it; an init container copies it into the pod.\n",
	.opts = exec_opts,
	.nopts = sizeof(exec_opts) / sizeof(exec_opts[0]),
	.epilogue =
		"exit status:\n"
		"  the command's own; 128+N when signal N ended it\n"
		"  126  the command could not be run, 127 it was not found\n"
		"  2    wrong options\n",
};

int wfc_cmd_exec(int argc, char **argv)
{
	struct exec_opts o = { .termination_path = "/dev/termination-log" };
	struct wfc_wrapper_output *outs = NULL;
	int nops = 0, rc = WFC_EXIT_USAGE;

	switch (wfc_cli_parse(&wfc_exec_spec, argc, argv, &o, &nops)) {
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, &wfc_exec_spec, NULL);
		rc = WFC_EXIT_OK;
		goto err_out;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, &wfc_exec_spec);
		goto err_out;
	case WFC_CLI_OK:
		break;
	}
	if (nops == 0) {
		wfc_cli_error("no command given");
		wfc_cli_usage_hint(stderr, &wfc_exec_spec);
		goto err_out;
	}
	outs = wfc_xmalloc((o.outputs.n ? o.outputs.n : 1) * sizeof(*outs));
	for (size_t i = 0; i < o.outputs.n; i++) {
		const char *s = o.outputs.v[i], *eq = strchr(s, '=');
		if (!eq || eq == s || !eq[1]) {
			wfc_cli_error("invalid value '%s' for '--output': expected NAME=PATH", s);
			wfc_cli_usage_hint(stderr, &wfc_exec_spec);
			goto err_out;
		}
		/* argv's strings are ours to cut */
		*(char *)eq = 0;
		outs[i].name = s;
		outs[i].path = eq + 1;
	}
	char **cmd = wfc_xmalloc(((size_t)nops + 1) * sizeof(*cmd));
	memcpy(cmd, argv, (size_t)nops * sizeof(*cmd));
	cmd[nops] = NULL;
	fflush(stdout);
	rc = wfc_wrapper_run(outs, o.outputs.n, cmd, o.termination_path, WFC_WRAPPER_BUDGET);
	free(cmd);
err_out:
	free(outs);
	wfc_cli_free(&wfc_exec_spec, &o);
	return rc;
}
