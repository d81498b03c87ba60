/* wfc validate: reads the inputs, runs every check and prints the findings
 * in one format on standard output, so that "> report.sarif" keeps them.
 * The summary line (text format) goes to standard error. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "wfc.h"

enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct validate_opts {
	struct wfc_cfg cfg;  /* limits and allow_missing_templates are set directly */
	int format;          /* enum wfc_format: the choices are in its order */
	int color;           /* enum color */
	int dump_ir;         /* index in wfc_pass_names(), or -1 */
	bool strict;
	bool quiet;
	struct wfc_cli_list templates;
};

static const char *const format_names[] = { "text", "json", "sarif", "github",
					    NULL };
static const char *const color_names[] = { "auto", "always", "never", NULL };

#define OFF(field) offsetof(struct validate_opts, field)

static const struct wfc_cli_opt validate_opts[] = {
	{ .name = "format", .short_name = 'f', .type = WFC_CLI_CHOICE,
	  .offset = OFF(format), .metavar = "FORMAT", .help = "output format",
	  .choices = format_names },
	{ .name = "strict", .type = WFC_CLI_FLAG, .offset = OFF(strict),
	  .help = "fail (exit 1) on warnings too" },
	{ .name = "templates", .short_name = 't', .type = WFC_CLI_LIST,
	  .offset = OFF(templates), .metavar = "DIR",
	  .help = "also read the templates under DIR (a directory or a file) "
		  "to resolve templateRef and workflowTemplateRef; "
		  "repeatable" },
	{ .name = "allow-missing-templates", .type = WFC_CLI_FLAG,
	  .offset = OFF(cfg.allow_missing_templates),
	  .help = "a templateRef or workflowTemplateRef that does not resolve "
		  "is a warning, not an error (templates that live in the "
		  "cluster)" },
	{ .name = "dump-ir", .type = WFC_CLI_CHOICE, .offset = OFF(dump_ir),
	  .metavar = "PASS",
	  .help = "print the intermediate representation after PASS on "
		  "standard error",
	  .choices_fn = wfc_pass_names },
	{ .name = "color", .type = WFC_CLI_CHOICE, .offset = OFF(color),
	  .metavar = "WHEN",
	  .help = "colour the text output; auto: when standard output is a "
		  "terminal, NO_COLOR is unset or empty and TERM is not "
		  "'dumb'; --color alone means always",
	  .choices = color_names, .implicit = "always" },
	{ .name = "quiet", .short_name = 'q', .type = WFC_CLI_FLAG,
	  .offset = OFF(quiet), .help = "no summary line on standard error" },
	{ .name = "max-file-size", .type = WFC_CLI_SIZE,
	  .offset = OFF(cfg.limits.max_file_size), .metavar = "BYTES",
	  .help = "largest input read" },
	{ .name = "max-depth", .type = WFC_CLI_UINT,
	  .offset = OFF(cfg.limits.max_depth), .metavar = "N",
	  .help = "deepest nesting of mappings and sequences" },
	{ .name = "max-documents", .type = WFC_CLI_SIZE,
	  .offset = OFF(cfg.limits.max_documents), .metavar = "N",
	  .help = "most YAML documents in one input" },
	{ .name = "max-alias-nodes", .type = WFC_CLI_SIZE,
	  .offset = OFF(cfg.limits.max_alias_nodes), .metavar = "N",
	  .help = "most nodes reached through YAML aliases in one document" },
};

