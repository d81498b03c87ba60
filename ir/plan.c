/* Compile passes "bind" and "name": the run's name and parameters, the
 * expansion (ir/expand.c), and Kubernetes names for every node. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/compile.h"
#include "ir/subst.h"
#include "support/buf.h"
#include "support/names.h"

void wfc_plan_free(struct wfc_plan *p);
struct wfc_pnode *wfc_plan_expand_root(struct wfc_plan *p, struct wfc_gtmpl *entry,
				       const char *name, bool exit_handler,
				       const struct wfc_args *args);

/* A DNS-1123 label of at most max characters for a node path: readable when
 * it fits, cut with a stable hash of the full node name when it does not or
 * when two nodes would collide. */
static const char *kube_name(struct wfc_plan *p, const struct wfc_pnode *n, size_t max)
{
	struct wfc_arena *a = p->g->a;
	struct wfc_buf b = { 0 };
	wfc_name_sanitize(&b, p->name);
	/* the path below the root, without step-group nodes */
	const struct wfc_pnode *chain[256];
	size_t k = 0;
	for (const struct wfc_pnode *q = n; q && q->parent && k < 256; q = q->parent)
		if (q->type != WFC_PN_GROUP)
			chain[k++] = q;
	if (n->exit_handler && !n->parent)
		wfc_name_sanitize(&b, "-onexit");
	/* a pod at the root is named after its template: the run's own name is
	 * the coordinator Job's */
	if (!n->parent && n->type == WFC_PN_POD && n->tmpl->t->name.s)
		wfc_name_sanitize(&b, wfc_arena_printf(a, "-%s", n->tmpl->t->name.s));
	while (k > 0)
		wfc_name_sanitize(&b, wfc_arena_printf(a, "-%s", chain[--k]->display));
	if (!b.len)
		wfc_buf_puts(&b, "wfc");
	const char *name = wfc_buf_str(&b);
	bool clash = wfc_strmap_get(&p->knames, name, b.len) != NULL;
	char *r;
	if (b.len <= max && !clash) {
		r = wfc_arena_strndup(a, name, b.len);
	} else {
		uint64_t h = wfc_fnv1a(n->name, strlen(n->name), WFC_FNV_SEED);
		struct wfc_buf c = { 0 };
		for (unsigned salt = 0;; salt++) {
			wfc_buf_reset(&c);
			wfc_buf_add(&c, name, b.len);
			wfc_name_hash_suffix(&c, max, h + salt);
			if (!wfc_strmap_get(&p->knames, c.s, c.len))
				break;
		}
		r = wfc_arena_strndup(a, c.s, c.len);
		wfc_buf_free(&c);
	}
	wfc_buf_free(&b);
	wfc_strmap_put(&p->knames, r, strlen(r), (void *)n);
	return r;
}

const char *wfc_plan_fit_name(struct wfc_arena *a, const char *s, size_t max)
{
	char *fit = wfc_name_fit(s, max);
	const char *r = wfc_arena_strdup(a, fit);
	free(fit);
	return r;
}

static const char *run_name(struct wfc_plan *p, const struct wfc_compile_opts *o,
			    const struct wfc_sources *src)
{
	const struct wfc_doc *doc = p->doc->doc;
	if (o->name)
		return o->name;
	if (doc->name.s)
		return doc->name.s;
	/* generateName: a suffix from the content, so the same input gives the
	 * same objects and a changed workflow gives new ones */
	const struct wfc_source *s = wfc_sources_find(src, doc->file);
	uint64_t h = WFC_FNV_SEED;
	if (s)
		h = wfc_fnv1a(s->text, s->len, h);
	char line[32];
	snprintf(line, sizeof(line), ":%u", doc->root->line);
	h = wfc_fnv1a(line, strlen(line), h);
	if (o->name_salt)
		h = wfc_fnv1a(o->name_salt, strlen(o->name_salt) + 1, h);
	for (size_t i = 0; i < o->nargs; i++) {
		h = wfc_fnv1a(o->args[i].name, strlen(o->args[i].name) + 1, h);
		h = wfc_fnv1a(o->args[i].value, strlen(o->args[i].value) + 1, h);
	}
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	char sfx[6];
	for (int i = 0; i < 5; i++) {
		sfx[i] = alnum[h % 36];
		h /= 36;
	}
	sfx[5] = '\0';
	const char *gen = doc->generate_name.s ? doc->generate_name.s : "workflow-";
	return wfc_arena_printf(p->g->a, "%s%s", gen, sfx);
}

static bool in_enum(struct wfc_arena *a, const struct wfc_ynode *en, const char *v)
{
	for (size_t i = 0; en && i < en->seq.n; i++)
		if (strcmp(wfc_yscalar_value(a, en->seq.v[i]), v) == 0)
			return true;
	return false;
}

/* Workflow parameters: declared ones (and those of the workflowTemplateRef
 * base), overridden by -p and --parameter-file. */
