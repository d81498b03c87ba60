/* The control point of a local run: how `wfc resume NAME` and `wfc stop
 * NAME` reach the `wfc run --local` that runs workflow NAME.
 *
 * A directory per run, $XDG_RUNTIME_DIR/wfc/runs/NAME, or
 * ${TMPDIR:-/tmp}/wfc-UID/runs/NAME (made 0700 and refused when another
 * user owns it), holding `pid` (the running wfc) and `control`, a FIFO the
 * run reads commands from, one a line. The run polls the FIFO's descriptor
 * next to its steps', so nothing is polled on a timer. The directory goes
 * when the run ends; one left by a run that died (its pid gone) is stale
 * and taken over or removed. */
#ifndef WFC_RUNTIME_CONTROL_H
#define WFC_RUNTIME_CONTROL_H
#include <stdbool.h>
#include <stddef.h>

enum wfc_control_cmd {
	WFC_CONTROL_NONE,
	WFC_CONTROL_RESUME,
	WFC_CONTROL_STOP,
};

struct wfc_control;

/* Claims the control point of run name. NULL with a message in err when
 * another live run has it (*busy set) or it cannot be made. */
struct wfc_control *wfc_control_open(const char *name, bool *busy, char *err, size_t errlen);
/* Removes the control point. NULL is fine. */
void wfc_control_close(struct wfc_control *c);
/* Readable (POLLIN) when a command may have come. */
int wfc_control_fd(const struct wfc_control *c);
/* The next command that came, or WFC_CONTROL_NONE; does not block. */
enum wfc_control_cmd wfc_control_read(struct wfc_control *c);

/* Sends cmd to the live local run name: 0 sent; 1 no such run is running
 * (a stale control point is removed); -1 with a message in err. */
int wfc_control_send(const char *name, enum wfc_control_cmd cmd, char *err, size_t errlen);

#endif
