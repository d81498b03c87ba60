/* Pass "index": one graph document per Argo document, name tables for
 * templates and WorkflowTemplates, and the name checks Argo makes on them. */
#include <stddef.h>
#include <string.h>

#define CHECK_NAMES(g, what, arr, n, T, param) \
	check_unique_names(g, what, arr, offsetof(T, name), sizeof(T), n, param)

#include "ir/ir.h"

static void add_global(struct wfc_gdoc *gd, struct wfc_arena *a, const char *name)
{
	wfc_strmap_put(&gd->globals, name, strlen(name), (void *)name);
	(void)a;
}

static void add_globals_from_map(struct wfc_gdoc *gd, struct wfc_arena *a,
				 const char *prefix, const struct wfc_ynode *m)
{
	if (!m || m->kind != WFC_YMAP)
		return;
	for (size_t i = 0; i < m->map.n; i++)
		add_global(gd, a, wfc_arena_printf(a, "%s%s", prefix, m->map.v[i].key->s.text));
}

static const char *const builtin_globals[] = {
	"workflow.name", "workflow.namespace", "workflow.uid",
	"workflow.serviceAccountName", "workflow.mainEntrypoint",
	"workflow.creationTimestamp", "workflow.priority", "workflow.duration",
	"workflow.scheduledTime", "workflow.parameters", "workflow.labels",
	"workflow.annotations", "workflow.parameters.json", "workflow.labels.json",
	"workflow.annotations.json", NULL
};

void wfc_graph_add_param_globals(struct wfc_gdoc *gd, struct wfc_arena *a,
				 const struct wfc_args *args);

void wfc_graph_add_param_globals(struct wfc_gdoc *gd, struct wfc_arena *a,
				 const struct wfc_args *args)
{
	for (size_t i = 0; i < args->nparams; i++)
		if (args->params[i].name.s)
			add_global(gd, a, wfc_arena_printf(a, "workflow.parameters.%s",
							   args->params[i].name.s));
	for (size_t i = 0; i < args->narts; i++)
		if (args->arts[i].name.s)
			add_global(gd, a, wfc_arena_printf(a, "workflow.artifacts.%s",
							   args->arts[i].name.s));
}

static void check_unique_names(struct wfc_graph *g, const char *what,
			       const void *arr, size_t off, size_t stride, size_t n,
			       bool param_names)
{
	struct wfc_strmap seen = { 0 };
	bool small = n <= 16;  /* short lists: compare pairwise, no table */
	for (size_t i = 0; i < n; i++) {
		const struct wfc_sval *v = (const struct wfc_sval *)((const char *)arr + i * stride + off);
		if (!v->s)
			continue;
		if (param_names ? !wfc_is_param_name(v->s) : !wfc_is_workflow_field_name(v->s)) {
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(v->node),
				     param_names
				     ? "%s name '%s' is invalid: must consist of alpha-numeric characters, '_' or '-'"
				     : "%s name '%s' is invalid: must consist of alpha-numeric characters or '-', start with an alpha-numeric character and be at most 128 characters",
				     what, v->s);
		}
		bool dup = false;
		if (small) {
			for (size_t j = 0; j < i && !dup; j++) {
				const struct wfc_sval *w = (const struct wfc_sval *)
					((const char *)arr + j * stride + off);
				dup = w->s && strcmp(w->s, v->s) == 0;
			}
		} else {
			dup = wfc_strmap_put(&seen, v->s, strlen(v->s), (void *)v) != NULL;
		}
		if (dup)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_unique_name, wfc_ypos(v->node),
				     "%s name '%s' is not unique", what, v->s);
	}
	wfc_strmap_free(&seen);
}

/* Every list of named things in one template (and its args) gets Argo's checks. */
static void check_template_names(struct wfc_graph *g, const struct wfc_template *t)
{
	CHECK_NAMES(g, "input parameter", t->inputs.params, t->inputs.nparams, struct wfc_param, true);
	CHECK_NAMES(g, "input artifact", t->inputs.arts, t->inputs.narts, struct wfc_artifact, true);
	CHECK_NAMES(g, "output parameter", t->outputs.params, t->outputs.nparams, struct wfc_param, true);
	CHECK_NAMES(g, "output artifact", t->outputs.arts, t->outputs.narts, struct wfc_artifact, true);
	/* step names are unique across all groups of the template */
	struct wfc_strmap seen = { 0 };
	for (size_t i = 0; i < t->ngroups; i++)
		for (size_t j = 0; j < t->groups[i].n; j++) {
			const struct wfc_call *c = &t->groups[i].steps[j];
			if (!c->name.s) {
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(c->node),
					     "step has no 'name'");
				continue;
			}
			if (!wfc_is_workflow_field_name(c->name.s))
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(c->name.node),
					     "step name '%s' is invalid: must consist of alpha-numeric characters or '-', start with an alpha-numeric character and be at most 128 characters",
					     c->name.s);
			if (wfc_strmap_put(&seen, c->name.s, strlen(c->name.s), (void *)c))
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_unique_name,
					     wfc_ypos(c->name.node),
					     "step name '%s' is not unique", c->name.s);
			CHECK_NAMES(g, "argument parameter", c->args.params, c->args.nparams, struct wfc_param, true);
		}
	wfc_strmap_free(&seen);
	for (size_t i = 0; i < t->ntasks; i++) {
		const struct wfc_call *c = &t->tasks[i];
		if (!c->name.s)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(c->node),
				     "task has no 'name'");
		CHECK_NAMES(g, "argument parameter", c->args.params, c->args.nparams, struct wfc_param, true);
	}
	CHECK_NAMES(g, "task", t->tasks, t->ntasks, struct wfc_call, false);
}

