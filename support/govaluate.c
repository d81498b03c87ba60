/* Knetic/govaluate as Argo uses it for `when` (see govaluate.h).
 *
 * The lexer follows govaluate's parsing.go token for token (readToken,
 * readUntilFalse with its whitespace and backslash rules), the syntax check
 * follows lexerState.go's transition table, and the evaluator follows
 * evaluationStage.go (type checks, error texts, short-circuits). govaluate's
 * planner parses each precedence level right-recursively and then mirrors
 * runs of equal precedence (stagePlanner.go reorderStages), which amounts to
 * left associativity at every level; here that is built directly. */
#include "support/govaluate.h"
#include "support/xalloc.h"

#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ memory */

struct blk {
	struct blk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

/* Everything of one parse (or one evaluation) is freed at once. */
struct pool {
	struct blk *head;
};

static void *pool_alloc(struct pool *p, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct blk *b = p->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > 4096 ? n : 4096;
		b = wfc_xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = p->head;
		p->head = b;
	}
	void *r = b->data + b->used;
	b->used += n;
	memset(r, 0, n);
	return r;
}

static char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *r = pool_alloc(p, n + 1);
	if (n)
		memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

static void pool_destroy(struct pool *p)
{
	struct blk *b = p->head;
	while (b) {
		struct blk *next = b->next;
		free(b);
		b = next;
	}
	p->head = NULL;
}

struct sbuf {
	char *s;
	size_t len, cap;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = wfc_xrealloc(b->s, cap);
		b->cap = cap;
	}
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_putc(struct sbuf *b, char c)
{
	sb_add(b, &c, 1);
}

static void sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* ------------------------------------------------------------------ errors */

void wfc_gv_set_error(struct wfc_gv_error *err, size_t off, const char *fmt, ...)
{
	if (!err)
		return;
	err->offset = off;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
}

#define CLIP WFC_GV_CLIP

const char *wfc_gv_clip(char dst[WFC_GV_CLIP + 4], const char *s, size_t n)
{
	size_t k = n > CLIP ? CLIP : n;
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)s[i];
		dst[i] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
	}
	if (n > CLIP) {
		memcpy(dst + k, "...", 3);
		k += 3;
	}
	dst[k] = '\0';
	return dst;
}

/* ----------------------------------------------------------------- symbols */

enum op {
	OP_NONE, OP_EQ, OP_NEQ, OP_GT, OP_LT, OP_GTE, OP_LTE, OP_REQ, OP_NREQ, OP_IN,
	OP_AND, OP_OR, OP_PLUS, OP_MINUS, OP_BAND, OP_BOR, OP_BXOR, OP_SHL, OP_SHR,
	OP_MUL, OP_DIV, OP_MOD, OP_POW, OP_NEG, OP_INV, OP_BNOT, OP_TT, OP_TF,
	OP_COALESCE, OP_SEP,
};

static const char *const op_names[] = {
	"", "==", "!=", ">", "<", ">=", "<=", "=~", "!~", "in",
	"&&", "||", "+", "-", "&", "|", "^", "<<", ">>",
	"*", "/", "%", "**", "-", "!", "~", "?", ":",
	"??", ",",
};

struct sym {
	const char *s;
	enum op op;
};

static const struct sym prefix_syms[] = {
	{ "-", OP_NEG }, { "!", OP_INV }, { "~", OP_BNOT },
};
static const struct sym modifier_syms[] = {
	{ "+", OP_PLUS }, { "-", OP_MINUS }, { "*", OP_MUL }, { "/", OP_DIV },
	{ "%", OP_MOD }, { "**", OP_POW }, { "&", OP_BAND }, { "|", OP_BOR },
	{ "^", OP_BXOR }, { ">>", OP_SHR }, { "<<", OP_SHL },
};
static const struct sym logical_syms[] = {
	{ "&&", OP_AND }, { "||", OP_OR },
};
static const struct sym comparator_syms[] = {
	{ "==", OP_EQ }, { "!=", OP_NEQ }, { ">", OP_GT }, { ">=", OP_GTE },
	{ "<", OP_LT }, { "<=", OP_LTE }, { "=~", OP_REQ }, { "!~", OP_NREQ },
};
static const struct sym ternary_syms[] = {
	{ "?", OP_TT }, { ":", OP_TF }, { "??", OP_COALESCE },
};

#define NSYMS(t) (sizeof(t) / sizeof((t)[0]))

static enum op find_sym(const struct sym *t, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(t[i].s) == len && memcmp(t[i].s, s, len) == 0)
			return t[i].op;
	return OP_NONE;
}

/* ------------------------------------------------------------------ tokens */

/* govaluate's TokenKind, plus TEMPLATE: an unsubstituted {{...}}. */
enum kind {
	K_UNKNOWN, K_PREFIX, K_NUMERIC, K_BOOLEAN, K_STRING, K_PATTERN, K_TIME,
	K_VARIABLE, K_FUNCTION, K_ACCESSOR, K_SEPARATOR, K_COMPARATOR, K_LOGICALOP,
	K_MODIFIER, K_CLAUSE, K_CLAUSE_CLOSE, K_TERNARY, K_TEMPLATE, K_NKINDS,
};

#define B(k) (1u << (k))

/* lexerState.go: which kinds may follow each kind, and which may end. */
static const struct {
	unsigned next;
	bool eof;
} states[K_NKINDS] = {
	[K_UNKNOWN] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_BOOLEAN) | B(K_VARIABLE) |
			B(K_PATTERN) | B(K_FUNCTION) | B(K_ACCESSOR) | B(K_STRING) |
			B(K_TIME) | B(K_CLAUSE), false },
	[K_CLAUSE] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_BOOLEAN) | B(K_VARIABLE) |
		       B(K_PATTERN) | B(K_FUNCTION) | B(K_ACCESSOR) | B(K_STRING) |
		       B(K_TIME) | B(K_CLAUSE) | B(K_CLAUSE_CLOSE), false },
	[K_CLAUSE_CLOSE] = { B(K_COMPARATOR) | B(K_MODIFIER) | B(K_NUMERIC) |
			     B(K_BOOLEAN) | B(K_VARIABLE) | B(K_STRING) |
			     B(K_PATTERN) | B(K_TIME) | B(K_CLAUSE) |
			     B(K_CLAUSE_CLOSE) | B(K_LOGICALOP) | B(K_TERNARY) |
			     B(K_SEPARATOR), true },
	[K_NUMERIC] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
			B(K_CLAUSE_CLOSE) | B(K_TERNARY) | B(K_SEPARATOR), true },
	[K_BOOLEAN] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
			B(K_CLAUSE_CLOSE) | B(K_TERNARY) | B(K_SEPARATOR), true },
	[K_STRING] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
		       B(K_CLAUSE_CLOSE) | B(K_TERNARY) | B(K_SEPARATOR), true },
	[K_TIME] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
		     B(K_CLAUSE_CLOSE) | B(K_SEPARATOR), true },
	[K_PATTERN] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
			B(K_CLAUSE_CLOSE) | B(K_SEPARATOR), true },
	[K_VARIABLE] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
			 B(K_CLAUSE_CLOSE) | B(K_TERNARY) | B(K_SEPARATOR), true },
	[K_MODIFIER] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_VARIABLE) | B(K_FUNCTION) |
			 B(K_ACCESSOR) | B(K_STRING) | B(K_BOOLEAN) | B(K_CLAUSE) |
			 B(K_CLAUSE_CLOSE), false },
	[K_COMPARATOR] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_BOOLEAN) | B(K_VARIABLE) |
			   B(K_FUNCTION) | B(K_ACCESSOR) | B(K_STRING) | B(K_TIME) |
			   B(K_CLAUSE) | B(K_CLAUSE_CLOSE) | B(K_PATTERN), false },
	[K_LOGICALOP] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_BOOLEAN) | B(K_VARIABLE) |
			  B(K_FUNCTION) | B(K_ACCESSOR) | B(K_STRING) | B(K_TIME) |
			  B(K_CLAUSE) | B(K_CLAUSE_CLOSE), false },
	[K_PREFIX] = { B(K_NUMERIC) | B(K_BOOLEAN) | B(K_VARIABLE) | B(K_FUNCTION) |
		       B(K_ACCESSOR) | B(K_CLAUSE) | B(K_CLAUSE_CLOSE), false },
	[K_TERNARY] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_BOOLEAN) | B(K_STRING) |
			B(K_TIME) | B(K_VARIABLE) | B(K_FUNCTION) | B(K_ACCESSOR) |
			B(K_CLAUSE) | B(K_SEPARATOR), false },
	[K_FUNCTION] = { B(K_CLAUSE), false },
	[K_ACCESSOR] = { B(K_CLAUSE) | B(K_MODIFIER) | B(K_COMPARATOR) |
			 B(K_LOGICALOP) | B(K_CLAUSE_CLOSE) | B(K_TERNARY) |
			 B(K_SEPARATOR), true },
	[K_SEPARATOR] = { B(K_PREFIX) | B(K_NUMERIC) | B(K_BOOLEAN) | B(K_STRING) |
			  B(K_TIME) | B(K_VARIABLE) | B(K_FUNCTION) | B(K_ACCESSOR) |
			  B(K_CLAUSE), false },
	/* an unknown value: leaves like a number */
	[K_TEMPLATE] = { B(K_MODIFIER) | B(K_COMPARATOR) | B(K_LOGICALOP) |
			 B(K_CLAUSE_CLOSE) | B(K_TERNARY) | B(K_SEPARATOR), true },
};

