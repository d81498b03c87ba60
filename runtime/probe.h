/* A container's readinessProbe run on this host, for daemon steps of the
 * local executor: httpGet (libcurl) and tcpSocket against 127.0.0.1 (or the
 * probe's host) and the port (a number, or a name of the container's
 * ports), exec as a process that joins the step's mount namespace (so it
 * sees the step's private /tmp) with the step's environment, in its work
 * directory.
 *
 * Probing starts at once and repeats every periodSeconds, at most every
 * 0.2 s: a local run does not wait initialDelaySeconds. A probe attempt
 * lasts at most timeoutSeconds; exec probes run in the background (polled),
 * network probes block for at most that long. Ready after
 * successThreshold passes in a row. */
#ifndef WFC_RUNTIME_PROBE_H
#define WFC_RUNTIME_PROBE_H
#include <stddef.h>
#include <sys/types.h>

#include "runtime/plan.h"

/* The step a probe looks at. */
struct wfc_probe_target {
	pid_t pid;                   /* its leader: the namespaces to join */
	const char *workdir;         /* host paths of its work and tmp dirs */
	const char *tmpdir;
	const char *const *env;      /* NAME=VALUE, NULL-terminated */
};

struct wfc_probe;

/* Copies what it needs of p, the container's ports and t. NULL when p has
 * no probe (ready as soon as it runs); *err set when the probe cannot be
 * run here (a port name the container does not have). */
struct wfc_probe *wfc_probe_create(const struct wfc_rt_probe *p,
				   const struct wfc_rt_container *c,
				   const struct wfc_probe_target *t, char *err, size_t errlen);
/* 1 once ready, 0 not yet; does not block longer than one network attempt. */
int wfc_probe_poll(struct wfc_probe *pr);
void wfc_probe_destroy(struct wfc_probe *pr);

#endif
