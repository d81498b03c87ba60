/* expr-lang expressions (see expr.h): a lexer and a precedence-climbing
 * parser producing a tree in an arena, and a tree-walking evaluator whose
 * temporaries live in a per-evaluation arena handed over with the result. */
#include "support/expr.h"

#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "support/arena.h"
#include "support/buf.h"

#define CLIP WFC_GV_CLIP
#define MAX_VALUE_DEPTH 256 /* printing, comparing and copying values */
#define MAX_JSON_DEPTH 128

/* ------------------------------------------------------------------ lexer */

enum tkind { T_EOF, T_INT, T_FLOAT, T_STRING, T_IDENT, T_OP };

struct token {
	enum tkind kind;
	size_t off, len; /* source text */
	int64_t i;
	double f;
	const char *s; /* STRING: decoded, NUL-terminated */
	size_t slen;
};

struct parser {
	const char *text;
	size_t len, pos;
	struct wfc_arena *a;
	struct token tok;
	int depth;
	int closure;      /* inside a predicate: # and .field are the element */
	struct wfc_gv_error *err;
};

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_ident_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

static bool is_ident(int c)
{
	return is_ident_start(c) || is_digit(c);
}

static int hexval(int c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void put_utf8(struct wfc_buf *b, unsigned long r)
{
	char u[4];
	if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
		r = 0xfffd;
	if (r < 0x80) {
		wfc_buf_putc(b, (char)r);
	} else if (r < 0x800) {
		u[0] = (char)(0xc0 | (r >> 6));
		u[1] = (char)(0x80 | (r & 0x3f));
		wfc_buf_add(b, u, 2);
	} else if (r < 0x10000) {
		u[0] = (char)(0xe0 | (r >> 12));
		u[1] = (char)(0x80 | ((r >> 6) & 0x3f));
		u[2] = (char)(0x80 | (r & 0x3f));
		wfc_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (r >> 18));
		u[1] = (char)(0x80 | ((r >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((r >> 6) & 0x3f));
		u[3] = (char)(0x80 | (r & 0x3f));
		wfc_buf_add(b, u, 4);
	}
}

/* A quoted string at p->pos (Go escapes; `raw` strings have none). */
static int lex_string(struct parser *p, struct token *t)
{
	const char *s = p->text;
	size_t i = p->pos + 1, start = p->pos;
	char q = s[start];
	struct wfc_buf b = { 0 };

	for (;;) {
		if (i >= p->len) {
			wfc_buf_free(&b);
			wfc_gv_set_error(p->err, start, "literal not terminated");
			return -1;
		}
		char c = s[i];
		if (c == q) {
			i++;
			break;
		}
		if (c != '\\' || q == '`') {
			wfc_buf_putc(&b, c);
			i++;
			continue;
		}
		size_t esc = i++;
		char e = i < p->len ? s[i++] : '\0';
		unsigned long r = 0;
		int nhex = 0;
		switch (e) {
		case 'a': wfc_buf_putc(&b, '\a'); break;
		case 'b': wfc_buf_putc(&b, '\b'); break;
		case 'f': wfc_buf_putc(&b, '\f'); break;
		case 'n': wfc_buf_putc(&b, '\n'); break;
		case 'r': wfc_buf_putc(&b, '\r'); break;
		case 't': wfc_buf_putc(&b, '\t'); break;
		case 'v': wfc_buf_putc(&b, '\v'); break;
		case '\\': wfc_buf_putc(&b, '\\'); break;
		case '\'': case '"': wfc_buf_putc(&b, e); break;
		case 'x': nhex = 2; break;
		case 'u': nhex = 4; break;
		case 'U': nhex = 8; break;
		default:
			if (e >= '0' && e <= '7') {
				r = (unsigned long)(e - '0');
				for (int k = 0; k < 2; k++, i++) {
					if (i >= p->len || s[i] < '0' || s[i] > '7')
						goto bad;
					r = r * 8 + (unsigned long)(s[i] - '0');
				}
				if (r > 255)
					goto bad;
				wfc_buf_putc(&b, (char)r);
				break;
			}
			goto bad;
		}
		if (nhex) {
			for (int k = 0; k < nhex; k++, i++) {
				int h = i < p->len ? hexval((unsigned char)s[i]) : -1;
				if (h < 0)
					goto bad;
				r = r * 16 + (unsigned long)h;
			}
			if (e == 'x')
				wfc_buf_putc(&b, (char)r);
			else
				put_utf8(&b, r);
		}
		continue;
bad:
		wfc_buf_free(&b);
		wfc_gv_set_error(p->err, esc, "invalid char escape");
		return -1;
	}
	t->kind = T_STRING;
	t->slen = b.len;
	t->s = wfc_arena_strndup(p->a, b.s ? b.s : "", b.len);
	wfc_buf_free(&b);
	p->pos = i;
	return 0;
}

static int lex_number(struct parser *p, struct token *t)
{
	const char *s = p->text;
	size_t i = p->pos, start = p->pos;
	char buf[128];
	size_t n = 0;
	int base = 10;
	bool isfloat = false;

	if (s[i] == '0' && i + 1 < p->len && strchr("xXoObB", s[i + 1])) {
		char k = (char)(s[i + 1] | 0x20);
		base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
		i += 2;
	}
	for (; i < p->len && n + 1 < sizeof(buf); i++) {
		char c = s[i];
		if (c == '_')
			continue;
		if (base == 16 ? hexval((unsigned char)c) >= 0 : is_digit(c)) {
			buf[n++] = c;
		} else if (base == 10 && c == '.' && !isfloat && i + 1 < p->len && is_digit(s[i + 1])) {
			buf[n++] = c;
			isfloat = true;
		} else if (base == 10 && (c == 'e' || c == 'E')) {
			buf[n++] = c;
			isfloat = true;
			if (i + 1 < p->len && (s[i + 1] == '+' || s[i + 1] == '-'))
				buf[n++] = s[++i];
			if (i + 1 >= p->len || !is_digit(s[i + 1])) {
				wfc_gv_set_error(p->err, i + 1, "invalid float literal");
				return -1;
			}
		} else {
			break;
		}
	}
	buf[n] = '\0';
	if (i < p->len && is_ident(s[i])) {
		wfc_gv_set_error(p->err, i, "bad number syntax: '%c'", s[i]);
		return -1;
	}
	errno = 0;
	if (isfloat) {
		t->kind = T_FLOAT;
		t->f = strtod(buf, NULL);
	} else {
		char *end;
		unsigned long long u = strtoull(n ? buf : "x", &end, base);
		if (*end || errno || u > INT64_MAX) {
			wfc_gv_set_error(p->err, start, "invalid integer literal '%.*s'",
					 (int)(i - start > 40 ? 40 : i - start), s + start);
			return -1;
		}
		t->kind = T_INT;
		t->i = (int64_t)u;
	}
	p->pos = i;
	return 0;
}

static const char *const two_char_ops[] = { "**", "??", "?.", "==", "!=", "<=", ">=", "&&", "||", ".." };

static int lex(struct parser *p, struct token *t)
{
	const char *s = p->text;
	while (p->pos < p->len && strchr(" \t\r\n", s[p->pos]) && s[p->pos])
		p->pos++;
	memset(t, 0, sizeof(*t));
	t->off = p->pos;
	if (p->pos >= p->len) {
		t->kind = T_EOF;
		return 0;
	}
	unsigned char c = (unsigned char)s[p->pos];
	int rc = 0;
	if (is_digit(c)) {
		rc = lex_number(p, t);
	} else if (c == '\'' || c == '"' || c == '`') {
		rc = lex_string(p, t);
	} else if (is_ident_start(c)) {
		while (p->pos < p->len && is_ident((unsigned char)s[p->pos]))
			p->pos++;
		t->kind = T_IDENT;
	} else {
		t->kind = T_OP;
		for (size_t k = 0; k < sizeof(two_char_ops) / sizeof(two_char_ops[0]); k++) {
			if (p->pos + 1 < p->len && !memcmp(s + p->pos, two_char_ops[k], 2) &&
			    !(k == 2 && p->pos + 2 < p->len && is_digit(s[p->pos + 2]))) {
				p->pos += 2;
				goto done;
			}
		}
		if (!c || !strchr("+-*/%^<>!?:.,()[]{}|#", c)) {
			wfc_gv_set_error(p->err, p->pos, "unrecognized character '%c'",
					 c >= 0x20 && c < 0x7f ? c : '?');
			return -1;
		}
		p->pos++;
	}
done:
	t->len = p->pos - t->off;
	return rc;
}

static int advance(struct parser *p)
{
	return lex(p, &p->tok);
}

static bool tok_is(const struct parser *p, const struct token *t, const char *s)
{
	return (t->kind == T_OP || t->kind == T_IDENT) && t->len == strlen(s) &&
	       !memcmp(p->text + t->off, s, t->len);
}

static bool is(const struct parser *p, const char *s)
{
	return tok_is(p, &p->tok, s);
}

/* ------------------------------------------------------------------ tree */

enum nkind { N_LIT, N_IDENT, N_MEMBER, N_SLICE, N_UNARY, N_BINARY, N_TERNARY,
	     N_ARRAY, N_MAP, N_CALL, N_METHOD, N_ELEM };

enum op {
	OP_OR, OP_AND, OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE, OP_IN, OP_MATCHES,
	OP_CONTAINS, OP_STARTS, OP_ENDS, OP_RANGE, OP_ADD, OP_SUB, OP_MUL, OP_DIV,
	OP_MOD, OP_POW, OP_NIL, OP_NOT, OP_NEG, OP_PLUS,
};

static const struct binop {
	const char *s;
	int prec;
	bool right;
	enum op op;
} binops[] = {
	{ "||", 10, false, OP_OR }, { "or", 10, false, OP_OR },
	{ "&&", 15, false, OP_AND }, { "and", 15, false, OP_AND },
	{ "==", 20, false, OP_EQ }, { "!=", 20, false, OP_NE },
	{ "<", 20, false, OP_LT }, { ">", 20, false, OP_GT },
	{ "<=", 20, false, OP_LE }, { ">=", 20, false, OP_GE },
	{ "in", 20, false, OP_IN }, { "matches", 20, false, OP_MATCHES },
	{ "contains", 20, false, OP_CONTAINS }, { "startsWith", 20, false, OP_STARTS },
	{ "endsWith", 20, false, OP_ENDS }, { "..", 25, false, OP_RANGE },
	{ "+", 30, false, OP_ADD }, { "-", 30, false, OP_SUB },
	{ "*", 60, false, OP_MUL }, { "/", 60, false, OP_DIV }, { "%", 60, false, OP_MOD },
	{ "**", 100, true, OP_POW }, { "^", 100, true, OP_POW },
	{ "??", 500, false, OP_NIL },
};

static const char *const op_names[] = {
	"||", "&&", "==", "!=", "<", ">", "<=", ">=", "in", "matches", "contains",
	"startsWith", "endsWith", "..", "+", "-", "*", "/", "%", "**", "??", "!", "-", "+",
};

enum fn {
	F_LEN, F_INT, F_FLOAT, F_STRING, F_ABS, F_UPPER, F_LOWER, F_TRIM, F_SPLIT, F_JOIN,
	F_TOJSON, F_FROMJSON, F_ASINT, F_ASFLOAT, F_JSONPATH, F_NOW, F_S_UPPER, F_S_LOWER,
	F_S_TRIM, F_S_REPLACE, F_S_INT, F_S_DEFAULT, F_CLOSURE,
	/* predicates over a list: the second argument is evaluated per element */
	F_FILTER, F_MAP, F_ALL, F_ANY, F_NONE, F_ONE, F_COUNT, F_FIND, F_FIND_INDEX,
	F_FIND_LAST, F_FIND_LAST_INDEX,
};

static bool is_predicate_fn(enum fn f)
{
	return f >= F_FILTER && f <= F_FIND_LAST_INDEX;
}

static const struct func {
	const char *name;
	enum fn fn;
	int min, max;
} funcs[] = {
	{ "len", F_LEN, 1, 1 }, { "int", F_INT, 1, 1 }, { "float", F_FLOAT, 1, 1 },
	{ "string", F_STRING, 1, 1 }, { "abs", F_ABS, 1, 1 }, { "upper", F_UPPER, 1, 1 },
	{ "lower", F_LOWER, 1, 1 }, { "trim", F_TRIM, 1, 2 }, { "split", F_SPLIT, 2, 2 },
	{ "join", F_JOIN, 1, 2 }, { "toJSON", F_TOJSON, 1, 1 }, { "toJson", F_TOJSON, 1, 1 },
	{ "fromJSON", F_FROMJSON, 1, 1 }, { "asInt", F_ASINT, 1, 1 },
	{ "asFloat", F_ASFLOAT, 1, 1 }, { "jsonpath", F_JSONPATH, 2, 2 }, { "now", F_NOW, 0, 0 },
	{ "sprig.upper", F_S_UPPER, 1, 1 }, { "sprig.lower", F_S_LOWER, 1, 1 },
	{ "sprig.trim", F_S_TRIM, 1, 1 }, { "sprig.replace", F_S_REPLACE, 3, 3 },
	{ "sprig.int", F_S_INT, 1, 1 }, { "sprig.default", F_S_DEFAULT, 2, 2 },
	{ "filter", F_FILTER, 2, 2 }, { "map", F_MAP, 2, 2 }, { "all", F_ALL, 2, 2 },
	{ "any", F_ANY, 2, 2 }, { "none", F_NONE, 2, 2 }, { "one", F_ONE, 2, 2 },
	{ "count", F_COUNT, 2, 2 }, { "find", F_FIND, 2, 2 }, { "findIndex", F_FIND_INDEX, 2, 2 },
	{ "findLast", F_FIND_LAST, 2, 2 }, { "findLastIndex", F_FIND_LAST_INDEX, 2, 2 },
	/* known to expr, not supported here */
	{ "sortBy", F_CLOSURE, 2, 3 }, { "groupBy", F_CLOSURE, 2, 2 }, { "reduce", F_CLOSURE, 2, 3 },
};
#define NFUNCS (sizeof(funcs) / sizeof(funcs[0]))

struct node {
	enum nkind kind;
	enum op op;
	bool negate, optional;
	size_t off;
	unsigned depth;
	struct wfc_ex_value val;
	const char *name; /* IDENT; METHOD; MEMBER: dotted name or NULL */
	const struct func *fn;
	struct node *a, *b, *c;
	struct node **list, **keys;
	size_t n;
};

struct wfc_expr {
	struct wfc_arena *a;
	struct node *root;
};

static struct node *new_node(struct parser *p, enum nkind kind, size_t off)
{
	struct node *n = WFC_NEW(p->a, struct node);
	n->kind = kind;
	n->off = off;
	n->depth = 1;
	return n;
}

/* Records a child's depth; fails past WFC_EX_MAX_TREE. */
static int child(struct parser *p, struct node *n, const struct node *c)
{
	if (c && c->depth + 1 > n->depth)
		n->depth = c->depth + 1;
	if (n->depth > WFC_EX_MAX_TREE) {
		wfc_gv_set_error(p->err, n->off, "expression is nested too deeply (more than %d levels)",
				 WFC_EX_MAX_TREE);
		return -1;
	}
	return 0;
}

static void *unexpected(struct parser *p)
{
	char q[CLIP + 4];
	if (p->tok.kind == T_EOF)
		wfc_gv_set_error(p->err, p->tok.off, "unexpected end of expression");
	else
		wfc_gv_set_error(p->err, p->tok.off, "unexpected token '%s'",
				 wfc_gv_clip(q, p->text + p->tok.off, p->tok.len));
	return NULL;
}

static int expect(struct parser *p, const char *s)
{
	if (!is(p, s)) {
		unexpected(p);
		return -1;
	}
	return advance(p);
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65];
	if (la > 64 || lb > 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static const struct func *find_func(struct parser *p, const char *name, size_t off)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < NFUNCS; i++) {
		if (!strcmp(funcs[i].name, name))
			return &funcs[i];
		size_t d = edit_distance(name, funcs[i].name);
		if (d < bestd) {
			bestd = d;
			best = funcs[i].name;
		}
	}
	char q[CLIP + 4];
	wfc_gv_clip(q, name, strlen(name));
	if (best)
		wfc_gv_set_error(p->err, off, "unknown func '%s' (did you mean '%s'?)", q, best);
	else
		wfc_gv_set_error(p->err, off, "unknown func '%s'", q);
	return NULL;
}

static struct node *parse_expression(struct parser *p, int prec);

/* Comma-separated expressions up to `close` (trailing comma allowed); for
 * maps, key: value pairs. */
static int parse_list(struct parser *p, struct node *n, const char *close, bool pairs)
{
	size_t cap = 0;
	struct node **items = NULL, **keys = NULL;
	int rc = -1;

	while (!is(p, close)) {
		struct node *k = NULL, *v;
		if (pairs) {
			k = new_node(p, N_LIT, p->tok.off);
			k->val.type = WFC_EX_STRING;
			if (p->tok.kind == T_IDENT) {
				k->val.string = wfc_arena_strndup(p->a, p->text + p->tok.off, p->tok.len);
				k->val.len = p->tok.len;
			} else if (p->tok.kind == T_STRING) {
				k->val.string = p->tok.s;
				k->val.len = p->tok.slen;
			} else if (p->tok.kind == T_INT) {
				k->val.string = wfc_arena_printf(p->a, "%lld", (long long)p->tok.i);
				k->val.len = strlen(k->val.string);
			} else if (is(p, "(")) {
				if (advance(p) || !(k = parse_expression(p, 0)) || expect(p, ")"))
					goto out;
				goto colon;
			} else {
				unexpected(p);
				goto out;
			}
			if (advance(p))
				goto out;
colon:
			if (expect(p, ":"))
				goto out;
		}
		if (!(v = parse_expression(p, 0)))
			goto out;
		if (n->n == cap) {
			cap = cap ? cap * 2 : 4;
			items = realloc(items, cap * sizeof(*items));
			keys = realloc(keys, cap * sizeof(*keys));
			if (!items || !keys)
				abort();
		}
		keys[n->n] = k;
		items[n->n++] = v;
		if (child(p, n, v) || (k && child(p, n, k)))
			goto out;
		if (!is(p, ","))
			break;
		if (advance(p))
			goto out;
	}
	if (expect(p, close))
		goto out;
	n->list = WFC_NEWN(p->a, struct node *, n->n + 1);
	n->keys = WFC_NEWN(p->a, struct node *, n->n + 1);
	if (n->n) {
		memcpy(n->list, items, n->n * sizeof(*items));
		memcpy(n->keys, keys, n->n * sizeof(*keys));
	}
	rc = 0;
out:
	free(items);
	free(keys);
	return rc;
}

static struct node *parse_call(struct parser *p, const char *name, size_t off)
{
	const struct func *f = find_func(p, name, off);
	if (!f)
		return NULL;
	struct node *n = new_node(p, N_CALL, off);
	n->fn = f;
	if (is_predicate_fn(f->fn)) {
		/* f(list, {PREDICATE}) or f(list, PREDICATE): # is the element */
		n->list = WFC_NEWN(p->a, struct node *, 2);
		if (advance(p) || !(n->list[0] = parse_expression(p, 0)) || expect(p, ","))
			return NULL;
		bool braces = is(p, "{");
		p->closure++;
		if ((braces && advance(p)) || !(n->list[1] = parse_expression(p, 0)) ||
		    (braces && expect(p, "}")))
			return NULL;
		p->closure--;
		if (expect(p, ")") || child(p, n, n->list[0]) || child(p, n, n->list[1]))
			return NULL;
		n->n = 2;
		return n;
	}
	if (advance(p) || parse_list(p, n, ")", false))
		return NULL;
	if ((int)n->n < f->min || (int)n->n > f->max) {
		wfc_gv_set_error(p->err, off, "%s arguments to call '%s'",
				 (int)n->n < f->min ? "not enough" : "too many", f->name);
		return NULL;
	}
	return n;
}

static struct node *parse_postfix(struct parser *p, struct node *n)
{
	for (;;) {
		size_t off = p->tok.off;
		bool opt = is(p, "?.");
		if (is(p, ".") || opt) {
			if (advance(p))
				return NULL;
			if (opt && is(p, "["))
				goto index;
			if (p->tok.kind != T_IDENT)
				return unexpected(p);
			size_t noff = p->tok.off;
			char *name = wfc_arena_strndup(p->a, p->text + noff, p->tok.len);
			if (advance(p))
				return NULL;
			struct node *m;
			if (is(p, "(")) {
				if (n->kind == N_IDENT && !strcmp(n->name, "sprig")) {
					m = parse_call(p, wfc_arena_printf(p->a, "sprig.%s", name), noff);
					if (!m)
						return NULL;
					m->off = n->off;
				} else {
					m = new_node(p, N_METHOD, noff);
					m->name = name;
					m->a = n;
					if (advance(p) || parse_list(p, m, ")", false))
						return NULL;
				}
			} else {
				m = new_node(p, N_MEMBER, off);
				m->a = n;
				m->b = new_node(p, N_LIT, noff);
				m->b->val.type = WFC_EX_STRING;
				m->b->val.string = name;
				m->b->val.len = strlen(name);
				m->optional = opt;
				if (n->kind == N_IDENT || (n->kind == N_MEMBER && n->name))
					m->name = wfc_arena_printf(p->a, "%s.%s", n->name, name);
			}
			if (child(p, m, n))
				return NULL;
			n = m;
			continue;
		}
		if (!is(p, "["))
			return n;
index:
		if (advance(p))
			return NULL;
		struct node *m = new_node(p, N_MEMBER, off), *lo = NULL;
		m->a = n;
		m->optional = opt;
		if (!is(p, ":") && !(lo = parse_expression(p, 0)))
			return NULL;
		if (is(p, ":")) {
			m->kind = N_SLICE;
			m->b = lo;
			if (advance(p))
				return NULL;
			if (!is(p, "]") && !(m->c = parse_expression(p, 0)))
				return NULL;
		} else {
			m->b = lo;
		}
		if (expect(p, "]") || child(p, m, n) || child(p, m, m->b) || child(p, m, m->c))
			return NULL;
		/* dotted name for flat environments */
		if (m->kind == N_MEMBER && m->b->kind == N_LIT && m->b->val.type == WFC_EX_STRING &&
		    (n->kind == N_IDENT || (n->kind == N_MEMBER && n->name)))
			m->name = wfc_arena_printf(p->a, "%s.%s", n->name, m->b->val.string);
		n = m;
	}
}

static struct node *parse_primary(struct parser *p)
{
	struct token t = p->tok;
	struct node *n;

	switch (t.kind) {
	case T_EOF:
		return unexpected(p);
	case T_INT:
	case T_FLOAT:
	case T_STRING:
		n = new_node(p, N_LIT, t.off);
		n->val.type = t.kind == T_INT ? WFC_EX_INT : t.kind == T_FLOAT ? WFC_EX_FLOAT : WFC_EX_STRING;
		n->val.integer = t.i;
		n->val.number = t.f;
		n->val.string = t.s;
		n->val.len = t.slen;
		if (advance(p))
			return NULL;
		break;
	case T_IDENT:
		if (is(p, "true") || is(p, "false") || is(p, "nil")) {
			n = new_node(p, N_LIT, t.off);
			n->val.type = is(p, "nil") ? WFC_EX_NIL : WFC_EX_BOOL;
			n->val.boolean = is(p, "true");
			if (advance(p))
				return NULL;
			break;
		}
		for (size_t k = 0; k < sizeof(binops) / sizeof(binops[0]); k++)
			if (is(p, binops[k].s))
				return unexpected(p);
		{
			char *name = wfc_arena_strndup(p->a, p->text + t.off, t.len);
			if (advance(p))
				return NULL;
			if (is(p, "(")) {
				n = parse_call(p, name, t.off);
			} else {
				n = new_node(p, N_IDENT, t.off);
				n->name = name;
			}
		}
		break;
	case T_OP:
		if (is(p, "#") || (is(p, ".") && p->closure)) {
			if (!p->closure) {
				wfc_gv_set_error(p->err, t.off,
						 "'#' is only allowed in a predicate (filter, map, all, ...)");
				return NULL;
			}
			n = new_node(p, N_ELEM, t.off);
			if (is(p, "#")) {
				if (advance(p))
					return NULL;
				break;
			}
			/* .field: the element's field; parse_postfix reads it */
			return parse_postfix(p, n);
		}
		if (is(p, "(")) {
			if (advance(p) || !(n = parse_expression(p, 0)) || expect(p, ")"))
				return NULL;
		} else if (is(p, "[") || is(p, "{")) {
			bool map = is(p, "{");
			n = new_node(p, map ? N_MAP : N_ARRAY, t.off);
			if (advance(p) || parse_list(p, n, map ? "}" : "]", map))
				return NULL;
		} else {
			return unexpected(p);
		}
		break;
	default:
		return unexpected(p);
	}
	return n ? parse_postfix(p, n) : NULL;
}

static const struct binop *binary_at(const struct parser *p, const struct token *t)
{
	for (size_t k = 0; k < sizeof(binops) / sizeof(binops[0]); k++)
		if (tok_is(p, t, binops[k].s))
			return &binops[k];
	return NULL;
}

static struct node *parse_expression(struct parser *p, int prec)
{
	struct node *left;

	if (++p->depth > WFC_EX_MAX_NESTING) {
		wfc_gv_set_error(p->err, p->tok.off, "expression is nested too deeply (more than %d levels)",
				 WFC_EX_MAX_NESTING);
		return NULL;
	}
	struct token t = p->tok;
	if (is(p, "!") || is(p, "not") || is(p, "-") || is(p, "+")) {
		bool isnot = !is(p, "-") && !is(p, "+");
		left = new_node(p, N_UNARY, t.off);
		left->op = isnot ? OP_NOT : is(p, "-") ? OP_NEG : OP_PLUS;
		if (advance(p) || !(left->a = parse_expression(p, isnot ? 50 : 90)) ||
		    child(p, left, left->a))
			return NULL;
		if (!isnot)
			left = parse_postfix(p, left);
	} else {
		left = parse_primary(p);
	}
	if (!left)
		return NULL;

	for (;;) {
		struct token opt = p->tok;
		bool negate = false;
		const struct binop *b;
		if (is(p, "not")) {
			struct parser save = *p;
			struct token next;
			if (lex(&save, &next))
				return NULL;
			b = binary_at(p, &next);
			if (!b || b->prec != 20 || b->op < OP_IN) {
				p->tok = next;
				return unexpected(p);
			}
			if (b->prec < prec)
				break;
			negate = true;
			if (advance(p))
				return NULL;
		} else {
			b = binary_at(p, &p->tok);
			if (!b || b->prec < prec)
				break;
		}
		if (advance(p))
			return NULL;
		struct node *n = new_node(p, N_BINARY, opt.off);
		n->op = b->op;
		n->negate = negate;
		n->a = left;
		if (!(n->b = parse_expression(p, b->right ? b->prec : b->prec + 1)) ||
		    child(p, n, n->a) || child(p, n, n->b))
			return NULL;
		left = n;
	}

	if (prec == 0 && is(p, "?")) {
		struct node *n = new_node(p, N_TERNARY, p->tok.off);
		n->a = left;
		if (advance(p))
			return NULL;
		if (is(p, ":")) {
			if (advance(p))
				return NULL;
		} else if (!(n->b = parse_expression(p, 0)) || expect(p, ":")) {
			return NULL;
		}
		if (!(n->c = parse_expression(p, 0)) || child(p, n, n->a) || child(p, n, n->b) ||
		    child(p, n, n->c))
			return NULL;
		left = n;
	}
	p->depth--;
	return left;
}

struct wfc_expr *wfc_expr_parse(const char *text, size_t len, struct wfc_gv_error *err)
{
	struct parser p = { .text = text, .len = len, .err = err };
	struct wfc_gv_error dummy;
	if (!err)
		p.err = &dummy;
	p.a = wfc_arena_create();
	struct node *root = NULL;
	if (advance(&p) == 0) {
		if (p.tok.kind == T_EOF)
			wfc_gv_set_error(p.err, 0, "empty expression");
		else if ((root = parse_expression(&p, 0)) && p.tok.kind != T_EOF)
			root = unexpected(&p);
	}
	if (!root) {
		wfc_arena_destroy(p.a);
		return NULL;
	}
	struct wfc_expr *e = WFC_NEW(p.a, struct wfc_expr);
	e->a = p.a;
	e->root = root;
	return e;
}

void wfc_expr_free(struct wfc_expr *e)
{
	if (e)
		wfc_arena_destroy(e->a);
}

int wfc_expr_check(const char *text, struct wfc_gv_error *err)
{
	struct wfc_expr *e = wfc_expr_parse(text, strlen(text), err);
	if (!e)
		return -1;
	wfc_expr_free(e);
	return 0;
}

/* -------------------------------------------------------------- formatting */

const char *wfc_ex_type_name(enum wfc_ex_type t)
{
	switch (t) {
	case WFC_EX_NIL: return "nil";
	case WFC_EX_BOOL: return "bool";
	case WFC_EX_INT: return "int";
	case WFC_EX_FLOAT: return "float64";
	case WFC_EX_STRING: return "string";
	case WFC_EX_ARRAY: return "[]interface {}";
	case WFC_EX_MAP: return "map[string]interface {}";
	}
	return "?";
}

struct kv {
	const char *k;
	size_t i;
};

static int kv_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

/* Map entries sorted by key (malloc'd), as Go prints and marshals maps. */
static struct kv *sorted_keys(const struct wfc_ex_value *v)
{
	struct kv *kv = malloc((v->count + 1) * sizeof(*kv));
	if (!kv)
		abort();
	for (size_t i = 0; i < v->count; i++)
		kv[i] = (struct kv){ v->keys[i], i };
	qsort(kv, v->count, sizeof(*kv), kv_cmp);
	return kv;
}

static void fmt_float(struct wfc_buf *b, double d)
{
	char tmp[64];
	wfc_gv_format_number(d, tmp, sizeof(tmp));
	wfc_buf_puts(b, tmp);
}

static void fmt_v(struct wfc_buf *b, const struct wfc_ex_value *v, unsigned depth)
{
	if (depth > MAX_VALUE_DEPTH) {
		wfc_buf_puts(b, "...");
		return;
	}
	switch (v->type) {
	case WFC_EX_NIL: wfc_buf_puts(b, "<nil>"); break;
	case WFC_EX_BOOL: wfc_buf_puts(b, v->boolean ? "true" : "false"); break;
	case WFC_EX_INT: wfc_buf_printf(b, "%lld", (long long)v->integer); break;
	case WFC_EX_FLOAT: fmt_float(b, v->number); break;
	case WFC_EX_STRING: wfc_buf_add(b, v->string, v->len); break;
	case WFC_EX_ARRAY:
		wfc_buf_putc(b, '[');
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				wfc_buf_putc(b, ' ');
			fmt_v(b, &v->items[i], depth + 1);
		}
		wfc_buf_putc(b, ']');
		break;
	case WFC_EX_MAP: {
		struct kv *kv = sorted_keys(v);
		wfc_buf_puts(b, "map[");
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				wfc_buf_putc(b, ' ');
			wfc_buf_puts(b, kv[i].k);
			wfc_buf_putc(b, ':');
			fmt_v(b, &v->items[kv[i].i], depth + 1);
		}
		wfc_buf_putc(b, ']');
		free(kv);
		break;
	}
	}
}

