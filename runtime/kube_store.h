/* Where a run keeps its text on the cluster, and how `wfc resume` and
 * `wfc stop` reach its coordinator.
 *
 * A text too large for one ConfigMap (they hold 1 MiB; wfc keeps each part
 * under 900 KiB) is split the way the compiler splits the plan: ConfigMap
 * BASE holds key KEY when it fits, else `parts` (the count) and `KEY.0`,
 * and ConfigMap BASE-K holds `KEY.K`. The plan is BASE `<run>-plan`, KEY
 * `plan.json`; the run's status, the Workflow in Argo's shape as `wfc get
 * -o json` prints it, is BASE `<run>-status`, KEY `workflow.json`.
 *
 * Control: `wfc resume` sets annotation wfc.dev/resume of ConfigMap
 * `<run>-status` to a new value; the coordinator resumes every suspended
 * node when it sees a value it has not handled (it records the last one
 * handled under key `resumed`, so one started again does not resume
 * twice). `wfc stop` sets annotation wfc.dev/stop to "Stop": Argo's stop
 * strategy (exit handlers still run). */
#ifndef WFC_RUNTIME_KUBE_STORE_H
#define WFC_RUNTIME_KUBE_STORE_H
#include <cjson/cJSON.h>
#include <stddef.h>

#include "runtime/kube.h"

#define WFC_STORE_PART_MAX (900 * 1024)
#define WFC_RESUME_ANNOTATION "wfc.dev/resume"
#define WFC_STOP_ANNOTATION "wfc.dev/stop"

/* "<run>-plan", "<run>-status" (malloc'd). */
char *wfc_store_plan_name(const char *run);
char *wfc_store_status_name(const char *run);

/* The whole text kept under base/key (malloc'd, NUL-terminated). 0, or -1
 * with e filled (kind WFC_KUBE_ENOTFOUND when base does not exist) and a
 * message in err. */
int wfc_store_read(struct wfc_kube *c, const char *ns, const char *base, const char *key,
		   char **text, struct wfc_kube_error *e, char *err, size_t errlen);

/* Writes text under base/key by server-side apply, in as many parts as it
 * needs, each ConfigMap with labels (a JSON object, may be NULL) and
 * owner (an ownerReference, may be NULL). Parts left over from a longer
 * text before are deleted. 0 or -1 with a message in err. */
int wfc_store_write(struct wfc_kube *c, const char *ns, const char *base, const char *key,
		    const char *text, const cJSON *labels, const cJSON *owner, char *err,
		    size_t errlen);

#endif