/* A template may stand wherever some literal or variable may. */
#define OPERAND_KINDS (B(K_NUMERIC) | B(K_BOOLEAN) | B(K_STRING) | B(K_VARIABLE) | B(K_TIME))

struct token {
	enum kind kind;
	enum op op;
	size_t off, end;  /* source span */
	const char *str;  /* STRING, VARIABLE, ACCESSOR value (escapes resolved) */
	size_t len;
	double num;       /* NUMERIC, TIME (Unix seconds) */
	bool b;           /* BOOLEAN */
	bool tagged;      /* STRING that contains a template tag */
};

/* ------------------------------------------------------------- characters */

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Go's unicode.IsLetter; every byte of a multi-byte character counts. */
static bool is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_quote(unsigned char c)
{
	return c == '\'' || c == '"';
}

static bool is_numeric(unsigned char c)
{
	return is_digit(c) || c == '.';
}

static bool is_hex(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_var_name(unsigned char c)
{
	return is_letter(c) || is_digit(c) || c == '_' || c == '.';
}

static bool is_not_quote(unsigned char c)
{
	return !is_quote(c);
}

static bool is_not_alnum(unsigned char c)
{
	return !(is_digit(c) || is_letter(c) || c == '(' || c == ')' || c == '[' ||
		 c == ']' || is_quote(c));
}

static bool is_not_close_bracket(unsigned char c)
{
	return c != ']';
}

/* ------------------------------------------------------------------- dates */

/* govaluate turns a quoted string that parses with one of these Go layouts
 * (parsing.go tryParseTime) into a time, used as float64(t.Unix()). */
static const char *const go_layouts[] = {
	"Mon Jan _2 15:04:05 2006",            /* ANSIC */
	"Mon Jan _2 15:04:05 MST 2006",        /* UnixDate */
	"Mon Jan 02 15:04:05 -0700 2006",      /* RubyDate */
	"3:04PM",                              /* Kitchen */
	"2006-01-02T15:04:05Z07:00",           /* RFC3339 */
	"2006-01-02T15:04:05.999999999Z07:00", /* RFC3339Nano */
	"2006-01-02",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02T15Z0700",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
};

enum lchunk {
	L_LIT, L_YEAR, L_MONTH, L_DAY, L_UNDERDAY, L_HOUR, L_HOUR12, L_MIN, L_SEC,
	L_FRAC9, L_PM, L_WEEKDAY, L_MONTHNAME, L_TZNAME, L_NUMTZ, L_NUMCOLONTZ,
	L_ISOTZ, L_ISOCOLONTZ,
};

static enum lchunk layout_chunk(const char *l, size_t *n)
{
	static const struct {
		const char *s;
		enum lchunk c;
	} std[] = {
		{ "2006", L_YEAR }, { "01", L_MONTH }, { "02", L_DAY },
		{ "_2", L_UNDERDAY }, { "15", L_HOUR }, { "3", L_HOUR12 },
		{ "04", L_MIN }, { "05", L_SEC }, { ".999999999", L_FRAC9 },
		{ "PM", L_PM }, { "Mon", L_WEEKDAY }, { "Jan", L_MONTHNAME },
		{ "MST", L_TZNAME }, { "-07:00", L_NUMCOLONTZ }, { "-0700", L_NUMTZ },
		{ "Z07:00", L_ISOCOLONTZ }, { "Z0700", L_ISOTZ },
	};
	for (size_t i = 0; i < NSYMS(std); i++) {
		size_t k = strlen(std[i].s);
		if (strncmp(l, std[i].s, k) == 0) {
			*n = k;
			return std[i].c;
		}
	}
	*n = 1;
	return L_LIT;
}

/* time.getnum: one or two digits; fixed wants exactly two. */
static bool getnum(const char **v, const char *end, bool fixed, int *out)
{
	const char *s = *v;
	if (s >= end || !is_digit((unsigned char)s[0]))
		return false;
	if (s + 1 >= end || !is_digit((unsigned char)s[1])) {
		if (fixed)
			return false;
		*out = s[0] - '0';
		*v = s + 1;
		return true;
	}
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	*v = s + 2;
	return true;
}

static bool match_name(const char *s, const char *end, const char *const *names,
		       size_t n, int *idx)
{
	if (end - s < 3)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		for (k = 0; k < 3; k++) {
			char a = s[k], b = names[i][k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (k == 3) {
			*idx = (int)i;
			return true;
		}
	}
	return false;
}

/* ±hh:mm or ±hhmm into seconds east of UTC. */
static bool parse_offset(const char **v, const char *end, bool colon, long *off)
{
	const char *s = *v;
	size_t need = colon ? 6 : 5;
	if ((size_t)(end - s) < need || (s[0] != '+' && s[0] != '-'))
		return false;
	if (colon && s[3] != ':')
		return false;
	const char *mm = colon ? s + 4 : s + 3;
	const char *p = s + 1;
	int hr, min;
	if (!getnum(&p, s + 3, true, &hr))
		return false;
	p = mm;
	if (!getnum(&p, mm + 2, true, &min))
		return false;
	if (hr > 24 || min > 60)
		return false;
	*off = (long)(hr * 60 + min) * 60;
	if (s[0] == '-')
		*off = -*off;
	*v = s + need;
	return true;
}

static bool is_leap(long y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in(int m, long y)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* time.Parse for the chunks above; the local zone is taken to be UTC. */
static bool parse_layout(const char *layout, const char *s, size_t n, double *unix)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	const char *v = s, *end = s + n, *l = layout;
	long year = 0;
	int month = -1, day = -1, hour = 0, min = 0, sec = 0, idx;
	long zoff = 0;
	bool pm = false, am = false;

	while (*l) {
		size_t k;
		enum lchunk c = layout_chunk(l, &k);
		l += k;
		switch (c) {
		case L_LIT:
			if (l[-1] == ' ') {
				if (v < end && *v != ' ')
					return false;
				while (*l == ' ')
					l++;
				while (v < end && *v == ' ')
					v++;
			} else {
				if (v >= end || *v != l[-1])
					return false;
				v++;
			}
			break;
		case L_YEAR:
			if (end - v < 4)
				return false;
			year = 0;
			for (int i = 0; i < 4; i++) {
				if (!is_digit((unsigned char)v[i]))
					return false;
				year = year * 10 + (v[i] - '0');
			}
			v += 4;
			break;
		case L_MONTH:
			if (!getnum(&v, end, true, &month) || month < 1 || month > 12)
				return false;
			break;
		case L_DAY:
			if (!getnum(&v, end, true, &day))
				return false;
			break;
		case L_UNDERDAY:
			if (v < end && *v == ' ')
				v++;
			if (!getnum(&v, end, false, &day))
				return false;
			break;
		case L_HOUR:
			if (!getnum(&v, end, false, &hour) || hour > 23)
				return false;
			break;
		case L_HOUR12:
			if (!getnum(&v, end, false, &hour) || hour > 12)
				return false;
			break;
		case L_MIN:
			if (!getnum(&v, end, true, &min) || min > 59)
				return false;
			break;
		case L_SEC:
			if (!getnum(&v, end, true, &sec) || sec > 59)
				return false;
			/* a fractional second the layout does not mention */
			if (end - v >= 2 && (v[0] == '.' || v[0] == ',') &&
			    is_digit((unsigned char)v[1]) && strncmp(l, ".999999999", 10) != 0) {
				v += 2;
				while (v < end && is_digit((unsigned char)*v))
					v++;
			}
			break;
		case L_FRAC9:
			if (end - v >= 2 && (v[0] == '.' || v[0] == ',') &&
			    is_digit((unsigned char)v[1])) {
				v += 2;
				while (v < end && is_digit((unsigned char)*v))
					v++;
			}
			break;
		case L_PM:
			if (end - v < 2)
				return false;
			if (v[0] == 'P' && v[1] == 'M')
				pm = true;
			else if (v[0] == 'A' && v[1] == 'M')
				am = true;
			else
				return false;
			v += 2;
			break;
		case L_WEEKDAY:
			if (!match_name(v, end, days, 7, &idx))
				return false;
			v += 3;
			break;
		case L_MONTHNAME:
			if (!match_name(v, end, months, 12, &idx))
				return false;
			month = idx + 1;
			v += 3;
			break;
		case L_TZNAME: {
			/* time.parseTimeZone; an abbreviation gets offset 0 */
			size_t up = 0;
			if (end - v >= 3 && strncmp(v, "UTC", 3) == 0) {
				v += 3;
				break;
			}
			if (end - v >= 4 && (strncmp(v, "ChST", 4) == 0 || strncmp(v, "MeST", 4) == 0)) {
				v += 4;
				break;
			}
			if (end - v >= 3 && strncmp(v, "GMT", 3) == 0) {
				v += 3;
				if (v < end && (*v == '+' || *v == '-') && v + 1 < end &&
				    is_digit((unsigned char)v[1])) {
					v += 2;
					while (v < end && is_digit((unsigned char)*v))
						v++;
				}
				break;
			}
			while (up < 6 && v + up < end && v[up] >= 'A' && v[up] <= 'Z')
				up++;
			if (up == 3 || (up == 4 && (v[3] == 'T' || strncmp(v, "WITA", 4) == 0)) ||
			    (up == 5 && v[4] == 'T'))
				v += up;
			else
				return false;
			break;
		}
		case L_NUMTZ:
		case L_NUMCOLONTZ:
			if (!parse_offset(&v, end, c == L_NUMCOLONTZ, &zoff))
				return false;
			break;
		case L_ISOTZ:
		case L_ISOCOLONTZ:
			if (v < end && *v == 'Z') {
				v++;
				zoff = 0;
				break;
			}
			if (!parse_offset(&v, end, c == L_ISOCOLONTZ, &zoff))
				return false;
			break;
		}
	}
	if (v != end)
		return false;
	if (pm && hour < 12)
		hour += 12;
	else if (am && hour == 12)
		hour = 0;
	if (month < 0)
		month = 1;
	if (day < 0)
		day = 1;
	if (day < 1 || day > days_in(month, year))
		return false;
	int64_t t = days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - zoff;
	*unix = (double)t;
	return true;
}

static bool parse_go_time(const char *s, size_t n, double *unix)
{
	for (size_t i = 0; i < NSYMS(go_layouts); i++)
		if (parse_layout(go_layouts[i], s, n, unix))
			return true;
	return false;
}

/* ------------------------------------------------------------------- lexer */

struct lexer {
	const char *s;
	size_t n, pos;
	const size_t *tags; /* [start, end) pairs of {{...}} */
	size_t ntags;
	struct sbuf buf;
	bool tagged;
};

static size_t tag_end_at(const struct lexer *lx, size_t pos)
{
	for (size_t i = 0; i < lx->ntags; i++)
		if (lx->tags[2 * i] == pos)
			return lx->tags[2 * i + 1];
	return 0;
}

/* parsing.go readUntilFalse: reads while cond holds into lx->buf; a
 * backslash takes the next byte literally; whitespace is kept, skipped or
 * ends the token. Returns false when the text ran out first. */
static bool read_until(struct lexer *lx, bool include_ws, bool break_ws, bool escaping,
		       bool (*cond)(unsigned char))
{
	sb_reset(&lx->buf);
	lx->tagged = false;
	while (lx->pos < lx->n) {
		size_t te = tag_end_at(lx, lx->pos);
		if (te) {
			if (!include_ws)
				return true;
			sb_add(&lx->buf, lx->s + lx->pos, te - lx->pos);
			lx->tagged = true;
			lx->pos = te;
			continue;
		}
		unsigned char c = (unsigned char)lx->s[lx->pos++];
		if (escaping && c == '\\') {
			if (lx->pos >= lx->n)
				return false;
			sb_putc(&lx->buf, lx->s[lx->pos++]);
			continue;
		}
		if (is_space(c)) {
			if (break_ws && lx->buf.len > 0)
				return true;
			if (!include_ws)
				continue;
		}
		if (cond(c)) {
			sb_putc(&lx->buf, (char)c);
		} else {
			lx->pos--;
			return true;
		}
	}
	return false;
}

static int lex_number(struct lexer *lx, struct token *t, struct wfc_gv_error *err)
{
	char q[CLIP + 4];
	unsigned char c = (unsigned char)lx->s[lx->pos++];

	if (c == '0' && lx->pos < lx->n) {
		unsigned char c2 = (unsigned char)lx->s[lx->pos++];
		if (c2 == 'x' && lx->pos < lx->n) {
			uint64_t u = 0;
			read_until(lx, false, true, true, is_hex);
			bool ok = lx->buf.len > 0;
			for (size_t i = 0; ok && i < lx->buf.len; i++) {
				unsigned char h = (unsigned char)lx->buf.s[i];
				unsigned d = is_digit(h) ? (unsigned)(h - '0') : (h | 0x20u) - 'a' + 10u;
				if (!is_hex(h) || u > (UINT64_MAX - d) / 16)
					ok = false;
				else
					u = u * 16 + d;
			}
			if (!ok) {
				wfc_gv_set_error(err, t->off, "invalid hexadecimal number '0x%s'",
					  wfc_gv_clip(q, lx->buf.s ? lx->buf.s : "", lx->buf.len));
				return -1;
			}
			t->kind = K_NUMERIC;
			t->num = (double)u;
			return 1;
		}
		lx->pos--;
	}
	lx->pos--;
	read_until(lx, false, true, true, is_numeric);
	size_t dots = 0, digits = 0;
	for (size_t i = 0; i < lx->buf.len; i++) {
		if (lx->buf.s[i] == '.')
			dots++;
		else if (is_digit((unsigned char)lx->buf.s[i]))
			digits++;
		else
			dots = 2;
	}
	errno = 0;
	double d = digits && dots < 2 ? strtod(lx->buf.s, NULL) : 0;
	if (!digits || dots > 1 || (errno == ERANGE && isinf(d))) {
		wfc_gv_set_error(err, t->off, "invalid number '%s'",
			  wfc_gv_clip(q, lx->buf.s ? lx->buf.s : "", lx->buf.len));
		return -1;
	}
	t->kind = K_NUMERIC;
	t->num = d;
	return 1;
}

static int lex_word(struct lexer *lx, struct pool *pool, struct token *t,
		    struct wfc_gv_error *err)
{
	char q[CLIP + 4], q2[CLIP + 4];
	read_until(lx, false, true, true, is_var_name);
	const char *w = lx->buf.s;
	size_t n = lx->buf.len;

	t->kind = K_VARIABLE;
	t->str = pool_strndup(pool, w, n);
	t->len = n;
	if ((n == 4 && memcmp(w, "true", 4) == 0) || (n == 5 && memcmp(w, "false", 5) == 0)) {
		t->kind = K_BOOLEAN;
		t->b = n == 4;
	}
	if (n == 2 && (memcmp(w, "in", 2) == 0 || memcmp(w, "IN", 2) == 0)) {
		t->kind = K_COMPARATOR;
		t->op = OP_IN;
	}
	const char *dot = memchr(w, '.', n);
	if (dot && dot > w) {
		if (w[n - 1] == '.') {
			wfc_gv_set_error(err, t->off, "hanging accessor on token '%s'", wfc_gv_clip(q, w, n));
			return -1;
		}
		for (size_t i = (size_t)(dot - w); i < n; i++) {
			if (w[i] != '.' || !(w[i + 1] >= 'a' && w[i + 1] <= 'z'))
				continue;
			const char *seg = w + i + 1, *e = memchr(seg, '.', n - (i + 1));
			size_t segn = e ? (size_t)(e - seg) : n - (i + 1);
			wfc_gv_set_error(err, t->off, "unable to access unexported field '%s' in token '%s'",
				  wfc_gv_clip(q, seg, segn), wfc_gv_clip(q2, w, n));
			return -1;
		}
		t->kind = K_ACCESSOR;
		t->op = OP_NONE;
	}
	return 1;
}

/* Reads the next token; state is the kind of the previous one (a '-' is a
 * prefix only where a prefix may stand). 1: token, 0: end, -1: error. */
static int lex_next(struct lexer *lx, enum kind state, struct pool *pool, struct token *t,
		    struct wfc_gv_error *err)
{
	char q[CLIP + 4];

	memset(t, 0, sizeof(*t));
	while (lx->pos < lx->n && is_space((unsigned char)lx->s[lx->pos]))
		lx->pos++;
	if (lx->pos >= lx->n)
		return 0;
	t->off = lx->pos;

	int r = 1;
	if (lx->ntags) {
		/* a tag with the word characters glued to it */
		size_t p = lx->pos;
		bool has = false;
		for (;;) {
			size_t te = tag_end_at(lx, p);
			if (te) {
				has = true;
				p = te;
			} else if (p < lx->n && is_var_name((unsigned char)lx->s[p])) {
				p++;
			} else {
				break;
			}
		}
		if (has) {
			t->kind = K_TEMPLATE;
			lx->pos = p;
			t->end = p;
			return 1;
		}
	}

	unsigned char c = (unsigned char)lx->s[lx->pos];
	if (is_numeric(c)) {
		r = lex_number(lx, t, err);
	} else if (c == ',') {
		lx->pos++;
		t->kind = K_SEPARATOR;
		t->op = OP_SEP;
	} else if (c == '[') {
		lx->pos++;
		if (!read_until(lx, true, false, true, is_not_close_bracket)) {
			wfc_gv_set_error(err, t->off, "unclosed parameter bracket");
			return -1;
		}
		lx->pos++;
		t->kind = K_VARIABLE;
		t->str = pool_strndup(pool, lx->buf.s ? lx->buf.s : "", lx->buf.len);
		t->len = lx->buf.len;
	} else if (is_letter(c)) {
		r = lex_word(lx, pool, t, err);
	} else if (is_quote(c)) {
		lx->pos++;
		if (!read_until(lx, true, false, true, is_not_quote)) {
			wfc_gv_set_error(err, t->off, "unterminated string literal");
			return -1;
		}
		lx->pos++;
		t->tagged = lx->tagged;
		const char *s = lx->buf.s ? lx->buf.s : "";
		if (!t->tagged && parse_go_time(s, lx->buf.len, &t->num)) {
			t->kind = K_TIME;
		} else {
			t->kind = K_STRING;
			t->str = pool_strndup(pool, s, lx->buf.len);
			t->len = lx->buf.len;
		}
	} else if (c == '(') {
		lx->pos++;
		t->kind = K_CLAUSE;
	} else if (c == ')') {
		lx->pos++;
		t->kind = K_CLAUSE_CLOSE;
	} else {
		read_until(lx, false, true, true, is_not_alnum);
		const char *s = lx->buf.s ? lx->buf.s : "";
		size_t n = lx->buf.len;
		enum op op = OP_NONE;
		if ((states[state].next & B(K_PREFIX)) &&
		    (op = find_sym(prefix_syms, NSYMS(prefix_syms), s, n)))
			t->kind = K_PREFIX;
		else if ((op = find_sym(modifier_syms, NSYMS(modifier_syms), s, n)))
			t->kind = K_MODIFIER;
		else if ((op = find_sym(logical_syms, NSYMS(logical_syms), s, n)))
			t->kind = K_LOGICALOP;
		else if ((op = find_sym(comparator_syms, NSYMS(comparator_syms), s, n)))
			t->kind = K_COMPARATOR;
		else if ((op = find_sym(ternary_syms, NSYMS(ternary_syms), s, n)))
			t->kind = K_TERNARY;
		if (op == OP_NONE) {
			if (n == 0) {
				s = lx->s + t->off;
				n = 1;
			}
			wfc_gv_set_error(err, t->off, "invalid token '%s' (hint: try wrapping the affected "
				  "expression in quotes)", wfc_gv_clip(q, s, n));
			return -1;
		}
		t->op = op;
	}
	t->end = lx->pos;
	/* reading a word, number or symbol may have consumed one blank */
	while (t->end > t->off && is_space((unsigned char)lx->s[t->end - 1]))
		t->end--;
	return r;
}

/* --------------------------------------------------------------- the tree */

enum nkind { N_LIT, N_VAR, N_ACC, N_TEMPLATE, N_OP };

struct node {
	enum nkind kind;
	enum op op;
	size_t off, end;          /* the token (operator, literal or name) */
	unsigned depth;
	struct node *l, *r;
	struct wfc_gv_value val;  /* N_LIT */
	const char *name;         /* N_VAR, N_ACC: full name */
	size_t headlen;           /* N_ACC: length of the first segment */
	regex_t *re;              /* =~ or !~ with a constant pattern */
};

struct wfc_gv_expr {
	struct pool pool;
	struct node *root;
	regex_t **re;
	size_t nre, capre;
};

/* ----------------------------------------------------------------- regexes */

/* Rewrites the RE2 syntax Go accepts into POSIX extended syntax: \d \w \s
 * (and negations) become bracket expressions, escapes inside brackets are
 * resolved, (?:...) and (?P<name>...) lose their marks, lazy quantifiers
 * become greedy (only match or no match matters), leading (?i) / (?m) flags
 * become REG_ICASE / REG_NEWLINE. Returns 0, or -1 with msg. */
static int re_translate(const char *p, size_t n, struct sbuf *o, int *cflags, char *msg,
			size_t msgsz)
{
	size_t i = 0;
	if (n >= 3 && p[0] == '(' && p[1] == '?') {
		size_t j = 2;
		int f = 0;
		while (j < n && (p[j] == 'i' || p[j] == 'm' || p[j] == 's' || p[j] == 'U')) {
			if (p[j] == 'i')
				f |= REG_ICASE;
			if (p[j] == 'm')
				f |= REG_NEWLINE;
			j++;
		}
		if (j > 2 && j < n && p[j] == ')') {
			*cflags |= f;
			i = j + 1;
		}
	}
	while (i < n) {
		char c = p[i];
		if (c == '\\' && i + 1 < n) {
			char e = p[i + 1];
			i += 2;
			switch (e) {
			case 'd': sb_puts(o, "[0-9]"); break;
			case 'D': sb_puts(o, "[^0-9]"); break;
			case 'w': sb_puts(o, "[0-9A-Za-z_]"); break;
			case 'W': sb_puts(o, "[^0-9A-Za-z_]"); break;
			case 's': sb_puts(o, "[\t\n\f\r ]"); break;
			case 'S': sb_puts(o, "[^\t\n\f\r ]"); break;
			case 'A': sb_putc(o, '^'); break;
			case 'z': sb_putc(o, '$'); break;
			case 'n': sb_putc(o, '\n'); break;
			case 't': sb_putc(o, '\t'); break;
			case 'r': sb_putc(o, '\r'); break;
			case 'f': sb_putc(o, '\f'); break;
			case 'v': sb_putc(o, '\v'); break;
			default:
				sb_putc(o, '\\');
				sb_putc(o, e);
			}
			continue;
		}
		if (c == '[') {
			struct sbuf body = { 0 };
			bool neg = false, rbr = false, dash = false, caret = false, first = true;
			size_t j = i + 1;
			if (j < n && p[j] == '^') {
				neg = true;
				j++;
			}
			while (j < n && !(p[j] == ']' && !first)) {
				char b = p[j];
				if (b == '[' && j + 1 < n && p[j + 1] == ':') {
					const char *cl = NULL;
					for (size_t k = j + 2; k + 1 < n; k++)
						if (p[k] == ':' && p[k + 1] == ']') {
							cl = p + k + 2;
							break;
						}
					if (!cl) {
						sb_add(&body, "[", 1);
						j++;
					} else {
						sb_add(&body, p + j, (size_t)(cl - (p + j)));
						j = (size_t)(cl - p);
					}
				} else if (b == '\\' && j + 1 < n) {
					char e = p[j + 1];
					j += 2;
					switch (e) {
					case 'd': sb_puts(&body, "0-9"); break;
					case 'w': sb_puts(&body, "0-9A-Za-z_"); break;
					case 's': sb_puts(&body, "\t\n\f\r "); break;
					case 'n': sb_putc(&body, '\n'); break;
					case 't': sb_putc(&body, '\t'); break;
					case 'r': sb_putc(&body, '\r'); break;
					case 'f': sb_putc(&body, '\f'); break;
					case 'v': sb_putc(&body, '\v'); break;
					case ']': rbr = true; break;
					case '-': dash = true; break;
					case '^': caret = true; break;
					case 'D': case 'W': case 'S':
						snprintf(msg, msgsz, "'\\%c' inside brackets is not supported", e);
						free(body.s);
						return -1;
					default: sb_putc(&body, e);
					}
				} else if (b == ']') {
					rbr = true;
					j++;
				} else if (b == '^') {
					caret = true;
					j++;
				} else {
					sb_putc(&body, b);
					j++;
				}
				first = false;
			}
			if (j >= n) {
				snprintf(msg, msgsz, "missing closing ]");
				free(body.s);
				return -1;
			}
			i = j + 1;
			if (!neg && !rbr && body.len == 0 && !dash) {
				sb_puts(o, caret ? "\\^" : "[]");
			} else {
				sb_putc(o, '[');
				if (neg)
					sb_putc(o, '^');
				if (rbr)
					sb_putc(o, ']');
				if (body.len)
					sb_add(o, body.s, body.len);
				if (caret)
					sb_putc(o, '^');
				if (dash)
					sb_putc(o, '-');
				sb_putc(o, ']');
			}
			free(body.s);
			continue;
		}
		if (c == '(' && i + 2 < n && p[i + 1] == '?') {
			if (p[i + 2] == ':') {
				sb_putc(o, '(');
				i += 3;
				continue;
			}
			if (p[i + 2] == 'P' && i + 3 < n && p[i + 3] == '<') {
				const char *gt = memchr(p + i, '>', n - i);
				if (gt) {
					sb_putc(o, '(');
					i = (size_t)(gt - p) + 1;
					continue;
				}
			}
		}
		sb_putc(o, c);
		if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < n && p[i + 1] == '?')
			i++;
		i++;
	}
	return 0;
}

/* Compiles an RE2-style pattern; NULL with msg on failure. */
static regex_t *re_compile(const char *p, size_t n, char *msg, size_t msgsz)
{
	struct sbuf o = { 0 };
	int cflags = REG_EXTENDED | REG_NOSUB;
	if (re_translate(p, n, &o, &cflags, msg, msgsz) < 0) {
		free(o.s);
		return NULL;
	}
	regex_t *re = wfc_xmalloc(sizeof(*re));
	int rc = regcomp(re, o.s ? o.s : "", cflags);
	free(o.s);
	if (rc != 0) {
		regerror(rc, re, msg, msgsz);
		if (msg[0] >= 'A' && msg[0] <= 'Z')
			msg[0] = (char)(msg[0] - 'A' + 'a');
		free(re);
		return NULL;
	}
	return re;
}

static void re_destroy(regex_t *re)
{
	if (re) {
		regfree(re);
		free(re);
	}
}

/* ------------------------------------------------------------------ parser */

struct parser {
	const struct token *t;
	size_t n, i;
	const char *src;
	struct wfc_gv_expr *e;
	bool bare_strings;
	unsigned nest;
	struct wfc_gv_error *err;
};

static const char *tok_text(const struct parser *p, const struct token *t, char q[CLIP + 4])
{
	return wfc_gv_clip(q, p->src + t->off, t->end - t->off);
}

/* The token at p->i does not belong where it stands. */
static void *unexpected(struct parser *p)
{
	char q[CLIP + 4], q2[CLIP + 4];
	if (p->i >= p->n) {
		const struct token *last = &p->t[p->n - 1];
		wfc_gv_set_error(p->err, last->off, "missing operand after '%s'", tok_text(p, last, q));
	} else if (p->i == 0) {
		wfc_gv_set_error(p->err, p->t[0].off, "unexpected '%s' at the start of the expression",
			  tok_text(p, &p->t[0], q));
	} else {
		wfc_gv_set_error(p->err, p->t[p->i].off, "unexpected '%s' after '%s'",
			  tok_text(p, &p->t[p->i], q), tok_text(p, &p->t[p->i - 1], q2));
	}
	return NULL;
}

static struct node *new_node(struct parser *p, enum nkind kind, const struct token *t)
{
	struct node *n = pool_alloc(&p->e->pool, sizeof(*n));
	n->kind = kind;
	n->op = t->op;
	n->off = t->off;
	n->end = t->end;
	n->depth = 1;
	return n;
}

static struct node *new_op(struct parser *p, const struct token *t, struct node *l,
			   struct node *r)
{
	struct node *n = new_node(p, N_OP, t);
	n->l = l;
	n->r = r;
	unsigned d = r->depth;
	if (l && l->depth > d)
		d = l->depth;
	n->depth = d + 1;
	if (n->depth > WFC_GV_MAX_TREE) {
		wfc_gv_set_error(p->err, t->off, "expression nested too deeply (limit %d)", WFC_GV_MAX_TREE);
		return NULL;
	}
	return n;
}

static void keep_regex(struct wfc_gv_expr *e, regex_t *re)
{
	if (e->nre == e->capre) {
		e->capre = e->capre ? e->capre * 2 : 4;
		e->re = wfc_xrealloc(e->re, e->capre * sizeof(*e->re));
	}
	e->re[e->nre++] = re;
}

/* govaluate's optimizeTokens compiles a constant pattern right after =~ or
 * !~ at parse time, so a bad one is a syntax error. */
static int compile_constant_pattern(struct parser *p, struct node *opn, size_t ti)
{
	const struct token *t = &p->t[ti];
	char q[CLIP + 4], msg[96];
	if (t->tagged || !(t->kind == K_STRING || (t->kind == K_VARIABLE && p->bare_strings)))
		return 0;
	regex_t *re = re_compile(t->str, t->len, msg, sizeof(msg));
	if (!re) {
		wfc_gv_set_error(p->err, t->off, "invalid regular expression '%s': %s",
			  wfc_gv_clip(q, t->str, t->len), msg);
		return -1;
	}
	if (opn->r->kind == N_LIT && opn->r->off == t->off)
		opn->re = re;
	keep_regex(p->e, re);
	return 0;
}

#define LEVEL_UNARY 10

static int token_level(const struct token *t)
{
	switch (t->kind) {
	case K_SEPARATOR:
		return 0;
	case K_TERNARY:
		return 1;
	case K_LOGICALOP:
		return t->op == OP_OR ? 2 : 3;
	case K_COMPARATOR:
		return 4;
	case K_MODIFIER:
		switch (t->op) {
		case OP_BAND: case OP_BOR: case OP_BXOR:
			return 5;
		case OP_SHL: case OP_SHR:
			return 6;
		case OP_PLUS: case OP_MINUS:
			return 7;
		case OP_MUL: case OP_DIV: case OP_MOD:
			return 8;
		case OP_POW:
			return 9;
		default:
			return -1;
		}
	default:
		return -1;
	}
}

static struct node *parse_level(struct parser *p, int lvl);

static struct node *parse_primary(struct parser *p)
{
	if (p->i >= p->n)
		return unexpected(p);
	const struct token *t = &p->t[p->i];
	struct node *n;

	switch (t->kind) {
	case K_CLAUSE:
		if (++p->nest > WFC_GV_MAX_NESTING) {
			wfc_gv_set_error(p->err, t->off, "expression nested too deeply (limit %d)",
				  WFC_GV_MAX_NESTING);
			return NULL;
		}
		p->i++;
		n = parse_level(p, 0);
		p->nest--;
		if (!n)
			return NULL;
		if (p->i >= p->n || p->t[p->i].kind != K_CLAUSE_CLOSE)
			return unexpected(p);
		p->i++;
		return n;
	case K_NUMERIC:
	case K_TIME:
		n = new_node(p, N_LIT, t);
		n->val.type = WFC_GV_NUMBER;
		n->val.number = t->num;
		break;
	case K_BOOLEAN:
		n = new_node(p, N_LIT, t);
		n->val.type = WFC_GV_BOOL;
		n->val.boolean = t->b;
		break;
	case K_STRING:
		n = new_node(p, N_LIT, t);
		n->val.type = WFC_GV_STRING;
		n->val.string = t->str;
		n->val.len = t->len;
		break;
	case K_VARIABLE:
		if (p->bare_strings) {
			n = new_node(p, N_LIT, t);
			n->val.type = WFC_GV_STRING;
			n->val.string = t->str;
			n->val.len = t->len;
		} else {
			n = new_node(p, N_VAR, t);
			n->name = t->str;
			n->headlen = t->len;
		}
		break;
	case K_ACCESSOR:
		n = new_node(p, N_ACC, t);
		n->name = t->str;
		n->headlen = (size_t)((const char *)memchr(t->str, '.', t->len) - t->str);
		break;
	case K_TEMPLATE:
		n = new_node(p, N_TEMPLATE, t);
		break;
	default:
		return unexpected(p);
	}
	n->op = OP_NONE;
	p->i++;
	return n;
}

static struct node *parse_unary(struct parser *p)
{
	if (p->i < p->n && p->t[p->i].kind == K_PREFIX) {
		const struct token *t = &p->t[p->i++];
		if (++p->nest > WFC_GV_MAX_NESTING) {
			wfc_gv_set_error(p->err, t->off, "expression nested too deeply (limit %d)",
				  WFC_GV_MAX_NESTING);
			return NULL;
		}
		struct node *r = parse_unary(p);
		p->nest--;
		return r ? new_op(p, t, NULL, r) : NULL;
	}
	return parse_primary(p);
}

/* One precedence level, left-associative like govaluate after reordering. */
static struct node *parse_level(struct parser *p, int lvl)
{
	if (lvl == LEVEL_UNARY)
		return parse_unary(p);
	struct node *l = parse_level(p, lvl + 1);
	if (!l)
		return NULL;
	while (p->i < p->n && token_level(&p->t[p->i]) == lvl) {
		size_t opi = p->i++;
		struct node *r = parse_level(p, lvl + 1);
		if (!r)
			return NULL;
		l = new_op(p, &p->t[opi], l, r);
		if (!l)
			return NULL;
		if ((l->op == OP_REQ || l->op == OP_NREQ) && opi + 1 < p->n &&
		    compile_constant_pattern(p, l, opi + 1) < 0)
			return NULL;
	}
	return l;
}

/* lexerState.go checkExpressionSyntax. With bare_strings, run again as Argo
 * does after turning VARIABLE tokens into STRING; by then optimizeTokens has
 * made a quoted string right after =~ or !~ a PATTERN (a former bare word
 * becomes one only after this check). */
static int check_transitions(const struct parser *p, bool second_pass)
{
	char q[CLIP + 4], q2[CLIP + 4];
	enum kind state = K_UNKNOWN;
	const struct token *last = NULL;

	for (size_t i = 0; i < p->n; i++) {
		const struct token *t = &p->t[i];
		enum kind k = t->kind;
		if (second_pass) {
			if (k == K_STRING && !t->tagged && last && last->kind == K_COMPARATOR &&
			    (last->op == OP_REQ || last->op == OP_NREQ))
				k = K_PATTERN;
			if (k == K_VARIABLE)
				k = K_STRING;
		}
		bool ok = k == K_TEMPLATE ? (states[state].next & OPERAND_KINDS) != 0
					  : (states[state].next & B(k)) != 0;
		if (ok) {
			state = k;
			last = t;
			continue;
		}
		if (last && last->kind == K_VARIABLE && k == K_CLAUSE && !second_pass)
			wfc_gv_set_error(p->err, last->off, "undefined function '%s'", tok_text(p, last, q));
		else if (second_pass && state == K_PREFIX && t->kind == K_VARIABLE)
			wfc_gv_set_error(p->err, t->off, "prefix '%s' cannot be applied to the bare word '%s'",
				  tok_text(p, last, q), tok_text(p, t, q2));
		else if (!last)
			wfc_gv_set_error(p->err, t->off, "unexpected '%s' at the start of the expression",
				  tok_text(p, t, q));
		else
			wfc_gv_set_error(p->err, t->off, "unexpected '%s' after '%s'", tok_text(p, t, q),
				  tok_text(p, last, q2));
		return -1;
	}
	if (!states[state].eof) {
		wfc_gv_set_error(p->err, last->off, "missing operand after '%s'", tok_text(p, last, q));
		return -1;
	}
	return 0;
}

static int check_balance(const struct parser *p)
{
	size_t stack[WFC_GV_MAX_NESTING], depth = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (p->t[i].kind == K_CLAUSE) {
			if (depth == WFC_GV_MAX_NESTING) {
				wfc_gv_set_error(p->err, p->t[i].off,
					  "parentheses nested too deeply (limit %d)", WFC_GV_MAX_NESTING);
				return -1;
			}
			stack[depth++] = i;
		} else if (p->t[i].kind == K_CLAUSE_CLOSE) {
			if (depth == 0) {
				wfc_gv_set_error(p->err, p->t[i].off, "unmatched ')'");
				return -1;
			}
			depth--;
		}
	}
	if (depth) {
		wfc_gv_set_error(p->err, p->t[stack[depth - 1]].off, "unclosed '('");
		return -1;
	}
	return 0;
}