static bool bind_params(struct wfc_plan *p, const struct wfc_compile_opts *o)
{
	struct wfc_arena *a = p->g->a;
	const struct wfc_args *own = &p->doc->doc->args;
	const struct wfc_args *base = p->doc->base ? &p->doc->base->doc->args : NULL;
	size_t cap = own->nparams + (base ? base->nparams : 0) + 1;
	p->params = WFC_NEWN(a, struct wfc_binding, cap);
	const struct wfc_param **decl = WFC_NEWN(a, const struct wfc_param *, cap);
	bool *literal = WFC_NEWN(a, bool, cap);
	bool ok = true;
	for (int pass = 0; pass < 2; pass++) {
		const struct wfc_args *args = pass == 0 ? own : base;
		for (size_t i = 0; args && i < args->nparams; i++) {
			const struct wfc_param *q = &args->params[i];
			bool seen = false;
			for (size_t k = 0; k < p->nparams && !seen; k++)
				seen = strcmp(p->params[k].name, q->name.s) == 0;
			if (seen || !q->name.s)
				continue;
			decl[p->nparams] = q;
			p->params[p->nparams].name = q->name.s;
			/* valueFrom (a ConfigMap key, an expression) is read by the
			 * runtime: the parameter stays a reference until then */
			p->params[p->nparams].value =
				q->value.node ? q->value.s
				: q->value_from ? wfc_arena_printf(a, "{{workflow.parameters.%s}}", q->name.s)
				: q->def.node ? q->def.s : NULL;
			p->nparams++;
		}
	}
	for (size_t i = 0; i < o->nargs; i++) {
		const struct wfc_arg *arg = &o->args[i];
		size_t k;
		for (k = 0; k < p->nparams; k++)
			if (strcmp(p->params[k].name, arg->name) == 0)
				break;
		if (k == p->nparams) {
			const char **cands = WFC_NEWN(a, const char *, p->nparams + 1);
			for (size_t j = 0; j < p->nparams; j++)
				cands[j] = p->params[j].name;
			const char *best = wfc_did_you_mean(arg->name, cands, p->nparams);
			struct wfc_pos none = { NULL, 0, 0 };
			wfc_diag_add(p->g->d, WFC_ERROR, WFC_RULE_argument, none,
				     "%s: workflow has no parameter '%s'%s%s%s", arg->origin,
				     arg->name, best ? "; did you mean '" : "", best ? best : "",
				     best ? "'?" : "");
			ok = false;
			continue;
		}
		/* taken as it is: never read as tags, here or at run time */
		p->params[k].value = wfc_literal(a, arg->value);
		literal[k] = true;
		if (decl[k]->enum_node && !in_enum(a, decl[k]->enum_node, arg->value)) {
			struct wfc_buf b = { 0 };
			for (size_t j = 0; j < decl[k]->enum_node->seq.n; j++)
				wfc_buf_printf(&b, "%s'%s'", j ? ", " : "",
					       wfc_yscalar_value(a, decl[k]->enum_node->seq.v[j]));
			struct wfc_pos none = { NULL, 0, 0 };
			wfc_diag_add(p->g->d, WFC_ERROR, WFC_RULE_argument, none,
				     "%s: value '%s' of parameter '%s' is not one of %s", arg->origin,
				     arg->value, arg->name, wfc_buf_str(&b));
			wfc_buf_free(&b);
			ok = false;
		}
	}
	for (size_t k = 0; k < p->nparams; k++)
		if (!p->params[k].value) {
			wfc_diag_add(p->g->d, WFC_ERROR, WFC_RULE_argument,
				     wfc_ypos(decl[k]->node),
				     "workflow parameter '%s' has no value: pass -p %s=VALUE",
				     p->params[k].name, p->params[k].name);
			ok = false;
			p->params[k].value = "";
		}
	/* values may refer to other workflow parameters and metadata */
	struct wfc_scope sc = { .plan = p };
	for (size_t k = 0; k < p->nparams; k++)
		if (!literal[k])
			p->params[k].value = wfc_subst(a, &sc, p->params[k].value, NULL);
	return ok;
}

struct wfc_plan *wfc_plan_build(struct wfc_graph *g, struct wfc_gdoc *gd,
				const struct wfc_compile_opts *o,
				const struct wfc_sources *src)
{
	struct wfc_plan *p = WFC_NEW(g->a, struct wfc_plan);
	p->g = g;
	p->doc = gd;
	p->name = run_name(p, o, src);
	p->namespace = o->namespace ? o->namespace : gd->doc->namespace.s;
	size_t errors = g->d->errors;
	bind_params(p, o);
	if (!gd->entry) {
		wfc_plan_destroy(p);
		return NULL;
	}
	p->root = wfc_plan_expand_root(p, gd->entry, p->name, false, NULL);
	if (gd->on_exit) {
		/* hooks.exit (when there is no spec.onExit) binds its own arguments */
		const struct wfc_args *args = NULL;
		const struct wfc_doc *doc = gd->doc;
		bool spec_on_exit = doc->on_exit.s || (gd->base && gd->base->doc->on_exit.s);
		for (size_t i = 0; !spec_on_exit && i < doc->nhooks; i++)
			if (doc->hooks[i].name.s && strcmp(doc->hooks[i].name.s, "exit") == 0)
				args = &doc->hooks[i].args;
		p->on_exit = wfc_plan_expand_root(p, gd->on_exit,
						  wfc_arena_printf(g->a, "%s.onExit", p->name), true,
						  args);
	}
	/* the coordinator Job takes the run's name */
	p->job_name = wfc_plan_fit_name(g->a, p->name, 63);
	p->label = p->job_name;
	wfc_strmap_put(&p->knames, p->job_name, strlen(p->job_name), p);
	/* names for what becomes a Job: pods now, expansions at run time */
	for (size_t i = 0; i < p->nnodes; i++)
		if (p->nodes[i]->type == WFC_PN_POD || p->nodes[i]->type == WFC_PN_EXPAND)
			p->nodes[i]->kname = kube_name(p, p->nodes[i], 63);
	if (g->d->errors > errors || !p->root) {
		wfc_plan_destroy(p);
		return NULL;
	}
	return p;
}

void wfc_plan_destroy(struct wfc_plan *p)
{
	wfc_plan_free(p);
}
