/* Pass "calls": every step, task and hook against the template it runs:
 * arguments for each input without a default, enum values, loop shapes
 * (withItems, withParam, withSequence) and the syntax of `when`. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "support/text.h"
#include "support/govaluate.h"

static const struct wfc_param *find_param(const struct wfc_args *a, const char *name)
{
	for (size_t i = 0; i < a->nparams; i++)
		if (a->params[i].name.s && strcmp(a->params[i].name.s, name) == 0)
			return &a->params[i];
	return NULL;
}

static bool in_enum(struct wfc_arena *ar, const struct wfc_ynode *en, const char *v)
{
	for (size_t i = 0; i < en->seq.n; i++)
		if (strcmp(wfc_yscalar_value(ar, en->seq.v[i]), v) == 0)
			return true;
	return false;
}

static void check_enum(struct wfc_graph *g, const struct wfc_param *in,
		       const struct wfc_sval *value, const char *where)
{
	if (!in->enum_node || !value->s || wfc_has_tag(value->s))
		return;
	if (in->enum_node->seq.n == 0) {
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(in->enum_node),
			     "%s.enum should contain at least one value", in->name.s);
		return;
	}
	if (!in_enum(g->a, in->enum_node, value->s))
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(value->node),
			     "value '%s' of %s '%s' is not in its enum list",
			     value->s, where, in->name.s);
}

/* args supplied by a call against the inputs of the template it runs */
static void check_args(struct wfc_graph *g, const struct wfc_ynode *at,
		       const char *what, const struct wfc_args *args,
		       const struct wfc_template *target)
{
	for (size_t i = 0; i < target->inputs.nparams; i++) {
		const struct wfc_param *in = &target->inputs.params[i];
		if (!in->name.s)
			continue;
		const struct wfc_param *arg = find_param(args, in->name.s);
		if (arg) {
			if (!arg->value.node && !arg->value_from && !arg->def.node)
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(arg->node),
					     "argument '%s' has no value", in->name.s);
			else
				check_enum(g, in, &arg->value, "input parameter");
			continue;
		}
		if (in->value.node || in->def.node)
			continue;
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(at),
			     "%s: inputs.parameters.%s was not supplied (template '%s' needs it and has no default)",
			     what, in->name.s, target->name.s ? target->name.s : "inline");
	}
}

static bool int_text(const struct wfc_ynode *n)
{
	if (!n || n->kind != WFC_YSCALAR)
		return false;
	if (n->type == WFC_YINT || wfc_has_tag(n->s.text))
		return true;
	return wfc_is_int_text(n->s.text, true);
}

static void check_loops(struct wfc_graph *g, const struct wfc_call *c)
{
	int n = (c->with_items != NULL) + (c->with_param.s != NULL) +
		(c->with_sequence != NULL);
	if (n > 1)
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(c->node),
			     "only one of withItems, withParam, withSequence can be specified");
	if (c->with_items)
		for (size_t i = 0; i < c->with_items->seq.n; i++) {
			const struct wfc_ynode *it = c->with_items->seq.v[i];
			if (it->kind == WFC_YSCALAR && it->type == WFC_YNULL)
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(it),
					     "withItems item %zu is null: items are strings, numbers, booleans, lists or mappings",
					     i);
		}
	if (c->with_param.s && !wfc_has_tag(c->with_param.s)) {
		cJSON *j = cJSON_Parse(c->with_param.s);
		if (!j || !cJSON_IsArray(j))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(c->with_param.node),
				     "withParam value could not be parsed as a JSON list: '%s'",
				     c->with_param.s);
		cJSON_Delete(j);
	}
	const struct wfc_ynode *sq = c->with_sequence;
	if (sq) {
		const struct wfc_ynode *count = wfc_ymap_get(sq, "count");
		const struct wfc_ynode *end = wfc_ymap_get(sq, "end");
		const struct wfc_ynode *start = wfc_ymap_get(sq, "start");
		if (count && end)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(sq),
				     "only one of count or end can be defined in withSequence");
		else if (!count && !end)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(sq),
				     "withSequence needs 'count' or 'end'");
		const struct wfc_ynode *nums[] = { count, end, start };
		const char *names[] = { "count", "end", "start" };
		for (size_t i = 0; i < 3; i++)
			if (nums[i] && !int_text(nums[i]))
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(nums[i]),
					     "withSequence.%s '%s' is not an integer", names[i],
					     nums[i]->kind == WFC_YSCALAR ? nums[i]->s.text : "");
	}
}

