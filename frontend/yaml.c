/* libfyaml events -> wfc_ynode tree, with YAML 1.1 scalar resolution as
 * Kubernetes reads it, and explicit limits on size, documents, depth and
 * alias expansion. */
#include "frontend/yaml.h"
#include "support/xalloc.h"

#include <stdarg.h>
#include <libfyaml.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wfc_limits_default(struct wfc_limits *l)
{
	l->max_file_size = WFC_DEFAULT_MAX_FILE_SIZE;
	l->max_documents = WFC_DEFAULT_MAX_DOCUMENTS;
	l->max_depth = WFC_DEFAULT_MAX_DEPTH;
	l->max_alias_nodes = WFC_DEFAULT_MAX_ALIAS_NODES;
}

/* ---- YAML 1.1 scalar resolution (go-yaml v2 resolve.go) ---- */

static bool in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return true;
	return false;
}

static const char *const null_words[] = { "~", "null", "Null", "NULL", NULL };
static const char *const true_words[] = { "y", "Y", "yes", "Yes", "YES", "true",
	"True", "TRUE", "on", "On", "ON", NULL };
static const char *const false_words[] = { "n", "N", "no", "No", "NO", "false",
	"False", "FALSE", "off", "Off", "OFF", NULL };
static const char *const inf_words[] = { ".inf", ".Inf", ".INF", "+.inf",
	"+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", NULL };
static const char *const nan_words[] = { ".nan", ".NaN", ".NAN", NULL };

/* Go's strconv.ParseInt(s, 0, 64) after go-yaml removed underscores. */
static bool parse_go_int(const char *s, size_t n, long long *out)
{
	char buf[80];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '_')
			continue;
		if (k + 1 >= sizeof(buf))
			return false;
		buf[k++] = s[i];
	}
	buf[k] = '\0';
	const char *p = buf;
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	int base = 10;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16, p += 2;
	else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		base = 2, p += 2;
	else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
		base = 8, p += 2;
	else if (p[0] == '0' && p[1])
		base = 8, p += 1;
	if (!*p)
		return false;
	unsigned long long v = 0;
	for (; *p; p++) {
		int dgt;
		if (*p >= '0' && *p <= '9')
			dgt = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			dgt = *p - 'a' + 10;
		else if (*p >= 'A' && *p <= 'F')
			dgt = *p - 'A' + 10;
		else
			return false;
		if (dgt >= base)
			return false;
		if (v > (ULLONG_MAX - (unsigned)dgt) / (unsigned)base)
			return false;
		v = v * (unsigned)base + (unsigned)dgt;
	}
	if (!neg && v > (unsigned long long)LLONG_MAX)
		return false;
	if (neg && v > (unsigned long long)LLONG_MAX + 1)
		return false;
	*out = neg ? (long long)(0 - v) : (long long)v;
	return true;
}

/* ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
static bool is_yaml_float(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i < n && s[i] == '.') {
		i++;
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return false;
	} else {
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return false;
		if (i < n && s[i] == '.') {
			i++;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
		}
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return false;
	}
	return i == n;
}

enum wfc_ytype wfc_yaml11_resolve(const char *s, size_t n)
{
	if (n == 0)
		return WFC_YNULL;
	char c = s[0];
	/* the null and boolean words are at most 5 bytes, starting with one of these */
	if (n <= 5 && strchr("~nNyYtTfFoO", c)) {
		if (in_list(s, n, null_words))
			return WFC_YNULL;
		if (in_list(s, n, true_words) || in_list(s, n, false_words))
			return WFC_YBOOL;
	}
	if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
		return WFC_YSTR;
	long long iv;
	if (parse_go_int(s, n, &iv))
		return WFC_YINT;
	if (in_list(s, n, inf_words) || in_list(s, n, nan_words))
		return WFC_YFLOAT;
	/* go-yaml drops every '_' before matching the float pattern */
	char small[80];
	char *buf = n < sizeof(small) ? small : wfc_xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '_')
			buf[k++] = s[i];
	bool f = is_yaml_float(buf, k);
	if (buf != small)
		free(buf);
	return f ? WFC_YFLOAT : WFC_YSTR;
}

