/* The wfc program: "wfc COMMAND [OPTIONS] ARGS", git style. This file only
 * dispatches to the commands of its table; each command parses its own
 * options and calls the library. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

struct command {
	const struct wfc_cli_spec *spec;
	int (*run)(int argc, char **argv);
};

/* One entry per cli/cmd_NAME.c, in the order "wfc --help" lists them. */
static const struct command commands[] = {
	{ &wfc_validate_spec, wfc_cmd_validate },
	{ &wfc_compile_spec, wfc_cmd_compile },
	{ &wfc_graph_spec, wfc_cmd_graph },
	{ &wfc_run_spec, wfc_cmd_run },
	{ &wfc_coordinate_spec, wfc_cmd_coordinate },
	{ &wfc_get_spec, wfc_cmd_get },
	{ &wfc_logs_spec, wfc_cmd_logs },
	{ &wfc_delete_spec, wfc_cmd_delete },
	{ &wfc_exec_spec, wfc_cmd_exec },
	{ &wfc_install_spec, wfc_cmd_install },
	{ &wfc_resume_spec, wfc_cmd_resume },
	{ &wfc_stop_spec, wfc_cmd_stop },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char *const global_options[] = { "help", "version", NULL };

static void usage_hint(FILE *f)
{
	fputs("usage: wfc [--version] [--help] COMMAND [ARGS]\n"
	      "run 'wfc --help' for the commands\n", f);
}

static void help(FILE *f)
{
	fputs("usage: wfc [--version] [--help] COMMAND [ARGS]\n"
	      "\n"
	      "wfc reads Argo Workflows YAML (Workflow, WorkflowTemplate,\n"
	      "ClusterWorkflowTemplate, CronWorkflow), checks it, compiles it into\n"
	      "plain Kubernetes Jobs and runs it: on a cluster with no Argo\n"
	      "installed, or on this host; get, logs and delete look after the\n"
	      "runs on a cluster.\n"
	      "\n"
	      "commands:\n", f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-12s%s\n", commands[i].spec->name,
			commands[i].spec->summary);
	fputs("\n"
	      "options:\n"
	      "  -h, --help     show this help and exit\n"
	      "      --version  print the version and exit\n"
	      "\n"
	      "run 'wfc help COMMAND' or 'wfc COMMAND --help' for a command's\n"
	      "options\n", f);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].spec->name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Says why name is not a command; returns the exit status. */
static int unknown_command(const char *name)
{
	const char *names[NCOMMANDS + 2];
	size_t k = 0;

	for (size_t i = 0; i < NCOMMANDS; i++)
		names[k++] = commands[i].spec->name;
	names[k++] = "help";
	names[k] = NULL;
	const char *near = wfc_cli_suggest(name, names);
	if (near)
		wfc_cli_error("unknown command '%s'; did you mean '%s'?", name,
			      near);
	else
		wfc_cli_error("unknown command '%s'", name);
	usage_hint(stderr);
	return WFC_EXIT_USAGE;
}

static int unknown_option(const char *arg)
{
	const char *near = NULL;

	if (arg[1] == '-')
		near = wfc_cli_suggest(arg + 2, global_options);
	if (near)
		wfc_cli_error("unknown option '%s'; did you mean '--%s'?", arg,
			      near);
	else
		wfc_cli_error("unknown option '%s'", arg);
	usage_hint(stderr);
	return WFC_EXIT_USAGE;
}

/* wfc help [COMMAND] */
static int help_command(int argc, char **argv)
{
	if (argc < 3 || strcmp(argv[2], "help") == 0) {
		help(stdout);
		return WFC_EXIT_OK;
	}
	if (argc > 3) {
		wfc_cli_error("'help' takes one command, not %d", argc - 2);
		usage_hint(stderr);
		return WFC_EXIT_USAGE;
	}
	const struct command *c = find_command(argv[2]);
	if (!c)
		return unknown_command(argv[2]);
	/* The command prints its own help: it knows its defaults. */
	char *args[] = { argv[2], "--help", NULL };
	return c->run(2, args);
}

static int dispatch(int argc, char **argv)
{
	if (argc < 2) {
		wfc_cli_error("no command given");
		usage_hint(stderr);
		return WFC_EXIT_USAGE;
	}
	const char *arg = argv[1];
	if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
		help(stdout);
		return WFC_EXIT_OK;
	}
	if (strcmp(arg, "--version") == 0) {
		printf("wfc %s\n", WFC_VERSION);
		return WFC_EXIT_OK;
	}
	if (strcmp(arg, "help") == 0)
		return help_command(argc, argv);
	if (arg[0] == '-')
		return unknown_option(arg);
	const struct command *c = find_command(arg);
	if (!c)
		return unknown_command(arg);
	return c->run(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	int rc = dispatch(argc, argv);

	if (fflush(stdout) != 0 || ferror(stdout)) {
		wfc_cli_error("cannot write to standard output");
		return WFC_EXIT_USAGE;
	}
	return rc;
}