/* Column of byte offset off inside a scalar, when it is on the node's line. */
static struct wfc_pos offset_pos(const struct wfc_ynode *n, size_t off)
{
	struct wfc_pos p = wfc_ypos(n);
	if (!n || n->kind != WFC_YSCALAR)
		return p;
	const char *s = n->s.text;
	bool quoted = !n->plain && (n->s.len == 0 || memchr(s, '\n', n->s.len) == NULL);
	for (size_t i = 0; i < off && i < n->s.len; i++)
		if (s[i] == '\n')
			return p;  /* multi-line: keep the start */
	p.col += (unsigned)off + (quoted ? 1 : 0);
	return p;
}

static void check_when(struct wfc_graph *g, const struct wfc_call *c)
{
	if (!c->when.s)
		return;
	struct wfc_gv_error err;
	if (wfc_gv_check_template(c->when.s, &err) != 0)
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_when, offset_pos(c->when.node, err.offset),
			     "invalid when expression '%s': %s", c->when.s, err.message);
}

static void check_gtmpl(struct wfc_graph *g, struct wfc_gtmpl *gt)
{
	if (!wfc_gtmpl_wanted(gt))
		return;
	for (size_t i = 0; i < gt->ncalls; i++) {
		const struct wfc_gcall *gc = &gt->calls[i];
		const struct wfc_call *c = gc->c;
		if (gc->kind == WFC_CALL_HOOK) {
			if (gc->hook && gc->target)
				check_args(g, gc->hook->node, "hook", &gc->hook->args, gc->target->t);
			continue;
		}
		check_loops(g, c);
		check_when(g, c);
		if (!gc->target)
			continue;
		const char *what = gc->kind == WFC_CALL_STEP ? "step" : "task";
		check_args(g, c->name.node ? c->name.node : c->node,
			   wfc_arena_printf(g->a, "%s '%s'", what, c->name.s ? c->name.s : ""),
			   &c->args, gc->target->t);
	}
}

void wfc_pass_check_calls(struct wfc_graph *g)
{
	wfc_graph_each_template(g, check_gtmpl);
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		if (gd->library)
			continue;
		/* workflow arguments: enum, and the entrypoint's inputs */
		const struct wfc_args *wa = &gd->doc->args;
		for (size_t i = 0; i < wa->nparams; i++) {
			const struct wfc_param *p = &wa->params[i];
			if (p->enum_node && p->value.node)
				check_enum(g, p, &p->value, "workflow parameter");
		}
		if (gd->entry && (gd->doc->kind == WFC_WORKFLOW || gd->doc->kind == WFC_CRON_WORKFLOW)) {
			struct wfc_args all = *wa;
			if (gd->base && gd->base->doc->args.nparams) {
				/* arguments of the referenced WorkflowTemplate count too */
				size_t n = wa->nparams + gd->base->doc->args.nparams;
				struct wfc_param *v = WFC_NEWN(g->a, struct wfc_param, n);
				if (wa->nparams)
					memcpy(v, wa->params, wa->nparams * sizeof(*v));
				memcpy(v + wa->nparams, gd->base->doc->args.params,
				       gd->base->doc->args.nparams * sizeof(*v));
				all.params = v;
				all.nparams = n;
			}
			for (size_t i = 0; i < gd->entry->t->inputs.nparams; i++) {
				const struct wfc_param *in = &gd->entry->t->inputs.params[i];
				if (!in->name.s || in->value.node || in->def.node)
					continue;
				if (!find_param(&all, in->name.s))
					wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_argument,
						     wfc_ypos(gd->doc->entrypoint.node ? gd->doc->entrypoint.node
							      : gd->doc->spec),
						     "entrypoint '%s': inputs.parameters.%s was not supplied (add it to spec.arguments.parameters or give it a default)",
						     gd->entry->t->name.s, in->name.s);
			}
		}
	}
}