/* Go's encoding/json form of a float64. */
static void format_go_float(double f, char *out, size_t cap)
{
	if (isnan(f)) {
		snprintf(out, cap, "NaN");
		return;
	}
	if (isinf(f)) {
		snprintf(out, cap, f < 0 ? "-Inf" : "+Inf");
		return;
	}
	int prec;
	char tmp[64];
	for (prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, f);
		if (strtod(tmp, NULL) == f)
			break;
	}
	double a = fabs(f);
	if (a != 0 && (a < 1e-6 || a >= 1e21)) {
		/* Go: 1e+21 style, exponent at least two digits stripped of zeros */
		snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, f);
		char *e = strchr(tmp, 'e');
		char mant[40], sign = e[1];
		snprintf(mant, sizeof(mant), "%.*s", (int)(e - tmp), tmp);
		int exp = atoi(e + 2);
		snprintf(out, cap, "%se%c%02d", mant, sign, exp);
		return;
	}
	/* shortest digits, printed without exponent */
	snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, f);
	int exp = atoi(strchr(tmp, 'e') + 1);
	int decimals = prec - 1 - exp;
	snprintf(out, cap, "%.*f", decimals > 0 ? decimals : 0, f);
}

const char *wfc_yscalar_value(struct wfc_arena *a, const struct wfc_ynode *n)
{
	if (!n || n->kind != WFC_YSCALAR)
		return "";
	switch ((enum wfc_ytype)n->type) {
	case WFC_YSTR:
		return n->s.text;
	case WFC_YNULL:
		return "";
	case WFC_YBOOL:
		return in_list(n->s.text, n->s.len, true_words) ? "true" : "false";
	case WFC_YINT: {
		long long v = 0;
		parse_go_int(n->s.text, n->s.len, &v);
		return wfc_arena_printf(a, "%lld", v);
	}
	case WFC_YFLOAT: {
		char buf[80], out[80];
		size_t k = 0;
		for (size_t i = 0; i < n->s.len && k + 1 < sizeof(buf); i++)
			if (n->s.text[i] != '_')
				buf[k++] = n->s.text[i];
		buf[k] = '\0';
		double f;
		if (in_list(buf, k, nan_words))
			f = NAN;
		else if (in_list(buf, k, inf_words))
			f = buf[0] == '-' ? -INFINITY : INFINITY;
		else
			f = strtod(buf, NULL);
		format_go_float(f, out, sizeof(out));
		return wfc_arena_strdup(a, out);
	}
	}
	return n->s.text;
}

bool wfc_yis_str(const struct wfc_ynode *n)
{
	return n && n->kind == WFC_YSCALAR && n->type == WFC_YSTR;
}

const char *wfc_ykind_name(const struct wfc_ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case WFC_YMAP:
		return "a mapping";
	case WFC_YSEQ:
		return "a list";
	default:
		break;
	}
	switch (n->type) {
	case WFC_YNULL:
		return "null";
	case WFC_YBOOL:
		return "a boolean";
	case WFC_YINT:
		return "an integer";
	case WFC_YFLOAT:
		return "a number";
	default:
		return "a string";
	}
}

const struct wfc_ypair *wfc_ymap_pair(const struct wfc_ynode *n, const char *key)
{
	if (!n || n->kind != WFC_YMAP)
		return NULL;
	for (size_t i = 0; i < n->map.n; i++) {
		const char *k = n->map.v[i].key->s.text;
		if (k[0] == key[0] && strcmp(k, key) == 0)
			return &n->map.v[i];
	}
	return NULL;
}

struct wfc_ynode *wfc_ymap_get(const struct wfc_ynode *n, const char *key)
{
	const struct wfc_ypair *p = wfc_ymap_pair(n, key);
	return p ? p->val : NULL;
}