static void json_string(struct wfc_buf *b, const char *s, size_t n)
{
	wfc_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			wfc_buf_putc(b, '\\');
			wfc_buf_putc(b, (char)c);
		} else if (c == '\n') {
			wfc_buf_puts(b, "\\n");
		} else if (c == '\r') {
			wfc_buf_puts(b, "\\r");
		} else if (c == '\t') {
			wfc_buf_puts(b, "\\t");
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
			wfc_buf_printf(b, "\\u%04x", c);
		} else {
			wfc_buf_putc(b, (char)c);
		}
	}
	wfc_buf_putc(b, '"');
}

/* encoding/json's float64: fixed notation for 1e-6 <= |d| < 1e21, else
 * shortest exponent form with e-7 rather than e-07. */
static int json_float(struct wfc_buf *b, double d)
{
	char tmp[400];
	if (isnan(d) || isinf(d))
		return -1;
	double ad = fabs(d);
	if (ad == 0 || (ad >= 1e-6 && ad < 1e21)) {
		for (int prec = 0; prec < 30; prec++) {
			snprintf(tmp, sizeof(tmp), "%.*f", prec, d);
			if (strtod(tmp, NULL) == d)
				break;
		}
		if (d == 0)
			snprintf(tmp, sizeof(tmp), "%s", signbit(d) ? "-0" : "0");
		wfc_buf_puts(b, tmp);
		return 0;
	}
	wfc_gv_format_number(d, tmp, sizeof(tmp));
	char *e = strstr(tmp, "e-0");
	if (e)
		memmove(e + 2, e + 3, strlen(e + 3) + 1);
	wfc_buf_puts(b, tmp);
	return 0;
}

