/* Pass "references": every {{...}} tag must resolve where it stands, as
 * Argo's validator requires: inputs of the template, workflow globals,
 * steps of earlier groups, tasks that are ancestors, item inside loops,
 * workflow.status only in exit handlers. Tags outside Argo's variable roots
 * (item, steps., tasks., inputs., outputs., pod., workflow.) and expression
 * tags {{=...}} are left alone, as Argo does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

enum scope_kind { SCOPE_LEAF, SCOPE_STEP, SCOPE_TASK, SCOPE_TEMPLATE };

struct scope {
	struct wfc_graph *g;
	struct wfc_gtmpl *gt;
	const struct wfc_template *t;
	enum scope_kind kind;
	size_t group;                   /* SCOPE_STEP: group of the step */
	size_t task;                    /* SCOPE_TASK: index of the task */
	const struct wfc_call *self;    /* the step/task being checked */
	const struct wfc_call *loop;    /* call whose item is in scope */
	const struct wfc_strmap *global_outputs;
	bool in_hook;                   /* inside the hooks of self: self is done */
	unsigned char *ancestors;       /* SCOPE_TASK: lazily computed */
	size_t ancestors_of;
};

static const char *const roots[] = { "item", "steps.", "inputs.", "outputs.", "pod.",
				     "workflow.", "tasks.", "wfc.", NULL };

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static const struct wfc_gcall *find_call(const struct scope *sc, const char *name,
					 size_t len, enum wfc_call_kind kind)
{
	for (size_t i = 0; i < sc->gt->ncalls; i++) {
		const struct wfc_gcall *gc = &sc->gt->calls[i];
		if (gc->kind == kind && gc->c->name.s && strlen(gc->c->name.s) == len &&
		    memcmp(gc->c->name.s, name, len) == 0)
			return gc;
	}
	return NULL;
}

/* Marks every transitive dependency of task i (dependencies and depends). */
static void compute_ancestors(struct scope *sc, size_t task);

static bool is_ancestor(struct scope *sc, size_t of, size_t cand)
{
	if (!sc->ancestors || sc->ancestors_of != of) {
		free(sc->ancestors);
		sc->ancestors = calloc(sc->t->ntasks, 1);
		if (!sc->ancestors)
			abort();
		sc->ancestors_of = of;
		compute_ancestors(sc, of);
	}
	return sc->ancestors[cand];
}

