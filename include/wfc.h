/* wfc: Argo Workflows without the controller. The library behind the `wfc`
 * program: a compilation context reads inputs, checks them and keeps every
 * finding as data. A context owns everything allocated for it; nothing it
 * returns outlives wfc_ctx_destroy. */
#ifndef WFC_H
#define WFC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "support/diag.h"
#include "frontend/yaml.h"

struct wfc_ctx;
struct cJSON;

struct wfc_cfg {
	struct wfc_limits limits;
	bool allow_missing_templates;  /* unresolved templateRef: warning, not error */
	const char *dump_ir;           /* pass name after which to dump the IR, or NULL */
	FILE *dump_out;                /* where the dump goes (stderr when NULL) */
};

void wfc_cfg_default(struct wfc_cfg *cfg);

struct wfc_ctx *wfc_ctx_create(const struct wfc_cfg *cfg);
void wfc_ctx_destroy(struct wfc_ctx *ctx);

/* Adds a file, every *.yaml / *.yml / *.json file under a directory
 * (recursively, in sorted order), or "-" for standard input. Documents added
 * with library=true (from -t DIR) are only used to resolve references.
 * Returns 0, or -1 when the input could not be read (a diagnostic says why). */
int wfc_add_path(struct wfc_ctx *ctx, const char *path, bool library);
/* Adds text under a name (tests, editors). The text is copied. */
int wfc_add_text(struct wfc_ctx *ctx, const char *name, const char *text,
		 size_t len, bool library);

/* Runs every check on what was added; returns the number of errors. */
size_t wfc_validate(struct wfc_ctx *ctx);

/* Number of inputs that could not be read (exit status 2 territory). */
size_t wfc_ctx_read_failures(const struct wfc_ctx *ctx);
/* Number of Argo documents read. */
size_t wfc_ctx_documents(const struct wfc_ctx *ctx);
/* Findings so far, sorted by position once wfc_validate has run. */
struct wfc_diags *wfc_ctx_diags(struct wfc_ctx *ctx);
const struct wfc_sources *wfc_ctx_sources(const struct wfc_ctx *ctx);

/* A workflow argument from -p name=value or --parameter-file. */
struct wfc_arg {
	const char *name;
	const char *value;
	const char *origin;            /* "-p" or the file, for messages */
};

/* Reads a parameter file (YAML or JSON mapping of name to value) into args
 * (appended; strings live in the context). Returns 0, or -1 with a finding. */
int wfc_read_parameter_file(struct wfc_ctx *ctx, const char *path,
			    struct wfc_arg **args, size_t *nargs);

struct wfc_compile_cfg {
	const char *name;              /* --name, or NULL */
	const char *namespace;         /* -n, or NULL */
	const struct wfc_arg *args;
	size_t nargs;
	const char *runtime_image;     /* NULL: the default of this version */
	const char *coordinator_sa;    /* --coordinator-service-account, or NULL */
	bool lazy_jobs;                /* --job-creation lazy */
	/* mixed into the name of a workflow with only generateName, which
	 * otherwise comes from the input alone (wfc run: a new name per run) */
	const char *name_salt;
};

/* Receives each object built by wfc_compile, in order, and owns it. */
typedef int (*wfc_object_fn)(void *user, struct cJSON *obj);

/* After wfc_validate without errors: every object of every Workflow and
 * CronWorkflow added (not the library ones), in a stable order. Returns
 * the number of errors found (features that cannot be compiled). */
size_t wfc_compile(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		   wfc_object_fn fn, void *user);

/* Receives the plan JSON text (docs/plan.md) of one workflow, valid only
 * during the call. A non-zero return stops. */
typedef int (*wfc_plan_text_fn)(void *user, const char *plan);

/* After wfc_validate without errors: the plan of every Workflow and
 * CronWorkflow added (not the library ones), in input order, as a local run
 * needs it: every Pod node carries its pod spec and every script node its
 * source. Only the name, namespace and arguments of cfg are used. Returns
 * the number of errors found (features that cannot be compiled). */
size_t wfc_local_plans(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		       wfc_plan_text_fn fn, void *user);

enum wfc_graph_format {
	WFC_GRAPH_DOT,                 /* Graphviz: one digraph per workflow */
	WFC_GRAPH_MERMAID,             /* one Mermaid flowchart per workflow */
};

/* After wfc_validate without errors: the plan of every Workflow and
 * CronWorkflow added (not the library ones) as a graph on out, in input
 * order: a node per plan node, loops expanded. Only the name and the
 * arguments of cfg are used. Returns the number of errors found; a failed
 * write shows in ferror(out). */
size_t wfc_graph(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		 enum wfc_graph_format format, FILE *out);

/* The passes of the pipeline, in order, for --dump-ir=PASS. */
const char *const *wfc_pass_names(void);

#endif