static int fmt_json(struct wfc_buf *b, const struct wfc_ex_value *v, unsigned depth)
{
	if (depth > MAX_VALUE_DEPTH)
		return -1;
	switch (v->type) {
	case WFC_EX_NIL: wfc_buf_puts(b, "null"); break;
	case WFC_EX_BOOL: wfc_buf_puts(b, v->boolean ? "true" : "false"); break;
	case WFC_EX_INT: wfc_buf_printf(b, "%lld", (long long)v->integer); break;
	case WFC_EX_FLOAT: return json_float(b, v->number);
	case WFC_EX_STRING: json_string(b, v->string, v->len); break;
	case WFC_EX_ARRAY:
		wfc_buf_putc(b, '[');
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				wfc_buf_putc(b, ',');
			if (fmt_json(b, &v->items[i], depth + 1))
				return -1;
		}
		wfc_buf_putc(b, ']');
		break;
	case WFC_EX_MAP: {
		struct kv *kv = sorted_keys(v);
		int rc = 0;
		wfc_buf_putc(b, '{');
		for (size_t i = 0; i < v->count && !rc; i++) {
			if (i)
				wfc_buf_putc(b, ',');
			json_string(b, kv[i].k, strlen(kv[i].k));
			wfc_buf_putc(b, ':');
			rc = fmt_json(b, &v->items[kv[i].i], depth + 1);
		}
		wfc_buf_putc(b, '}');
		free(kv);
		return rc;
	}
	}
	return 0;
}

