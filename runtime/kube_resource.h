/* Resource templates on a cluster: Argo's `resource` action (get, create,
 * apply, replace, patch, delete) done through the API, then its
 * successCondition / failureCondition watched, and its output parameters
 * (valueFrom.jsonPath, jqFilter ".") read from the object. Used by the kube
 * executor (runtime/kube_exec.h). */
#ifndef WFC_RUNTIME_KUBE_RESOURCE_H
#define WFC_RUNTIME_KUBE_RESOURCE_H
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "runtime/kube.h"

struct wfc_kres_opts {
	struct wfc_kube *client;
	const char *namespace;     /* the run's: objects without one go there */
	const cJSON *resource;     /* the template's `resource`, tags filled */
	const cJSON *outputs;      /* the template's outputs.parameters, or NULL */
	const cJSON *owner;        /* ownerReference for setOwnerReference, or NULL */
	const char *run_label;     /* wfc.dev/workflow of what it creates */
	const char *node_label;    /* wfc.dev/node of what it creates (finds it again) */
};

struct wfc_kres;

/* Does the action. NULL with a message in err when it failed; the node
 * then ends in Error (as Argo's does when kubectl fails). */
struct wfc_kres *wfc_kres_start(const struct wfc_kres_opts *o, char *err, size_t errlen);

enum wfc_kres_state { WFC_KRES_RUNNING, WFC_KRES_SUCCEEDED, WFC_KRES_FAILED, WFC_KRES_ERROR };

/* Reads the object again when its conditions need it (at most every
 * interval_s) and says where the node is; message (malloc'd, or NULL) and
 * values (one per outputs entry, malloc'd or NULL) are set once it ended. */
enum wfc_kres_state wfc_kres_poll(struct wfc_kres *r, double interval_s, char **message,
				  char ***values, size_t *nvalues);
void wfc_kres_free(struct wfc_kres *r);

/* Argo's condition syntax (a Kubernetes label selector whose keys are JSON
 * paths into the object): "status.succeeded > 2", "status.phase in (Failed,
 * Error)", "a = b, c != d". 1 matches, 0 does not, -1 bad syntax (message
 * in err). */
int wfc_kres_condition(const char *cond, const cJSON *obj, char *err, size_t errlen);

/* kubectl's JSONPath subset Argo's examples use: "{.metadata.name}",
 * "{.items[0].status.phase}", ".spec.x". The value as text (malloc'd;
 * objects and lists as JSON), or NULL when the path is not there. */
char *wfc_kres_jsonpath(const cJSON *obj, const char *path);

#endif