/* ---- the event loop ---- */

struct frame {
	struct wfc_ynode *node;
	struct wfc_ynode **items;  /* children so far (keys and values alternate in maps) */
	size_t n, cap;
	size_t weight;             /* nodes in this subtree, aliases expanded */
	char *anchor;
};

struct anchor {
	char *name;
	struct wfc_ynode *node;
	size_t weight;
};

struct loader {
	struct wfc_arena *a;
	struct wfc_diags *d;
	const struct wfc_limits *lim;
	const char *file;
	struct frame *stack;
	size_t depth, stack_cap;
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
	size_t alias_nodes;   /* per document */
	size_t errors;
	bool stop;
};

static void lerror(struct loader *l, enum wfc_rule rule, unsigned line,
		   unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void lerror(struct loader *l, enum wfc_rule rule, unsigned line,
		   unsigned col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	struct wfc_pos p = { l->file, line, col };
	wfc_diag_add(l->d, WFC_ERROR, rule, p, "%s", buf);
	l->errors++;
}

static struct wfc_ynode *new_node(struct loader *l, enum wfc_ykind k,
				  const struct fy_mark *m)
{
	struct wfc_ynode *n = WFC_NEW(l->a, struct wfc_ynode);
	n->kind = (unsigned char)k;
	n->file = l->file;
	n->line = m ? (unsigned)m->line + 1 : 0;
	n->col = m ? (unsigned)m->column + 1 : 0;
	return n;
}

static void push_item(struct frame *f, struct wfc_ynode *n)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->items = wfc_xrealloc(f->items, f->cap * sizeof(*f->items));
	}
	f->items[f->n++] = n;
}

static void remember_anchor(struct loader *l, const char *name, size_t len,
			    struct wfc_ynode *n, size_t weight)
{
	/* a redefined anchor replaces the earlier one from here on */
	for (size_t i = 0; i < l->nanchors; i++)
		if (strlen(l->anchors[i].name) == len &&
		    memcmp(l->anchors[i].name, name, len) == 0) {
			l->anchors[i].node = n;
			l->anchors[i].weight = weight;
			return;
		}
	if (l->nanchors == l->anchors_cap) {
		l->anchors_cap = l->anchors_cap ? l->anchors_cap * 2 : 8;
		l->anchors = wfc_xrealloc(l->anchors, l->anchors_cap * sizeof(*l->anchors));
	}
	l->anchors[l->nanchors].name = wfc_arena_strndup(l->a, name, len);
	l->anchors[l->nanchors].node = n;
	l->anchors[l->nanchors].weight = weight;
	l->nanchors++;
}

static int cmp_pair_key(const void *pa, const void *pb)
{
	const struct wfc_ypair *a = *(const struct wfc_ypair *const *)pa;
	const struct wfc_ypair *b = *(const struct wfc_ypair *const *)pb;
	size_t n = a->key->s.len < b->key->s.len ? a->key->s.len : b->key->s.len;
	int c = memcmp(a->key->s.text, b->key->s.text, n);
	if (c)
		return c;
	if (a->key->s.len != b->key->s.len)
		return a->key->s.len < b->key->s.len ? -1 : 1;
	return a < b ? -1 : a > b;  /* keep source order among equals */
}

static bool key_eq(const struct wfc_ynode *a, const struct wfc_ynode *b)
{
	return a->s.len == b->s.len && memcmp(a->s.text, b->s.text, a->s.len) == 0;
}

static void warn_duplicate(struct loader *l, const struct wfc_ynode *k)
{
	struct wfc_pos p = { l->file, k->line, k->col };
	wfc_diag_add(l->d, WFC_WARNING, WFC_RULE_yaml, p,
		     "duplicate key '%.*s': the last value is used", (int)k->s.len, k->s.text);
}

