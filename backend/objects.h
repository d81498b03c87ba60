/* Plan -> Kubernetes objects, each built as a cJSON tree. */
#ifndef WFC_OBJECTS_H
#define WFC_OBJECTS_H
#include <cjson/cJSON.h>
#include <stdbool.h>

#include "ir/plan.h"
#include "wfc.h"

#define WFC_DEFAULT_RUNTIME_IMAGE "ghcr.io/wfc-dev/wfc:" WFC_VERSION

enum wfc_job_creation { WFC_JOBS_EAGER, WFC_JOBS_LAZY };

struct wfc_backend_opts {
	const char *runtime_image;          /* coordinator image */
	const char *coordinator_sa;         /* --coordinator-service-account, or NULL */
	enum wfc_job_creation job_creation;
};

/* Every object of the plan, in a stable order: plan ConfigMap, coordinator
 * RBAC, PVCs, Services, node Jobs, and the coordinator Job (or CronJob).
 * Findings (features that cannot be compiled) go to d. Returns the number
 * of errors added. */
size_t wfc_backend_objects(const struct wfc_plan *p, const struct wfc_backend_opts *o,
			   struct wfc_diags *d, wfc_object_fn fn, void *user);

/* The plan JSON text (malloc'd) as a local run needs it: every Pod node
 * with its pod, every script node with its source. Findings go to d;
 * NULL when rendering a pod failed. */
char *wfc_backend_local_plan(const struct wfc_plan *p, struct wfc_diags *d);

#endif