static void mark_dep(struct scope *sc, const char *name, size_t len, size_t *stack,
		     size_t *n)
{
	char buf[256];
	if (len >= sizeof(buf))
		return;
	memcpy(buf, name, len);
	buf[len] = '\0';
	const struct wfc_call *c = wfc_strmap_get(&sc->gt->tasks, buf, len);
	if (!c)
		return;
	size_t j = (size_t)(c - sc->t->tasks);
	if (!sc->ancestors[j]) {
		sc->ancestors[j] = 1;
		stack[(*n)++] = j;
	}
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

static void compute_ancestors(struct scope *sc, size_t task)
{
	size_t *stack = malloc(sizeof(size_t) * (sc->t->ntasks + 1));
	if (!stack)
		abort();
	size_t n = 0;
	stack[n++] = task;
	while (n) {
		const struct wfc_call *c = &sc->t->tasks[stack[--n]];
		for (size_t k = 0; k < c->ndeps; k++)
			mark_dep(sc, c->deps[k].s, strlen(c->deps[k].s), stack, &n);
		if (c->depends.s) {
			/* task names in depends: words before '.', '&', '|', ')' */
			const char *s = c->depends.s;
			while (*s) {
				if (name_char(*s)) {
					const char *w = s;
					while (name_char(*s))
						s++;
					mark_dep(sc, w, (size_t)(s - w), stack, &n);
					if (*s == '.') {
						s++;
						while (name_char(*s))
							s++;
					}
				} else {
					s++;
				}
			}
		}
	}
	free(stack);
}

static bool leaf_result(const struct wfc_template *t)
{
	switch (t->type) {
	case WFC_TMPL_CONTAINER:
	case WFC_TMPL_SCRIPT:
	case WFC_TMPL_CONTAINER_SET:
	case WFC_TMPL_DATA:
	case WFC_TMPL_HTTP:
	case WFC_TMPL_PLUGIN:
		return true;
	default:
		return false;
	}
}

static bool has_param(const struct wfc_args *a, const char *name, size_t len)
{
	for (size_t i = 0; i < a->nparams; i++)
		if (a->params[i].name.s && strlen(a->params[i].name.s) == len &&
		    memcmp(a->params[i].name.s, name, len) == 0)
			return true;
	return false;
}

static bool has_art(const struct wfc_args *a, const char *name, size_t len)
{
	for (size_t i = 0; i < a->narts; i++)
		if (a->arts[i].name.s && strlen(a->arts[i].name.s) == len &&
		    memcmp(a->arts[i].name.s, name, len) == 0)
			return true;
	return false;
}

/* rest of steps.X.<rest> / tasks.X.<rest> against the node's template */
static bool node_attr_ok(const struct wfc_gcall *gc, const char *rest, bool looped)
{
	static const char *const plain[] = { "status", "id", "exitCode", "startedAt",
					     "finishedAt", "ip", "hostNodeName", "name", NULL };
	for (const char *const *p = plain; *p; p++)
		if (strcmp(rest, *p) == 0)
			return true;
	if (!gc->target)
		return true;  /* unresolved: already an error elsewhere */
	const struct wfc_template *t = gc->target->t;
	if (strcmp(rest, "outputs.result") == 0)
		return leaf_result(t) || looped;
	if (strcmp(rest, "outputs.parameters") == 0 || strcmp(rest, "outputs.artifacts") == 0)
		return looped || true;
	if (starts(rest, "outputs.parameters."))
		return has_param(&t->outputs, rest + 19, strlen(rest + 19));
	if (starts(rest, "outputs.artifacts."))
		return has_art(&t->outputs, rest + 18, strlen(rest + 18));
	return false;
}

static bool is_looped(const struct wfc_call *c)
{
	return c->with_items || c->with_param.s || c->with_sequence;
}

static bool item_ok(const struct scope *sc, const char *tag)
{
	const struct wfc_call *c = sc->loop;
	if (!c)
		return false;
	if (strcmp(tag, "item") == 0 || c->with_param.s)
		return true;
	if (!c->with_items)
		return false;  /* withSequence: only {{item}} */
	const char *key = tag + 5;  /* after "item." */
	size_t klen = strcspn(key, ".");
	for (size_t i = 0; i < c->with_items->seq.n; i++) {
		const struct wfc_ynode *it = c->with_items->seq.v[i];
		if (it->kind == WFC_YMAP) {
			for (size_t k = 0; k < it->map.n; k++)
				if (it->map.v[k].key->s.len == klen &&
				    memcmp(it->map.v[k].key->s.text, key, klen) == 0)
					return true;
		} else if (it->kind == WFC_YSEQ) {
			return true;
		}
	}
	return false;
}

/* Returns NULL when tag resolves, else a reason (may be ""). */
static const char *resolve(struct scope *sc, const char *tag)
{
	struct wfc_gdoc *gd = sc->gt->doc;
	if (strcmp(tag, "item") == 0 || starts(tag, "item.") || starts(tag, "item[")) {
		if (item_ok(sc, tag))
			return NULL;
		return sc->loop ? "the loop items have no such key"
				: "{{item}} is only defined in a step or task with withItems, withParam or withSequence";
	}
	if (starts(tag, "inputs.")) {
		const char *r = tag + 7;
		if (strcmp(r, "parameters") == 0)
			return sc->t->inputs.nparams ? NULL : "";
		if (starts(r, "parameters."))
			return has_param(&sc->t->inputs, r + 11, strlen(r + 11)) ? NULL : "";
		if (starts(r, "artifacts.")) {
			const char *a = r + 10;
			size_t alen = strcspn(a, ".");
			return has_art(&sc->t->inputs, a, alen) ? NULL : "";
		}
		return "";
	}
	if (starts(tag, "outputs.") || starts(tag, "pod."))
		return NULL;
	if (starts(tag, "wfc."))
		return "names under 'wfc.' are reserved for the Jobs wfc renders at run time";
	if (starts(tag, "workflow.")) {
		if (strcmp(tag, "workflow.status") == 0 || strcmp(tag, "workflow.failures") == 0)
			/* Argo makes them global once the workflow has an onExit */
			return sc->gt->exit_handler || gd->on_exit ? NULL
			       : "workflow.status and workflow.failures are only available in exit handlers";
		if (starts(tag, "workflow.creationTimestamp"))
			return NULL;
		if (starts(tag, "workflow.outputs.parameters.") || starts(tag, "workflow.outputs.artifacts."))
			return wfc_strmap_get(sc->global_outputs, tag, strlen(tag)) ? NULL
			       : "no output has this globalName";
		if (wfc_strmap_get(&gd->globals, tag, strlen(tag)))
			return NULL;
		if (starts(tag, "workflow.parameters."))
			return "the workflow declares no such parameter in spec.arguments.parameters";
		return "";
	}
	if (strcmp(tag, "steps.name") == 0 || strcmp(tag, "tasks.name") == 0)
		return NULL;
	bool steps = starts(tag, "steps."), tasks = starts(tag, "tasks.");
	if (steps || tasks) {
		const char *name = tag + 6;
		const char *dot = strchr(name, '.');
		if (!dot)
			return "";
		size_t nlen = (size_t)(dot - name);
		const char *rest = dot + 1;
		if (steps != (sc->t->type == WFC_TMPL_STEPS))
			return steps ? "steps.* is only available inside a steps template"
				     : "tasks.* is only available inside a dag template";
		const struct wfc_gcall *gc = find_call(sc, name, nlen,
						       steps ? WFC_CALL_STEP : WFC_CALL_TASK);
		if (!gc)
			return steps ? "no step of this template has that name"
				     : "no task of this DAG has that name";
		bool self_in_hook = sc->in_hook && gc->c == sc->self;
		if (steps && sc->kind == SCOPE_STEP && !self_in_hook) {
			bool status = strcmp(rest, "status") == 0;
			if (gc->group > sc->group || (gc->group == sc->group && !status))
				return "that step does not run before this one (only steps of earlier groups can be referenced)";
		}
		if (tasks && sc->kind == SCOPE_TASK && !self_in_hook) {
			if (!is_ancestor(sc, sc->task, gc->index))
				return "that task is not a dependency of this one (add it to depends or dependencies)";
		}
		if (sc->kind == SCOPE_LEAF)
			return "";
		return node_attr_ok(gc, rest, is_looped(gc->c)) ? NULL
		       : "the template it runs has no such output";
	}
	return NULL;
}

/* ---- finding tags and their positions ---- */

static struct wfc_pos tag_pos(const struct wfc_graph *g, const struct wfc_ynode *n,
			      size_t off, const char *needle, size_t nlen)
{
	struct wfc_pos p = wfc_ypos(n);
	unsigned nl = 0;
	for (size_t i = 0; i < off; i++)
		nl += n->s.text[i] == '\n';
	bool block = n->style == WFC_YLITERAL || n->style == WFC_YFOLDED;
	if (!nl && !block && n->style != WFC_YDOUBLE) {
		p.col += (unsigned)off + (n->plain ? 0 : 1);
		return p;
	}
	/* search the source line where the tag should be */
	const struct wfc_source *src = g->src ? wfc_sources_find(g->src, n->file) : NULL;
	if (!src)
		return p;
	unsigned want = n->line + nl;  /* block scalars start at their content */
	const char *s = src->text, *end = src->text + src->len;
	for (unsigned line = 1; s < end && line < want; s++)
		if (*s == '\n')
			line++;
	const char *eol = memchr(s, '\n', (size_t)(end - s));
	if (!eol)
		eol = end;
	const char *from = (want == n->line && n->col > 0) ? s + n->col - 1 : s;
	for (const char *q = from; q + nlen <= eol; q++)
		if (memcmp(q, needle, nlen) == 0) {
			p.line = want;
			p.col = (unsigned)(q - s) + 1;
			return p;
		}
	return p;
}

static const char *suggest(struct scope *sc, const char *tag)
{
	const char *cands[256];
	size_t n = 0;
	const char *prefix = NULL;
	if (starts(tag, "inputs.parameters.")) {
		prefix = "inputs.parameters.";
		for (size_t i = 0; i < sc->t->inputs.nparams && n < 256; i++)
			cands[n++] = sc->t->inputs.params[i].name.s;
	} else if (starts(tag, "workflow.parameters.")) {
		prefix = "workflow.parameters.";
		const struct wfc_args *a = &sc->gt->doc->doc->args;
		for (size_t i = 0; i < a->nparams && n < 256; i++)
			cands[n++] = a->params[i].name.s;
	} else if (starts(tag, "workflow.") && !starts(tag, "workflow.outputs.")) {
		static const char *const wf[] = { "name", "namespace", "uid", "serviceAccountName",
						  "mainEntrypoint", "creationTimestamp", "priority",
						  "duration", "scheduledTime", "status", "failures",
						  "parameters", "labels", "annotations" };
		prefix = "workflow.";
		for (size_t i = 0; i < sizeof(wf) / sizeof(wf[0]); i++)
			cands[n++] = wf[i];
	}
	if (!prefix)
		return NULL;
	const char *best = wfc_did_you_mean(tag + strlen(prefix), cands, n);
	return best ? wfc_arena_printf(sc->g->a, "%s%s", prefix, best) : NULL;
}

static void check_scalar(struct scope *sc, const struct wfc_ynode *n)
{
	const char *s = n->s.text;
	const char *p = s;
	while ((p = strstr(p, "{{")) != NULL) {
		const char *close = strstr(p + 2, "}}");
		if (!close)
			return;
		const char *a = p + 2, *b = close;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		size_t len = (size_t)(b - a);
		char buf[512];
		if (len && len < sizeof(buf) && *a != '=') {
			memcpy(buf, a, len);
			buf[len] = '\0';
			bool rooted = false;
			for (const char *const *r = roots; *r; r++)
				rooted |= starts(buf, *r);
			const char *why = rooted ? resolve(sc, buf) : NULL;
			if (strcmp(buf, "retries") == 0 && !sc->t->retry)
				why = "{{retries}} is only defined in a template with a retryStrategy";
			if (why) {
				size_t nlen = (size_t)(close + 2 - p);
				struct wfc_pos pos = tag_pos(sc->g, n, (size_t)(p - s), p, nlen);
				const char *best = suggest(sc, buf);
				struct wfc_diag *dg;
				if (best) {
					dg = wfc_diag_add(sc->g->d, WFC_ERROR, WFC_RULE_reference, pos,
							  "failed to resolve {{%s}}; did you mean {{%s}}?",
							  buf, best);
					wfc_diag_set_suggestion(dg, wfc_arena_printf(sc->g->a, "{{%s}}", best));
				} else {
					dg = wfc_diag_add(sc->g->d, WFC_ERROR, WFC_RULE_reference, pos,
							  "failed to resolve {{%s}}%s%s", buf,
							  *why ? ": " : "", why);
				}
				dg->end = pos;
				dg->end.col = pos.col + (unsigned)nlen - 1;
			}
		}
		p = close + 2;
	}
}

static void walk(struct scope *sc, const struct wfc_ynode *n, const char *skip,
		 unsigned depth)
{
	if (!n || depth > 512)
		return;
	switch (n->kind) {
	case WFC_YSCALAR:
		if (n->type == WFC_YSTR && n->s.len >= 4)
			check_scalar(sc, n);
		return;
	case WFC_YSEQ:
		for (size_t i = 0; i < n->seq.n; i++)
			walk(sc, n->seq.v[i], NULL, depth + 1);
		return;
	case WFC_YMAP:
		for (size_t i = 0; i < n->map.n; i++) {
			const char *k = n->map.v[i].key->s.text;
			if (skip && strcmp(k, skip) == 0)
				continue;
			if (strcmp(k, "inline") == 0)
				continue;  /* inline templates are checked on their own */
			walk(sc, n->map.v[i].val, NULL, depth + 1);
		}
		return;
	}
}

/* A step or task; its hooks run after it, so there it may name itself. */
static void walk_call(struct scope *sc, const struct wfc_call *c)
{
	walk(sc, c->node, "hooks", 0);
	sc->in_hook = true;
	walk(sc, wfc_ymap_get(c->node, "hooks"), NULL, 0);
	sc->in_hook = false;
}

static void check_template(struct wfc_graph *g, struct wfc_gtmpl *gt,
			   const struct wfc_strmap *global_outputs)
{
	if (!wfc_gtmpl_wanted(gt))
		return;
	const struct wfc_template *t = gt->t;
	struct scope sc = { .g = g, .gt = gt, .t = t, .global_outputs = global_outputs };
	if (t->type == WFC_TMPL_STEPS) {
		for (size_t i = 0; i < gt->ncalls; i++) {
			const struct wfc_gcall *gc = &gt->calls[i];
			if (gc->kind != WFC_CALL_STEP)
				continue;
			sc.kind = SCOPE_STEP;
			sc.group = gc->group;
			sc.self = gc->c;
			sc.loop = is_looped(gc->c) ? gc->c : NULL;
			walk_call(&sc, gc->c);
		}
		sc.kind = SCOPE_TEMPLATE;
		sc.loop = NULL;
		walk(&sc, t->node, "steps", 0);
	} else if (t->type == WFC_TMPL_DAG) {
		for (size_t i = 0; i < gt->ncalls; i++) {
			const struct wfc_gcall *gc = &gt->calls[i];
			if (gc->kind != WFC_CALL_TASK)
				continue;
			sc.kind = SCOPE_TASK;
			sc.task = gc->index;
			sc.self = gc->c;
			sc.loop = is_looped(gc->c) ? gc->c : NULL;
			walk_call(&sc, gc->c);
		}
		sc.kind = SCOPE_TEMPLATE;
		sc.loop = NULL;
		for (size_t i = 0; i < t->node->map.n; i++) {
			const struct wfc_ypair *p = &t->node->map.v[i];
			if (strcmp(p->key->s.text, "dag") == 0)
				walk(&sc, p->val, "tasks", 0);
			else
				walk(&sc, p->val, NULL, 0);
		}
	} else {
		sc.kind = SCOPE_LEAF;
		walk(&sc, t->node, NULL, 0);
	}
	free(sc.ancestors);
}

static void collect_global_outputs(struct wfc_graph *g, struct wfc_strmap *m,
				   const struct wfc_template *t)
{
	for (size_t i = 0; i < t->outputs.nparams; i++) {
		const char *gn = t->outputs.params[i].global_name.s;
		if (gn) {
			char *k = wfc_arena_printf(g->a, "workflow.outputs.parameters.%s", gn);
			wfc_strmap_put(m, k, strlen(k), k);
		}
	}
	for (size_t i = 0; i < t->outputs.narts; i++) {
		const char *gn = t->outputs.arts[i].global_name.s;
		if (gn) {
			char *k = wfc_arena_printf(g->a, "workflow.outputs.artifacts.%s", gn);
			wfc_strmap_put(m, k, strlen(k), k);
		}
	}
}

void wfc_pass_check_refs(struct wfc_graph *g)
{
	/* globalName outputs anywhere are visible everywhere (as in Argo) */
	struct wfc_strmap outs = { 0 };
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		for (size_t i = 0; i < gd->ntmpls; i++)
			collect_global_outputs(g, &outs, gd->tmpls[i].t);
		for (size_t i = 0; i < gd->nextra; i++)
			collect_global_outputs(g, &outs, gd->extra[i]->t);
	}
	for (size_t di = 0; di < g->ndocs; di++) {
		struct wfc_gdoc *gd = &g->docs[di];
		for (size_t i = 0; i < gd->ntmpls; i++)
			check_template(g, &gd->tmpls[i], &outs);
		for (size_t i = 0; i < gd->nextra; i++)
			check_template(g, gd->extra[i], &outs);
	}
	wfc_strmap_free(&outs);
}