static size_t copy_out(struct wfc_buf *b, char *buf, size_t size)
{
	size_t n = b->len;
	if (size) {
		size_t k = n < size - 1 ? n : size - 1;
		if (k)
			memcpy(buf, b->s, k);
		buf[k] = '\0';
	}
	wfc_buf_free(b);
	return n;
}

size_t wfc_ex_format(const struct wfc_ex_value *v, char *buf, size_t size)
{
	struct wfc_buf b = { 0 };
	fmt_v(&b, v, 0);
	return copy_out(&b, buf, size);
}

size_t wfc_ex_format_json(const struct wfc_ex_value *v, char *buf, size_t size)
{
	struct wfc_buf b = { 0 };
	if (fmt_json(&b, v, 0)) {
		b.len = 0;
		wfc_buf_puts(&b, "null");
	}
	return copy_out(&b, buf, size);
}

size_t wfc_ex_format_tag(const struct wfc_ex_value *v, char *buf, size_t size)
{
	if (v->type == WFC_EX_STRING) {
		struct wfc_buf b = { 0 };
		wfc_buf_add(&b, v->string, v->len);
		return copy_out(&b, buf, size);
	}
	return wfc_ex_format_json(v, buf, size);
}

/* -------------------------------------------------------------- evaluation */

struct ev {
	struct wfc_arena *a;
	wfc_ex_lookup_fn lookup;
	void *user;
	struct wfc_gv_error *err;
	const struct wfc_ex_value *elem;   /* # of the predicate being evaluated */
};

static int eval(struct ev *c, const struct node *n, struct wfc_ex_value *out);

static void set_nil(struct wfc_ex_value *v)
{
	memset(v, 0, sizeof(*v));
}

static void set_bool(struct wfc_ex_value *v, bool b)
{
	set_nil(v);
	v->type = WFC_EX_BOOL;
	v->boolean = b;
}

static void set_int(struct wfc_ex_value *v, int64_t i)
{
	set_nil(v);
	v->type = WFC_EX_INT;
	v->integer = i;
}

static void set_float(struct wfc_ex_value *v, double d)
{
	set_nil(v);
	v->type = WFC_EX_FLOAT;
	v->number = d;
}

static void set_str(struct ev *c, struct wfc_ex_value *v, const char *s, size_t n)
{
	set_nil(v);
	v->type = WFC_EX_STRING;
	v->string = wfc_arena_strndup(c->a, s, n);
	v->len = n;
}

static void set_buf(struct ev *c, struct wfc_ex_value *v, struct wfc_buf *b)
{
	set_str(c, v, b->s ? b->s : "", b->len);
	wfc_buf_free(b);
}

static bool is_num(const struct wfc_ex_value *v)
{
	return v->type == WFC_EX_INT || v->type == WFC_EX_FLOAT;
}

static double as_double(const struct wfc_ex_value *v)
{
	return v->type == WFC_EX_INT ? (double)v->integer : v->number;
}

/* Go's int64(f) on amd64: out of range and NaN give the minimum. */
static int64_t go_f2i(double d)
{
	if (isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)d;
}

static bool equal(const struct wfc_ex_value *a, const struct wfc_ex_value *b, unsigned depth)
{
	if (depth > MAX_VALUE_DEPTH)
		return false;
	if (is_num(a) && is_num(b)) {
		if (a->type == WFC_EX_INT && b->type == WFC_EX_INT)
			return a->integer == b->integer;
		return as_double(a) == as_double(b);
	}
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case WFC_EX_NIL: return true;
	case WFC_EX_BOOL: return a->boolean == b->boolean;
	case WFC_EX_STRING: return a->len == b->len && !memcmp(a->string, b->string, a->len);
	case WFC_EX_ARRAY:
		if (a->count != b->count)
			return false;
		for (size_t i = 0; i < a->count; i++)
			if (!equal(&a->items[i], &b->items[i], depth + 1))
				return false;
		return true;
	case WFC_EX_MAP:
		if (a->count != b->count)
			return false;
		for (size_t i = 0; i < a->count; i++) {
			size_t j = 0;
			while (j < b->count && strcmp(a->keys[i], b->keys[j]))
				j++;
			if (j == b->count || !equal(&a->items[i], &b->items[j], depth + 1))
				return false;
		}
		return true;
	default:
		return false;
	}
}

static int mismatch(struct ev *c, const struct node *n, const char *op,
		    const struct wfc_ex_value *l, const struct wfc_ex_value *r)
{
	wfc_gv_set_error(c->err, n->off, "invalid operation: %s (mismatched types %s and %s)", op,
			 wfc_ex_type_name(l->type), wfc_ex_type_name(r->type));
	return -1;
}

static const struct wfc_ex_value *map_get(const struct wfc_ex_value *m, const char *k, size_t klen)
{
	for (size_t i = m->count; i-- > 0;)
		if (strlen(m->keys[i]) == klen && !memcmp(m->keys[i], k, klen))
			return &m->items[i];
	return NULL;
}

