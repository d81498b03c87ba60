/* wfc graph: the workflows as pictures for reviewers, Graphviz DOT or
 * Mermaid on standard output; findings on standard error. */
#include <stdio.h>
#include <stddef.h>

#include "cli/commands.h"
#include "cli/params.h"
#include "wfc.h"

struct graph_opts {
	struct wfc_cfg cfg;
	int format;                    /* enum wfc_graph_format */
	const char *name;
	struct wfc_cli_list params;    /* NAME=VALUE */
	struct wfc_cli_list param_files;
	struct wfc_cli_list templates;
};

/* in the order of enum wfc_graph_format */
static const char *const format_names[] = { "dot", "mermaid", NULL };

#define OFF(field) offsetof(struct graph_opts, field)

static const struct wfc_cli_opt graph_opts[] = {
	{ .name = "format", .short_name = 'f', .type = WFC_CLI_CHOICE, .offset = OFF(format),
	  .metavar = "FORMAT", .help = "dot: Graphviz; mermaid: a Mermaid flowchart",
	  .choices = format_names },
	{ .name = "name", .type = WFC_CLI_STRING, .offset = OFF(name), .metavar = "NAME",
	  .help = "name of the run, on the root node (default: as compile names it)" },
	WFC_CLI_INPUT_OPTS(struct graph_opts),
	{ .name = "allow-missing-templates", .type = WFC_CLI_FLAG,
	  .offset = OFF(cfg.allow_missing_templates),
	  .help = "an unresolved templateRef is a warning, and its step is left out" },
};

const struct wfc_cli_spec wfc_graph_spec = {
	.name = "graph",
	.operands = "FILE...",
	.summary = "print the workflows as Graphviz DOT or Mermaid",
	.description =
		"Checks the inputs as 'wfc validate' does, then prints each Workflow\n"
		"and CronWorkflow as a graph: one node per step, task and loop item of\n"
		"a run (withParam and recursion, which only the run expands, as one\n"
		"dashed node), edges in the order they run, exit handlers and hooks\n"
		"after dashed edges. Parameters bind as for 'wfc compile'.\n",
	.opts = graph_opts,
	.nopts = sizeof(graph_opts) / sizeof(graph_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc graph wf.yaml | dot -Tsvg > wf.svg\n"
		"  wfc graph --format mermaid -p message=hi wf.yaml\n"
		"\n"
		"exit status:\n"
		"  0  graphs printed\n"
		"  1  errors in the inputs\n"
		"  2  wrong options, or an input could not be read\n",
};

int wfc_cmd_graph(int argc, char **argv)
{
	struct graph_opts o = { 0 };
	struct wfc_ctx *ctx = NULL;
	struct wfc_cli_params params = { 0 };
	int nfiles = 0, rc = WFC_EXIT_USAGE;

	wfc_cfg_default(&o.cfg);
	struct graph_opts defaults = o;
	if (!wfc_cli_parse_files(&wfc_graph_spec, argc, argv, &o, &defaults, &nfiles, &rc))
		goto err_out;
	if (wfc_cli_params_parse(&params, &o.params) != 0)
		goto err_out;

	ctx = wfc_cli_load(&o.cfg, &o.templates, argv, nfiles, &params, &o.param_files, &rc);
	if (!ctx)
		goto err_out;
	struct wfc_diags *d = wfc_ctx_diags(ctx);
	struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT, .tool_version = WFC_VERSION };
	struct wfc_compile_cfg cc = {
		.name = o.name,
		.args = params.v,
		.nargs = params.n,
	};
	size_t errors = wfc_graph(ctx, &cc, (enum wfc_graph_format)o.format, stdout);
	/* warnings of validation and the findings of building the plans */
	wfc_diags_print(stderr, d, wfc_ctx_sources(ctx), &po);
	rc = errors ? WFC_EXIT_FINDINGS : WFC_EXIT_OK;
err_out:
	wfc_cli_params_free(&params);
	if (ctx)
		wfc_ctx_destroy(ctx);
	wfc_cli_free(&wfc_graph_spec, &o);
	return rc;
}