static void index_template(struct wfc_graph *g, struct wfc_gdoc *gd,
			   struct wfc_gtmpl *gt, const struct wfc_template *t)
{
	gt->t = t;
	gt->doc = gd;
	for (size_t i = 0; i < t->ntasks; i++)
		if (t->tasks[i].name.s)
			wfc_strmap_put(&gt->tasks, t->tasks[i].name.s,
				       strlen(t->tasks[i].name.s), (void *)&t->tasks[i]);
	check_template_names(g, t);
}

/* Exposed for resolve.c: inline templates get graph nodes of their own. */
struct wfc_gtmpl *wfc_graph_add_extra(struct wfc_graph *g, struct wfc_gdoc *gd,
				      const struct wfc_template *t);

struct wfc_gtmpl *wfc_graph_add_extra(struct wfc_graph *g, struct wfc_gdoc *gd,
				      const struct wfc_template *t)
{
	struct wfc_gtmpl *gt = WFC_NEW(g->a, struct wfc_gtmpl);
	index_template(g, gd, gt, t);
	gt->is_inline = true;
	struct wfc_gtmpl **v = WFC_NEWN(g->a, struct wfc_gtmpl *, gd->nextra + 1);
	if (gd->nextra)
		memcpy(v, gd->extra, gd->nextra * sizeof(*v));
	v[gd->nextra++] = gt;
	gd->extra = v;
	return gt;
}

void wfc_pass_index(struct wfc_graph *g)
{
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		struct wfc_doc *doc = gd->doc;
		const char *name = doc->name.s;
		if (!name && !doc->generate_name.s && !gd->library)
			wfc_diag_add(g->d, WFC_WARNING, WFC_RULE_name, wfc_ypos(doc->root),
				     "%s has neither metadata.name nor metadata.generateName: Kubernetes will refuse it as it is",
				     wfc_doc_kind_name(doc->kind));
		if (name && !wfc_is_dns1123_subdomain(name))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(doc->name.node),
				     "metadata.name '%s' is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
				     name);
		if (name && (doc->kind == WFC_WORKFLOW_TEMPLATE ||
			     doc->kind == WFC_CLUSTER_WORKFLOW_TEMPLATE)) {
			struct wfc_strmap *m = doc->kind == WFC_WORKFLOW_TEMPLATE
					       ? &g->wftmpls : &g->cwftmpls;
			struct wfc_gdoc *prev = wfc_strmap_get(m, name, strlen(name));
			if (prev && !gd->library && !prev->library)
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_unique_name,
					     wfc_ypos(doc->name.node),
					     "%s name '%s' is not unique (also defined at %s:%u)",
					     wfc_doc_kind_name(doc->kind), name,
					     prev->doc->name.node->file, prev->doc->name.node->line);
			/* documents given on the command line win over -t DIR */
			if (!prev || prev->library)
				wfc_strmap_put(m, name, strlen(name), gd);
		}
		gd->ntmpls = doc->ntemplates;
		gd->tmpls = WFC_NEWN(g->a, struct wfc_gtmpl, doc->ntemplates ? doc->ntemplates : 1);
		for (size_t i = 0; i < doc->ntemplates; i++) {
			const struct wfc_template *t = &doc->templates[i];
			struct wfc_gtmpl *gt = &gd->tmpls[i];
			index_template(g, gd, gt, t);
			if (!t->name.s) {
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(t->node),
					     "template has no 'name'");
				continue;
			}
			if (!wfc_is_workflow_field_name(t->name.s))
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(t->name.node),
					     "template name '%s' is invalid: must consist of alpha-numeric characters or '-', start with an alpha-numeric character and be at most 128 characters",
					     t->name.s);
			if (wfc_strmap_put(&gd->by_name, t->name.s, strlen(t->name.s), gt))
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_unique_name,
					     wfc_ypos(t->name.node),
					     "template name '%s' is not unique", t->name.s);
		}
		CHECK_NAMES(g, "workflow parameter", doc->args.params, doc->args.nparams, struct wfc_param, true);

		for (const char *const *b = builtin_globals; *b; b++)
			add_global(gd, g->a, *b);
		wfc_graph_add_param_globals(gd, g->a, &doc->args);
		add_globals_from_map(gd, g->a, "workflow.labels.", doc->labels);
		add_globals_from_map(gd, g->a, "workflow.annotations.", doc->annotations);
	}
}

struct wfc_gtmpl *wfc_graph_template(struct wfc_gdoc *gd, const char *name)
{
	for (unsigned hop = 0; gd && hop < 16; hop++, gd = gd->base) {
		struct wfc_gtmpl *t = wfc_strmap_get(&gd->by_name, name, strlen(name));
		if (t)
			return t;
	}
	return NULL;
}
