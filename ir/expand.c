/* Compile pass "expand": the instance tree of one Workflow run, from its
 * entrypoint (and onExit): one node per step, task, loop item and template
 * invocation, named as Argo names them, with inputs bound and every tag the
 * plan knows substituted. withParam and recursion become EXPAND nodes that
 * the runtime expands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/plan.h"
#include "ir/subst.h"
#include "support/buf.h"
#include "support/loop.h"

#define MAX_DEPTH 64
#define MAX_NODES 2000000

struct expander {
	struct wfc_plan *p;
	struct wfc_arena *a;
	struct wfc_diags *d;
	struct wfc_gtmpl *stack[MAX_DEPTH];
	size_t depth;
	bool failed;
};

const char *wfc_pnode_type_name(enum wfc_pnode_type t)
{
	static const char *const names[] = {
		[WFC_PN_STEPS] = "Steps", [WFC_PN_GROUP] = "StepGroup", [WFC_PN_DAG] = "DAG",
		[WFC_PN_POD] = "Pod", [WFC_PN_RESOURCE] = "Resource",
		[WFC_PN_SUSPEND] = "Suspend", [WFC_PN_EXPAND] = "Expand",
		[WFC_PN_SKIPPED] = "Skipped",
	};
	return names[t];
}

static enum wfc_pnode_type type_of(const struct wfc_template *t)
{
	switch (t->type) {
	case WFC_TMPL_STEPS:
		return WFC_PN_STEPS;
	case WFC_TMPL_DAG:
		return WFC_PN_DAG;
	case WFC_TMPL_RESOURCE:
		return WFC_PN_RESOURCE;
	case WFC_TMPL_SUSPEND:
		return WFC_PN_SUSPEND;
	default:
		return WFC_PN_POD;
	}
}

static struct wfc_pnode *new_node(struct expander *ex, struct wfc_pnode *parent,
				  enum wfc_pnode_type type, const char *name,
				  const char *display)
{
	struct wfc_plan *p = ex->p;
	if (p->nnodes >= MAX_NODES) {
		if (!ex->failed)
			wfc_diag_add(ex->d, WFC_ERROR, WFC_RULE_limit,
				     wfc_ypos(p->doc->doc->root),
				     "the workflow expands to more than %d nodes", MAX_NODES);
		ex->failed = true;
		return NULL;
	}
	struct wfc_pnode *n = WFC_NEW(ex->a, struct wfc_pnode);
	n->id = p->nnodes;
	n->type = type;
	n->name = name;
	n->display = display;
	n->item_index = -1;
	n->parent = parent;
	if (parent) {
		n->exit_handler = parent->exit_handler;
		if (parent->nchildren == parent->cap) {
			parent->cap = parent->cap ? parent->cap * 2 : 4;
			struct wfc_pnode **v = WFC_NEWN(ex->a, struct wfc_pnode *, parent->cap);
			if (parent->nchildren)
				memcpy(v, parent->children, parent->nchildren * sizeof(*v));
			parent->children = v;
		}
		parent->children[parent->nchildren++] = n;
	}
	if (p->nnodes == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		struct wfc_pnode **v = realloc(p->nodes, p->cap * sizeof(*v));
		if (!v)
			abort();
		p->nodes = v;
	}
	p->nodes[p->nnodes++] = n;
	return n;
}

static const struct wfc_param *find_arg(const struct wfc_args *a, const char *name)
{
	for (size_t i = 0; a && i < a->nparams; i++)
		if (a->params[i].name.s && strcmp(a->params[i].name.s, name) == 0)
			return &a->params[i];
	return NULL;
}

/* Binds the inputs of n's template from the call's arguments, evaluated in
 * the caller's scope. */
