#include "support/diag.h"
#include "support/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const rule_ids[] = {
#define WFC_RULE_ID(id, name, desc) name,
	WFC_RULES(WFC_RULE_ID)
#undef WFC_RULE_ID
};

static const char *const rule_desc[] = {
#define WFC_RULE_DESC(id, name, desc) desc,
	WFC_RULES(WFC_RULE_DESC)
#undef WFC_RULE_DESC
};

const char *wfc_rule_id(enum wfc_rule r)
{
	return (unsigned)r < WFC_RULE_COUNT ? rule_ids[r] : "unknown";
}

const char *wfc_rule_description(enum wfc_rule r)
{
	return (unsigned)r < WFC_RULE_COUNT ? rule_desc[r] : "";
}

static char *xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof(probe), fmt ? fmt : "", ap);
	char *s = wfc_xrealloc(NULL, (size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap2);
	va_end(ap2);
	return s;
}

struct wfc_diag *wfc_diag_add(struct wfc_diags *d, enum wfc_severity sev,
			      enum wfc_rule rule, struct wfc_pos pos,
			      const char *fmt, ...)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = wfc_xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	struct wfc_diag *dg = &d->v[d->n++];
	memset(dg, 0, sizeof(*dg));
	dg->severity = sev;
	dg->rule = rule;
	dg->pos = pos;
	va_list ap;
	va_start(ap, fmt);
	dg->message = xvasprintf(fmt, ap);
	va_end(ap);
	if (sev == WFC_ERROR)
		d->errors++;
	else if (sev == WFC_WARNING)
		d->warnings++;
	return dg;
}

void wfc_diag_set_suggestion(struct wfc_diag *dg, const char *suggestion)
{
	free(dg->suggestion);
	dg->suggestion = suggestion ? strdup(suggestion) : NULL;
}

struct keyed {
	struct wfc_diag d;
	size_t idx;
};

static int cmp_diag(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	const char *fa = a->d.pos.file ? a->d.pos.file : "";
	const char *fb = b->d.pos.file ? b->d.pos.file : "";
	int c = strcmp(fa, fb);
	if (c)
		return c;
	if (a->d.pos.line != b->d.pos.line)
		return a->d.pos.line < b->d.pos.line ? -1 : 1;
	if (a->d.pos.col != b->d.pos.col)
		return a->d.pos.col < b->d.pos.col ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

void wfc_diags_sort(struct wfc_diags *d)
{
	if (d->n < 2)
		return;
	struct keyed *k = wfc_xrealloc(NULL, d->n * sizeof(*k));
	for (size_t i = 0; i < d->n; i++)
		k[i].d = d->v[i], k[i].idx = i;
	qsort(k, d->n, sizeof(*k), cmp_diag);
	for (size_t i = 0; i < d->n; i++)
		d->v[i] = k[i].d;
	free(k);
}

void wfc_diags_free(struct wfc_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].message);
		free(d->v[i].suggestion);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

const struct wfc_source *wfc_sources_find(const struct wfc_sources *s,
					  const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].name == name || strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}
