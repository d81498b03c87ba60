/* Pass "resolve": workflowTemplateRef, entrypoint, onExit, and every step,
 * task and hook to the template it runs (template, templateRef with
 * clusterScope, inline); then reachability from the entrypoint and the exit
 * handlers. A reference to something not given is an error, or a warning
 * with --allow-missing-templates. */
#include <string.h>

#include "ir/ir.h"

struct wfc_gtmpl *wfc_graph_add_extra(struct wfc_graph *g, struct wfc_gdoc *gd,
				      const struct wfc_template *t);
void wfc_graph_add_param_globals(struct wfc_gdoc *gd, struct wfc_arena *a,
				 const struct wfc_args *args);

static void undefined_template(struct wfc_graph *g, struct wfc_gdoc *gd,
			       const struct wfc_sval *name)
{
	/* suggest the closest template name of the document */
	const char **cands = WFC_NEWN(g->a, const char *, gd->ntmpls + 1);
	size_t n = 0;
	for (size_t i = 0; i < gd->ntmpls; i++)
		if (gd->tmpls[i].t->name.s)
			cands[n++] = gd->tmpls[i].t->name.s;
	const char *best = wfc_did_you_mean(name->s, cands, n);
	struct wfc_diag *dg;
	if (best) {
		dg = wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_undefined_template,
				  wfc_ypos(name->node),
				  "template name '%s' undefined; did you mean '%s'?",
				  name->s, best);
		wfc_diag_set_suggestion(dg, best);
	} else {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_undefined_template,
			     wfc_ypos(name->node), "template name '%s' undefined", name->s);
	}
}

static struct wfc_gdoc *find_wftmpl(struct wfc_graph *g, const char *name,
				    bool cluster)
{
	return wfc_strmap_get(cluster ? &g->cwftmpls : &g->wftmpls, name, strlen(name));
}

static void missing(struct wfc_graph *g, const struct wfc_ynode *at,
		    const char *fmt_kind, const char *name, const char *tmpl)
{
	enum wfc_severity sev = g->allow_missing_templates ? WFC_WARNING : WFC_ERROR;
	if (tmpl)
		wfc_diag_add(g->d, sev, WFC_RULE_template_ref, wfc_ypos(at),
			     "template reference '%s.%s' not found: no %s '%s' was given%s",
			     name, tmpl, fmt_kind, name,
			     g->allow_missing_templates ? " (it must exist in the cluster)"
			     : " (add its file, pass -t DIR, or --allow-missing-templates if it lives in the cluster)");
	else
		wfc_diag_add(g->d, sev, WFC_RULE_template_ref, wfc_ypos(at),
			     "%s '%s' not found%s", fmt_kind, name,
			     g->allow_missing_templates ? " (it must exist in the cluster)"
			     : " (add its file, pass -t DIR, or --allow-missing-templates if it lives in the cluster)");
}

static struct wfc_gtmpl *resolve_tref(struct wfc_graph *g, const struct wfc_tref *r)
{
	const char *kind = r->cluster_scope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
	if (!r->name.s) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_ref, wfc_ypos(r->node),
			     "templateRef needs 'name', the %s to use", kind);
		return NULL;
	}
	if (!r->template.s) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_ref, wfc_ypos(r->node),
			     "templateRef needs 'template', the template of '%s' to run", r->name.s);
		return NULL;
	}
	struct wfc_gdoc *wt = find_wftmpl(g, r->name.s, r->cluster_scope);
	if (!wt) {
		struct wfc_gdoc *other = find_wftmpl(g, r->name.s, !r->cluster_scope);
		if (other) {
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_ref, wfc_ypos(r->name.node),
				     "template reference '%s.%s' not found: '%s' is a %s, so %s",
				     r->name.s, r->template.s, r->name.s,
				     wfc_doc_kind_name(other->doc->kind),
				     r->cluster_scope ? "remove 'clusterScope: true'"
				     : "add 'clusterScope: true'");
			return NULL;
		}
		missing(g, r->name.node, kind, r->name.s, r->template.s);
		return NULL;
	}
	struct wfc_gtmpl *t = wfc_graph_template(wt, r->template.s);
	if (!t) {
		const char **cands = WFC_NEWN(g->a, const char *, wt->ntmpls + 1);
		size_t n = 0;
		for (size_t i = 0; i < wt->ntmpls; i++)
			if (wt->tmpls[i].t->name.s)
				cands[n++] = wt->tmpls[i].t->name.s;
		const char *best = wfc_did_you_mean(r->template.s, cands, n);
		struct wfc_diag *dg = wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_ref,
						   wfc_ypos(r->template.node),
						   "template reference %s.%s not found%s%s%s",
						   r->name.s, r->template.s,
						   best ? "; did you mean '" : "",
						   best ? best : "", best ? "'?" : "");
		if (best)
			wfc_diag_set_suggestion(dg, best);
	}
	return t;
}

