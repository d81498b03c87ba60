/* The commands of the wfc program, one file each (cli/cmd_NAME.c): a spec
 * of its options for help and parsing, and a function that runs it with
 * argv[0] the command's name and returns the exit status. main.c lists them
 * in its command table. */
#ifndef WFC_CLI_COMMANDS_H
#define WFC_CLI_COMMANDS_H
#include "cli/options.h"
#include "runtime/control.h"

extern const struct wfc_cli_spec wfc_validate_spec;
int wfc_cmd_validate(int argc, char **argv);
extern const struct wfc_cli_spec wfc_compile_spec;
int wfc_cmd_compile(int argc, char **argv);
extern const struct wfc_cli_spec wfc_graph_spec;
int wfc_cmd_graph(int argc, char **argv);
extern const struct wfc_cli_spec wfc_run_spec;
int wfc_cmd_run(int argc, char **argv);
extern const struct wfc_cli_spec wfc_resume_spec;
int wfc_cmd_resume(int argc, char **argv);
extern const struct wfc_cli_spec wfc_stop_spec;
int wfc_cmd_stop(int argc, char **argv);

/* `wfc resume` and `wfc stop`: sends cmd to the runs named by the
 * operands; done is the word printed for each ("resumed"). */
int wfc_cli_control_runs(const struct wfc_cli_spec *spec, int argc, char **argv,
			 enum wfc_control_cmd cmd, const char *done);

#endif
