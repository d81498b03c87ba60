/*
 * The credentials of a kubeconfig user, as each request needs them:
 * a static token or basic auth, a tokenFile (read again when it changes,
 * at least every minute, and after a 401), client certificates, and exec
 * credential plugins (client.authentication.k8s.io/v1 and v1beta1) whose
 * ExecCredential is cached until its expirationTimestamp and fetched again
 * after a 401.
 *
 * An exec plugin gets wfc's environment plus its kubeconfig env, and
 * KUBERNETES_EXEC_INFO with the apiVersion, spec.interactive and, with
 * provideClusterInfo, spec.cluster. Interactive (interactiveMode Always,
 * or IfAvailable with a terminal on stdin): the plugin shares wfc's stdin
 * and stderr, so it can prompt. Otherwise its stdin is /dev/null and its
 * stderr is kept for the error message when it fails; it has a minute to
 * answer.
 */
#ifndef WFC_RUNTIME_KUBEAUTH_H
#define WFC_RUNTIME_KUBEAUTH_H
#include <stdbool.h>
#include <stddef.h>

#include "runtime/kubeconfig.h"

/* Time, injectable for tests: monotonic seconds (timeouts, backoff),
 * wall-clock seconds since the epoch (credential expiry), and a sleep. */
struct wfc_kube_clock {
	double (*mono)(void *ud);
	double (*wall)(void *ud);
	void (*sleep)(void *ud, double seconds);
	void *ud;
};

/* The process's clocks and nanosleep. */
const struct wfc_kube_clock *wfc_kube_clock_real(void);

struct wfc_kube_auth;

/* What a request carries; pointers valid until the next get or invalidate. */
struct wfc_kube_creds {
	const char *authorization;   /* "Bearer ..." / "Basic ...", or NULL */
	const char *cert_pem, *key_pem;  /* client certificate, or NULL */
	size_t cert_len, key_len;
};

/* cfg must outlive the result; clock NULL: the real one. */
struct wfc_kube_auth *wfc_kube_auth_create(const struct wfc_kubeconfig *cfg,
					   const struct wfc_kube_clock *clock);
void wfc_kube_auth_destroy(struct wfc_kube_auth *a);

/* 0, or -1 with a message (the token file cannot be read, the plugin
 * failed or printed no valid ExecCredential). */
int wfc_kube_auth_get(struct wfc_kube_auth *a, struct wfc_kube_creds *out,
		      char *err, size_t errlen);

/* After a 401: true when something can be fetched again (a token file, an
 * exec plugin), which the next get then does; false when retrying the
 * same credentials is pointless. */
bool wfc_kube_auth_invalidate(struct wfc_kube_auth *a);

/* How many times the exec plugin ran (tests, diagnostics). */
unsigned wfc_kube_auth_exec_runs(const struct wfc_kube_auth *a);

#endif