/* The template a step/task/hook names: template, templateRef or inline. */
static struct wfc_gtmpl *resolve_holder(struct wfc_graph *g, struct wfc_gdoc *gd,
					const struct wfc_ynode *at, const char *what,
					const struct wfc_sval *name,
					const struct wfc_tref *tref,
					const struct wfc_template *inl)
{
	int given = (name->s != NULL) + (tref != NULL) + (inl != NULL);
	if (given == 0) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_undefined_template, wfc_ypos(at),
			     "%s names no template: set one of 'template', 'templateRef' or 'inline'",
			     what);
		return NULL;
	}
	if (given > 1) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(at),
			     "%s sets more than one of 'template', 'templateRef' and 'inline'",
			     what);
	}
	if (inl)
		return wfc_graph_add_extra(g, gd, inl);
	if (tref)
		return resolve_tref(g, tref);
	struct wfc_gtmpl *t = wfc_graph_template(gd, name->s);
	if (!t)
		undefined_template(g, gd, name);
	return t;
}

static void add_call(struct wfc_graph *g, struct wfc_gtmpl *gt, size_t *cap,
		     const struct wfc_gcall *c)
{
	if (gt->ncalls == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		struct wfc_gcall *v = WFC_NEWN(g->a, struct wfc_gcall, *cap);
		if (gt->ncalls)
			memcpy(v, gt->calls, gt->ncalls * sizeof(*v));
		gt->calls = v;
	}
	gt->calls[gt->ncalls++] = *c;
}

static void resolve_call_hooks(struct wfc_graph *g, struct wfc_gtmpl *gt,
			       size_t *cap, const struct wfc_gcall *base)
{
	const struct wfc_call *c = base->c;
	struct wfc_gdoc *gd = gt->doc;
	if (c->on_exit.s) {
		struct wfc_gcall h = *base;
		h.kind = WFC_CALL_HOOK;
		h.hook = NULL;
		h.target = resolve_holder(g, gd, c->on_exit.node, "onExit", &c->on_exit,
					  NULL, NULL);
		add_call(g, gt, cap, &h);
	}
	for (size_t i = 0; i < c->nhooks; i++) {
		const struct wfc_hook *hk = &c->hooks[i];
		struct wfc_gcall h = *base;
		h.kind = WFC_CALL_HOOK;
		h.hook = hk;
		h.target = resolve_holder(g, gd, hk->node, "hook", &hk->template, hk->tref, NULL);
		add_call(g, gt, cap, &h);
	}
}

static void resolve_template(struct wfc_graph *g, struct wfc_gtmpl *gt)
{
	const struct wfc_template *t = gt->t;
	size_t cap = 0;
	for (size_t i = 0; i < t->ngroups; i++)
		for (size_t j = 0; j < t->groups[i].n; j++) {
			const struct wfc_call *c = &t->groups[i].steps[j];
			struct wfc_gcall gc = { .kind = WFC_CALL_STEP, .c = c, .group = i };
			gc.target = resolve_holder(g, gt->doc, c->node, "step", &c->template,
						   c->tref, c->inline_tmpl);
			add_call(g, gt, &cap, &gc);
			resolve_call_hooks(g, gt, &cap, &gc);
		}
	for (size_t i = 0; i < t->ntasks; i++) {
		const struct wfc_call *c = &t->tasks[i];
		struct wfc_gcall gc = { .kind = WFC_CALL_TASK, .c = c, .index = i };
		gc.target = resolve_holder(g, gt->doc, c->node, "task", &c->template,
					   c->tref, c->inline_tmpl);
		add_call(g, gt, &cap, &gc);
		resolve_call_hooks(g, gt, &cap, &gc);
	}
}

static void mark(struct wfc_gtmpl *t, bool exit_handler, unsigned depth)
{
	if (!t || depth > 10000)
		return;
	if (t->reachable && (!exit_handler || t->exit_handler))
		return;
	t->reachable = true;
	if (exit_handler)
		t->exit_handler = true;
	for (size_t i = 0; i < t->ncalls; i++)
		mark(t->calls[i].target,
		     exit_handler || t->calls[i].kind == WFC_CALL_HOOK, depth + 1);
}

