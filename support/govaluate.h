/* The govaluate expression language, as Argo uses it for `when`.
 *
 * Argo evaluates a step's or task's `when` after substituting its {{...}}
 * tags: it parses the text with Knetic/govaluate, turns every bare word
 * (govaluate VARIABLE token) into a string literal, parses the tokens again
 * and evaluates them without parameters; anything but a boolean result is an
 * error. This module reproduces govaluate's lexer (token rules, the lexer
 * state table that rejects invalid token sequences, dates in quotes becoming
 * Unix seconds), its operator precedence and associativity, and its evaluation
 * (type checks with govaluate's messages, short-circuiting, string
 * concatenation with Go's %v formatting, `in` on parenthesised lists).
 *
 * Deliberate differences, all about input govaluate accepts by accident:
 * tokens left over after a complete expression (`(a) b`, `(a)) || ((b)`) and
 * empty operands (`()`, `(1 ==)`) are syntax errors here, where govaluate
 * silently drops or nil-fills them. Regular expressions (`=~`, `!~`) use POSIX
 * <regex.h> extended syntax after rewriting RE2's \d \w \s classes, `(?i)`
 * and `(?:`; see wfc_gv_eval. Dates in quotes are read in UTC (govaluate uses
 * the controller's local zone, normally UTC). Bytes >= 0x80 count as letters. */
#ifndef WFC_GOVALUATE_H
#define WFC_GOVALUATE_H
#include <stdbool.h>
#include <stddef.h>

/* Parentheses and prefix operators nest at most this deep; an expression
 * tree is at most WFC_GV_MAX_TREE deep (long operator chains count). */
#define WFC_GV_MAX_NESTING 128
#define WFC_GV_MAX_TREE 1024

/* A syntax or evaluation error: offset is the byte offset of the offending
 * character in the text that was parsed. */
struct wfc_gv_error {
	size_t offset;
	char message[160];
};

struct wfc_gv_expr;

/* Parse flags. */
#define WFC_GV_BARE_STRINGS 0x1u /* Argo `when`: bare words are strings */

/* Parses text[0..len). NULL on a syntax error (err filled when non-NULL). */
struct wfc_gv_expr *wfc_gv_parse(const char *text, size_t len, unsigned flags,
				 struct wfc_gv_error *err);
void wfc_gv_free(struct wfc_gv_expr *e);

enum wfc_gv_type {
	WFC_GV_NIL,    /* govaluate nil: `false ? 1` */
	WFC_GV_NUMBER, /* every number is a float64 */
	WFC_GV_STRING,
	WFC_GV_BOOL,
	WFC_GV_ARRAY,  /* `(1, 2, 3)` */
};

struct wfc_gv_value {
	enum wfc_gv_type type;
	bool boolean;
	double number;
	const char *string; /* NUL-terminated; len bytes (may contain NUL) */
	size_t len;
	const struct wfc_gv_value *items; /* ARRAY: count items */
	size_t count;
	void *owned; /* storage of a result; release with wfc_gv_value_clear */
};

/* Looks up a variable (parsed without WFC_GV_BARE_STRINGS). Dotted names
 * (govaluate accessors, `a.B`) are passed whole. Returns 0 and fills *out
 * (its strings and items must stay valid until wfc_gv_eval returns), or
 * non-zero when there is no such variable. */
typedef int (*wfc_gv_lookup_fn)(void *user, const char *name, struct wfc_gv_value *out);

/* Evaluates; lookup may be NULL (every variable is then missing, as with
 * govaluate's Evaluate(nil)). Returns 0 and a value the caller releases with
 * wfc_gv_value_clear, or -1 with err. Evaluation errors point at the
 * operator (or variable) that failed. */
int wfc_gv_eval(const struct wfc_gv_expr *e, wfc_gv_lookup_fn lookup, void *user,
		struct wfc_gv_value *out, struct wfc_gv_error *err);
void wfc_gv_value_clear(struct wfc_gv_value *v);

/* Argo's shouldExecute for a substituted `when`: "" is true; otherwise parse
 * with WFC_GV_BARE_STRINGS and evaluate; a result that is not a boolean is an
 * error ("expected boolean evaluation ..."). Returns 0 or -1. */
int wfc_gv_eval_bool(const char *text, bool *out, struct wfc_gv_error *err);

/* Syntax check of a `when` before substitution: every {{...}} tag (also
 * {{=expr}}) stands for an unknown value. Outside quotes a tag, together with
 * letters, digits, '_' and '.' glued to it, is one operand of any type; inside
 * quotes it is part of the string (and a regular expression containing one is
 * not compiled). Returns 0, or -1 with err (offsets into text). */
int wfc_gv_check_template(const char *text, struct wfc_gv_error *err);

/* Go's %v: numbers as strconv 'g' shortest (1e+06, 0.5, -0, +Inf, NaN),
 * booleans true/false, nil <nil>, arrays [a b]. Writes at most size bytes
 * including the NUL; returns the full length like snprintf. */
size_t wfc_gv_format(const struct wfc_gv_value *v, char *buf, size_t size);
size_t wfc_gv_format_number(double d, char *buf, size_t size);

const char *wfc_gv_type_name(enum wfc_gv_type t);

#endif
