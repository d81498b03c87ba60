/* Rendering one container or script node into a pod spec. */
#ifndef WFC_POD_H
#define WFC_POD_H
#include <cjson/cJSON.h>

#include "ir/subst.h"

struct wfc_pod {
	/* in */
	const struct wfc_plan *plan;
	const struct wfc_pnode *node;
	struct wfc_arena *a;
	struct wfc_diags *d;
	const char *script_configmap;  /* where the script source is kept */
	const char *runtime_image;     /* image holding wfc, for the output wrapper */
	/* A prototype (docs/plan.md, "jobTemplates"): node is a stand-in whose
	 * kname and name are the placeholders {{wfc.job}} and {{wfc.node}};
	 * only what the whole run knows is substituted, and every value known
	 * only at run time stays as its {{...}} text wherever it is, for the
	 * coordinator to fill. The script source is kept in <job>-in. */
	bool proto;
	/* out */
	struct wfc_scope sc;
	const char *input_configmap;   /* <job>-in: run-time values, written by the coordinator */
	const char **runtime;          /* tag of WFC_IN_n */
	size_t nruntime, runtime_cap;
	const char *script;            /* script source after substitution, or NULL */
	bool script_runtime;           /* the source still holds run-time tags */
	size_t output_files;           /* outputs.parameters read from files */
	bool failed;
};

/* What rendering a Pod node produced, kept for the plan JSON. */
struct wfc_node_render {
	cJSON *pod;                    /* pod spec, when no Job carries it */
	cJSON *wrapper;                /* and the Job around it (without the pod spec) */
	const char *job;               /* the Job emitted for the node, or NULL */
	const char **runtime;          /* tag behind WFC_IN_n */
	size_t nruntime;
	const char *script_cm;         /* ConfigMap holding the script, or NULL */
	const char *script_source;     /* the source (with run-time tags when script_runtime) */
	bool script_runtime;
	bool script_inline;            /* the plan carries the source (local runs) */
};

/* The plan JSON text of p (malloc'd), with the rendered pods r (one per
 * node, by id, or NULL; their pod and wrapper trees are taken, and set to
 * NULL) and the prototypes job_templates (an object keyed by template
 * name, or NULL). */
char *wfc_plan_text(const struct wfc_plan *p, struct wfc_node_render *r,
		    const cJSON *job_templates);
/* The templates the runtime may run that no node of the plan stands for:
 * those of Expand nodes and of workflow-level hooks other than exit, and
 * everything they call, in a stable order (arena array, *n of them). */
struct wfc_gtmpl **wfc_plan_runtime_templates(const struct wfc_plan *p, size_t *n);

/* The pod spec (caller owns it); findings go to pod->d. */
cJSON *wfc_pod_spec(struct wfc_pod *pod);
/* Labels and annotations for the pod template (caller owns it). */
cJSON *wfc_pod_metadata(struct wfc_pod *pod);
/* The claim name of a volumeClaimTemplate in this run. */
const char *wfc_pvc_name(const struct wfc_plan *p, const char *claim);

#endif
