/* The expr-lang expression language (github.com/expr-lang/expr), as Argo
 * uses it in {{=EXPR}} tags, retryStrategy.expression, hook expressions,
 * fromExpression and valueFrom.expression.
 *
 * Supported: literals (integers in decimal, 0x, 0o, 0b with '_' separators;
 * floats; '...', "..." with Go escapes and `...` raw strings; true, false,
 * nil; arrays [1, 2]; maps {a: 1, "b": 2}), expr's operators and precedence
 * (! not, unary - +, ** ^, * / %, + -, .., == != < > <= >= in matches
 * contains startsWith endsWith and their `not` forms, && and, || or, ?? and
 * the ternary ?: including `a ?: b`), member access a.b a?.b a["b"], index
 * a[0] (negative from the end), slices a[1:2], and these functions:
 *  - expr builtins: len, int, float, string, abs, upper, lower, trim,
 *    split, join, toJSON, fromJSON;
 *  - Argo's: asInt, asFloat, toJson, jsonpath(json, path) (paths made of
 *    $, .name, ['name'], [n], [*], .*, [a:b] and filters [?(EXPR)] over @
 *    with this language's operators and =~; a wildcard, slice or filter
 *    makes the result a list, as PaesslerAG/jsonpath does);
 *  - sprig helpers: sprig.upper, sprig.lower, sprig.trim, sprig.replace,
 *    sprig.int, sprig.default;
 *  - predicates: filter, map, all, any, none, one, count, find, findIndex,
 *    findLast, findLastIndex, with the element as # (or .field), in braces
 *    {# > 1} or not.
 * Not supported (a clear error at evaluation, or a syntax error): sortBy,
 * groupBy, reduce, jsonpath's .. (deep scan), now(), dates
 * and durations, method calls (`x.Seconds()`), the pipe operator |, `let`.
 * `matches` uses POSIX extended regular expressions, not RE2. Strings are
 * bytes: len() counts runes, but indexing and slicing strings use bytes.
 */
#ifndef WFC_EXPR_H
#define WFC_EXPR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "support/govaluate.h" /* struct wfc_gv_error */

/* Parentheses, brackets, unary operators and ternaries nest at most this
 * deep; a tree (long operator chains count) at most WFC_EX_MAX_TREE. */
#define WFC_EX_MAX_NESTING 128
#define WFC_EX_MAX_TREE 1024

enum wfc_ex_type {
	WFC_EX_NIL,
	WFC_EX_BOOL,
	WFC_EX_INT,    /* Go int */
	WFC_EX_FLOAT,  /* Go float64 */
	WFC_EX_STRING,
	WFC_EX_ARRAY,  /* []interface{} */
	WFC_EX_MAP,    /* map[string]interface{} */
};

struct wfc_ex_value {
	enum wfc_ex_type type;
	bool boolean;
	int64_t integer;
	double number;
	const char *string; /* STRING: len bytes, NUL-terminated */
	size_t len;
	const struct wfc_ex_value *items; /* ARRAY: items; MAP: the values */
	const char *const *keys;          /* MAP: NUL-terminated keys */
	size_t count;
	void *owned; /* storage of a result; release with wfc_ex_value_clear */
};

struct wfc_expr;

/* Parses text[0..len). NULL on a syntax error (err filled when non-NULL,
 * offset = the offending byte). Unknown function names are syntax errors. */
struct wfc_expr *wfc_expr_parse(const char *text, size_t len, struct wfc_gv_error *err);
void wfc_expr_free(struct wfc_expr *e);

/* Syntax check of a NUL-terminated expression. Returns 0 or -1 with err. */
int wfc_expr_check(const char *text, struct wfc_gv_error *err);

/* Looks up a variable. For a member chain with constant keys rooted at an
 * identifier (`inputs.parameters.x`, `steps['a-b'].status`) the whole
 * dotted name ("inputs.parameters.x", "steps.a-b.status") is asked first,
 * then shorter prefixes, so flat and nested environments both work.
 * Returns 0 and fills *out (its storage must stay valid until wfc_expr_eval
 * returns), or non-zero when there is no such name. */
typedef int (*wfc_ex_lookup_fn)(void *user, const char *name, struct wfc_ex_value *out);

/* Evaluates; lookup may be NULL (no variables). Returns 0 and a value the
 * caller releases with wfc_ex_value_clear, or -1 with err. */
int wfc_expr_eval(const struct wfc_expr *e, wfc_ex_lookup_fn lookup, void *user,
		  struct wfc_ex_value *out, struct wfc_gv_error *err);
void wfc_ex_value_clear(struct wfc_ex_value *v);

/* The text Argo substitutes for a result: Go's fmt %v (integers plainly,
 * floats shortest 'g' as 1e+06, strings raw, nil <nil>, arrays [1 2],
 * maps map[a:1 b:x] with sorted keys). Writes at most size bytes including
 * the NUL; returns the full length like snprintf. */
size_t wfc_ex_format(const struct wfc_ex_value *v, char *buf, size_t size);
/* Go's json.Marshal of a value (Argo's toJson). Same conventions. */
size_t wfc_ex_format_json(const struct wfc_ex_value *v, char *buf, size_t size);

/* The text Argo (3.4 and later, expressionReplace) puts in place of a
 * {{=EXPR}} tag: a string as it is, anything else as JSON ([1,2],
 * {"a":1}, 1000000, true). Same conventions. */
size_t wfc_ex_format_tag(const struct wfc_ex_value *v, char *buf, size_t size);

/* expr's names: int, float64, string, bool, nil, []interface {}, ... */
const char *wfc_ex_type_name(enum wfc_ex_type t);

#endif