const struct wfc_cli_spec wfc_validate_spec = {
	.name = "validate",
	.operands = "FILE...",
	.summary = "check workflows and report every problem found",
	.description =
		"Checks Argo Workflows documents (Workflow, WorkflowTemplate,\n"
		"ClusterWorkflowTemplate, CronWorkflow) and reports every problem\n"
		"found. FILE is a file, a directory (read recursively: *.yaml, *.yml\n"
		"and *.json files) or - for standard input.\n",
	.opts = validate_opts,
	.nopts = sizeof(validate_opts) / sizeof(validate_opts[0]),
	.epilogue =
		"Findings go to standard output, in text format as\n"
		"'file:line:col: severity: message [rule]' with the source line.\n"
		"In text format a summary line goes to standard error (not with -q).\n"
		"\n"
		"exit status:\n"
		"  0  no errors (and no warnings, with --strict)\n"
		"  1  errors found, or warnings with --strict\n"
		"  2  wrong options, or an input could not be read\n",
};

static bool want_color(int color)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (color != COLOR_AUTO)
		return color == COLOR_ALWAYS;
	if (no_color && *no_color)
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO) == 1;
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* "wf.yaml: 2 errors, 1 warning" for one input file, else
 * "3 files: 2 errors, 0 warnings". */
static void print_summary(const struct wfc_sources *src, size_t first,
			  const struct wfc_diags *d)
{
	size_t files = src->n > first ? src->n - first : 0;

	if (files == 1)
		fprintf(stderr, "%s: ", src->v[first].name);
	else
		fprintf(stderr, "%zu files: ", files);
	fprintf(stderr, "%zu error%s, %zu warning%s\n", d->errors,
		plural(d->errors), d->warnings, plural(d->warnings));
}

int wfc_cmd_validate(int argc, char **argv)
{
	struct validate_opts o = { .format = WFC_FORMAT_TEXT,
				   .color = COLOR_AUTO, .dump_ir = -1 };
	struct wfc_ctx *ctx = NULL;
	struct wfc_diags *d;
	size_t first;
	int nfiles = 0, rc = WFC_EXIT_USAGE;
	bool have_stdin = false;

	wfc_cfg_default(&o.cfg);
	struct validate_opts defaults = o;
	if (!wfc_cli_parse_files(&wfc_validate_spec, argc, argv, &o, &defaults, &nfiles, &rc))
		goto err_out;
	for (int i = 0; i < nfiles; i++) {
		if (strcmp(argv[i], "-") != 0)
			continue;
		if (have_stdin) {
			wfc_cli_error("standard input ('-') given more than once");
			goto err_out;
		}
		have_stdin = true;
	}
	if (o.dump_ir >= 0)
		o.cfg.dump_ir = wfc_pass_names()[o.dump_ir];

	ctx = wfc_ctx_create(&o.cfg);
	if (!ctx) {
		wfc_cli_error("cannot create a compilation context");
		goto err_out;
	}
	for (size_t i = 0; i < o.templates.n; i++)
		wfc_add_path(ctx, o.templates.v[i], true);
	/* The inputs' sources follow the templates': counted for the summary. */
	first = wfc_ctx_sources(ctx)->n;
	for (int i = 0; i < nfiles; i++)
		wfc_add_path(ctx, argv[i], false);
	wfc_validate(ctx);

	d = wfc_ctx_diags(ctx);
	struct wfc_print_opts po = {
		.format = (enum wfc_format)o.format,
		.color = o.format == WFC_FORMAT_TEXT && want_color(o.color),
		.tool_version = WFC_VERSION,
	};
	if (wfc_diags_print(stdout, d, wfc_ctx_sources(ctx), &po) != 0) {
		wfc_cli_error("cannot write the findings to standard output");
		goto err_out;
	}
	if (o.format == WFC_FORMAT_TEXT && !o.quiet)
		print_summary(wfc_ctx_sources(ctx), first, d);

	if (wfc_ctx_read_failures(ctx) > 0)
		rc = WFC_EXIT_USAGE;
	else if (d->errors > 0 || (o.strict && d->warnings > 0))
		rc = WFC_EXIT_FINDINGS;
	else
		rc = WFC_EXIT_OK;
err_out:
	if (ctx)
		wfc_ctx_destroy(ctx);
	wfc_cli_free(&wfc_validate_spec, &o);
	return rc;
}
