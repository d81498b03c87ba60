/* Diagnostics are data: every phase appends findings to a wfc_diags list it is
 * given; nothing is printed where it arises. The list owns its strings. */
#ifndef WFC_DIAG_H
#define WFC_DIAG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum wfc_severity { WFC_ERROR, WFC_WARNING, WFC_NOTE };

/* 1-based line and column; line 0 means "the whole file"; file NULL means
 * no file (a command-line problem). */
struct wfc_pos {
	const char *file;
	unsigned line, col;
};

/* Stable rule ids with a one-line description (SARIF rules, docs). */
#define WFC_RULES(X)                                                          \
	X(io, "io", "input could not be read")                                      \
	X(yaml, "yaml", "YAML syntax error")                                          \
	X(limit, "limit", "input exceeds a size, nesting, document or alias limit")    \
	X(kind, "kind", "document is not an Argo workflow kind wfc reads")            \
	X(unknown_field, "unknown-field", "field is not part of Argo's schema")                \
	X(type, "type", "value has the wrong type for its field")                     \
	X(duration, "duration", "malformed duration")                                     \
	X(entrypoint, "entrypoint", "entrypoint missing or undefined")                      \
	X(undefined_template, "undefined-template", "reference to a template that is not defined")  \
	X(template_ref, "template-ref", "templateRef or workflowTemplateRef does not resolve") \
	X(ref_cycle, "ref-cycle", "templates reference each other in a cycle")             \
	X(template_type, "template-type", "template must have exactly one type")               \
	X(image, "image", "container image may not be empty")                          \
	X(name, "name", "name is not a valid Kubernetes name")                        \
	X(unique_name, "unique-name", "name is not unique")                                  \
	X(argument, "argument", "argument missing, unknown or not allowed by enum")       \
	X(reference, "reference", "{{...}} reference cannot be resolved where it stands")  \
	X(dag_cycle, "dag-cycle", "DAG dependency cycle")                                  \
	X(dependency, "dependency", "DAG dependency names no task")                         \
	X(depends, "depends", "malformed depends expression")                            \
	X(mixed_dependencies, "mixed-dependencies", "depends and dependencies mixed in one DAG")   \
	X(loop, "loop", "malformed withItems, withParam or withSequence")             \
	X(retry, "retry", "malformed retryStrategy")                                   \
	X(when, "when", "malformed when expression")                                  \
	X(unsupported, "unsupported", "valid Argo that wfc cannot compile yet")              \
	X(option, "option", "command-line option or argument problem")

enum wfc_rule {
#define WFC_RULE_ENUM(id, name, desc) WFC_RULE_##id,
	WFC_RULES(WFC_RULE_ENUM)
#undef WFC_RULE_ENUM
	WFC_RULE_COUNT
};

/* The stable id users see: "unknown-field" for WFC_RULE_unknown_field. */
const char *wfc_rule_id(enum wfc_rule r);
const char *wfc_rule_description(enum wfc_rule r);

struct wfc_diag {
	enum wfc_severity severity;
	enum wfc_rule rule;
	struct wfc_pos pos;
	struct wfc_pos end;  /* last byte of the range (inclusive); end.line == 0: none */
	char *message;       /* lowercase, no final period, subject quoted */
	char *suggestion;    /* NULL, or a replacement the user probably meant */
};

struct wfc_diags {
	struct wfc_diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

struct wfc_diag *wfc_diag_add(struct wfc_diags *d, enum wfc_severity sev,
			      enum wfc_rule rule, struct wfc_pos pos,
			      const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void wfc_diag_set_suggestion(struct wfc_diag *dg, const char *suggestion);
/* Stable order: file, line, column, then the order added. */
void wfc_diags_sort(struct wfc_diags *d);
void wfc_diags_free(struct wfc_diags *d);

/* The text of the inputs, so printers can show the source line. */
struct wfc_source {
	const char *name;
	const char *text;
	size_t len;
};

struct wfc_sources {
	struct wfc_source *v;
	size_t n, cap;
};

const struct wfc_source *wfc_sources_find(const struct wfc_sources *s,
					  const char *name);

enum wfc_format { WFC_FORMAT_TEXT, WFC_FORMAT_JSON, WFC_FORMAT_SARIF,
		  WFC_FORMAT_GITHUB };

struct wfc_print_opts {
	enum wfc_format format;
	bool color;          /* text only: ANSI colours */
	const char *tool_version;
};

/* Prints every diagnostic of d in one format; returns 0, or -1 on a write error. */
int wfc_diags_print(FILE *out, const struct wfc_diags *d,
		    const struct wfc_sources *src, const struct wfc_print_opts *o);

#endif
