/* Workflow arguments on the command line, for every command that compiles
 * or runs a workflow: -p NAME=VALUE and --parameter-file FILE, both
 * repeatable. A -p wins over a parameter file, whatever their order. */
#ifndef WFC_CLI_PARAMS_H
#define WFC_CLI_PARAMS_H
#include <stddef.h>

#include "cli/options.h"
#include "wfc.h"

/* The options every command that compiles takes for its inputs, for the
 * command's option table; its option struct names the fields params,
 * param_files and templates (struct wfc_cli_list each). */
#define WFC_CLI_INPUT_OPTS(T)                                                   \
	{ .name = "parameter", .short_name = 'p', .type = WFC_CLI_LIST,            \
	  .offset = offsetof(T, params), .metavar = "NAME=VALUE",               \
	  .help = "a workflow parameter; repeatable" },                            \
	{ .name = "parameter-file", .type = WFC_CLI_LIST,                          \
	  .offset = offsetof(T, param_files), .metavar = "FILE",                \
	  .help = "workflow parameters from a YAML or JSON mapping" },             \
	{ .name = "templates", .short_name = 't', .type = WFC_CLI_LIST,            \
	  .offset = offsetof(T, templates), .metavar = "DIR",                   \
	  .help = "also read the templates under DIR to resolve templateRef and "  \
		  "workflowTemplateRef; repeatable" }

/* How the objects are made, for compile and run; the option struct names
 * the fields runtime_image, coordinator_sa (const char *) and job_creation
 * (int: 0 eager, 1 lazy). */
extern const char *const wfc_cli_job_creation_names[];
#define WFC_CLI_BUNDLE_OPTS(T)                                                     \
	{ .name = "runtime-image", .type = WFC_CLI_STRING,                         \
	  .offset = offsetof(T, runtime_image), .metavar = "IMAGE",             \
	  .help = "image of the coordinator (default ghcr.io/wfc-dev/wfc:" WFC_VERSION ")" }, \
	{ .name = "coordinator-service-account", .type = WFC_CLI_STRING,           \
	  .offset = offsetof(T, coordinator_sa), .metavar = "NAME",             \
	  .help = "run the coordinator as NAME and emit no ServiceAccount, Role or " \
		  "RoleBinding" },                                                 \
	{ .name = "job-creation", .type = WFC_CLI_CHOICE,                          \
	  .offset = offsetof(T, job_creation), .metavar = "WHEN",               \
	  .help = "eager: every Job up front, suspended; lazy: the coordinator "    \
		  "creates each Job when it may run (for Kueue and GitOps controllers)", \
	  .choices = wfc_cli_job_creation_names }

struct wfc_cli_params {
	struct wfc_arg *v;  /* the files' arguments, then the -p ones */
	size_t n;
	struct wfc_arg *p;  /* the -p ones (names malloc'd) */
	size_t np;
};

/* Before any input is read: the -p values. Returns 0, or -1 after a
 * message for a value that is not NAME=VALUE. */
int wfc_cli_params_parse(struct wfc_cli_params *a, const struct wfc_cli_list *p);
/* After the inputs are added: reads the parameter files into ctx (one that
 * cannot be read is a finding and a read failure of ctx) and fills v. */
void wfc_cli_params_read(struct wfc_cli_params *a, struct wfc_ctx *ctx,
			 const struct wfc_cli_list *files);
void wfc_cli_params_free(struct wfc_cli_params *a);

/* For the commands that compile: a context with the templates, the files
 * and the parameter files read and validated. Findings with errors are
 * printed (text, on standard error) and NULL is returned with *rc the exit
 * status; otherwise the context, its warnings not printed yet. */
struct wfc_ctx *wfc_cli_load(const struct wfc_cfg *cfg, const struct wfc_cli_list *templates,
			     char **files, int nfiles, struct wfc_cli_params *params,
			     const struct wfc_cli_list *param_files, int *rc);

#endif