static struct wfc_gv_expr *parse_impl(const char *text, size_t len, unsigned flags,
				      const size_t *tags, size_t ntags, struct wfc_gv_error *err)
{
	struct wfc_gv_expr *e = wfc_xmalloc(sizeof(*e));
	memset(e, 0, sizeof(*e));
	struct lexer lx = { .s = text, .n = len, .tags = tags, .ntags = ntags };
	struct token *toks = NULL;
	size_t ntok = 0, cap = 0;
	enum kind state = K_UNKNOWN;
	int r;

	if (err) {
		err->offset = 0;
		err->message[0] = '\0';
	}
	for (;;) {
		struct token t;
		r = lex_next(&lx, state, &e->pool, &t, err);
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		if (ntok == cap) {
			cap = cap ? cap * 2 : 16;
			toks = wfc_xrealloc(toks, cap * sizeof(*toks));
		}
		toks[ntok++] = t;
		state = t.kind;
	}
	if (ntok == 0) {
		wfc_gv_set_error(err, 0, "empty expression");
		goto fail;
	}

	struct parser p = {
		.t = toks, .n = ntok, .src = text, .e = e,
		.bare_strings = (flags & WFC_GV_BARE_STRINGS) != 0, .err = err,
	};
	if (check_balance(&p) < 0 || check_transitions(&p, false) < 0 ||
	    (p.bare_strings && check_transitions(&p, true) < 0))
		goto fail;
	e->root = parse_level(&p, 0);
	if (!e->root)
		goto fail;
	if (p.i < p.n) {
		unexpected(&p);
		goto fail;
	}
	free(toks);
	free(lx.buf.s);
	return e;
fail:
	free(toks);
	free(lx.buf.s);
	wfc_gv_free(e);
	return NULL;
}