static int fetch(struct ev *c, const struct node *n, const struct wfc_ex_value *base,
		 const struct wfc_ex_value *key, struct wfc_ex_value *out)
{
	char q[CLIP + 4], kt[64];
	if (key->type == WFC_EX_STRING)
		wfc_gv_clip(q, key->string, key->len);
	else
		wfc_gv_clip(q, kt, wfc_ex_format(key, kt, sizeof(kt)) < sizeof(kt) ? strlen(kt) : sizeof(kt) - 1);

	switch (base->type) {
	case WFC_EX_MAP: {
		if (key->type != WFC_EX_STRING) {
			wfc_gv_set_error(c->err, n->off, "cannot use %s as a map key", wfc_ex_type_name(key->type));
			return -1;
		}
		const struct wfc_ex_value *v = map_get(base, key->string, key->len);
		if (v)
			*out = *v;
		else
			set_nil(out);
		return 0;
	}
	case WFC_EX_ARRAY:
	case WFC_EX_STRING: {
		if (key->type != WFC_EX_INT) {
			wfc_gv_set_error(c->err, n->off, "cannot fetch '%s' from %s", q, wfc_ex_type_name(base->type));
			return -1;
		}
		size_t len = base->type == WFC_EX_ARRAY ? base->count : base->len;
		int64_t i = key->integer;
		if (i < 0)
			i += (int64_t)len;
		if (i < 0 || (uint64_t)i >= len) {
			wfc_gv_set_error(c->err, n->off, "index out of range: %lld (array length is %zu)",
					 (long long)key->integer, len);
			return -1;
		}
		if (base->type == WFC_EX_ARRAY)
			*out = base->items[i];
		else
			set_str(c, out, base->string + i, 1);
		return 0;
	}
	default:
		wfc_gv_set_error(c->err, n->off, "cannot fetch '%s' from %s", q,
				 wfc_ex_type_name(base->type));
		return -1;
	}
}

static int eval_slice(struct ev *c, const struct node *n, struct wfc_ex_value *out)
{
	struct wfc_ex_value base, lo, hi;
	if (eval(c, n->a, &base))
		return -1;
	if (base.type == WFC_EX_NIL && n->optional) {
		set_nil(out);
		return 0;
	}
	if (base.type != WFC_EX_ARRAY && base.type != WFC_EX_STRING) {
		wfc_gv_set_error(c->err, n->off, "cannot slice %s", wfc_ex_type_name(base.type));
		return -1;
	}
	int64_t len = (int64_t)(base.type == WFC_EX_ARRAY ? base.count : base.len), from = 0, to = len;
	if (n->b) {
		if (eval(c, n->b, &lo))
			return -1;
		if (lo.type != WFC_EX_INT)
			goto bad;
		from = lo.integer;
	}
	if (n->c) {
		if (eval(c, n->c, &hi))
			return -1;
		if (hi.type != WFC_EX_INT)
			goto bad;
		to = hi.integer;
	}
	if (from < 0)
		from += len;
	if (to < 0)
		to += len;
	if (from < 0)
		from = 0;
	if (to > len)
		to = len;
	if (from > to)
		from = to;
	*out = base;
	if (base.type == WFC_EX_ARRAY) {
		out->items = base.items + from;
		out->count = (size_t)(to - from);
	} else {
		set_str(c, out, base.string + from, (size_t)(to - from));
	}
	return 0;
bad:
	wfc_gv_set_error(c->err, n->off, "slice bounds must be integers");
	return -1;
}

static int eval_member(struct ev *c, const struct node *n, struct wfc_ex_value *out)
{
	struct wfc_ex_value base, key;
	if (n->name && c->lookup && c->lookup(c->user, n->name, out) == 0)
		return 0;
	if (eval(c, n->a, &base))
		return -1;
	if (base.type == WFC_EX_NIL && n->optional) {
		set_nil(out);
		return 0;
	}
	if (eval(c, n->b, &key))
		return -1;
	return fetch(c, n, &base, &key, out);
}

static int compare(struct ev *c, const struct node *n, const struct wfc_ex_value *l,
		   const struct wfc_ex_value *r, int *cmp)
{
	if (is_num(l) && is_num(r)) {
		if (l->type == WFC_EX_INT && r->type == WFC_EX_INT) {
			*cmp = (l->integer > r->integer) - (l->integer < r->integer);
		} else {
			double a = as_double(l), b = as_double(r);
			*cmp = a < b ? -1 : a > b ? 1 : a == b ? 0 : 2; /* 2: NaN, every test false */
		}
		return 0;
	}
	if (l->type == WFC_EX_STRING && r->type == WFC_EX_STRING) {
		size_t k = l->len < r->len ? l->len : r->len;
		int d = memcmp(l->string, r->string, k);
		*cmp = d ? (d > 0) - (d < 0) : (l->len > r->len) - (l->len < r->len);
		return 0;
	}
	return mismatch(c, n, op_names[n->op], l, r);
}

static int arith(struct ev *c, const struct node *n, const struct wfc_ex_value *l,
		 const struct wfc_ex_value *r, struct wfc_ex_value *out)
{
	if (n->op == OP_ADD && l->type == WFC_EX_STRING && r->type == WFC_EX_STRING) {
		char *s = wfc_arena_alloc(c->a, l->len + r->len + 1);
		memcpy(s, l->string, l->len);
		memcpy(s + l->len, r->string, r->len);
		set_nil(out);
		out->type = WFC_EX_STRING;
		out->string = s;
		out->len = l->len + r->len;
		return 0;
	}
	if (n->op == OP_ADD && l->type == WFC_EX_ARRAY && r->type == WFC_EX_ARRAY) {
		struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, l->count + r->count + 1);
		for (size_t i = 0; i < l->count; i++)
			items[i] = l->items[i];
		for (size_t i = 0; i < r->count; i++)
			items[l->count + i] = r->items[i];
		set_nil(out);
		out->type = WFC_EX_ARRAY;
		out->items = items;
		out->count = l->count + r->count;
		return 0;
	}
	if (!is_num(l) || !is_num(r))
		return mismatch(c, n, op_names[n->op], l, r);
	bool ints = l->type == WFC_EX_INT && r->type == WFC_EX_INT;
	uint64_t a = (uint64_t)l->integer, b = (uint64_t)r->integer;
	double x = as_double(l), y = as_double(r);
	switch (n->op) {
	case OP_ADD:
		if (ints)
			set_int(out, (int64_t)(a + b));
		else
			set_float(out, x + y);
		return 0;
	case OP_SUB:
		if (ints)
			set_int(out, (int64_t)(a - b));
		else
			set_float(out, x - y);
		return 0;
	case OP_MUL:
		if (ints)
			set_int(out, (int64_t)(a * b));
		else
			set_float(out, x * y);
		return 0;
	case OP_DIV:
		set_float(out, x / y);
		return 0;
	case OP_POW:
		set_float(out, pow(x, y));
		return 0;
	case OP_MOD:
		if (!ints)
			return mismatch(c, n, "%", l, r);
		if (r->integer == 0) {
			wfc_gv_set_error(c->err, n->off, "integer divide by zero");
			return -1;
		}
		set_int(out, r->integer == -1 ? 0 : l->integer % r->integer);
		return 0;
	default:
		return mismatch(c, n, op_names[n->op], l, r);
	}
}

static int string_op(struct ev *c, const struct node *n, const struct wfc_ex_value *l,
		     const struct wfc_ex_value *r, bool *res)
{
	if (l->type != WFC_EX_STRING || r->type != WFC_EX_STRING)
		return mismatch(c, n, op_names[n->op], l, r);
	if (n->op == OP_MATCHES) {
		regex_t re;
		int rc = regcomp(&re, r->string, REG_EXTENDED | REG_NOSUB);
		if (rc) {
			char msg[100], q[CLIP + 4];
			regerror(rc, &re, msg, sizeof(msg));
			wfc_gv_set_error(c->err, n->off, "invalid regular expression '%s': %s",
					 wfc_gv_clip(q, r->string, r->len), msg);
			return -1;
		}
		*res = regexec(&re, l->string, 0, NULL, 0) == 0;
		regfree(&re);
	} else if (n->op == OP_CONTAINS) {
		*res = false;
		for (size_t i = 0; i + r->len <= l->len && !*res; i++)
			*res = !memcmp(l->string + i, r->string, r->len);
	} else if (n->op == OP_STARTS) {
		*res = r->len <= l->len && !memcmp(l->string, r->string, r->len);
	} else {
		*res = r->len <= l->len && !memcmp(l->string + l->len - r->len, r->string, r->len);
	}
	return 0;
}

static int eval_binary(struct ev *c, const struct node *n, struct wfc_ex_value *out)
{
	struct wfc_ex_value l, r;
	if (eval(c, n->a, &l))
		return -1;
	if (n->op == OP_AND || n->op == OP_OR) {
		if (l.type != WFC_EX_BOOL) {
			r.type = WFC_EX_BOOL;
			return mismatch(c, n, op_names[n->op], &l, &r);
		}
		if (l.boolean == (n->op == OP_OR)) {
			*out = l;
			return 0;
		}
		if (eval(c, n->b, &r))
			return -1;
		if (r.type != WFC_EX_BOOL)
			return mismatch(c, n, op_names[n->op], &l, &r);
		*out = r;
		return 0;
	}
	if (n->op == OP_NIL) {
		if (l.type != WFC_EX_NIL) {
			*out = l;
			return 0;
		}
		return eval(c, n->b, out);
	}
	if (eval(c, n->b, &r))
		return -1;
	bool res = false;
	int cmp = 0;
	switch (n->op) {
	case OP_EQ:
	case OP_NE:
		set_bool(out, equal(&l, &r, 0) == (n->op == OP_EQ));
		return 0;
	case OP_LT:
	case OP_GT:
	case OP_LE:
	case OP_GE:
		if (compare(c, n, &l, &r, &cmp))
			return -1;
		res = cmp == 2 ? false : n->op == OP_LT ? cmp < 0 : n->op == OP_GT ? cmp > 0 :
		      n->op == OP_LE ? cmp <= 0 : cmp >= 0;
		set_bool(out, res);
		return 0;
	case OP_IN:
		if (r.type == WFC_EX_ARRAY) {
			res = false;
			for (size_t i = 0; i < r.count && !res; i++)
				res = equal(&l, &r.items[i], 0);
		} else if (r.type == WFC_EX_MAP) {
			if (l.type != WFC_EX_STRING && l.type != WFC_EX_NIL)
				return mismatch(c, n, "in", &l, &r);
			res = l.type == WFC_EX_STRING && map_get(&r, l.string, l.len);
		} else if (r.type == WFC_EX_NIL) {
			res = false;
		} else {
			wfc_gv_set_error(c->err, n->off, "operator 'in' not defined on %s",
					 wfc_ex_type_name(r.type));
			return -1;
		}
		break;
	case OP_MATCHES:
	case OP_CONTAINS:
	case OP_STARTS:
	case OP_ENDS:
		if (string_op(c, n, &l, &r, &res))
			return -1;
		break;
	case OP_RANGE: {
		if (l.type != WFC_EX_INT || r.type != WFC_EX_INT)
			return mismatch(c, n, "..", &l, &r);
		int64_t cnt = r.integer >= l.integer ? r.integer - l.integer + 1 : 0;
		if (cnt > 1000000 || cnt < 0) {
			wfc_gv_set_error(c->err, n->off, "range is too large");
			return -1;
		}
		struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, (size_t)cnt + 1);
		for (int64_t i = 0; i < cnt; i++)
			set_int(&items[i], l.integer + i);
		set_nil(out);
		out->type = WFC_EX_ARRAY;
		out->items = items;
		out->count = (size_t)cnt;
		return 0;
	}
	default:
		return arith(c, n, &l, &r, out);
	}
	set_bool(out, res != n->negate);
	return 0;
}

