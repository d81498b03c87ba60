/* Pass "unsupported": valid Argo that wfc cannot compile yet is a warning
 * naming the feature, at its position (never a silently dropped field). */
#include "ir/ir.h"

static void warn(struct wfc_graph *g, const struct wfc_ynode *at, const char *what)
{
	wfc_diag_add(g->d, WFC_WARNING, WFC_RULE_unsupported, wfc_ypos(at),
		     "'%s' is valid Argo but wfc cannot compile it yet", what);
}

static void check_args(struct wfc_graph *g, const struct wfc_args *a)
{
	for (size_t i = 0; i < a->narts; i++)
		warn(g, a->arts[i].node, "artifacts");
}

static void check_tmpl(struct wfc_graph *g, struct wfc_gtmpl *gt)
{
	if (!wfc_gtmpl_wanted(gt))
		return;
	const struct wfc_template *t = gt->t;
	for (size_t i = 0; i < t->nunsupported; i++)
		warn(g, t->unsupported[i], t->unsupported[i]->s.text);
	switch (t->type) {
	case WFC_TMPL_CONTAINER_SET:
	case WFC_TMPL_DATA:
	case WFC_TMPL_HTTP:
	case WFC_TMPL_PLUGIN:
		warn(g, t->type_keys[0], wfc_tmpl_type_name(t->type));
		break;
	default:
		break;
	}
	check_args(g, &t->inputs);
	check_args(g, &t->outputs);
	for (size_t i = 0; i < gt->ncalls; i++)
		if (gt->calls[i].kind != WFC_CALL_HOOK)
			check_args(g, &gt->calls[i].c->args);
}

void wfc_pass_unsupported(struct wfc_graph *g)
{
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		if (gd->library)
			continue;
		for (size_t i = 0; i < gd->doc->nunsupported; i++)
			warn(g, gd->doc->unsupported[i], gd->doc->unsupported[i]->s.text);
		check_args(g, &gd->doc->args);
	}
	wfc_graph_each_template(g, check_tmpl);
}