struct wfc_gv_expr *wfc_gv_parse(const char *text, size_t len, unsigned flags,
				 struct wfc_gv_error *err)
{
	return parse_impl(text, len, flags, NULL, 0, err);
}

void wfc_gv_free(struct wfc_gv_expr *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->nre; i++)
		re_destroy(e->re[i]);
	free(e->re);
	pool_destroy(&e->pool);
	free(e);
}

int wfc_gv_check_template(const char *text, struct wfc_gv_error *err)
{
	size_t len = strlen(text), *tags = NULL, ntags = 0, cap = 0;
	if (len == 0)
		return 0; /* no condition, as in Argo */
	for (size_t i = 0; i + 1 < len;) {
		if (text[i] != '{' || text[i + 1] != '{') {
			i++;
			continue;
		}
		const char *close = NULL;
		for (size_t j = i + 2; j + 1 < len; j++)
			if (text[j] == '}' && text[j + 1] == '}') {
				close = text + j;
				break;
			}
		if (!close)
			break;
		if (ntags == cap) {
			cap = cap ? cap * 2 : 8;
			tags = wfc_xrealloc(tags, 2 * cap * sizeof(*tags));
		}
		tags[2 * ntags] = i;
		tags[2 * ntags + 1] = (size_t)(close - text) + 2;
		ntags++;
		i = (size_t)(close - text) + 2;
	}
	struct wfc_gv_expr *e = parse_impl(text, len, WFC_GV_BARE_STRINGS, tags, ntags, err);
	free(tags);
	if (!e)
		return -1;
	wfc_gv_free(e);
	return 0;
}