/* ------------------------------------------------------------- functions */

static int json_to_value(struct ev *c, const cJSON *j, struct wfc_ex_value *out, unsigned depth)
{
	set_nil(out);
	if (depth > MAX_JSON_DEPTH)
		return -1;
	if (cJSON_IsBool(j)) {
		set_bool(out, cJSON_IsTrue(j));
	} else if (cJSON_IsNumber(j)) {
		set_float(out, j->valuedouble);
	} else if (cJSON_IsString(j)) {
		set_str(c, out, j->valuestring, strlen(j->valuestring));
	} else if (cJSON_IsArray(j) || cJSON_IsObject(j)) {
		size_t n = (size_t)cJSON_GetArraySize(j), i = 0;
		struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, n + 1);
		const char **keys = WFC_NEWN(c->a, const char *, n + 1);
		for (const cJSON *e = j->child; e; e = e->next, i++) {
			if (json_to_value(c, e, &items[i], depth + 1))
				return -1;
			keys[i] = e->string ? wfc_arena_strdup(c->a, e->string) : "";
		}
		out->type = cJSON_IsArray(j) ? WFC_EX_ARRAY : WFC_EX_MAP;
		out->items = items;
		out->keys = out->type == WFC_EX_MAP ? keys : NULL;
		out->count = n;
	}
	return 0;
}

static int parse_json(struct ev *c, const struct node *n, const struct wfc_ex_value *s,
		      struct wfc_ex_value *out)
{
	char q[CLIP + 4];
	cJSON *j = cJSON_ParseWithLength(s->string, s->len);
	if (!j) {
		wfc_gv_set_error(c->err, n->off, "invalid json '%s'", wfc_gv_clip(q, s->string, s->len));
		return -1;
	}
	int rc = json_to_value(c, j, out, 0);
	cJSON_Delete(j);
	if (rc)
		wfc_gv_set_error(c->err, n->off, "json is nested too deeply");
	return rc;
}

/* A growing list of values for jsonpath. */
struct vlist {
	struct wfc_ex_value *v;
	size_t n, cap;
};

static void vl_add(struct vlist *l, const struct wfc_ex_value *v)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			abort();
	}
	l->v[l->n++] = *v;
}

/* One step of a jsonpath over every current value; kind: 'k' key, 'i' index,
 * '*' wildcard, 's' slice. */
static int jp_step(struct ev *c, const struct node *n, struct vlist *cur, bool plural, char kind,
		   const char *key, size_t klen, int64_t lo, int64_t hi, bool has_lo, bool has_hi)
{
	struct vlist next = { 0 };
	char q[CLIP + 4];
	for (size_t i = 0; i < cur->n; i++) {
		const struct wfc_ex_value *v = &cur->v[i];
		if (kind == 'k') {
			const struct wfc_ex_value *f = v->type == WFC_EX_MAP ? map_get(v, key, klen) : NULL;
			if (f) {
				vl_add(&next, f);
			} else if (!plural) {
				wfc_gv_set_error(c->err, n->off, "jsonpath: unknown key '%s'",
						 wfc_gv_clip(q, key, klen));
				goto fail;
			}
		} else if (kind == '*') {
			if (v->type == WFC_EX_ARRAY) {
				for (size_t k = 0; k < v->count; k++)
					vl_add(&next, &v->items[k]);
			} else if (v->type == WFC_EX_MAP) {
				struct kv *kv = sorted_keys(v);
				for (size_t k = 0; k < v->count; k++)
					vl_add(&next, &v->items[kv[k].i]);
				free(kv);
			}
		} else if (v->type != WFC_EX_ARRAY) {
			if (!plural) {
				wfc_gv_set_error(c->err, n->off, "jsonpath: cannot index %s",
						 wfc_ex_type_name(v->type));
				goto fail;
			}
		} else {
			int64_t len = (int64_t)v->count, a = lo, b = hi;
			if (kind == 'i') {
				if (a < 0)
					a += len;
				if (a >= 0 && a < len) {
					vl_add(&next, &v->items[a]);
				} else if (!plural) {
					wfc_gv_set_error(c->err, n->off, "jsonpath: index out of range: %lld",
							 (long long)lo);
					goto fail;
				}
				continue;
			}
			if (!has_lo)
				a = 0;
			if (!has_hi)
				b = len;
			if (a < 0)
				a += len;
			if (b < 0)
				b += len;
			if (a < 0)
				a = 0;
			if (b > len)
				b = len;
			for (int64_t k = a; k < b; k++)
				vl_add(&next, &v->items[k]);
		}
	}
	free(cur->v);
	*cur = next;
	return 0;
fail:
	free(next.v);
	return -1;
}

/* jsonpath filters [?(EXPR)] as PaesslerAG/jsonpath has them: EXPR is an
 * expression over @, the element looked at (@.key, @['key'], comparisons,
 * &&, ||, !, =~ for a regular expression), evaluated here with this
 * language after @ is renamed and =~ turned into `matches`. */
#define JP_AT "__jsonpath_at"

struct jp_filter_env {
	const struct wfc_ex_value *at;
};

static int jp_at_lookup(void *user, const char *name, struct wfc_ex_value *out)
{
	struct jp_filter_env *e = user;
	if (strcmp(name, JP_AT) != 0)
		return -1;
	*out = *e->at;
	return 0;
}

/* The filter text of s[*i..] (just after "[?("), translated, up to its
 * closing ")]"; *i after the "]". NULL when it does not end. */
static char *jp_filter_text(const char *s, size_t len, size_t *i)
{
	struct wfc_buf b = { 0 };
	int depth = 0;
	char quote = 0;
	for (; *i < len; (*i)++) {
		char ch = s[*i];
		if (quote) {
			wfc_buf_putc(&b, ch);
			if (ch == '\\' && *i + 1 < len)
				wfc_buf_putc(&b, s[++(*i)]);
			else if (ch == quote)
				quote = 0;
			continue;
		}
		if (ch == '\'' || ch == '"') {
			quote = ch;
			wfc_buf_putc(&b, ch);
		} else if (ch == '@') {
			wfc_buf_puts(&b, JP_AT);
		} else if (ch == '=' && *i + 1 < len && s[*i + 1] == '~') {
			wfc_buf_puts(&b, " matches ");
			(*i)++;
		} else if (ch == '(') {
			depth++;
			wfc_buf_putc(&b, ch);
		} else if (ch == ')') {
			if (depth == 0) {
				if (*i + 1 < len && s[*i + 1] == ']') {
					*i += 2;
					char *r = strdup(wfc_buf_str(&b));
					wfc_buf_free(&b);
					if (!r)
						abort();
					return r;
				}
				break;
			}
			depth--;
			wfc_buf_putc(&b, ch);
		} else {
			wfc_buf_putc(&b, ch);
		}
	}
	wfc_buf_free(&b);
	return NULL;
}

/* The elements of every current value (an array's items, a map's values
 * by key) for which the filter holds. */
static int jp_filter(struct ev *c, const struct node *n, struct vlist *cur, const char *text)
{
	struct wfc_gv_error ge = { 0 };
	struct wfc_expr *fe = wfc_expr_parse(text, strlen(text), &ge);
	char q[CLIP + 4];
	if (!fe) {
		wfc_gv_set_error(c->err, n->off, "jsonpath: bad filter '%s': %s",
				 wfc_gv_clip(q, text, strlen(text)), ge.message);
		return -1;
	}
	struct vlist next = { 0 };
	for (size_t i = 0; i < cur->n; i++) {
		const struct wfc_ex_value *v = &cur->v[i];
		size_t cnt = v->type == WFC_EX_ARRAY || v->type == WFC_EX_MAP ? v->count : 0;
		struct kv *kv = v->type == WFC_EX_MAP ? sorted_keys(v) : NULL;
		for (size_t k = 0; k < cnt; k++) {
			const struct wfc_ex_value *el = &v->items[kv ? kv[k].i : k];
			struct jp_filter_env env = { .at = el };
			struct wfc_gv_error fe_err = { 0 };
			struct ev fc = { .a = c->a, .lookup = jp_at_lookup, .user = &env, .err = &fe_err };
			struct wfc_ex_value r;
			/* an element the filter cannot look at (a missing key) does
			 * not match; a value that is not a boolean matches when it
			 * is there ([?(@.key)]) */
			if (eval(&fc, fe->root, &r) == 0 &&
			    (r.type == WFC_EX_BOOL ? r.boolean : r.type != WFC_EX_NIL))
				vl_add(&next, el);
		}
		free(kv);
	}
	wfc_expr_free(fe);
	free(cur->v);
	*cur = next;
	return 0;
}

static bool jp_int(const char *s, size_t n, size_t *i, int64_t *out)
{
	size_t st = *i;
	bool neg = false;
	if (*i < n && s[*i] == '-') {
		neg = true;
		(*i)++;
	}
	int64_t v = 0;
	size_t d = *i;
	while (*i < n && is_digit(s[*i]) && v < 100000000000LL)
		v = v * 10 + (s[(*i)++] - '0');
	if (*i == d) {
		*i = st;
		return false;
	}
	*out = neg ? -v : v;
	return true;
}

