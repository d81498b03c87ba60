/* Pass "results": which steps and tasks have their outputs.result used.
 * Argo captures a step's stdout as outputs.result only when the template
 * that calls it refers to it (its hasOutputResultRef: the calling steps
 * or DAG template, as JSON, holds steps.NAME.outputs.result or
 * tasks.NAME.outputs.result); wfc does the same, so that a cluster run
 * reads no pod log nobody uses. Any mention counts (a tag, an expression,
 * an inline template's text), and a reference whose owner cannot be read
 * marks every call of the template: a false mark costs one log read, a
 * missed one would lose a value. */
#include <string.h>

#include "ir/ir.h"
#include "support/text.h"

static void mark(void *ctx, const char *name, size_t len)
{
	struct wfc_gtmpl *gt = ctx;
	for (size_t i = 0; i < gt->ncalls; i++) {
		struct wfc_gcall *gc = &gt->calls[i];
		const char *cn = gc->c->name.s;
		if (gc->kind == WFC_CALL_HOOK)
			continue;
		if (!name || (cn && strlen(cn) == len && memcmp(cn, name, len) == 0))
			gc->result_used = true;
	}
}

static void walk(struct wfc_gtmpl *gt, const struct wfc_ynode *n, unsigned depth)
{
	if (!n || depth > 512)
		return;
	switch (n->kind) {
	case WFC_YSCALAR:
		if (n->s.len > 15 && memchr(n->s.text, '.', n->s.len))
			wfc_result_refs(n->s.text, mark, gt);
		return;
	case WFC_YSEQ:
		for (size_t i = 0; i < n->seq.n; i++)
			walk(gt, n->seq.v[i], depth + 1);
		return;
	case WFC_YMAP:
		for (size_t i = 0; i < n->map.n; i++)
			walk(gt, n->map.v[i].val, depth + 1);
		return;
	}
}

static void results(struct wfc_graph *g, struct wfc_gtmpl *gt)
{
	(void)g;
	if (gt->ncalls && (gt->t->type == WFC_TMPL_STEPS || gt->t->type == WFC_TMPL_DAG))
		walk(gt, gt->t->node, 0);
}

void wfc_pass_results(struct wfc_graph *g)
{
	wfc_graph_each_template(g, results);
}
