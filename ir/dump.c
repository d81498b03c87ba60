/* Verify and dump the graph (--dump-ir=PASS). */
#include "ir/ir.h"

static const char *tn(const struct wfc_gtmpl *t)
{
	return t && t->t->name.s ? t->t->name.s : "(inline)";
}

static bool owned(const struct wfc_graph *g, const struct wfc_gtmpl *t)
{
	for (size_t d = 0; d < g->ndocs; d++) {
		const struct wfc_gdoc *gd = &g->docs[d];
		if (t >= gd->tmpls && t < gd->tmpls + gd->ntmpls)
			return true;
		for (size_t i = 0; i < gd->nextra; i++)
			if (gd->extra[i] == t)
				return true;
	}
	return false;
}

static bool verify_tmpl(const struct wfc_graph *g, const struct wfc_gtmpl *t, FILE *out)
{
	if (!t->t || !t->doc) {
		fprintf(out, "template without AST or document\n");
		return false;
	}
	for (size_t i = 0; i < t->ncalls; i++)
		if (t->calls[i].target && !owned(g, t->calls[i].target)) {
			fprintf(out, "template '%s': call %zu targets a template outside the graph\n",
				tn(t), i);
			return false;
		}
	return true;
}

bool wfc_graph_verify(const struct wfc_graph *g, FILE *out)
{
	for (size_t d = 0; d < g->ndocs; d++) {
		const struct wfc_gdoc *gd = &g->docs[d];
		if (!gd->doc)
			return false;
		if (gd->entry && !owned(g, gd->entry)) {
			fprintf(out, "entrypoint outside the graph\n");
			return false;
		}
		for (size_t i = 0; i < gd->ntmpls; i++)
			if (!verify_tmpl(g, &gd->tmpls[i], out))
				return false;
		for (size_t i = 0; i < gd->nextra; i++)
			if (!verify_tmpl(g, gd->extra[i], out))
				return false;
	}
	return true;
}

static void dump_tmpl(const struct wfc_gtmpl *t, FILE *out)
{
	fprintf(out, "  template %s (%s)%s%s%s\n", tn(t),
		t->t->type ? wfc_tmpl_type_name(t->t->type) : "untyped",
		t->reachable ? " reachable" : "", t->exit_handler ? " exit-handler" : "",
		t->is_inline ? " inline" : "");
	for (size_t i = 0; i < t->ncalls; i++) {
		const struct wfc_gcall *c = &t->calls[i];
		const char *kind = c->kind == WFC_CALL_STEP ? "step" : c->kind == WFC_CALL_TASK ? "task" : "hook";
		fprintf(out, "    %s %s", kind, c->c->name.s ? c->c->name.s : "?");
		if (c->kind == WFC_CALL_STEP)
			fprintf(out, " [group %zu]", c->group);
		if (c->result_used)
			fprintf(out, " [result used]");
		if (c->target)
			fprintf(out, " -> %s/%s\n", c->target->doc->doc->name.s
				? c->target->doc->doc->name.s : "?", tn(c->target));
		else
			fprintf(out, " -> unresolved\n");
	}
}

void wfc_graph_dump(const struct wfc_graph *g, FILE *out)
{
	for (size_t d = 0; d < g->ndocs; d++) {
		const struct wfc_gdoc *gd = &g->docs[d];
		const struct wfc_doc *doc = gd->doc;
		fprintf(out, "%s %s (%s:%u)%s\n", wfc_doc_kind_name(doc->kind),
			doc->name.s ? doc->name.s : doc->generate_name.s ? doc->generate_name.s : "?",
			doc->file, doc->root->line, gd->library ? " library" : "");
		if (gd->base)
			fprintf(out, "  base %s\n", gd->base->doc->name.s);
		if (gd->entry)
			fprintf(out, "  entrypoint %s\n", tn(gd->entry));
		if (gd->on_exit)
			fprintf(out, "  onExit %s\n", tn(gd->on_exit));
		for (size_t i = 0; i < gd->ntmpls; i++)
			dump_tmpl(&gd->tmpls[i], out);
		for (size_t i = 0; i < gd->nextra; i++)
			dump_tmpl(gd->extra[i], out);
	}
}