static bool needs_entrypoint(const struct wfc_gdoc *gd)
{
	return gd->doc->kind == WFC_WORKFLOW || gd->doc->kind == WFC_CRON_WORKFLOW;
}

void wfc_pass_resolve(struct wfc_graph *g)
{
	/* workflowTemplateRef first: templates of the base become visible */
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		const struct wfc_tref *r = gd->doc->wf_tref;
		if (!r)
			continue;
		if (!r->name.s) {
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_ref, wfc_ypos(r->node),
				     "workflowTemplateRef needs 'name'");
			continue;
		}
		gd->base = find_wftmpl(g, r->name.s, r->cluster_scope);
		if (!gd->base)
			missing(g, r->name.node,
				r->cluster_scope ? "ClusterWorkflowTemplate" : "WorkflowTemplate",
				r->name.s, NULL);
	}
	/* a chain of workflowTemplateRefs that comes back is a cycle */
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di], *p = gd->base;
		for (size_t hop = 0; p && hop <= g->ndocs; hop++, p = p->base)
			if (p == gd) {
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_ref_cycle,
					     wfc_ypos(gd->doc->wf_tref->name.node),
					     "workflowTemplateRef cycle: '%s' refers back to itself",
					     gd->doc->wf_tref->name.s);
				gd->base = NULL;
				break;
			}
		if (gd->base)
			wfc_graph_add_param_globals(gd, g->a, &gd->base->doc->args);
	}

	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		/* problems inside -t DIR documents are theirs, not the user's: a
		 * library template that is used is checked by the later passes */
		struct wfc_diags scratch = { 0 }, *saved = g->d;
		if (gd->library)
			g->d = &scratch;
		for (size_t i = 0; i < gd->ntmpls; i++)
			resolve_template(g, &gd->tmpls[i]);
		/* inline templates are added while resolving: resolve them too */
		for (size_t i = 0; i < gd->nextra; i++)
			resolve_template(g, gd->extra[i]);
		g->d = saved;
		wfc_diags_free(&scratch);
	}

	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		struct wfc_doc *doc = gd->doc;
		struct wfc_sval entry = doc->entrypoint;
		if (!entry.s && gd->base)
			entry = gd->base->doc->entrypoint;
		if (entry.s) {
			gd->entry = wfc_graph_template(gd, entry.s);
			if (!gd->entry && entry.node) {
				if (entry.node == doc->entrypoint.node)
					undefined_template(g, gd, &entry);
				else
					undefined_template(g, gd->base, &entry);
			}
		} else if (needs_entrypoint(gd) && !gd->library && (doc->spec || !gd->base)) {
			if (!(doc->wf_tref && !gd->base))  /* base missing: already said */
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_entrypoint,
					     wfc_ypos(doc->spec ? doc->spec : doc->root),
					     "spec.entrypoint is required");
		}
		struct wfc_sval on_exit = doc->on_exit;
		if (!on_exit.s && gd->base)
			on_exit = gd->base->doc->on_exit;
		if (on_exit.s) {
			gd->on_exit = wfc_graph_template(gd, on_exit.s);
			if (!gd->on_exit)
				undefined_template(g, on_exit.node == doc->on_exit.node ? gd : gd->base,
						   &on_exit);
		}
		/* hooks.exit at the workflow level is the exit handler as well */
		for (size_t i = 0; !gd->on_exit && i < doc->nhooks; i++) {
			const struct wfc_hook *hk = &doc->hooks[i];
			if (hk->name.s && strcmp(hk->name.s, "exit") == 0 && hk->template.s)
				gd->on_exit = wfc_graph_template(gd, hk->template.s);
		}
		if (gd->library)
			continue;  /* -t DIR documents are reached only through references */
		mark(gd->entry, false, 0);
		mark(gd->on_exit, true, 0);
		for (size_t i = 0; i < doc->nhooks; i++) {
			const struct wfc_hook *hk = &doc->hooks[i];
			struct wfc_gtmpl *t = resolve_holder(g, gd, hk->node, "hook",
							     &hk->template, hk->tref, NULL);
			mark(t, true, 0);
		}
		/* templates of WorkflowTemplates are all entry points */
		if (!needs_entrypoint(gd) || !gd->entry)
			for (size_t i = 0; i < gd->ntmpls; i++)
				mark(&gd->tmpls[i], false, 0);
	}
}