/* Kubernetes' reader keeps the last of duplicate keys: so do we, with a warning. */
static void drop_duplicates(struct loader *l, struct wfc_ynode *m)
{
	size_t n = m->map.n;
	if (n < 2)
		return;
	unsigned char *dead = calloc(n, 1);
	if (!dead)
		abort();
	size_t ndead = 0;
	if (n <= 32) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (!dead[j] && key_eq(m->map.v[i].key, m->map.v[j].key)) {
					warn_duplicate(l, m->map.v[i].key);
					dead[j] = 1;
					ndead++;
				}
	} else {
		const struct wfc_ypair **idx = wfc_xrealloc(NULL, n * sizeof(*idx));
		for (size_t i = 0; i < n; i++)
			idx[i] = &m->map.v[i];
		qsort(idx, n, sizeof(*idx), cmp_pair_key);
		for (size_t i = 1; i < n; i++)
			if (key_eq(idx[i]->key, idx[i - 1]->key)) {
				warn_duplicate(l, idx[i]->key);
				dead[idx[i - 1] - m->map.v] = 1;
				ndead++;
			}
		free(idx);
	}
	if (ndead) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (!dead[i])
				m->map.v[k++] = m->map.v[i];
		m->map.n = k;
	}
	free(dead);
}

static bool is_merge_key(const struct wfc_ynode *k)
{
	return k->plain && k->s.len == 2 && memcmp(k->s.text, "<<", 2) == 0;
}

/* YAML 1.1 merge keys, as go-yaml v2 applies them: explicit keys win, then
 * earlier merged mappings over later ones. */
static void apply_merges(struct loader *l, struct wfc_ynode *m)
{
	size_t nmerge = 0;
	for (size_t i = 0; i < m->map.n; i++)
		if (is_merge_key(m->map.v[i].key))
			nmerge++;
	if (!nmerge)
		return;
	size_t cap = m->map.n;
	for (size_t i = 0; i < m->map.n; i++) {
		const struct wfc_ypair *p = &m->map.v[i];
		if (!is_merge_key(p->key))
			continue;
		if (p->val->kind == WFC_YMAP)
			cap += p->val->map.n;
		else if (p->val->kind == WFC_YSEQ)
			for (size_t j = 0; j < p->val->seq.n; j++)
				if (p->val->seq.v[j]->kind == WFC_YMAP)
					cap += p->val->seq.v[j]->map.n;
	}
	struct wfc_ypair *out = WFC_NEWN(l->a, struct wfc_ypair, cap);
	size_t n = 0;
	for (size_t i = 0; i < m->map.n; i++)
		if (!is_merge_key(m->map.v[i].key))
			out[n++] = m->map.v[i];
	for (size_t i = 0; i < m->map.n; i++) {
		const struct wfc_ypair *p = &m->map.v[i];
		if (!is_merge_key(p->key))
			continue;
		const struct wfc_ynode *srcs[1] = { p->val };
		const struct wfc_ynode *const *list = srcs;
		size_t nl = 1;
		if (p->val->kind == WFC_YSEQ) {
			list = (const struct wfc_ynode *const *)p->val->seq.v;
			nl = p->val->seq.n;
		}
		for (size_t j = 0; j < nl; j++) {
			const struct wfc_ynode *src = list[j];
			if (src->kind != WFC_YMAP) {
				lerror(l, WFC_RULE_yaml, src->line, src->col,
				       "map merge requires a mapping or a list of mappings");
				continue;
			}
			for (size_t k = 0; k < src->map.n; k++) {
				bool have = false;
				for (size_t q = 0; q < n && !have; q++)
					have = key_eq(out[q].key, src->map.v[k].key);
				if (!have)
					out[n++] = src->map.v[k];
			}
		}
	}
	m->map.v = out;
	m->map.n = n;
}

