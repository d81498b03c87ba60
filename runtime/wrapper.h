/* The output wrapper of a step's main container (`wfc exec`). A finished
 * container tells the cluster nothing but its exit code, its log and its
 * termination message, so a step with several output parameters runs as
 * `wfc exec --output NAME=PATH ... -- COMMAND ARGS...`: the wrapper runs the
 * command, then writes every output file into the termination message in
 * the format below, which the coordinator reads back with
 * wfc_wrapper_parse. The format is defined here once, for both sides:
 *
 *   wfc-exec 1                  first line, the version
 *   output NAME LEN             then LEN bytes of the file, then a newline
 *   missing NAME                the file did not exist (the parameter's
 *                               default applies, as in Argo)
 *   truncated NAME SIZE         the file (SIZE bytes) did not fit in the
 *                               message's budget
 *
 * Kubernetes keeps at most 4 KiB of a container's termination message, so
 * that is the default budget; the parts that do not fit are named, never
 * cut silently. The wrapper uses no library beyond libc, so it links
 * statically and runs in any image. */
#ifndef WFC_RUNTIME_WRAPPER_H
#define WFC_RUNTIME_WRAPPER_H
#include <stddef.h>

#define WFC_WRAPPER_BUDGET 4096

struct wfc_wrapper_output {
	const char *name;
	const char *path;
};

/* Runs argv (argv[0] looked up on PATH) as a child, forwarding the signals
 * that stop a container (TERM, INT, HUP, QUIT, USR1, USR2) to it, then writes
 * the report of outs to termination_path within budget bytes. Returns the
 * wrapper's exit status: the command's own, 128 + N when signal N ended it,
 * 127 when it could not be found, 126 when it could not be run (a message on
 * stderr for these two, and for a report that could not be written). */
int wfc_wrapper_run(const struct wfc_wrapper_output *outs, size_t n, char *const *argv,
		    const char *termination_path, size_t budget);

/* The report as text: what wfc_wrapper_run writes, for n outputs whose
 * file contents are values[i] (lengths lens[i]; NULL: missing). The caller
 * frees the result; *len is its length (it may hold NUL bytes). */
char *wfc_wrapper_format(const struct wfc_wrapper_output *outs, const char *const *values,
			 const size_t *lens, size_t n, size_t budget, size_t *len);

enum wfc_wrapper_state {
	WFC_WRAPPER_VALUE,
	WFC_WRAPPER_MISSING,
	WFC_WRAPPER_TRUNCATED,
};

struct wfc_wrapper_entry {
	char *name;
	char *value;        /* NUL-terminated; NULL unless state is VALUE */
	size_t len;
	size_t size;        /* TRUNCATED: the file's size */
	enum wfc_wrapper_state state;
};

struct wfc_wrapper_report {
	struct wfc_wrapper_entry *v;
	size_t n;
};

/* Parses a termination message. 0, or -1 with a lowercase message in err
 * when msg is not a report of this format (out is then empty). */
int wfc_wrapper_parse(const char *msg, size_t len, struct wfc_wrapper_report *out, char *err,
		      size_t errlen);
/* The entry named name, or NULL. */
const struct wfc_wrapper_entry *wfc_wrapper_find(const struct wfc_wrapper_report *r,
						 const char *name);
void wfc_wrapper_report_free(struct wfc_wrapper_report *r);

#endif
