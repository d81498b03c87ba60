/* The typed AST of Argo documents. Every struct points back at the YAML node
 * it came from (for positions); strings and nodes live in the compilation's
 * arena. Fields wfc does not interpret stay reachable through those nodes. */
#ifndef WFC_AST_H
#define WFC_AST_H
#include <stdbool.h>
#include <stddef.h>

#include "frontend/yaml.h"

enum wfc_doc_kind {
	WFC_WORKFLOW,
	WFC_WORKFLOW_TEMPLATE,
	WFC_CLUSTER_WORKFLOW_TEMPLATE,
	WFC_CRON_WORKFLOW,
};

const char *wfc_doc_kind_name(enum wfc_doc_kind k);

/* A string field with the node it was read from (NULL when absent). */
struct wfc_sval {
	const char *s;
	const struct wfc_ynode *node;
};

struct wfc_param {
	const struct wfc_ynode *node;  /* the list item */
	struct wfc_sval name;
	struct wfc_sval value;         /* value.node == NULL: no value */
	struct wfc_sval def;           /* default */
	const struct wfc_ynode *enum_node;
	const struct wfc_ynode *value_from;
	struct wfc_sval global_name;
};

struct wfc_artifact {
	const struct wfc_ynode *node;
	struct wfc_sval name;
	struct wfc_sval path, from, from_expression, global_name;
	bool optional;
	bool has_location;  /* s3, git, http, raw, ... or key */
};

struct wfc_args {
	const struct wfc_ynode *node;
	struct wfc_param *params;
	size_t nparams;
	struct wfc_artifact *arts;
	size_t narts;
};

struct wfc_tref {
	const struct wfc_ynode *node;
	struct wfc_sval name, template;
	bool cluster_scope;
};

struct wfc_hook {
	const struct wfc_ynode *node;
	struct wfc_sval name;       /* "exit" or an event name */
	struct wfc_sval template;
	struct wfc_tref *tref;
	struct wfc_args args;
	struct wfc_sval expression;
};

struct wfc_template;

/* A step of a steps template or a task of a DAG: both call a template. */
struct wfc_call {
	const struct wfc_ynode *node;
	struct wfc_sval name;
	struct wfc_sval template;
	struct wfc_tref *tref;
	struct wfc_template *inline_tmpl;
	struct wfc_args args;
	struct wfc_sval when;
	const struct wfc_ynode *with_items;     /* a list */
	struct wfc_sval with_param;
	const struct wfc_ynode *with_sequence;  /* a mapping */
	struct wfc_sval on_exit;
	struct wfc_hook *hooks;
	size_t nhooks;
	bool continue_failed, continue_error;
	const struct wfc_ynode *continue_on;
	/* DAG tasks only */
	struct wfc_sval *deps;                  /* dependencies: [...] */
	size_t ndeps;
	bool has_dependencies;
	struct wfc_sval depends;
};

struct wfc_step_group {
	const struct wfc_ynode *node;
	struct wfc_call *steps;
	size_t n;
};

enum wfc_tmpl_type {
	WFC_TMPL_NONE,
	WFC_TMPL_CONTAINER,
	WFC_TMPL_SCRIPT,
	WFC_TMPL_RESOURCE,
	WFC_TMPL_SUSPEND,
	WFC_TMPL_STEPS,
	WFC_TMPL_DAG,
	WFC_TMPL_CONTAINER_SET,
	WFC_TMPL_DATA,
	WFC_TMPL_HTTP,
	WFC_TMPL_PLUGIN,
};

const char *wfc_tmpl_type_name(enum wfc_tmpl_type t);

struct wfc_doc;

struct wfc_template {
	const struct wfc_ynode *node;
	struct wfc_sval name;
	struct wfc_doc *doc;             /* the document that defines it */
	enum wfc_tmpl_type type;
	const struct wfc_ynode *body;    /* value of the type field (container: ...) */
	unsigned ntypes;                 /* how many type fields were given */
	const struct wfc_ynode *type_keys[12];
	struct wfc_args inputs;
	struct wfc_args outputs;
	struct wfc_step_group *groups;   /* steps */
	size_t ngroups;
	struct wfc_call *tasks;          /* dag */
	size_t ntasks;
	struct wfc_sval target;          /* dag.target */
	bool daemon;
	const struct wfc_ynode *retry;   /* retryStrategy */
	struct wfc_sval timeout;
	const struct wfc_ynode *active_deadline;
	const struct wfc_ynode *parallelism;
	struct wfc_sval image;           /* container/script image */
	/* fields valid in Argo that wfc does not run yet (for `unsupported`) */
	const struct wfc_ynode *unsupported[8];
	size_t nunsupported;
	bool visited;                    /* scratch for passes */
};

struct wfc_doc {
	enum wfc_doc_kind kind;
	const struct wfc_ynode *root;
	const char *file;
	struct wfc_sval name, generate_name, namespace;
	const struct wfc_ynode *labels, *annotations;
	const struct wfc_ynode *spec;    /* WorkflowSpec mapping (cron: spec.workflowSpec) */
	struct wfc_sval entrypoint;
	struct wfc_args args;
	struct wfc_template *templates;
	size_t ntemplates;
	struct wfc_sval on_exit;
	struct wfc_tref *wf_tref;        /* spec.workflowTemplateRef (template unused) */
	struct wfc_hook *hooks;
	size_t nhooks;
	const struct wfc_ynode *schedule;  /* cron: schedule or schedules */
	struct wfc_sval service_account;
	/* whole-workflow features wfc does not run yet */
	const struct wfc_ynode *unsupported[8];
	size_t nunsupported;
};

/* Builds the AST of one YAML document. Documents of other kinds return NULL
 * (a note is added for known Kubernetes kinds, an error for unknown ones);
 * every malformed field is a diagnostic. */
struct wfc_doc *wfc_ast_build(struct wfc_arena *a, struct wfc_diags *d,
			      const struct wfc_ydoc *ydoc);

#endif