static int jsonpath(struct ev *c, const struct node *n, const struct wfc_ex_value *doc,
		    const struct wfc_ex_value *path, struct wfc_ex_value *out)
{
	const char *s = path->string;
	size_t len = path->len, i = 1;
	struct vlist cur = { 0 };
	bool plural = false;
	char q[CLIP + 4];

	if (!len || s[0] != '$') {
		i = 0;
		goto bad;
	}
	vl_add(&cur, doc);
	while (i < len) {
		char kind;
		const char *key = NULL;
		size_t klen = 0;
		int64_t lo = 0, hi = 0;
		bool has_lo = false, has_hi = false;
		if (s[i] == '.') {
			i++;
			if (i < len && s[i] == '*') {
				kind = '*';
				i++;
			} else {
				key = s + i;
				while (i < len && (is_ident((unsigned char)s[i]) || s[i] == '-'))
					i++;
				klen = (size_t)(s + i - key);
				if (!klen)
					goto bad;
				kind = 'k';
			}
		} else if (s[i] == '[') {
			i++;
			if (i < len && s[i] == '*') {
				kind = '*';
				i++;
			} else if (i < len && (s[i] == '\'' || s[i] == '"')) {
				char qc = s[i++];
				key = s + i;
				while (i < len && s[i] != qc)
					i++;
				if (i >= len)
					goto bad;
				klen = (size_t)(s + i - key);
				i++;
				kind = 'k';
			} else if (i + 1 < len && s[i] == '?' && s[i + 1] == '(') {
				i += 2;
				char *text = jp_filter_text(s, len, &i);
				if (!text)
					goto bad;
				int rc = jp_filter(c, n, &cur, text);
				free(text);
				if (rc)
					goto fail;
				plural = true;
				continue;
			} else {
				has_lo = jp_int(s, len, &i, &lo);
				kind = 'i';
				if (i < len && s[i] == ':') {
					i++;
					kind = 's';
					has_hi = jp_int(s, len, &i, &hi);
				} else if (!has_lo) {
					goto bad;
				}
			}
			if (i >= len || s[i] != ']')
				goto bad;
			i++;
		} else {
			goto bad;
		}
		if (jp_step(c, n, &cur, plural, kind, key, klen, lo, hi, has_lo, has_hi))
			goto fail;
		if (kind == '*' || kind == 's')
			plural = true;
	}
	if (plural) {
		struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, cur.n + 1);
		if (cur.n)
			memcpy(items, cur.v, cur.n * sizeof(*items));
		set_nil(out);
		out->type = WFC_EX_ARRAY;
		out->items = items;
		out->count = cur.n;
	} else {
		*out = cur.v[0];
	}
	free(cur.v);
	return 0;
bad:
	wfc_gv_set_error(c->err, n->off, "unsupported jsonpath '%s' at character %zu",
			 wfc_gv_clip(q, s, len), i + 1);
fail:
	free(cur.v);
	return -1;
}

/* strconv.ParseInt(s, base, 64) / ParseFloat(s, 64). */
static bool parse_int(const char *s, size_t len, int base, int64_t *out)
{
	char *end;
	if (!len || s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || strlen(s) != len)
		return false;
	errno = 0;
	long long v = strtoll(s, &end, base);
	if (*end || errno)
		return false;
	*out = v;
	return true;
}

static bool parse_float(const char *s, size_t len, double *out)
{
	char *end;
	if (!len || s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || strlen(s) != len)
		return false;
	*out = strtod(s, &end);
	return !*end;
}

static int bad_arg(struct ev *c, const struct node *n, const struct wfc_ex_value *v)
{
	wfc_gv_set_error(c->err, n->off, "invalid argument for %s (type %s)", n->fn->name,
			 wfc_ex_type_name(v->type));
	return -1;
}

static void map_bytes(struct ev *c, struct wfc_ex_value *out, const struct wfc_ex_value *s, int upper)
{
	char *d = wfc_arena_strndup(c->a, s->string, s->len);
	for (size_t i = 0; i < s->len; i++) {
		if (upper && d[i] >= 'a' && d[i] <= 'z')
			d[i] = (char)(d[i] - 32);
		else if (!upper && d[i] >= 'A' && d[i] <= 'Z')
			d[i] = (char)(d[i] + 32);
	}
	set_nil(out);
	out->type = WFC_EX_STRING;
	out->string = d;
	out->len = s->len;
}

static void trim(struct ev *c, struct wfc_ex_value *out, const struct wfc_ex_value *s, const char *set,
		 size_t setlen)
{
	size_t a = 0, b = s->len;
	while (a < b && memchr(set, s->string[a], setlen))
		a++;
	while (b > a && memchr(set, s->string[b - 1], setlen))
		b--;
	set_str(c, out, s->string + a, b - a);
}

static bool is_empty(const struct wfc_ex_value *v)
{
	switch (v->type) {
	case WFC_EX_NIL: return true;
	case WFC_EX_BOOL: return !v->boolean;
	case WFC_EX_INT: return v->integer == 0;
	case WFC_EX_FLOAT: return v->number == 0;
	case WFC_EX_STRING: return v->len == 0;
	default: return v->count == 0;
	}
}

/* filter, map, all, any, none, one, count, find, findIndex, findLast,
 * findLastIndex: the predicate n->list[1] for each element of the list. */
static int eval_predicate(struct ev *c, const struct node *n, struct wfc_ex_value *out)
{
	struct wfc_ex_value list, r;
	if (eval(c, n->list[0], &list))
		return -1;
	if (list.type != WFC_EX_ARRAY) {
		wfc_gv_set_error(c->err, n->list[0]->off, "cannot iterate over %s",
				 wfc_ex_type_name(list.type));
		return -1;
	}
	enum fn f = n->fn->fn;
	bool last = f == F_FIND_LAST || f == F_FIND_LAST_INDEX;
	struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, list.count + 1);
	size_t k = 0, hits = 0;
	const struct wfc_ex_value *saved = c->elem;
	int rc = -1;
	set_nil(out);
	for (size_t j = 0; j < list.count; j++) {
		size_t i = last ? list.count - 1 - j : j;
		c->elem = &list.items[i];
		if (eval(c, n->list[1], &r))
			goto out;
		if (f == F_MAP) {
			items[k++] = r;
			continue;
		}
		if (r.type != WFC_EX_BOOL) {
			wfc_gv_set_error(c->err, n->list[1]->off,
					 "predicate should return boolean (got %s)", wfc_ex_type_name(r.type));
			goto out;
		}
		if (!r.boolean) {
			if (f == F_ALL) {
				set_bool(out, false);
				rc = 0;
				goto out;
			}
			continue;
		}
		hits++;
		if (f == F_FILTER)
			items[k++] = list.items[i];
		else if (f == F_ANY || f == F_NONE) {
			set_bool(out, f == F_ANY);
			rc = 0;
			goto out;
		} else if (f == F_FIND || f == F_FIND_LAST) {
			*out = list.items[i];
			rc = 0;
			goto out;
		} else if (f == F_FIND_INDEX || f == F_FIND_LAST_INDEX) {
			set_int(out, (int64_t)i);
			rc = 0;
			goto out;
		}
	}
	switch (f) {
	case F_FILTER:
	case F_MAP:
		out->type = WFC_EX_ARRAY;
		out->items = items;
		out->count = k;
		break;
	case F_ALL: set_bool(out, true); break;
	case F_ANY: set_bool(out, false); break;
	case F_NONE: set_bool(out, true); break;
	case F_ONE: set_bool(out, hits == 1); break;
	case F_COUNT: set_int(out, (int64_t)hits); break;
	case F_FIND_INDEX:
	case F_FIND_LAST_INDEX: set_int(out, -1); break;
	default: break;   /* find: nil */
	}
	rc = 0;
out:
	c->elem = saved;
	return rc;
}

