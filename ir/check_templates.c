/* Pass "templates": what Argo checks on each template by itself: exactly one
 * type, an image for containers and scripts, leaf-only and non-leaf-only
 * fields, retryStrategy, resource action and outputs. */
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "support/text.h"

static const char *tname(const struct wfc_template *t)
{
	return t->name.s ? t->name.s : "(unnamed)";
}

static bool is_leaf(const struct wfc_template *t)
{
	return t->type != WFC_TMPL_STEPS && t->type != WFC_TMPL_DAG;
}

/* int, or a string holding an int or a {{tag}} */
static bool int_or_var(const struct wfc_ynode *n, long long *v)
{
	*v = 0;
	if (!n || n->kind != WFC_YSCALAR)
		return false;
	if (n->type == WFC_YNULL)
		return true;
	if (wfc_has_tag(n->s.text))
		return true;
	if (n->type == WFC_YINT || (n->type == WFC_YSTR && wfc_is_int_text(n->s.text, true))) {
		*v = strtoll(n->s.text, NULL, 0);
		return true;
	}
	return false;
}

static bool has_default_image(const struct wfc_template *t, const char *kind)
{
	const struct wfc_ynode *spec = t->doc ? t->doc->spec : NULL;
	const struct wfc_ynode *td = wfc_ymap_get(spec, "templateDefaults");
	const struct wfc_ynode *c = wfc_ymap_get(td, kind);
	const struct wfc_ynode *img = wfc_ymap_get(c, "image");
	return img && img->kind == WFC_YSCALAR && img->s.len > 0;
}

static void check_type(struct wfc_graph *g, const struct wfc_template *t)
{
	if (t->ntypes == 0) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type,
			     wfc_ypos(t->name.node ? t->name.node : t->node),
			     "template '%s' type unspecified: choose one of container, script, resource, suspend, steps, dag, containerSet, data, http, plugin",
			     tname(t));
	} else if (t->ntypes > 1) {
		const struct wfc_ynode *second = t->type_keys[1];
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(second),
			     "template '%s' has multiple template types specified: '%s' and '%s'; choose one",
			     tname(t), t->type_keys[0]->s.text, second->s.text);
	}
}

static void check_image(struct wfc_graph *g, const struct wfc_template *t)
{
	if (t->type == WFC_TMPL_CONTAINER || t->type == WFC_TMPL_SCRIPT) {
		const char *kind = wfc_tmpl_type_name(t->type);
		if ((!t->image.s || !*t->image.s) && !has_default_image(t, kind))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_image,
				     wfc_ypos(t->image.node ? t->image.node : t->body),
				     "templates.%s.%s.image may not be empty", tname(t), kind);
	}
	if (t->type == WFC_TMPL_CONTAINER_SET && t->body) {
		const struct wfc_ynode *cs = wfc_ymap_get(t->body, "containers");
		for (size_t i = 0; cs && cs->kind == WFC_YSEQ && i < cs->seq.n; i++) {
			const struct wfc_ynode *img = wfc_ymap_get(cs->seq.v[i], "image");
			if (!img || img->kind != WFC_YSCALAR || !img->s.len)
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_image,
					     wfc_ypos(img ? img : cs->seq.v[i]),
					     "templates.%s.containerSet.containers[%zu].image may not be empty",
					     tname(t), i);
		}
	}
	if (t->type == WFC_TMPL_SCRIPT && t->body && !wfc_ymap_get(t->body, "source"))
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(t->body),
			     "templates.%s.script.source is required", tname(t));
}

static void check_leafness(struct wfc_graph *g, const struct wfc_template *t)
{
	long long v;
	if (t->active_deadline) {
		if (!is_leaf(t))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type,
				     wfc_ypos(t->active_deadline),
				     "templates.%s.activeDeadlineSeconds is only valid for leaf templates",
				     tname(t));
		else if (!int_or_var(t->active_deadline, &v) || v < 0)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_type,
				     wfc_ypos(t->active_deadline),
				     "templates.%s.activeDeadlineSeconds must be a positive integer > 0 or an argo variable",
				     tname(t));
	}
	if (t->parallelism && is_leaf(t) && t->type != WFC_TMPL_NONE)
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(t->parallelism),
			     "templates.%s.parallelism is only valid for steps and dag templates",
			     tname(t));
	if (t->timeout.s && !is_leaf(t))
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(t->timeout.node),
			     "%s template doesn't support timeout field", wfc_tmpl_type_name(t->type));
	if (t->type == WFC_TMPL_DAG && t->ntasks == 0)
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(t->body),
			     "templates.%s must have at least one task", tname(t));
}

static void check_retry(struct wfc_graph *g, const struct wfc_template *t)
{
	const struct wfc_ynode *r = t->retry;
	if (!r)
		return;
	const struct wfc_ynode *pol = wfc_ymap_get(r, "retryPolicy");
	if (pol && pol->kind == WFC_YSCALAR && pol->type == WFC_YSTR) {
		static const char *const ok[] = { "Always", "OnFailure", "OnError",
						  "OnTransientError", "" };
		bool good = false;
		for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
			good |= strcmp(pol->s.text, ok[i]) == 0;
		if (!good) {
			const char *best = wfc_did_you_mean(pol->s.text, ok, 4);
			struct wfc_diag *dg = wfc_diag_add(
				g->d, WFC_ERROR, WFC_RULE_retry, wfc_ypos(pol),
				"'%s' is not a valid RetryPolicy: use Always, OnFailure, OnError or OnTransientError%s%s%s",
				pol->s.text, best ? "; did you mean '" : "", best ? best : "",
				best ? "'?" : "");
			if (best)
				wfc_diag_set_suggestion(dg, best);
		}
	}
	long long v;
	const struct wfc_ynode *limit = wfc_ymap_get(r, "limit");
	if (limit && (!int_or_var(limit, &v) || v < 0))
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_retry, wfc_ypos(limit),
			     "retryStrategy.limit must be a non-negative integer or an argo variable");
	const struct wfc_ynode *bo = wfc_ymap_get(r, "backoff");
	const struct wfc_ynode *factor = wfc_ymap_get(bo, "factor");
	if (factor && (!int_or_var(factor, &v) || v < 0))
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_retry, wfc_ypos(factor),
			     "retryStrategy.backoff.factor must be a non-negative integer");
}

