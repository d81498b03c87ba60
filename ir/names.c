/* Helpers shared by the passes: name rules, "did you mean", iteration. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ir/ir.h"

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool wfc_is_workflow_field_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 128 || !alnum(s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

bool wfc_is_param_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!alnum(*s) && *s != '-' && *s != '_')
			return false;
	return true;
}

bool wfc_is_dns1123_subdomain(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 253)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!lower && c != '-' && c != '.')
			return false;
		if ((i == 0 || i == n - 1) && !lower)
			return false;
	}
	return true;
}

size_t wfc_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 256 || lb > 256)
		return (size_t)-1;
	size_t prev2[257], prev[257], cur[257];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			/* transposition (Damerau) */
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		memcpy(prev2, prev, sizeof(prev));
		memcpy(prev, cur, sizeof(cur));
	}
	return prev[lb];
}

const char *wfc_did_you_mean(const char *word, const char *const *cands, size_t n)
{
	size_t wl = strlen(word);
	size_t limit = wl <= 4 ? 1 : wl <= 10 ? 2 : 3;
	const char *best = NULL;
	size_t bestd = limit + 1;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i] || strcmp(cands[i], word) == 0)
			continue;
		size_t d = strcasecmp(cands[i], word) == 0 ? 0 : wfc_edit_distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return best;
}

void wfc_graph_each_template(struct wfc_graph *g,
			     void (*fn)(struct wfc_graph *g, struct wfc_gtmpl *t))
{
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		for (size_t i = 0; i < gd->ntmpls; i++)
			fn(g, &gd->tmpls[i]);
		for (size_t i = 0; i < gd->nextra; i++)
			fn(g, gd->extra[i]);
	}
}

bool wfc_gtmpl_wanted(const struct wfc_gtmpl *gt)
{
	return !gt->doc->library || gt->reachable;
}