/* Finishes the container on top of the stack and returns it. */
static struct wfc_ynode *pop_container(struct loader *l, size_t *weight)
{
	struct frame *f = &l->stack[--l->depth];
	struct wfc_ynode *n = f->node;
	if (n->kind == WFC_YSEQ) {
		n->seq.n = f->n;
		n->seq.v = WFC_NEWN(l->a, struct wfc_ynode *, f->n ? f->n : 1);
		memcpy(n->seq.v, f->items, f->n * sizeof(*f->items));
	} else {
		n->map.n = f->n / 2;
		n->map.v = WFC_NEWN(l->a, struct wfc_ypair, n->map.n ? n->map.n : 1);
		for (size_t i = 0; i < n->map.n; i++) {
			n->map.v[i].key = f->items[2 * i];
			n->map.v[i].val = f->items[2 * i + 1];
		}
		apply_merges(l, n);
		drop_duplicates(l, n);
	}
	*weight = f->weight;
	f->n = 0;
	if (f->anchor) {
		remember_anchor(l, f->anchor, strlen(f->anchor), n, f->weight);
		free(f->anchor);
		f->anchor = NULL;
	}
	return n;
}

/* Hands a finished node to its parent (or makes it the document root). */
static void attach(struct loader *l, struct wfc_ynode *n, size_t weight,
		   struct wfc_ydoc *doc)
{
	if (l->depth == 0) {
		doc->root = n;
		return;
	}
	struct frame *p = &l->stack[l->depth - 1];
	if (p->node->kind == WFC_YMAP && p->n % 2 == 0 && n->kind != WFC_YSCALAR) {
		lerror(l, WFC_RULE_yaml, n->line, n->col,
		       "mapping keys must be scalars");
		/* keep the structure balanced with a placeholder key */
		struct wfc_ynode *k = WFC_NEW(l->a, struct wfc_ynode);
		*k = *n;
		k->kind = WFC_YSCALAR;
		k->type = WFC_YSTR;
		k->s.text = "";
		k->s.len = 0;
		n = k;
	}
	push_item(p, n);
	p->weight += weight;
}

static void push_container(struct loader *l, struct wfc_ynode *n,
			   struct fy_token *anchor)
{
	if (l->depth == l->stack_cap) {
		size_t old = l->stack_cap;
		l->stack_cap = old ? old * 2 : 16;
		l->stack = wfc_xrealloc(l->stack, l->stack_cap * sizeof(*l->stack));
		memset(l->stack + old, 0, (l->stack_cap - old) * sizeof(*l->stack));
	}
	struct frame *f = &l->stack[l->depth++];
	f->node = n;
	f->n = 0;
	f->weight = 1;
	f->anchor = NULL;
	if (anchor) {
		size_t al;
		const char *at = fy_token_get_text(anchor, &al);
		if (at) {
			f->anchor = wfc_xrealloc(NULL, al + 1);
			memcpy(f->anchor, at, al);
			f->anchor[al] = '\0';
		}
	}
}

static bool tag_is_str(struct fy_token *tag)
{
	if (!tag)
		return false;
	size_t n;
	const char *t = fy_token_get_text(tag, &n);
	return t && ((n == 21 && memcmp(t, "tag:yaml.org,2002:str", 21) == 0) ||
		     (n == 5 && memcmp(t, "!!str", 5) == 0));
}