/* -------------------------------------------------------------- formatting */

/* strconv.FormatFloat(d, 'g', -1, 64) as fmt's %v prints it. */
static void fmt_number(struct sbuf *b, double d)
{
	char e[40], digits[24];
	int prec, exp;
	size_t nd = 0;

	if (isnan(d)) {
		sb_puts(b, "NaN");
		return;
	}
	if (isinf(d)) {
		sb_puts(b, d > 0 ? "+Inf" : "-Inf");
		return;
	}
	if (d == 0) {
		sb_puts(b, signbit(d) ? "-0" : "0");
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(e, sizeof(e), "%.*e", prec - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	snprintf(e, sizeof(e), "%.*e", prec - 1, d);
	const char *s = e;
	if (*s == '-') {
		sb_putc(b, '-');
		s++;
	}
	for (; *s && *s != 'e'; s++)
		if (is_digit((unsigned char)*s))
			digits[nd++] = *s;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	exp = atoi(s + 1);
	if (exp < -4 || exp >= 6) {
		char ex[16];
		sb_putc(b, digits[0]);
		if (nd > 1) {
			sb_putc(b, '.');
			sb_add(b, digits + 1, nd - 1);
		}
		snprintf(ex, sizeof(ex), "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
		sb_puts(b, ex);
	} else if (exp < 0) {
		sb_puts(b, "0.");
		for (int i = -1; i > exp; i--)
			sb_putc(b, '0');
		sb_add(b, digits, nd);
	} else {
		size_t intd = (size_t)exp + 1;
		for (size_t i = 0; i < intd; i++)
			sb_putc(b, i < nd ? digits[i] : '0');
		if (nd > intd) {
			sb_putc(b, '.');
			sb_add(b, digits + intd, nd - intd);
		}
	}
}

static void fmt_value(struct sbuf *b, const struct wfc_gv_value *v, unsigned depth)
{
	switch (v->type) {
	case WFC_GV_NIL:
		sb_puts(b, "<nil>");
		break;
	case WFC_GV_NUMBER:
		fmt_number(b, v->number);
		break;
	case WFC_GV_STRING:
		sb_add(b, v->string ? v->string : "", v->len);
		break;
	case WFC_GV_BOOL:
		sb_puts(b, v->boolean ? "true" : "false");
		break;
	case WFC_GV_ARRAY:
		sb_putc(b, '[');
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				sb_putc(b, ' ');
			if (depth >= WFC_GV_MAX_TREE)
				sb_puts(b, "...");
			else
				fmt_value(b, &v->items[i], depth + 1);
		}
		sb_putc(b, ']');
		break;
	}
}

static size_t copy_out(struct sbuf *b, char *buf, size_t size)
{
	if (size) {
		size_t k = b->len < size - 1 ? b->len : size - 1;
		if (k)
			memcpy(buf, b->s, k);
		buf[k] = '\0';
	}
	size_t n = b->len;
	free(b->s);
	return n;
}

size_t wfc_gv_format(const struct wfc_gv_value *v, char *buf, size_t size)
{
	struct sbuf b = { 0 };
	fmt_value(&b, v, 0);
	return copy_out(&b, buf, size);
}

size_t wfc_gv_format_number(double d, char *buf, size_t size)
{
	struct sbuf b = { 0 };
	fmt_number(&b, d);
	return copy_out(&b, buf, size);
}

const char *wfc_gv_type_name(enum wfc_gv_type t)
{
	switch (t) {
	case WFC_GV_NIL: return "nil";
	case WFC_GV_NUMBER: return "number";
	case WFC_GV_STRING: return "string";
	case WFC_GV_BOOL: return "bool";
	case WFC_GV_ARRAY: return "array";
	}
	return "unknown";
}

/* --------------------------------------------------------------- evaluator */

struct ev {
	struct pool pool;
	wfc_gv_lookup_fn lookup;
	void *user;
	struct wfc_gv_error *err;
};

/* %v of a value, shortened for a message. */
static const char *vtext(const struct wfc_gv_value *v, char q[CLIP + 4])
{
	struct sbuf b = { 0 };
	fmt_value(&b, v, 0);
	wfc_gv_clip(q, b.s ? b.s : "", b.len);
	free(b.s);
	return q;
}

/* reflect.DeepEqual on govaluate values. */
static bool deep_equal(const struct wfc_gv_value *a, const struct wfc_gv_value *b,
		       unsigned depth)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case WFC_GV_NIL:
		return true;
	case WFC_GV_NUMBER:
		return a->number == b->number;
	case WFC_GV_STRING:
		return a->len == b->len && (a->len == 0 || memcmp(a->string, b->string, a->len) == 0);
	case WFC_GV_BOOL:
		return a->boolean == b->boolean;
	case WFC_GV_ARRAY:
		if (a->count != b->count || depth >= WFC_GV_MAX_TREE)
			return false;
		for (size_t i = 0; i < a->count; i++)
			if (!deep_equal(&a->items[i], &b->items[i], depth + 1))
				return false;
		return true;
	}
	return false;
}