static void bind_inputs(struct expander *ex, struct wfc_pnode *n, const struct wfc_args *args,
			const struct wfc_scope *caller, const struct wfc_ynode *at)
{
	const struct wfc_template *t = n->tmpl->t;
	n->ninputs = 0;
	n->inputs = WFC_NEWN(ex->a, struct wfc_binding, t->inputs.nparams + 1);
	/* input defaults may refer to other inputs bound before them */
	struct wfc_scope self = { .plan = ex->p, .node = n, .item = NULL };
	for (size_t i = 0; i < t->inputs.nparams; i++) {
		const struct wfc_param *in = &t->inputs.params[i];
		if (!in->name.s)
			continue;
		const struct wfc_param *arg = find_arg(args, in->name.s);
		const char *v = NULL;
		if (arg && arg->value.node)
			v = wfc_subst(ex->a, caller, arg->value.s, NULL);
		else if (in->value.node)
			v = wfc_subst(ex->a, &self, in->value.s, NULL);
		else if (arg && arg->def.node)
			v = wfc_subst(ex->a, caller, arg->def.s, NULL);
		else if (in->def.node)
			v = wfc_subst(ex->a, &self, in->def.s, NULL);
		if (!v) {
			wfc_diag_add(ex->d, WFC_ERROR, WFC_RULE_argument, wfc_ypos(at),
				     "inputs.parameters.%s of template '%s' has no value in node '%s'",
				     in->name.s, t->name.s ? t->name.s : "inline", n->name);
			v = "";
		}
		n->inputs[n->ninputs].name = in->name.s;
		n->inputs[n->ninputs].value = v;
		n->ninputs++;
	}
}

static void expand_template(struct expander *ex, struct wfc_pnode *n);

static bool on_stack(const struct expander *ex, const struct wfc_gtmpl *t)
{
	for (size_t i = 0; i < ex->depth; i++)
		if (ex->stack[i] == t)
			return true;
	return false;
}

/* Argo's loop node description (support/loop.h). */
static const char *item_desc(struct wfc_arena *a, const cJSON *it)
{
	struct wfc_buf b = { 0 };
	wfc_item_desc(&b, it);
	const char *r = wfc_arena_strdup(a, wfc_buf_str(&b));
	wfc_buf_free(&b);
	return r;
}

/* withSequence: count or end, start, format (one %d-like conversion). */
static cJSON *sequence_items(struct expander *ex, const struct wfc_ynode *seq,
			     const struct wfc_scope *sc, bool *dynamic)
{
	const char *fields[3] = { "count", "start", "end" };
	long long v[3] = { 0, 0, 0 };
	bool have[3] = { false, false, false };
	for (int i = 0; i < 3; i++) {
		const struct wfc_ynode *f = wfc_ymap_get(seq, fields[i]);
		if (!f || f->kind != WFC_YSCALAR || f->type == WFC_YNULL)
			continue;
		bool rt = false;
		const char *s = wfc_subst(ex->a, sc, wfc_yscalar_value(ex->a, f), &rt);
		if (rt) {
			*dynamic = true;
			return NULL;
		}
		char *end;
		v[i] = strtoll(s, &end, 10);
		have[i] = true;
		if (*end || !*s) {
			wfc_diag_add(ex->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(f),
				     "withSequence.%s '%s' is not an integer", fields[i], s);
			return cJSON_CreateArray();
		}
	}
	const struct wfc_ynode *fmt = wfc_ymap_get(seq, "format");
	const char *format = fmt && fmt->kind == WFC_YSCALAR ? fmt->s.text : "%d";
	if (!wfc_sequence_format_ok(format)) {
		wfc_diag_add(ex->d, WFC_ERROR, WFC_RULE_loop, wfc_ypos(fmt),
			     "withSequence.format '%s' must hold one integer conversion such as %%d or %%02x",
			     format);
		return cJSON_CreateArray();
	}
	long long start = have[1] ? v[1] : 0, end = have[0] ? start + v[0] - 1 : v[2];
	long long count = have[0] ? v[0] : (end >= start ? end - start + 1 : start - end + 1);
	cJSON *items = wfc_sequence_make(have[0], v[0], start, v[2], format, MAX_NODES);
	if (!items) {
		wfc_diag_add(ex->d, WFC_ERROR, WFC_RULE_limit, wfc_ypos(seq),
			     "withSequence of %lld items is more than the limit of %d", count,
			     MAX_NODES);
		return cJSON_CreateArray();
	}
	return items;
}

static const char *dependencies_expr(struct wfc_arena *a, const struct wfc_call *c)
{
	if (c->depends.s)
		return c->depends.s;
	if (!c->ndeps)
		return NULL;
	struct wfc_buf b = { 0 };
	for (size_t i = 0; i < c->ndeps; i++)
		wfc_buf_printf(&b, "%s%s", i ? " && " : "", c->deps[i].s);
	const char *r = wfc_arena_strdup(a, wfc_buf_str(&b));
	wfc_buf_free(&b);
	return r;
}