static void handle_event(struct loader *l, struct fy_event *e,
			 struct wfc_ydoc *doc)
{
	const struct fy_mark *m = fy_event_start_mark(e);
	switch (e->type) {
	case FYET_MAPPING_START:
	case FYET_SEQUENCE_START: {
		if (l->depth >= l->lim->max_depth) {
			lerror(l, WFC_RULE_limit, m ? (unsigned)m->line + 1 : 0,
			       m ? (unsigned)m->column + 1 : 0,
			       "nesting deeper than %u levels", l->lim->max_depth);
			l->stop = true;
			return;
		}
		bool map = e->type == FYET_MAPPING_START;
		struct wfc_ynode *n = new_node(l, map ? WFC_YMAP : WFC_YSEQ, m);
		push_container(l, n, map ? e->mapping_start.anchor
				       : e->sequence_start.anchor);
		return;
	}
	case FYET_MAPPING_END:
	case FYET_SEQUENCE_END: {
		if (l->depth == 0)
			return;
		size_t w;
		struct wfc_ynode *n = pop_container(l, &w);
		attach(l, n, w, doc);
		return;
	}
	case FYET_SCALAR: {
		struct wfc_ynode *n = new_node(l, WFC_YSCALAR, m);
		size_t len = 0;
		const char *t = fy_token_get_text(e->scalar.value, &len);
		if (!t)
			t = "", len = 0;
		n->s.text = wfc_arena_strndup(l->a, t, len);
		n->s.len = len;
		enum fy_scalar_style st = fy_token_scalar_style(e->scalar.value);
		n->plain = st == FYSS_PLAIN;
		n->style = st == FYSS_SINGLE_QUOTED ? WFC_YSINGLE
			   : st == FYSS_DOUBLE_QUOTED ? WFC_YDOUBLE
			   : st == FYSS_LITERAL ? WFC_YLITERAL
			   : st == FYSS_FOLDED ? WFC_YFOLDED : WFC_YPLAIN;
		/* the mark is after the opening quote: point at the quote */
		if ((n->style == WFC_YSINGLE || n->style == WFC_YDOUBLE) && n->col > 1)
			n->col--;
		if (tag_is_str(e->scalar.tag))
			n->type = WFC_YSTR;
		else if (n->plain)
			n->type = (unsigned char)wfc_yaml11_resolve(t, len);
		else
			n->type = WFC_YSTR;
		if (e->scalar.anchor) {
			size_t al;
			const char *at = fy_token_get_text(e->scalar.anchor, &al);
			if (at)
				remember_anchor(l, at, al, n, 1);
		}
		attach(l, n, 1, doc);
		return;
	}
	case FYET_ALIAS: {
		size_t al = 0;
		const char *at = fy_token_get_text(e->alias.anchor, &al);
		struct anchor *an = NULL;
		for (size_t i = 0; at && i < l->nanchors; i++)
			if (strlen(l->anchors[i].name) == al &&
			    memcmp(l->anchors[i].name, at, al) == 0)
				an = &l->anchors[i];
		unsigned line = m ? (unsigned)m->line + 1 : 0;
		unsigned col = m ? (unsigned)m->column + 1 : 0;
		if (col > 1)
			col--;  /* the mark is after '*': point at it */
		if (!an) {
			lerror(l, WFC_RULE_yaml, line, col, "unknown alias '%.*s'",
			       (int)al, at ? at : "");
			struct wfc_ynode *n = new_node(l, WFC_YSCALAR, m);
			n->s.text = "";
			n->type = WFC_YNULL;
			attach(l, n, 1, doc);
			return;
		}
		l->alias_nodes += an->weight;
		if (l->alias_nodes > l->lim->max_alias_nodes) {
			lerror(l, WFC_RULE_limit, line, col,
			       "alias expansion exceeds %zu nodes in one document",
			       l->lim->max_alias_nodes);
			l->stop = true;
			return;
		}
		attach(l, an->node, an->weight, doc);
		return;
	}
	default:
		return;
	}
}

static void reset_document(struct loader *l)
{
	while (l->depth) {
		struct frame *f = &l->stack[--l->depth];
		free(f->anchor);
		f->anchor = NULL;
		f->n = 0;
	}
	l->nanchors = 0;
	l->alias_nodes = 0;
}