static int str_cmp(const struct wfc_gv_value *a, const struct wfc_gv_value *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = n ? memcmp(a->string, b->string, n) : 0;
	if (c)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* Go's float64 -> int64 / uint64 conversions as amd64 performs them. */
static int64_t go_f2i(double d)
{
	if (isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)d;
}

static uint64_t go_f2u(double d)
{
	if (d < 9223372036854775808.0)
		return (uint64_t)go_f2i(d);
	return (uint64_t)go_f2i(d - 9223372036854775808.0) ^ ((uint64_t)1 << 63);
}

static int type_error(struct ev *c, const struct node *n, const struct wfc_gv_value *v,
		      const char *what, const char *suffix)
{
	char q[CLIP + 4];
	wfc_gv_set_error(c->err, n->off, "value '%s' cannot be used with the %s '%s'%s", vtext(v, q),
		  what, op_names[n->op], suffix);
	return -1;
}

static int eval_node(struct ev *c, const struct node *n, struct wfc_gv_value *out);

static void set_bool(struct wfc_gv_value *out, bool b)
{
	memset(out, 0, sizeof(*out));
	out->type = WFC_GV_BOOL;
	out->boolean = b;
}

static void set_num(struct wfc_gv_value *out, double d)
{
	memset(out, 0, sizeof(*out));
	out->type = WFC_GV_NUMBER;
	out->number = d;
}

static int eval_regex(struct ev *c, const struct node *n, const struct wfc_gv_value *l,
		      const struct wfc_gv_value *r, struct wfc_gv_value *out)
{
	char q[CLIP + 4], msg[96];
	regex_t *re = n->re, *own = NULL;
	if (!re) {
		own = re = re_compile(r->string, r->len, msg, sizeof(msg));
		if (!re) {
			wfc_gv_set_error(c->err, n->off, "unable to compile regexp pattern '%s': %s",
				  wfc_gv_clip(q, r->string, r->len), msg);
			return -1;
		}
	}
	bool m = regexec(re, l->string, 0, NULL, 0) == 0;
	re_destroy(own);
	set_bool(out, n->op == OP_REQ ? m : !m);
	return 0;
}

static int eval_op(struct ev *c, const struct node *n, struct wfc_gv_value *out)
{
	struct wfc_gv_value l = { .type = WFC_GV_NIL }, r = { .type = WFC_GV_NIL };
	bool skip_right = false;

	if (n->l && eval_node(c, n->l, &l) < 0)
		return -1;
	switch (n->op) {
	case OP_AND:
		if (l.type == WFC_GV_BOOL && !l.boolean) {
			set_bool(out, false);
			return 0;
		}
		break;
	case OP_OR:
		if (l.type == WFC_GV_BOOL && l.boolean) {
			set_bool(out, true);
			return 0;
		}
		break;
	case OP_COALESCE:
		if (l.type != WFC_GV_NIL) {
			*out = l;
			return 0;
		}
		break;
	case OP_TT:
		skip_right = l.type == WFC_GV_BOOL && !l.boolean;
		break;
	case OP_TF:
		skip_right = l.type != WFC_GV_NIL;
		break;
	default:
		break;
	}
	if (!skip_right && eval_node(c, n->r, &r) < 0)
		return -1;

	bool lnum = l.type == WFC_GV_NUMBER, rnum = r.type == WFC_GV_NUMBER;
	bool lstr = l.type == WFC_GV_STRING, rstr = r.type == WFC_GV_STRING;
	switch (n->op) {
	case OP_EQ:
	case OP_NEQ:
		set_bool(out, deep_equal(&l, &r, 0) == (n->op == OP_EQ));
		return 0;
	case OP_GT:
	case OP_LT:
	case OP_GTE:
	case OP_LTE: {
		if (!(lnum && rnum) && !(lstr && rstr))
			return type_error(c, n, &l, "comparator", ", it is not a number");
		int cmp = lnum ? (l.number > r.number) - (l.number < r.number) : str_cmp(&l, &r);
		bool res;
		if (lnum && (isnan(l.number) || isnan(r.number)))
			res = false;
		else if (n->op == OP_GT)
			res = cmp > 0;
		else if (n->op == OP_LT)
			res = cmp < 0;
		else if (n->op == OP_GTE)
			res = cmp >= 0;
		else
			res = cmp <= 0;
		set_bool(out, res);
		return 0;
	}
	case OP_REQ:
	case OP_NREQ:
		if (!lstr)
			return type_error(c, n, &l, "comparator", ", it is not a number");
		if (!rstr)
			return type_error(c, n, &r, "comparator", ", it is not a number");
		return eval_regex(c, n, &l, &r, out);
	case OP_IN:
		if (r.type != WFC_GV_ARRAY)
			return type_error(c, n, &r, "comparator", ", it is not a number");
		for (size_t i = 0; i < r.count; i++) {
			const struct wfc_gv_value *it = &r.items[i];
			if (l.type == WFC_GV_ARRAY && it->type == WFC_GV_ARRAY) {
				wfc_gv_set_error(c->err, n->off, "cannot compare arrays with 'in'");
				return -1;
			}
			if (l.type != WFC_GV_ARRAY && deep_equal(&l, it, 0)) {
				set_bool(out, true);
				return 0;
			}
		}
		set_bool(out, false);
		return 0;
	case OP_AND:
	case OP_OR:
		if (l.type != WFC_GV_BOOL)
			return type_error(c, n, &l, "logical operator", ", it is not a bool");
		if (r.type != WFC_GV_BOOL)
			return type_error(c, n, &r, "logical operator", ", it is not a bool");
		set_bool(out, n->op == OP_AND ? l.boolean && r.boolean : l.boolean || r.boolean);
		return 0;
	case OP_PLUS:
		if (lnum && rnum) {
			set_num(out, l.number + r.number);
			return 0;
		}
		if (!lstr && !rstr)
			return type_error(c, n, &l, "modifier", ", it is not a number");
		{
			struct sbuf b = { 0 };
			fmt_value(&b, &l, 0);
			fmt_value(&b, &r, 0);
			memset(out, 0, sizeof(*out));
			out->type = WFC_GV_STRING;
			out->string = pool_strndup(&c->pool, b.s ? b.s : "", b.len);
			out->len = b.len;
			free(b.s);
		}
		return 0;
	case OP_MINUS:
	case OP_MUL:
	case OP_DIV:
	case OP_MOD:
	case OP_POW:
	case OP_BAND:
	case OP_BOR:
	case OP_BXOR:
	case OP_SHL:
	case OP_SHR:
		if (!lnum)
			return type_error(c, n, &l, "modifier", ", it is not a number");
		if (!rnum)
			return type_error(c, n, &r, "modifier", ", it is not a number");
		switch (n->op) {
		case OP_MINUS: set_num(out, l.number - r.number); break;
		case OP_MUL: set_num(out, l.number * r.number); break;
		case OP_DIV: set_num(out, l.number / r.number); break;
		case OP_MOD: set_num(out, fmod(l.number, r.number)); break;
		case OP_POW: set_num(out, pow(l.number, r.number)); break;
		case OP_BAND: set_num(out, (double)(go_f2i(l.number) & go_f2i(r.number))); break;
		case OP_BOR: set_num(out, (double)(go_f2i(l.number) | go_f2i(r.number))); break;
		case OP_BXOR: set_num(out, (double)(go_f2i(l.number) ^ go_f2i(r.number))); break;
		case OP_SHL: {
			uint64_t s = go_f2u(r.number);
			set_num(out, s >= 64 ? 0.0 : (double)(go_f2u(l.number) << s));
			break;
		}
		default: {
			uint64_t s = go_f2u(r.number);
			set_num(out, s >= 64 ? 0.0 : (double)(go_f2u(l.number) >> s));
			break;
		}
		}
		return 0;
	case OP_NEG:
		if (!rnum)
			return type_error(c, n, &r, "prefix", "");
		set_num(out, -r.number);
		return 0;
	case OP_BNOT:
		if (!rnum)
			return type_error(c, n, &r, "prefix", "");
		set_num(out, (double)~go_f2i(r.number));
		return 0;
	case OP_INV:
		if (r.type != WFC_GV_BOOL)
			return type_error(c, n, &r, "prefix", "");
		set_bool(out, !r.boolean);
		return 0;
	case OP_TT:
		if (l.type != WFC_GV_BOOL)
			return type_error(c, n, &l, "ternary operator", ", it is not a bool");
		if (l.boolean)
			*out = r;
		else
			memset(out, 0, sizeof(*out));
		return 0;
	case OP_TF:
	case OP_COALESCE:
		*out = l.type != WFC_GV_NIL ? l : r;
		return 0;
	case OP_SEP: {
		size_t k = l.type == WFC_GV_ARRAY ? l.count : 1;
		struct wfc_gv_value *items = pool_alloc(&c->pool, (k + 1) * sizeof(*items));
		if (l.type == WFC_GV_ARRAY)
			memcpy(items, l.items, k * sizeof(*items));
		else
			items[0] = l;
		items[k] = r;
		memset(out, 0, sizeof(*out));
		out->type = WFC_GV_ARRAY;
		out->items = items;
		out->count = k + 1;
		return 0;
	}
	case OP_NONE:
		break;
	}
	wfc_gv_set_error(c->err, n->off, "cannot evaluate '%s'", op_names[n->op]);
	return -1;
}

static int eval_node(struct ev *c, const struct node *n, struct wfc_gv_value *out)
{
	char q[CLIP + 4];
	switch (n->kind) {
	case N_LIT:
		*out = n->val;
		return 0;
	case N_VAR:
	case N_ACC:
		memset(out, 0, sizeof(*out));
		if (!c->lookup || c->lookup(c->user, n->name, out) != 0) {
			wfc_gv_set_error(c->err, n->off, "no parameter '%s' found", wfc_gv_clip(q, n->name, n->headlen));
			return -1;
		}
		out->owned = NULL;
		if (out->type == WFC_GV_STRING && !out->string)
			out->string = "";
		return 0;
	case N_TEMPLATE:
		wfc_gv_set_error(c->err, n->off, "cannot evaluate an unsubstituted template");
		return -1;
	case N_OP:
		return eval_op(c, n, out);
	}
	return -1;
}

/* Every piece of a copied result starts aligned for a value. */
#define ROUND(n) (((n) + 15) & ~(size_t)15)

/* Bytes a deep copy of v needs beyond the value itself. */
static size_t copy_size(const struct wfc_gv_value *v, unsigned depth)
{
	size_t n = 0;
	if (v->type == WFC_GV_STRING)
		n = ROUND(v->len + 1);
	if (v->type == WFC_GV_ARRAY && depth < WFC_GV_MAX_TREE) {
		n = v->count * sizeof(struct wfc_gv_value);
		for (size_t i = 0; i < v->count; i++)
			n += copy_size(&v->items[i], depth + 1);
	}
	return n;
}

static void copy_into(struct wfc_gv_value *dst, const struct wfc_gv_value *src, char **cur,
		      unsigned depth)
{
	*dst = *src;
	dst->owned = NULL;
	if (src->type == WFC_GV_ARRAY) {
		if (depth >= WFC_GV_MAX_TREE) {
			dst->items = NULL;
			dst->count = 0;
			return;
		}
		struct wfc_gv_value *items = (struct wfc_gv_value *)(void *)*cur;
		*cur += src->count * sizeof(*items);
		for (size_t i = 0; i < src->count; i++)
			copy_into(&items[i], &src->items[i], cur, depth + 1);
		dst->items = items;
	} else if (src->type == WFC_GV_STRING) {
		char *s = *cur;
		if (src->len)
			memcpy(s, src->string, src->len);
		s[src->len] = '\0';
		*cur += ROUND(src->len + 1);
		dst->string = s;
	}
}

int wfc_gv_eval(const struct wfc_gv_expr *e, wfc_gv_lookup_fn lookup, void *user,
		struct wfc_gv_value *out, struct wfc_gv_error *err)
{
	struct ev c = { .lookup = lookup, .user = user, .err = err };
	struct wfc_gv_value v;

	memset(out, 0, sizeof(*out));
	if (err) {
		err->offset = 0;
		err->message[0] = '\0';
	}
	if (eval_node(&c, e->root, &v) < 0) {
		pool_destroy(&c.pool);
		return -1;
	}
	size_t need = copy_size(&v, 0);
	char *block = need ? wfc_xmalloc(need) : NULL, *cur = block;
	copy_into(out, &v, &cur, 0);
	out->owned = block;
	pool_destroy(&c.pool);
	return 0;
}

void wfc_gv_value_clear(struct wfc_gv_value *v)
{
	if (!v)
		return;
	free(v->owned);
	memset(v, 0, sizeof(*v));
}

int wfc_gv_eval_bool(const char *text, bool *out, struct wfc_gv_error *err)
{
	char q[CLIP + 4], q2[CLIP + 4];
	size_t len = strlen(text);
	if (len == 0) {
		*out = true;
		return 0;
	}
	struct wfc_gv_expr *e = wfc_gv_parse(text, len, WFC_GV_BARE_STRINGS, err);
	if (!e)
		return -1;
	struct wfc_gv_value v;
	int r = wfc_gv_eval(e, NULL, NULL, &v, err);
	wfc_gv_free(e);
	if (r < 0)
		return -1;
	if (v.type != WFC_GV_BOOL) {
		wfc_gv_set_error(err, 0, "expected boolean evaluation for '%s', got '%s'", wfc_gv_clip(q, text, len),
			  vtext(&v, q2));
		wfc_gv_value_clear(&v);
		return -1;
	}
	*out = v.boolean;
	wfc_gv_value_clear(&v);
	return 0;
}
