/* The govaluate expression language, as Argo uses it for `when`.
 *
 * Argo evaluates a step's or task's `when` after substituting its {{...}}
 * tags (workflow/controller shouldExecute): it parses the text with
 * Knetic/govaluate, turns every bare word (a VARIABLE token) into a string
 * literal, parses the tokens again and evaluates them without parameters;
 * anything but a boolean result is an error. This module reproduces
 * govaluate's lexer (parsing.go: quotes ' and " end at either quote, a
 * backslash escapes the next byte everywhere, dates in quotes become Unix
 * seconds, 0x hex numbers, [escaped names], `in`), its lexer state table
 * (lexerState.go), its precedence and associativity (stagePlanner.go; every
 * level is left-associative, prefixes bind tightest, so -2 ** 2 is 4), and
 * its evaluation (evaluationStage.go: type checks and their messages,
 * short-circuits, string concatenation with Go's %v, float64 numbers,
 * reflect.DeepEqual for == and !=, `in` on parenthesised lists only).
 *
 * Known differences, all about input govaluate accepts by accident or
 * library behaviour C does not have:
 *  - tokens left over after a complete expression (`(a) b`, `(a)) || ((b)`)
 *    and empty operands (`()`, `(1 ==)`) are syntax errors here; govaluate
 *    silently drops them or evaluates them as nil;
 *  - =~ and !~ use POSIX extended <regex.h> after rewriting RE2's \d \w \s
 *    (and negations, also inside brackets), escapes in brackets, (?:...),
 *    (?P<name>...), lazy quantifiers and leading (?i) / (?m). Not supported:
 *    Unicode classes (\pL), \x and \Q escapes, other inline flags; '.'
 *    matches a byte, not a rune, and also a newline; back-references are
 *    accepted (Go rejects them); a subject stops at a NUL byte;
 *  - dates in quotes are read in UTC (govaluate uses the controller's local
 *    zone, normally UTC); zone abbreviations other than UTC count as UTC, as
 *    Go does for names it does not know;
 *  - every byte >= 0x80 counts as a letter (Go asks unicode.IsLetter);
 *  - accessors (`a.B`) are looked up by their full name, not by reflection;
 *  - `in` between two arrays is an error instead of a Go panic.
 */
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

/* Syntax check of a `when` before substitution, with WFC_GV_BARE_STRINGS:
 * every {{...}} tag (also {{=expr}}, whose inside is expr-lang and not looked
 * at) stands for an unknown value. Outside quotes a tag, together with the
 * letters, digits, '_' and '.' glued to it, is one operand of any type;
 * inside quotes or [...] it is part of the text (and a pattern containing one
 * is not compiled). "" (no condition) is fine. Returns 0, or -1 with err
 * (offsets into text). */
int wfc_gv_check_template(const char *text, struct wfc_gv_error *err);

/* Go's %v: numbers as strconv 'g' shortest (1e+06, 0.5, -0, +Inf, NaN),
 * booleans true/false, nil <nil>, arrays [a b]. Writes at most size bytes
 * including the NUL; returns the full length like snprintf. */
size_t wfc_gv_format(const struct wfc_gv_value *v, char *buf, size_t size);
size_t wfc_gv_format_number(double d, char *buf, size_t size);

const char *wfc_gv_type_name(enum wfc_gv_type t);

/* Shared by the expression parsers (govaluate, depends): an error at a byte
 * offset, and a short printable copy of s[0..n) for quoting in a message. */
void wfc_gv_set_error(struct wfc_gv_error *err, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define WFC_GV_CLIP 40
const char *wfc_gv_clip(char dst[WFC_GV_CLIP + 4], const char *s, size_t n);

#endif