/* One step or task: its loop expanded, each instance bound and expanded. */
/* onExit and hooks of a step or task: nodes under it that run after it. */
static void expand_hooks(struct expander *ex, struct wfc_pnode *n,
			 const struct wfc_gtmpl *gt, const struct wfc_call *c,
			 const struct wfc_scope *sc)
{
	if (!c->on_exit.s && !c->nhooks)
		return;
	for (size_t i = 0; i < gt->ncalls && !ex->failed; i++) {
		const struct wfc_gcall *h = &gt->calls[i];
		if (h->kind != WFC_CALL_HOOK || h->c != c || !h->target)
			continue;
		const char *hname = h->hook ? h->hook->name.s : "exit";
		bool exit_hook = !h->hook || strcmp(hname, "exit") == 0;
		/* hooks.exit is the step's exit handler, named as onExit is (Argo) */
		const char *display = !exit_hook ? wfc_arena_printf(ex->a, "hooks.%s", hname) : "onExit";
		struct wfc_pnode *k = new_node(ex, n, type_of(h->target->t),
					       wfc_arena_printf(ex->a, "%s.%s", n->name, display),
					       display);
		if (!k)
			return;
		k->tmpl = h->target;
		k->call = c;
		k->exit_handler = true;
		k->hook = hname;
		if (!exit_hook && h->hook->expression.s)
			k->when = wfc_subst(ex->a, sc, h->hook->expression.s, NULL);
		bind_inputs(ex, k, h->hook ? &h->hook->args : NULL, sc, c->node);
		if (!on_stack(ex, h->target))
			expand_template(ex, k);
	}
}

static void expand_call(struct expander *ex, struct wfc_pnode *parent,
			const struct wfc_gtmpl *gt, const struct wfc_gcall *gc,
			const char *name_prefix, const struct wfc_scope *caller)
{
	const struct wfc_call *c = gc->c;
	const char *cname = c->name.s ? c->name.s : "";
	const char *base = wfc_arena_printf(ex->a, "%s.%s", name_prefix, cname);
	if (!gc->target)
		return;
	bool dynamic = c->with_param.s != NULL;
	const char *reason = dynamic ? "withParam" : NULL;
	cJSON *items = NULL;
	if (c->with_items) {
		bool rt = false;
		items = wfc_ynode_to_json(ex->a, c->with_items, caller, &rt, 0);
	} else if (c->with_sequence) {
		items = sequence_items(ex, c->with_sequence, caller, &dynamic);
		if (dynamic && !reason)
			reason = "withSequence";
	}
	if (!dynamic && on_stack(ex, gc->target)) {
		dynamic = true;
		reason = "recursion";
	}
	if (dynamic) {
		struct wfc_pnode *n = new_node(ex, parent, WFC_PN_EXPAND, base, cname);
		if (n) {
			n->tmpl = gc->target;
			n->call = c;
			n->expand_reason = reason;
			n->when = wfc_subst(ex->a, caller, c->when.s, NULL);
			n->depends = dependencies_expr(ex->a, c);
		}
		cJSON_Delete(items);
		return;
	}
	size_t count = items ? (size_t)cJSON_GetArraySize(items) : 1;
	if (items && count == 0) {
		struct wfc_pnode *n = new_node(ex, parent, WFC_PN_SKIPPED, base, cname);
		if (n) {
			n->tmpl = gc->target;
			n->call = c;
			n->depends = dependencies_expr(ex->a, c);
		}
	}
	const cJSON *it = items ? items->child : NULL;
	for (size_t k = 0; k < count && !ex->failed; k++, it = it ? it->next : NULL) {
		const char *display = cname, *name = base;
		cJSON *item = NULL;
		if (items) {
			item = cJSON_Duplicate(it, true);
			const char *desc = item_desc(ex->a, item);
			display = wfc_arena_printf(ex->a, "%s(%zu:%s)", cname, k, desc);
			name = wfc_arena_printf(ex->a, "%s.%s", name_prefix, display);
		}
		struct wfc_scope sc = *caller;
		if (item)
			sc.item = item;
		struct wfc_pnode *n = new_node(ex, parent, type_of(gc->target->t), name, display);
		if (!n) {
			cJSON_Delete(item);
			break;
		}
		n->tmpl = gc->target;
		n->call = c;
		n->item = item;  /* owned by the plan from here (freed with it) */
		n->item_index = items ? (long)k : -1;
		n->when = wfc_subst(ex->a, &sc, c->when.s, NULL);
		n->depends = dependencies_expr(ex->a, c);
		bind_inputs(ex, n, &c->args, &sc, c->node);
		expand_template(ex, n);
		expand_hooks(ex, n, gt, c, &sc);
	}
	cJSON_Delete(items);
}