static int eval_call(struct ev *c, const struct node *n, struct wfc_ex_value *out)
{
	if (is_predicate_fn(n->fn->fn))
		return eval_predicate(c, n, out);
	struct wfc_ex_value av[3];
	struct wfc_buf b = { 0 };
	char q[CLIP + 4];
	for (size_t i = 0; i < n->n; i++)
		if (eval(c, n->list[i], &av[i]))
			return -1;
	const struct wfc_ex_value *x = &av[0];
	bool str = n->n && x->type == WFC_EX_STRING;
	int64_t iv;
	double dv;

	switch (n->fn->fn) {
	case F_LEN:
		if (x->type == WFC_EX_STRING) {
			size_t runes = 0;
			for (size_t i = 0; i < x->len; i++)
				runes += ((unsigned char)x->string[i] & 0xc0) != 0x80;
			set_int(out, (int64_t)runes);
		} else if (x->type == WFC_EX_ARRAY || x->type == WFC_EX_MAP) {
			set_int(out, (int64_t)x->count);
		} else {
			return bad_arg(c, n, x);
		}
		return 0;
	case F_INT:
	case F_ASINT:
	case F_S_INT:
		if (x->type == WFC_EX_INT) {
			*out = *x;
		} else if (x->type == WFC_EX_FLOAT) {
			set_int(out, go_f2i(x->number));
		} else if (str && parse_int(x->string, x->len, n->fn->fn == F_S_INT ? 0 : 10, &iv)) {
			set_int(out, iv);
		} else if (n->fn->fn == F_S_INT) {
			set_int(out, x->type == WFC_EX_BOOL ? x->boolean : 0);
		} else if (str) {
			wfc_gv_set_error(c->err, n->off, "strconv.%s: parsing \"%s\": invalid syntax",
					 n->fn->fn == F_INT ? "Atoi" : "ParseInt", wfc_gv_clip(q, x->string, x->len));
			return -1;
		} else {
			return bad_arg(c, n, x);
		}
		return 0;
	case F_FLOAT:
	case F_ASFLOAT:
		if (is_num(x)) {
			set_float(out, as_double(x));
		} else if (str && parse_float(x->string, x->len, &dv)) {
			set_float(out, dv);
		} else if (str) {
			wfc_gv_set_error(c->err, n->off, "strconv.ParseFloat: parsing \"%s\": invalid syntax",
					 wfc_gv_clip(q, x->string, x->len));
			return -1;
		} else {
			return bad_arg(c, n, x);
		}
		return 0;
	case F_STRING:
		fmt_v(&b, x, 0);
		set_buf(c, out, &b);
		return 0;
	case F_ABS:
		if (x->type == WFC_EX_INT)
			set_int(out, x->integer < 0 ? (int64_t)(0 - (uint64_t)x->integer) : x->integer);
		else if (x->type == WFC_EX_FLOAT)
			set_float(out, fabs(x->number));
		else
			return bad_arg(c, n, x);
		return 0;
	case F_TOJSON:
		if (fmt_json(&b, x, 0)) {
			wfc_buf_free(&b);
			wfc_gv_set_error(c->err, n->off, "json: unsupported value");
			return -1;
		}
		set_buf(c, out, &b);
		return 0;
	case F_NOW:
	case F_CLOSURE:
		wfc_gv_set_error(c->err, n->off, "function '%s' is not supported", n->fn->name);
		return -1;
	case F_S_DEFAULT:
		*out = is_empty(&av[1]) ? av[0] : av[1];
		return 0;
	default:
		break;
	}
	/* the rest take strings */
	for (size_t i = 0; i < n->n; i++)
		if (av[i].type != WFC_EX_STRING && !(n->fn->fn == F_JOIN && i == 0) &&
		    !(n->fn->fn == F_JSONPATH && i == 0 && av[i].type != WFC_EX_NIL))
			return bad_arg(c, n, &av[i]);
	switch (n->fn->fn) {
	case F_UPPER:
	case F_S_UPPER:
	case F_LOWER:
	case F_S_LOWER:
		map_bytes(c, out, x, n->fn->fn == F_UPPER || n->fn->fn == F_S_UPPER);
		return 0;
	case F_TRIM:
	case F_S_TRIM:
		if (n->n == 2)
			trim(c, out, x, av[1].string, av[1].len);
		else
			trim(c, out, x, " \t\n\r\v\f", 6);
		return 0;
	case F_SPLIT: {
		struct vlist l = { 0 };
		struct wfc_ex_value part;
		size_t st = 0;
		const struct wfc_ex_value *sep = &av[1];
		for (size_t i = 0; i < x->len; ) {
			if (sep->len ? (i + sep->len <= x->len && !memcmp(x->string + i, sep->string, sep->len)) :
				       i > st) {
				set_str(c, &part, x->string + st, i - st);
				vl_add(&l, &part);
				i += sep->len;
				st = i;
			} else {
				i++;
			}
		}
		if (sep->len || st < x->len) {
			set_str(c, &part, x->string + st, x->len - st);
			vl_add(&l, &part);
		}
		struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, l.n + 1);
		if (l.n)
			memcpy(items, l.v, l.n * sizeof(*items));
		free(l.v);
		set_nil(out);
		out->type = WFC_EX_ARRAY;
		out->items = items;
		out->count = l.n;
		return 0;
	}
	case F_JOIN:
		if (x->type != WFC_EX_ARRAY)
			return bad_arg(c, n, x);
		for (size_t i = 0; i < x->count; i++) {
			if (x->items[i].type != WFC_EX_STRING) {
				wfc_buf_free(&b);
				return bad_arg(c, n, &x->items[i]);
			}
			if (i && n->n == 2)
				wfc_buf_add(&b, av[1].string, av[1].len);
			wfc_buf_add(&b, x->items[i].string, x->items[i].len);
		}
		set_buf(c, out, &b);
		return 0;
	case F_FROMJSON:
		return parse_json(c, n, x, out);
	case F_JSONPATH: {
		struct wfc_ex_value doc;
		if (x->type == WFC_EX_STRING) {
			if (parse_json(c, n, x, &doc))
				return -1;
		} else {
			doc = *x;
		}
		return jsonpath(c, n, &doc, &av[1], out);
	}
	case F_S_REPLACE: {
		const struct wfc_ex_value *old = &av[0], *nw = &av[1], *src = &av[2];
		for (size_t i = 0; i <= src->len;) {
			if (old->len ? (i + old->len <= src->len &&
					!memcmp(src->string + i, old->string, old->len)) : true) {
				wfc_buf_add(&b, nw->string, nw->len);
				if (old->len) {
					i += old->len;
					continue;
				}
			}
			if (i < src->len)
				wfc_buf_putc(&b, src->string[i]);
			i++;
		}
		set_buf(c, out, &b);
		return 0;
	}
	default:
		wfc_gv_set_error(c->err, n->off, "function '%s' is not supported", n->fn->name);
		return -1;
	}
}

static int eval(struct ev *c, const struct node *n, struct wfc_ex_value *out)
{
	struct wfc_ex_value v;
	char q[CLIP + 4];

	switch (n->kind) {
	case N_LIT:
		*out = n->val;
		return 0;
	case N_ELEM:
		if (!c->elem) {
			wfc_gv_set_error(c->err, n->off, "'#' outside a predicate");
			return -1;
		}
		*out = *c->elem;
		return 0;
	case N_IDENT:
		if (c->lookup && c->lookup(c->user, n->name, out) == 0)
			return 0;
		wfc_gv_set_error(c->err, n->off, "unknown name '%s'", wfc_gv_clip(q, n->name, strlen(n->name)));
		return -1;
	case N_MEMBER:
		return eval_member(c, n, out);
	case N_SLICE:
		return eval_slice(c, n, out);
	case N_UNARY:
		if (eval(c, n->a, &v))
			return -1;
		if (n->op == OP_NOT) {
			if (v.type != WFC_EX_BOOL) {
				wfc_gv_set_error(c->err, n->off, "invalid operation: ! (mismatched type %s)",
						 wfc_ex_type_name(v.type));
				return -1;
			}
			set_bool(out, !v.boolean);
		} else if (v.type == WFC_EX_INT) {
			set_int(out, n->op == OP_NEG ? (int64_t)(0 - (uint64_t)v.integer) : v.integer);
		} else if (v.type == WFC_EX_FLOAT) {
			set_float(out, n->op == OP_NEG ? -v.number : v.number);
		} else {
			wfc_gv_set_error(c->err, n->off, "invalid operation: %s (mismatched type %s)",
					 op_names[n->op], wfc_ex_type_name(v.type));
			return -1;
		}
		return 0;
	case N_BINARY:
		return eval_binary(c, n, out);
	case N_TERNARY:
		if (eval(c, n->a, &v))
			return -1;
		if (v.type != WFC_EX_BOOL) {
			wfc_gv_set_error(c->err, n->off, "non-bool expression (type %s) used as condition",
					 wfc_ex_type_name(v.type));
			return -1;
		}
		if (v.boolean && !n->b) {
			*out = v;
			return 0;
		}
		return eval(c, v.boolean ? n->b : n->c, out);
	case N_ARRAY:
	case N_MAP: {
		struct wfc_ex_value *items = WFC_NEWN(c->a, struct wfc_ex_value, n->n + 1);
		const char **keys = WFC_NEWN(c->a, const char *, n->n + 1);
		for (size_t i = 0; i < n->n; i++) {
			if (eval(c, n->list[i], &items[i]))
				return -1;
			if (n->kind == N_MAP) {
				if (eval(c, n->keys[i], &v))
					return -1;
				if (v.type != WFC_EX_STRING) {
					wfc_gv_set_error(c->err, n->keys[i]->off, "map keys must be strings, not %s",
							 wfc_ex_type_name(v.type));
					return -1;
				}
				keys[i] = v.string;
			}
		}
		set_nil(out);
		out->type = n->kind == N_MAP ? WFC_EX_MAP : WFC_EX_ARRAY;
		out->items = items;
		out->keys = n->kind == N_MAP ? keys : NULL;
		out->count = n->n;
		return 0;
	}
	case N_CALL:
		return eval_call(c, n, out);
	case N_METHOD:
		if (eval(c, n->a, &v))
			return -1;
		for (size_t i = 0; i < n->n; i++)
			if (eval(c, n->list[i], &v))
				return -1;
		wfc_gv_set_error(c->err, n->off, "method '%s' is not supported", n->name);
		return -1;
	}
	return -1;
}

/* Copies a result into the evaluation arena (detaching it from the lookup's
 * storage). */
static int copy_value(struct wfc_arena *a, struct wfc_ex_value *dst, const struct wfc_ex_value *src,
		      unsigned depth)
{
	*dst = *src;
	dst->owned = NULL;
	if (depth > MAX_VALUE_DEPTH)
		return -1;
	if (src->type == WFC_EX_STRING) {
		char *s = wfc_arena_alloc(a, src->len + 1);
		if (src->len)
			memcpy(s, src->string, src->len);
		dst->string = s;
	} else if (src->type == WFC_EX_ARRAY || src->type == WFC_EX_MAP) {
		struct wfc_ex_value *items = WFC_NEWN(a, struct wfc_ex_value, src->count + 1);
		const char **keys = WFC_NEWN(a, const char *, src->count + 1);
		for (size_t i = 0; i < src->count; i++) {
			if (copy_value(a, &items[i], &src->items[i], depth + 1))
				return -1;
			if (src->type == WFC_EX_MAP)
				keys[i] = wfc_arena_strdup(a, src->keys[i]);
		}
		dst->items = items;
		dst->keys = src->type == WFC_EX_MAP ? keys : NULL;
	}
	return 0;
}

int wfc_expr_eval(const struct wfc_expr *e, wfc_ex_lookup_fn lookup, void *user,
		  struct wfc_ex_value *out, struct wfc_gv_error *err)
{
	struct wfc_gv_error dummy;
	struct ev c = { .a = wfc_arena_create(), .lookup = lookup, .user = user, .err = err ? err : &dummy };
	struct wfc_ex_value v;

	set_nil(out);
	if (eval(&c, e->root, &v))
		goto fail;
	if (copy_value(c.a, out, &v, 0)) {
		wfc_gv_set_error(c.err, 0, "result is nested too deeply");
		goto fail;
	}
	out->owned = c.a;
	return 0;
fail:
	set_nil(out);
	wfc_arena_destroy(c.a);
	return -1;
}

void wfc_ex_value_clear(struct wfc_ex_value *v)
{
	if (v->owned)
		wfc_arena_destroy(v->owned);
	set_nil(v);
}
