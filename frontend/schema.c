/* Checks YAML trees against the generated schema table: fields are found by
 * binary search on sorted names; nothing is allocated unless there are
 * errors to report. */
#define WFC_SCHEMA_INTERNAL
#include "frontend/schema.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAB (&wfc_schema_table)

static const char *str_at(unsigned off)
{
	return TAB->strings + off;
}

/* Compares the counted string k with the pool string s, byte by byte. */
static int cmp_counted(const char *k, size_t len, const char *s)
{
	for (size_t i = 0; i < len; i++) {
		if (!s[i])
			return 1;
		if (k[i] != s[i])
			return (unsigned char)k[i] < (unsigned char)s[i] ? -1 : 1;
	}
	return s[len] ? -1 : 0;
}

static const struct wfc_stype *find_type(const char *name, size_t len)
{
	size_t lo = 0, hi = TAB->ntypes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_counted(name, len, str_at(TAB->types[mid].name));
		if (c == 0)
			return &TAB->types[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static const struct wfc_stype *find_field(const struct wfc_stype *t,
					  const char *name, size_t len)
{
	if (t->kind != WFC_SK_OBJECT)
		return NULL;
	const struct wfc_sfield *f = TAB->fields + t->sub;
	size_t lo = 0, hi = t->nfields;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_counted(name, len, str_at(f[mid].name));
		if (c == 0)
			return &TAB->types[f[mid].type];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct wfc_stype *wfc_schema_type(const char *definition)
{
	if (!definition)
		return NULL;
	const struct wfc_stype *t = find_type(definition, strlen(definition));
	return t && t->named ? t : NULL;
}

const struct wfc_stype *wfc_schema_for_kind(const char *kind)
{
	static const char *const kinds[] = { "Workflow", "WorkflowTemplate",
		"ClusterWorkflowTemplate", "CronWorkflow" };
	static const char prefix[] = "io.argoproj.workflow.v1alpha1.";
	char name[sizeof(prefix) + 32];
	if (!kind)
		return NULL;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0) {
			snprintf(name, sizeof(name), "%s%s", prefix, kind);
			return wfc_schema_type(name);
		}
	return NULL;
}

const struct wfc_stype *wfc_schema_field(const struct wfc_stype *t,
					 const char *field)
{
	if (!t || !field)
		return NULL;
	return find_field(t, field, strlen(field));
}

const char *wfc_schema_type_name(const struct wfc_stype *t)
{
	return t ? str_at(t->name) : "";
}

/* ---- checking ---- */

/* The subject of a type error: a field name or mapping key, followed by the
 * list indexes below it ("args[2]", "steps[0][1]"). Built on the stack as
 * the check descends and formatted only when an error is reported. */
struct label {
	const struct label *up;
	const char *name;  /* NULL for an index */
	size_t len;
	size_t index;
};

struct checker {
	struct wfc_diags *d;
	size_t errors;
};

static void format_label(const struct label *lb, char *buf, size_t cap,
			 size_t *pos)
{
	if (!lb)
		return;
	int n;
	if (lb->name) {
		n = snprintf(buf + *pos, cap - *pos, "%.*s", (int)lb->len, lb->name);
	} else {
		format_label(lb->up, buf, cap, pos);
		n = snprintf(buf + *pos, cap - *pos, "[%zu]", lb->index);
	}
	if (n > 0)
		*pos = *pos + (size_t)n < cap ? *pos + (size_t)n : cap - 1;
}

static const char *short_name(const struct wfc_stype *t)
{
	const char *s = str_at(t->name), *dot = strrchr(s, '.');
	return dot ? dot + 1 : s;
}

static const char *expected(const struct wfc_stype *t)
{
	switch ((enum wfc_skind)t->kind) {
	case WFC_SK_OBJECT:
	case WFC_SK_MAP:
	case WFC_SK_FREE_OBJECT:
		return "a mapping";
	case WFC_SK_ARRAY:
		return "a list";
	case WFC_SK_STRING:
		return "a string";
	case WFC_SK_INTEGER:
		return "an integer";
	case WFC_SK_NUMBER:
		return "a number";
	case WFC_SK_BOOLEAN:
		return "a boolean";
	case WFC_SK_INT_OR_STRING:
		return "an integer or a string";
	case WFC_SK_QUANTITY:
		return "a quantity (a string or a number)";
	case WFC_SK_ANY_STRING:
		return "a string, a number or a boolean";
	case WFC_SK_ANY:
		break;
	}
	return "a value";
}

/* A field where a plain scalar was probably meant as a string. */
static bool wants_string(const struct wfc_stype *t)
{
	switch ((enum wfc_skind)t->kind) {
	case WFC_SK_STRING:
	case WFC_SK_INT_OR_STRING:
		return true;
	default:
		return false;
	}
}

/* A quoted scalar that would be a number (or a boolean) without quotes. */
static bool quoted_literal(const struct wfc_ynode *n, const struct wfc_stype *t)
{
	const char *s = n->s.text;
	size_t len = n->s.len, i = 0, digits = 0;
	if (t->kind == WFC_SK_BOOLEAN)
		return (len == 4 && memcmp(s, "true", 4) == 0) ||
		       (len == 5 && memcmp(s, "false", 5) == 0);
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (t->kind == WFC_SK_NUMBER && i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	return digits && i == len;
}

/* Why a scalar is not what it looks like: " (YAML 1.1 reads 'on' as a
 * boolean; quote it)" for a field that wants a string, " (remove the
 * quotes)" for "3" in a field that wants a number. */
static void yaml11_hint(const struct wfc_ynode *n, const struct wfc_stype *t,
			char *buf, size_t cap)
{
	buf[0] = '\0';
	if (!n->plain && n->type == WFC_YSTR &&
	    (t->kind == WFC_SK_INTEGER || t->kind == WFC_SK_NUMBER ||
	     t->kind == WFC_SK_BOOLEAN) && quoted_literal(n, t)) {
		snprintf(buf, cap, " (remove the quotes)");
		return;
	}
	if (!n->plain || !wants_string(t))
		return;
	int len = n->s.len > 64 ? 64 : (int)n->s.len;
	if (n->type == WFC_YBOOL) {
		snprintf(buf, cap, " (YAML 1.1 reads '%.*s' as a boolean; quote it)",
			 len, n->s.text);
	} else if ((n->type == WFC_YINT || n->type == WFC_YFLOAT) &&
		   t->kind == WFC_SK_STRING) {
		struct wfc_arena *a = wfc_arena_create();
		const char *v = wfc_yscalar_value(a, n);
		if (strlen(v) != n->s.len || memcmp(v, n->s.text, n->s.len) != 0)
			snprintf(buf, cap, " (YAML 1.1 reads '%.*s' as the number "
				 "%.32s; quote it)", len, n->s.text, v);
		wfc_arena_destroy(a);
	}
}

static void type_error(struct checker *c, const struct wfc_ynode *n,
		       const struct wfc_stype *t, const struct label *lb)
{
	char subject[256], hint[160];
	size_t pos = 0;
	subject[0] = '\0';
	format_label(lb, subject, sizeof(subject), &pos);
	if (!subject[0])
		snprintf(subject, sizeof(subject), "%s", short_name(t));
	if (n->kind == WFC_YSCALAR)
		yaml11_hint(n, t, hint, sizeof(hint));
	else
		hint[0] = '\0';
	wfc_diag_add(c->d, WFC_ERROR, WFC_RULE_type, wfc_ypos(n),
		     "'%s' must be %s, not %s%s", subject, expected(t),
		     wfc_ykind_name(n), hint);
	c->errors++;
}

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* Optimal string alignment distance (Levenshtein with transpositions of
 * adjacent characters), or limit + 1 when it is more than limit. */
static size_t edit_distance(const char *a, size_t la, const char *b,
			    size_t lb, size_t limit)
{
	enum { MAXLEN = 64 };
	if (la > MAXLEN || lb > MAXLEN)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t rows[3][MAXLEN + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		size_t best = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

/* The field of t the user probably meant by key, or NULL. */
static const char *suggest(const struct wfc_stype *t, const char *key,
			   size_t len)
{
	const struct wfc_sfield *f = TAB->fields + t->sub;
	size_t limit = len <= 4 ? 1 : 2;
	const char *best = NULL;
	size_t best_d = limit + 1;
	for (size_t i = 0; i < t->nfields; i++) {
		const char *s = str_at(f[i].name);
		size_t sl = strlen(s);
		if (sl == len) {
			size_t j = 0;
			while (j < len && lower(key[j]) == lower(s[j]))
				j++;
			if (j == len)
				return s;
		}
		size_t dist = edit_distance(key, len, s, sl, limit);
		if (dist < best_d) {
			best_d = dist;
			best = s;
		}
	}
	return best;
}

/* Fields Argo removed that existing files still use and that wfc still
 * reads: a warning, not an error. */
static const struct {
	const char *type, *field, *instead;
} removed_fields[] = {
	{ "io.argoproj.workflow.v1alpha1.CronWorkflowSpec", "schedule", "schedules" },
};

static void unknown_field(struct checker *c, const struct wfc_ynode *k,
			  const struct wfc_stype *t)
{
	for (size_t i = 0; i < sizeof(removed_fields) / sizeof(removed_fields[0]); i++)
		if (strcmp(wfc_schema_type_name(t), removed_fields[i].type) == 0 &&
		    strcmp(k->s.text, removed_fields[i].field) == 0) {
			struct wfc_diag *dg = wfc_diag_add(
				c->d, WFC_WARNING, WFC_RULE_unknown_field, wfc_ypos(k),
				"'%s' was replaced by '%s' in Argo Workflows 4; wfc still reads it",
				removed_fields[i].field, removed_fields[i].instead);
			wfc_diag_set_suggestion(dg, removed_fields[i].instead);
			return;
		}
	const char *s = suggest(t, k->s.text, k->s.len);
	int len = k->s.len > 200 ? 200 : (int)k->s.len;
	struct wfc_diag *dg;
	if (s) {
		dg = wfc_diag_add(c->d, WFC_ERROR, WFC_RULE_unknown_field,
				  wfc_ypos(k),
				  "unknown field '%.*s'; did you mean '%s'?",
				  len, k->s.text, s);
		wfc_diag_set_suggestion(dg, s);
	} else {
		wfc_diag_add(c->d, WFC_ERROR, WFC_RULE_unknown_field, wfc_ypos(k),
			     "unknown field '%.*s' in %s", len, k->s.text,
			     short_name(t));
	}
	c->errors++;
}

static void check(struct checker *c, const struct wfc_ynode *n,
		  const struct wfc_stype *t, const struct label *lb)
{
	if (n->kind == WFC_YSCALAR && n->type == WFC_YNULL)
		return;  /* Kubernetes reads null as "not set" */
	bool ok = false;
	switch ((enum wfc_skind)t->kind) {
	case WFC_SK_OBJECT:
		if (n->kind != WFC_YMAP)
			break;
		for (size_t i = 0; i < n->map.n; i++) {
			const struct wfc_ynode *k = n->map.v[i].key;
			const struct wfc_stype *ft = find_field(t, k->s.text, k->s.len);
			if (!ft) {
				unknown_field(c, k, t);
				continue;
			}
			struct label sub = { lb, k->s.text, k->s.len, 0 };
			check(c, n->map.v[i].val, ft, &sub);
		}
		return;
	case WFC_SK_MAP:
		if (n->kind != WFC_YMAP)
			break;
		for (size_t i = 0; i < n->map.n; i++) {
			const struct wfc_ynode *k = n->map.v[i].key;
			struct label sub = { lb, k->s.text, k->s.len, 0 };
			check(c, n->map.v[i].val, &TAB->types[t->sub], &sub);
		}
		return;
	case WFC_SK_ARRAY:
		if (n->kind != WFC_YSEQ)
			break;
		for (size_t i = 0; i < n->seq.n; i++) {
			struct label sub = { lb, NULL, 0, i };
			check(c, n->seq.v[i], &TAB->types[t->sub], &sub);
		}
		return;
	case WFC_SK_FREE_OBJECT:
		ok = n->kind == WFC_YMAP;
		break;
	case WFC_SK_ANY:
		return;
	case WFC_SK_STRING:
		ok = n->kind == WFC_YSCALAR && n->type == WFC_YSTR;
		break;
	case WFC_SK_INTEGER:
		ok = n->kind == WFC_YSCALAR && n->type == WFC_YINT;
		break;
	case WFC_SK_NUMBER:
		ok = n->kind == WFC_YSCALAR &&
		     (n->type == WFC_YINT || n->type == WFC_YFLOAT);
		break;
	case WFC_SK_BOOLEAN:
		ok = n->kind == WFC_YSCALAR && n->type == WFC_YBOOL;
		break;
	case WFC_SK_INT_OR_STRING:
		ok = n->kind == WFC_YSCALAR &&
		     (n->type == WFC_YINT || n->type == WFC_YSTR);
		break;
	case WFC_SK_QUANTITY:
		ok = n->kind == WFC_YSCALAR && n->type != WFC_YBOOL;
		break;
	case WFC_SK_ANY_STRING:
		ok = n->kind == WFC_YSCALAR;
		break;
	}
	if (!ok)
		type_error(c, n, t, lb);
}

/* A node reached through several aliases is checked once per path; its
 * findings are reported once. Compares two findings by place and text. */
static int cmp_content(const struct wfc_diag *a, const struct wfc_diag *b)
{
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	int c = strcmp(a->pos.file ? a->pos.file : "",
		       b->pos.file ? b->pos.file : "");
	return c ? c : strcmp(a->message, b->message);
}

/* Content, then the order added. */
static int cmp_found(const void *pa, const void *pb)
{
	const struct wfc_diag *a = *(const struct wfc_diag *const *)pa;
	const struct wfc_diag *b = *(const struct wfc_diag *const *)pb;
	int c = cmp_content(a, b);
	return c ? c : (a > b) - (a < b);
}

/* Drops repeats among the diagnostics from index from on; returns how many
 * are left. */
static size_t drop_repeats(struct wfc_diags *d, size_t from)
{
	size_t k = d->n - from;
	if (k < 2)
		return k;
	struct wfc_diag **v = malloc(k * sizeof(*v));
	if (!v)
		return k;
	for (size_t i = 0; i < k; i++)
		v[i] = &d->v[from + i];
	qsort(v, k, sizeof(*v), cmp_found);
	for (size_t i = 1, keep = 0; i < k; i++) {
		if (cmp_content(v[keep], v[i]) == 0) {
			free(v[i]->message);
			free(v[i]->suggestion);
			v[i]->message = NULL;
			v[i]->suggestion = NULL;
		} else {
			keep = i;
		}
	}
	free(v);
	size_t n = from;
	for (size_t i = from; i < d->n; i++)
		if (d->v[i].message)
			d->v[n++] = d->v[i];
	d->errors -= d->n - n;
	d->n = n;
	return n - from;
}

size_t wfc_schema_check(struct wfc_diags *d, const struct wfc_ynode *n,
			const struct wfc_stype *t)
{
	if (!n || !t)
		return 0;
	struct checker c = { d, 0 };
	size_t from = d->n;
	check(&c, n, t, NULL);
	return c.errors ? drop_repeats(d, from) : 0;
}