static void expand_template(struct expander *ex, struct wfc_pnode *n)
{
	if (ex->failed)
		return;
	if (ex->depth >= MAX_DEPTH) {
		wfc_diag_add(ex->d, WFC_ERROR, WFC_RULE_limit, wfc_ypos(n->tmpl->t->node),
			     "templates nest deeper than %d levels at node '%s'", MAX_DEPTH, n->name);
		ex->failed = true;
		return;
	}
	ex->stack[ex->depth++] = n->tmpl;
	struct wfc_gtmpl *gt = n->tmpl;
	struct wfc_scope sc = { .plan = ex->p, .node = n, .item = NULL };
	if (gt->t->type == WFC_TMPL_STEPS) {
		struct wfc_pnode *group = NULL;
		size_t gi = (size_t)-1;
		for (size_t i = 0; i < gt->ncalls && !ex->failed; i++) {
			const struct wfc_gcall *gc = &gt->calls[i];
			if (gc->kind != WFC_CALL_STEP)
				continue;
			if (gc->group != gi) {
				gi = gc->group;
				const char *gname = wfc_arena_printf(ex->a, "%s[%zu]", n->name, gi);
				group = new_node(ex, n, WFC_PN_GROUP, gname,
						 wfc_arena_printf(ex->a, "[%zu]", gi));
				if (!group)
					break;
				group->tmpl = gt;
				group->group = gi;
			}
			expand_call(ex, group, gt, gc, group->name, &sc);
		}
	} else if (gt->t->type == WFC_TMPL_DAG) {
		for (size_t i = 0; i < gt->ncalls && !ex->failed; i++) {
			const struct wfc_gcall *gc = &gt->calls[i];
			if (gc->kind == WFC_CALL_TASK)
				expand_call(ex, n, gt, gc, n->name, &sc);
		}
	}
	ex->depth--;
}

void wfc_plan_free(struct wfc_plan *p);

void wfc_plan_free(struct wfc_plan *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nnodes; i++)
		cJSON_Delete((cJSON *)p->nodes[i]->item);
	free(p->nodes);
	wfc_strmap_free(&p->knames);
}

struct wfc_pnode *wfc_plan_expand_root(struct wfc_plan *p, struct wfc_gtmpl *entry,
				       const char *name, bool exit_handler,
				       const struct wfc_args *args);

/* The root (entrypoint) or the workflow's exit handler; args: a hook's
 * arguments (hooks.exit), else the workflow's bind the inputs. */
struct wfc_pnode *wfc_plan_expand_root(struct wfc_plan *p, struct wfc_gtmpl *entry,
				       const char *name, bool exit_handler,
				       const struct wfc_args *args)
{
	struct expander ex = { .p = p, .a = p->g->a, .d = p->g->d };
	struct wfc_pnode *n = new_node(&ex, NULL, type_of(entry->t), name,
				       exit_handler ? "onExit" : name);
	if (!n)
		return NULL;
	n->tmpl = entry;
	n->exit_handler = exit_handler;
	/* the entrypoint's inputs come from the workflow's arguments */
	struct wfc_args wa = { 0 };
	wa.params = WFC_NEWN(p->g->a, struct wfc_param, p->nparams + 1);
	for (size_t i = 0; i < p->nparams; i++) {
		struct wfc_param *q = &wa.params[wa.nparams++];
		q->name.s = p->params[i].name;
		q->value.s = p->params[i].value;
		q->value.node = p->doc->doc->root;  /* marks "has a value" */
	}
	struct wfc_scope none = { .plan = p };
	bind_inputs(&ex, n, args ? args : &wa, &none, p->doc->doc->entrypoint.node
		    ? p->doc->doc->entrypoint.node : p->doc->doc->root);
	expand_template(&ex, n);
	return ex.failed ? NULL : n;
}
