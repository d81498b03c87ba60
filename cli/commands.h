/* The commands of the wfc program, one file each (cli/cmd_NAME.c): a spec
 * of its options for help and parsing, and a function that runs it with
 * argv[0] the command's name and returns the exit status. main.c lists them
 * in its command table. */
#ifndef WFC_CLI_COMMANDS_H
#define WFC_CLI_COMMANDS_H
#include "cli/options.h"
#include "cli/kube_cli.h"
#include "runtime/control.h"

extern const struct wfc_cli_spec wfc_validate_spec;
int wfc_cmd_validate(int argc, char **argv);
extern const struct wfc_cli_spec wfc_compile_spec;
int wfc_cmd_compile(int argc, char **argv);
extern const struct wfc_cli_spec wfc_graph_spec;
int wfc_cmd_graph(int argc, char **argv);
extern const struct wfc_cli_spec wfc_run_spec;
int wfc_cmd_run(int argc, char **argv);
extern const struct wfc_cli_spec wfc_coordinate_spec;
int wfc_cmd_coordinate(int argc, char **argv);
extern const struct wfc_cli_spec wfc_get_spec;
int wfc_cmd_get(int argc, char **argv);
extern const struct wfc_cli_spec wfc_logs_spec;
int wfc_cmd_logs(int argc, char **argv);
extern const struct wfc_cli_spec wfc_delete_spec;
int wfc_cmd_delete(int argc, char **argv);
extern const struct wfc_cli_spec wfc_exec_spec;
int wfc_cmd_exec(int argc, char **argv);
extern const struct wfc_cli_spec wfc_install_spec;
int wfc_cmd_install(int argc, char **argv);
extern const struct wfc_cli_spec wfc_resume_spec;
int wfc_cmd_resume(int argc, char **argv);
extern const struct wfc_cli_spec wfc_stop_spec;
int wfc_cmd_stop(int argc, char **argv);

/* The options of `wfc resume` and `wfc stop`: the cluster's
 * (cli/kube_cli.h). */
struct wfc_cli_control_opts {
	struct wfc_cli_kube kube;
};

/* `wfc resume` and `wfc stop`: sends cmd to the runs named by the
 * operands; done is the word printed for each ("resumed"). */
int wfc_cli_control_runs(const struct wfc_cli_spec *spec, int argc, char **argv,
			 enum wfc_control_cmd cmd, const char *done);

#endif