size_t wfc_yaml_load(struct wfc_arena *a, struct wfc_diags *d,
		     const char *name, const char *text, size_t len,
		     const struct wfc_limits *lim,
		     struct wfc_ydoc **docs, size_t *ndocs)
{
	struct wfc_limits deflim;
	if (!lim) {
		wfc_limits_default(&deflim);
		lim = &deflim;
	}
	struct loader l = { .a = a, .d = d, .lim = lim, .file = name };
	if (len > lim->max_file_size) {
		struct wfc_pos p = { name, 0, 0 };
		wfc_diag_add(d, WFC_ERROR, WFC_RULE_limit, p,
			     "input is %zu bytes, larger than the limit of %zu",
			     len, lim->max_file_size);
		return 1;
	}
	struct fy_diag_cfg dc;
	fy_diag_cfg_default(&dc);
	dc.fp = NULL;
	dc.output_fn = NULL;
	struct fy_diag *fdiag = fy_diag_create(&dc);
	struct fy_parser *fyp = NULL;
	if (!fdiag)
		goto err_out;
	fy_diag_set_collect_errors(fdiag, true);
	struct fy_parse_cfg cfg = {
		.flags = FYPCF_QUIET | FYPCF_DISABLE_DEPTH_LIMIT | FYPCF_JSON_NONE |
			 /* go-yaml accepts multi-line quoted scalars in flow lists */
			 FYPCF_SLOPPY_FLOW_INDENTATION,
		.diag = fdiag,
	};
	fyp = fy_parser_create(&cfg);
	if (!fyp || fy_parser_set_string(fyp, text, len) != 0)
		goto err_out;

	size_t ndoc_file = 0;
	struct wfc_ydoc cur = { 0 };
	struct fy_event *e;
	while (!l.stop && (e = fy_parser_parse(fyp)) != NULL) {
		if (e->type == FYET_DOCUMENT_START) {
			reset_document(&l);
			if (++ndoc_file > lim->max_documents) {
				const struct fy_mark *m = fy_event_start_mark(e);
				struct wfc_pos p = { name, m ? (unsigned)m->line + 1 : 0,
						     m ? (unsigned)m->column + 1 : 0 };
				wfc_diag_add(d, WFC_ERROR, WFC_RULE_limit, p,
					     "more than %zu documents in one input",
					     lim->max_documents);
				l.errors++;
				l.stop = true;
			}
			memset(&cur, 0, sizeof(cur));
			cur.file = name;
			const struct fy_mark *m = fy_event_start_mark(e);
			cur.line = m ? (unsigned)m->line + 1 : 1;
		} else if (e->type == FYET_DOCUMENT_END) {
			if (cur.root && cur.line == 0)
				cur.line = cur.root->line;
			if (!cur.line)
				cur.line = cur.root ? cur.root->line : 1;
			*docs = wfc_xrealloc(*docs, (*ndocs + 1) * sizeof(**docs));
			(*docs)[(*ndocs)++] = cur;
			memset(&cur, 0, sizeof(cur));
		} else {
			handle_event(&l, e, &cur);
		}
		fy_parser_event_free(fyp, e);
	}
	if (!l.stop && fy_parser_get_stream_error(fyp)) {
		void *it = NULL;
		struct fy_diag_error *de;
		bool any = false;
		while ((de = fy_diag_errors_iterate(fdiag, &it)) != NULL) {
			struct wfc_pos p = { name, de->line > 0 ? (unsigned)de->line : 1,
					     de->column > 0 ? (unsigned)de->column : 1 };
			wfc_diag_add(d, WFC_ERROR, WFC_RULE_yaml, p, "%s", de->msg);
			l.errors++;
			any = true;
		}
		if (!any) {
			struct wfc_pos p = { name, 0, 0 };
			wfc_diag_add(d, WFC_ERROR, WFC_RULE_yaml, p, "invalid YAML");
			l.errors++;
		}
	}
	goto out;
err_out:
	{
		struct wfc_pos p = { name, 0, 0 };
		wfc_diag_add(d, WFC_ERROR, WFC_RULE_io, p, "cannot start the YAML parser");
		l.errors++;
	}
out:
	reset_document(&l);
	for (size_t i = 0; i < l.stack_cap; i++)
		free(l.stack[i].items);
	free(l.stack);
	free(l.anchors);
	if (fyp)
		fy_parser_destroy(fyp);
	if (fdiag)
		fy_diag_destroy(fdiag);
	return l.errors;
}