static void check_resource(struct wfc_graph *g, const struct wfc_template *t)
{
	if (t->type != WFC_TMPL_RESOURCE || !t->body)
		return;
	const struct wfc_ynode *act = wfc_ymap_get(t->body, "action");
	static const char *const actions[] = { "get", "create", "apply", "delete",
					       "replace", "patch" };
	if (!act || act->kind != WFC_YSCALAR) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(t->body),
			     "templates.%s.resource.action is required", tname(t));
	} else if (!wfc_has_tag(act->s.text)) {
		bool ok = false;
		for (size_t i = 0; i < 6; i++)
			ok |= strcmp(act->s.text, actions[i]) == 0;
		if (!ok)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(act),
				     "templates.%s.resource.action must be one of: get, create, apply, delete, replace, patch",
				     tname(t));
	}
	if (!wfc_ymap_get(t->body, "manifest") && !wfc_ymap_get(t->body, "manifestFrom") &&
	    act && act->kind == WFC_YSCALAR && strcmp(act->s.text, "delete") != 0 &&
	    strcmp(act->s.text, "get") != 0)
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_template_type, wfc_ypos(t->body),
			     "templates.%s.resource needs 'manifest' or 'manifestFrom'", tname(t));
}

static void check_outputs(struct wfc_graph *g, const struct wfc_template *t)
{
	for (size_t i = 0; i < t->outputs.nparams; i++) {
		const struct wfc_param *p = &t->outputs.params[i];
		const char *pn = p->name.s ? p->name.s : "";
		if (p->value.node && p->value_from) {
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->node),
				     "templates.%s.outputs.parameters.%s has both valueFrom and value specified; choose one",
				     tname(t), pn);
			continue;
		}
		if (p->value.node)
			continue;
		if (!p->value_from) {
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->node),
				     "templates.%s.outputs.parameters.%s does not have valueFrom or value specified",
				     tname(t), pn);
			continue;
		}
		static const char *const kinds[] = { "path", "jqFilter", "jsonPath", "parameter",
						     "expression", "supplied", "event",
						     "configMapKeyRef", NULL };
		unsigned nk = 0;
		for (const char *const *k = kinds; *k; k++)
			nk += wfc_ymap_get(p->value_from, *k) != NULL;
		if (nk == 0)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->value_from),
				     "valueFrom type unspecified: choose one of path, jqFilter, jsonPath, parameter, expression, supplied, configMapKeyRef");
		else if (nk > 1)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->value_from),
				     "multiple valueFrom types specified: choose one of path, jqFilter, jsonPath, parameter, expression, supplied, configMapKeyRef");
		bool path = wfc_ymap_get(p->value_from, "path") != NULL;
		bool param = wfc_ymap_get(p->value_from, "parameter") ||
			     wfc_ymap_get(p->value_from, "expression");
		bool query = wfc_ymap_get(p->value_from, "jqFilter") ||
			     wfc_ymap_get(p->value_from, "jsonPath");
		if ((t->type == WFC_TMPL_CONTAINER || t->type == WFC_TMPL_SCRIPT) && nk == 1 && !path &&
		    !wfc_ymap_get(p->value_from, "supplied") && !wfc_ymap_get(p->value_from, "configMapKeyRef") &&
		    !wfc_ymap_get(p->value_from, "expression"))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->value_from),
				     "templates.%s.outputs.parameters.%s.path must be specified for %s templates",
				     tname(t), pn, wfc_tmpl_type_name(t->type));
		if (t->type == WFC_TMPL_RESOURCE && nk == 1 && !query &&
		    !wfc_ymap_get(p->value_from, "supplied"))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->value_from),
				     "templates.%s.outputs.parameters.%s .jqFilter or jsonPath must be specified for resource templates",
				     tname(t), pn);
		if ((t->type == WFC_TMPL_STEPS || t->type == WFC_TMPL_DAG) && nk == 1 && !param &&
		    !wfc_ymap_get(p->value_from, "supplied"))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(p->value_from),
				     "templates.%s.outputs.parameters.%s.parameter or expression must be specified for %s templates",
				     tname(t), pn, wfc_tmpl_type_name(t->type));
	}
}

static void check_one(struct wfc_graph *g, struct wfc_gtmpl *gt)
{
	if (!wfc_gtmpl_wanted(gt))
		return;
	const struct wfc_template *t = gt->t;
	check_type(g, t);
	check_image(g, t);
	check_leafness(g, t);
	check_retry(g, t);
	check_resource(g, t);
	check_outputs(g, t);
}

void wfc_pass_check_templates(struct wfc_graph *g)
{
	wfc_graph_each_template(g, check_one);
}
