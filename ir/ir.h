/* The workflow graph: the documents given, their templates, and every call
 * (step, task, hook, exit handler) resolved to the template it runs. Passes
 * are functions graph -> graph, one per file, run in order by ir/pipeline.c.
 * The graph borrows the AST; both live in the compilation's arena. */
#ifndef WFC_IR_H
#define WFC_IR_H
#include <stdbool.h>
#include <stdio.h>

#include "frontend/ast.h"
#include "support/strmap.h"

struct wfc_gdoc;
struct wfc_gtmpl;

enum wfc_call_kind {
	WFC_CALL_STEP,       /* c is a step of groups[group] */
	WFC_CALL_TASK,       /* c is a DAG task */
	WFC_CALL_HOOK,       /* hook or onExit of a step/task (owner_call) */
};

struct wfc_gcall {
	enum wfc_call_kind kind;
	const struct wfc_call *c;        /* the step/task (for hooks: the owner) */
	const struct wfc_hook *hook;     /* hooks: the hook (NULL for onExit) */
	size_t group;                    /* steps: index of the group */
	size_t index;                    /* tasks: index in the DAG */
	struct wfc_gtmpl *target;        /* what it runs, NULL when unresolved */
	bool result_used;                /* its outputs.result is referred to (pass "results") */
};

struct wfc_gtmpl {
	const struct wfc_template *t;
	struct wfc_gdoc *doc;
	struct wfc_gcall *calls;
	size_t ncalls;
	struct wfc_strmap tasks;         /* DAG: task name -> struct wfc_call */
	bool reachable;                  /* from an entrypoint, exit handler or hook */
	bool exit_handler;               /* reachable from an exit handler or hook */
	bool is_inline;                  /* an inline template of a step/task */
};

struct wfc_gdoc {
	struct wfc_doc *doc;
	bool library;                    /* from -t DIR: only for references */
	struct wfc_gtmpl *tmpls;
	size_t ntmpls;
	struct wfc_strmap by_name;       /* template name -> struct wfc_gtmpl */
	struct wfc_gdoc *base;           /* workflowTemplateRef target */
	struct wfc_gtmpl *entry;         /* entrypoint template */
	struct wfc_gtmpl *on_exit;
	struct wfc_gtmpl **extra;        /* inline templates and hook targets */
	size_t nextra;
	struct wfc_strmap globals;       /* workflow.* variables known here */
	bool has_global_outputs_wildcard;
};

struct wfc_graph {
	struct wfc_arena *a;
	struct wfc_diags *d;
	const struct wfc_sources *src;
	bool allow_missing_templates;
	struct wfc_gdoc *docs;
	size_t ndocs;
	struct wfc_strmap wftmpls;       /* WorkflowTemplate name -> struct wfc_gdoc */
	struct wfc_strmap cwftmpls;      /* ClusterWorkflowTemplate name -> struct wfc_gdoc */
};

struct wfc_ctx;
/* The graph wfc_validate built (NULL before), and the context's arena. */
struct wfc_graph *wfc_ctx_graph(struct wfc_ctx *ctx);
struct wfc_arena *wfc_ctx_arena(struct wfc_ctx *ctx);

/* Find a template by name in a document (and its workflowTemplateRef base). */
struct wfc_gtmpl *wfc_graph_template(struct wfc_gdoc *g, const char *name);

/* The passes, in pipeline order. */
void wfc_pass_index(struct wfc_graph *g);
void wfc_pass_resolve(struct wfc_graph *g);
void wfc_pass_check_templates(struct wfc_graph *g);
void wfc_pass_check_calls(struct wfc_graph *g);
void wfc_pass_check_dag(struct wfc_graph *g);
void wfc_pass_check_refs(struct wfc_graph *g);
void wfc_pass_results(struct wfc_graph *g);
void wfc_pass_unsupported(struct wfc_graph *g);

/* Invariants between passes; returns false (and says why on out) when broken. */
bool wfc_graph_verify(const struct wfc_graph *g, FILE *out);
void wfc_graph_dump(const struct wfc_graph *g, FILE *out);

/* Runs every pass in order with a verify step between passes, dumping the
 * graph after the pass named dump_after (if any). */
void wfc_pipeline_run(struct wfc_graph *g, const char *dump_after, FILE *dump_out);

/* Helpers shared by the passes. */
/* Calls fn on every template of every document, inline ones included. */
void wfc_graph_each_template(struct wfc_graph *g,
			     void (*fn)(struct wfc_graph *g, struct wfc_gtmpl *t));
/* Templates of documents given on the command line are all checked; those
 * of -t DIR only when something uses them. */
bool wfc_gtmpl_wanted(const struct wfc_gtmpl *gt);
bool wfc_is_workflow_field_name(const char *s);   /* Argo: [a-zA-Z0-9][-a-zA-Z0-9]*, <= 128 */
bool wfc_is_param_name(const char *s);            /* Argo: [-a-zA-Z0-9_]+ */
bool wfc_is_dns1123_subdomain(const char *s);
/* Closest candidate within a small edit distance, or NULL. */
const char *wfc_did_you_mean(const char *word, const char *const *cands, size_t n);
size_t wfc_edit_distance(const char *a, const char *b);

#endif
