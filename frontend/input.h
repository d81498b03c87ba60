/* Reading inputs: files, directories (recursively, sorted) and "-" for
 * standard input, each handed over whole to a callback. */
#ifndef WFC_INPUT_H
#define WFC_INPUT_H
#include <stdbool.h>
#include <stddef.h>

#include "support/diag.h"

/* Called once per file read; text is malloc'd and NUL-terminated, and the
 * callback takes ownership of it. name is the path as the user would write it. */
typedef void (*wfc_input_fn)(void *user, const char *name, char *text, size_t len);

/* Returns the number of inputs that could not be read (each one a diagnostic
 * of rule io, or limit when larger than max_size). */
size_t wfc_read_path(struct wfc_diags *d, const char *path, size_t max_size,
		     wfc_input_fn fn, void *user);

#endif
