/* The plan as the runtime reads it: one versioned JSON document
 * ("wfcPlan": 1), described in docs/plan.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/objects.h"
#include "backend/pod.h"
#include "ir/subst.h"
#include "support/buf.h"

static void add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
}

static cJSON *bindings(const struct wfc_binding *b, size_t n)
{
	cJSON *l = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "name", b[i].name);
		cJSON_AddStringToObject(p, "value", b[i].value);
		cJSON_AddItemToArray(l, p);
	}
	return l;
}

static cJSON *yjson(const struct wfc_plan *p, const struct wfc_ynode *n,
		    const struct wfc_scope *sc)
{
	return wfc_ynode_to_json(p->g->a, n, sc, NULL, 0);
}

static void template_fields(const struct wfc_plan *p, const struct wfc_pnode *n,
			    cJSON *o, const struct wfc_scope *sc)
{
	const struct wfc_template *t = n->tmpl->t;
	if (t->retry)
		cJSON_AddItemToObject(o, "retryStrategy", yjson(p, t->retry, sc));
	if (t->timeout.s)
		add_str(o, "timeout", wfc_subst(p->g->a, sc, t->timeout.s, NULL));
	if (t->active_deadline)
		cJSON_AddItemToObject(o, "activeDeadlineSeconds", yjson(p, t->active_deadline, sc));
	if (t->parallelism)
		cJSON_AddItemToObject(o, "parallelism", yjson(p, t->parallelism, sc));
	if (t->daemon)
		cJSON_AddBoolToObject(o, "daemon", true);
	const struct wfc_ynode *ff = t->type == WFC_TMPL_DAG ? wfc_ymap_get(t->body, "failFast") : NULL;
	if (!ff)
		ff = wfc_ymap_get(t->node, "failFast");
	const struct wfc_ynode *pt = wfc_ymap_get(t->node, "pendingTimeout");
	if (pt)
		cJSON_AddItemToObject(o, "pendingTimeout", yjson(p, pt, sc));
	if (ff)
		cJSON_AddItemToObject(o, "failFast", yjson(p, ff, sc));
	if (t->target.s)
		add_str(o, "target", wfc_subst(p->g->a, sc, t->target.s, NULL));
	if (t->outputs.nparams || t->outputs.narts) {
		cJSON *outs = cJSON_AddObjectToObject(o, "outputs");
		const struct wfc_ynode *on = wfc_ymap_get(t->node, "outputs");
		cJSON *pl = yjson(p, wfc_ymap_get(on, "parameters"), sc);
		if (cJSON_IsArray(pl))
			cJSON_AddItemToObject(outs, "parameters", pl);
		else
			cJSON_Delete(pl);
	}
	const struct wfc_ynode *sync = wfc_ymap_get(t->node, "synchronization");
	if (sync)
		cJSON_AddItemToObject(o, "synchronization", yjson(p, sync, sc));
	if (t->type == WFC_TMPL_SUSPEND)
		cJSON_AddItemToObject(o, "suspend", yjson(p, t->body, sc));
	if (t->type == WFC_TMPL_RESOURCE)
		cJSON_AddItemToObject(o, "resource", yjson(p, t->body, sc));
}

/* Whether the template that calls n refers to its outputs.result (pass
 * "results"); true when nothing calls it (the root, an exit handler) and
 * for a hook. */
static bool result_used(const struct wfc_pnode *n)
{
	if (!n->call || n->hook)
		return true;
	for (const struct wfc_pnode *q = n->parent; q; q = q->parent) {
		for (size_t i = 0; q->tmpl && i < q->tmpl->ncalls; i++) {
			const struct wfc_gcall *gc = &q->tmpl->calls[i];
			if (gc->c == n->call && gc->kind != WFC_CALL_HOOK)
				return gc->result_used;
		}
	}
	return true;
}

static cJSON *node_json(const struct wfc_plan *p, const struct wfc_pnode *n,
			struct wfc_node_render *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "id", (double)n->id);
	cJSON_AddStringToObject(o, "name", n->name);
	cJSON_AddStringToObject(o, "displayName", n->display);
	cJSON_AddStringToObject(o, "type", wfc_pnode_type_name(n->type));
	if (n->tmpl && n->tmpl->t->name.s)
		cJSON_AddStringToObject(o, "templateName", n->tmpl->t->name.s);
	if (n->parent)
		cJSON_AddNumberToObject(o, "parent", (double)n->parent->id);
	if (n->nchildren) {
		cJSON *ch = cJSON_AddArrayToObject(o, "children");
		for (size_t i = 0; i < n->nchildren; i++)
			cJSON_AddItemToArray(ch, cJSON_CreateNumber((double)n->children[i]->id));
	}
	add_str(o, "k8sName", n->kname);
	if (n->exit_handler)
		cJSON_AddBoolToObject(o, "exitHandler", true);
	if (n->item)
		cJSON_AddItemToObject(o, "item", cJSON_Duplicate(n->item, true));
	add_str(o, "when", n->when);
	add_str(o, "depends", n->depends);
	if ((n->type == WFC_PN_POD || n->type == WFC_PN_EXPAND) && !result_used(n))
		cJSON_AddBoolToObject(o, "captureResult", false);
	if (n->call && (n->call->continue_failed || n->call->continue_error)) {
		cJSON *co = cJSON_AddObjectToObject(o, "continueOn");
		if (n->call->continue_failed)
			cJSON_AddBoolToObject(co, "failed", true);
		if (n->call->continue_error)
			cJSON_AddBoolToObject(co, "error", true);
	}
	if (n->ninputs) {
		cJSON *in = cJSON_AddObjectToObject(o, "inputs");
		cJSON_AddItemToObject(in, "parameters", bindings(n->inputs, n->ninputs));
	}
	struct wfc_scope sc = { .plan = p, .node = n, .item = n->item };
	if (n->tmpl && n->type != WFC_PN_EXPAND && n->type != WFC_PN_SKIPPED)
		template_fields(p, n, o, &sc);
	if (n->type == WFC_PN_EXPAND) {
		cJSON *e = cJSON_AddObjectToObject(o, "expand");
		add_str(e, "reason", n->expand_reason);
		/* the step or task as written (the runtime binds it per item) */
		cJSON_AddItemToObject(e, "call", yjson(p, n->call->node, NULL));
		/* the template node that makes the call: a step's group is not one */
		const struct wfc_pnode *caller = n->parent;
		if (caller && caller->type == WFC_PN_GROUP)
			caller = caller->parent;
		if (caller)
			cJSON_AddItemToObject(e, "callerInputs",
					      bindings(caller->inputs, caller->ninputs));
	}
	if (n->hook && strcmp(n->hook, "exit") != 0)
		cJSON_AddStringToObject(o, "hook", n->hook);
	if (r && r->job)
		cJSON_AddStringToObject(o, "job", r->job);
	if (r && (r->pod || r->job)) {
		/* moved into the node: each is written once */
		if (r->pod)
			cJSON_AddItemToObject(o, "pod", r->pod);
		if (r->wrapper)
			cJSON_AddItemToObject(o, "jobWrapper", r->wrapper);
		r->pod = r->wrapper = NULL;
		if (r->nruntime) {
			cJSON *rv = cJSON_AddArrayToObject(o, "runtimeValues");
			for (size_t i = 0; i < r->nruntime; i++) {
				cJSON *v = cJSON_CreateObject();
				char env[32];
				snprintf(env, sizeof(env), "WFC_IN_%zu", i);
				cJSON_AddStringToObject(v, "env", env);
				cJSON_AddStringToObject(v, "value", r->runtime[i]);
				cJSON_AddItemToArray(rv, v);
			}
		}
		if (r->script_source) {
			cJSON *s = cJSON_AddObjectToObject(o, "script");
			if (r->script_runtime || r->script_inline)
				cJSON_AddStringToObject(s, "source", r->script_source);
			if (!r->script_runtime) {
				add_str(s, "configMap", r->script_cm);
				cJSON_AddStringToObject(s, "key", n->kname);
			}
		}
	}
	return o;
}

/* Appends j as JSON: compact, or formatted with two spaces a level and
 * every line after the first indented by indent spaces. */
/* Strings as the user wrote them (see wfc_literal). */
static void unliteral_tree(cJSON *j)
{
	if (cJSON_IsString(j) && strchr(j->valuestring, '\x01')) {
		char *u = wfc_unliteral(j->valuestring);
		cJSON_SetValuestring(j, u);
		free(u);
	}
	for (cJSON *c = j->child; c; c = c->next)
		unliteral_tree(c);
}

static void append_json(struct wfc_buf *b, cJSON *j, bool pretty, int indent)
{
	unliteral_tree(j);
	char *t = pretty ? cJSON_Print(j) : cJSON_PrintUnformatted(j);
	if (!pretty && t) {
		wfc_buf_puts(b, t);
		cJSON_free(t);
		return;
	}
	for (const char *q = t; q && *q; q++) {
		if (q[0] == ':' && q[1] == '\t') {
			wfc_buf_puts(b, ": ");
			q++;
		} else if (*q == '\t') {
			wfc_buf_puts(b, "  ");  /* JSON strings hold no raw tab: layout */
		} else if (*q == '\n') {
			wfc_buf_printf(b, "\n%*s", indent, "");
		} else {
			wfc_buf_putc(b, *q);
		}
	}
	cJSON_free(t);
}

static cJSON *workflow_json(const struct wfc_plan *p)
{
	cJSON *wf = cJSON_CreateObject();
	const struct wfc_doc *doc = p->doc->doc;
	cJSON_AddStringToObject(wf, "name", p->name);
	add_str(wf, "namespace", p->namespace);
	cJSON_AddStringToObject(wf, "kind", wfc_doc_kind_name(doc->kind));
	if (p->root && p->root->tmpl->t->name.s)
		cJSON_AddStringToObject(wf, "entrypoint", p->root->tmpl->t->name.s);
	cJSON_AddItemToObject(wf, "parameters", bindings(p->params, p->nparams));
	struct wfc_scope sc = { .plan = p };
	if (doc->labels)
		cJSON_AddItemToObject(wf, "labels", yjson(p, doc->labels, &sc));
	if (doc->annotations)
		cJSON_AddItemToObject(wf, "annotations", yjson(p, doc->annotations, &sc));
	static const char *const spec_keys[] = { "serviceAccountName", "parallelism",
						 "activeDeadlineSeconds", "ttlStrategy", "podGC",
						 "hooks", "retryStrategy", "synchronization", "shutdown",
						 "suspend", "workflowMetadata", NULL };
	for (const char *const *k = spec_keys; *k; k++) {
		const struct wfc_ynode *v = wfc_ymap_get(doc->spec, *k);
		if (!v && p->doc->base)
			v = wfc_ymap_get(p->doc->base->doc->spec, *k);
		if (v)
			cJSON_AddItemToObject(wf, *k, yjson(p, v, &sc));
	}
	if (p->root)
		cJSON_AddNumberToObject(wf, "root", (double)p->root->id);
	if (p->on_exit)
		cJSON_AddNumberToObject(wf, "onExit", (double)p->on_exit->id);
	return wf;
}

/* Appends t to the arena array *v (*n used, *cap room). */
static void push_tmpl(const struct wfc_plan *p, struct wfc_gtmpl ***v, size_t *n, size_t *cap,
		      struct wfc_gtmpl *t)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		struct wfc_gtmpl **w = WFC_NEWN(p->g->a, struct wfc_gtmpl *, *cap);
		if (*n)
			memcpy(w, *v, *n * sizeof(*w));
		*v = w;
	}
	(*v)[(*n)++] = t;
}

struct wfc_gtmpl **wfc_plan_runtime_templates(const struct wfc_plan *p, size_t *n)
{
	struct wfc_strmap seen = { 0 };
	const struct wfc_doc *doc = p->doc->doc;
	struct wfc_gtmpl **roots = NULL;
	size_t nroots = 0, rcap = 0;
	*n = 0;
	/* the templates of workflow-level hooks other than exit: the runtime
	 * runs them when their expression holds */
	for (size_t i = 0; i < doc->nhooks; i++) {
		const struct wfc_hook *hk = &doc->hooks[i];
		struct wfc_gtmpl *t = hk->template.s ? wfc_graph_template(p->doc, hk->template.s) : NULL;
		if (t && !(hk->name.s && strcmp(hk->name.s, "exit") == 0))
			push_tmpl(p, &roots, &nroots, &rcap, t);
	}
	for (size_t i = 0; i < p->nnodes; i++) {
		const struct wfc_pnode *nd = p->nodes[i];
		if (nd->type != WFC_PN_EXPAND)
			continue;
		push_tmpl(p, &roots, &nroots, &rcap, nd->tmpl);
		/* the hooks of the call (onExit, hooks) are calls of the caller */
		const struct wfc_gtmpl *caller = nd->parent ? nd->parent->tmpl : NULL;
		for (size_t k = 0; caller && k < caller->ncalls; k++) {
			const struct wfc_gcall *gc = &caller->calls[k];
			if (gc->kind == WFC_CALL_HOOK && gc->c == nd->call && gc->target)
				push_tmpl(p, &roots, &nroots, &rcap, gc->target);
		}
	}
	if (!nroots)
		return NULL;
	size_t cnt = 0, cap = 0;
	struct wfc_gtmpl **out = NULL;
	for (size_t i = 0; i < nroots; i++) {
		/* everything reachable from the template */
		struct wfc_gtmpl *stack[4096];
		size_t sp = 0;
		stack[sp++] = roots[i];
		while (sp) {
			struct wfc_gtmpl *t = stack[--sp];
			const char *key = t->t->name.s ? t->t->name.s : "";
			if (wfc_strmap_get(&seen, key, strlen(key)))
				continue;
			wfc_strmap_put(&seen, key, strlen(key), t);
			if (cnt == cap) {
				cap = cap ? cap * 2 : 8;
				struct wfc_gtmpl **v = WFC_NEWN(p->g->a, struct wfc_gtmpl *, cap);
				if (cnt)
					memcpy(v, out, cnt * sizeof(*v));
				out = v;
			}
			out[cnt++] = t;
			for (size_t k = 0; k < t->ncalls && sp < 4096; k++)
				if (t->calls[k].target)
					stack[sp++] = t->calls[k].target;
		}
	}
	wfc_strmap_free(&seen);
	*n = cnt;
	return out;
}

/* Templates the runtime expands itself (withParam, recursion), as written. */
static cJSON *templates_json(const struct wfc_plan *p)
{
	size_t n;
	struct wfc_gtmpl **ts = wfc_plan_runtime_templates(p, &n);
	cJSON *o = n ? cJSON_CreateObject() : NULL;
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToObject(o, ts[i]->t->name.s ? ts[i]->t->name.s : "",
				      yjson(p, ts[i]->t->node, NULL));
	return o;
}

/* Small plans are formatted, for readable diffs in a GitOps repository;
 * large ones compact, to need fewer ConfigMaps. */
#define PRETTY_MAX_NODES 1000

char *wfc_plan_text(const struct wfc_plan *p, struct wfc_node_render *r,
		    const cJSON *job_templates)
{
	bool pretty = p->nnodes <= PRETTY_MAX_NODES;
	const char *nl = pretty ? "\n" : "";
	struct wfc_buf b = { 0 };
	wfc_buf_printf(&b, "{%s%s\"wfcPlan\":%s1,%s%s\"workflow\":%s", nl, pretty ? "  " : "",
		       pretty ? " " : "", nl, pretty ? "  " : "", pretty ? " " : "");
	cJSON *wf = workflow_json(p);
	append_json(&b, wf, pretty, 2);
	cJSON_Delete(wf);
	wfc_buf_printf(&b, ",%s%s\"nodes\":%s[", nl, pretty ? "  " : "", pretty ? " " : "");
	/* one node at a time: the plan of a large workflow is never a whole tree */
	for (size_t i = 0; i < p->nnodes; i++) {
		cJSON *n = node_json(p, p->nodes[i], r ? &r[i] : NULL);
		wfc_buf_printf(&b, "%s%s%s", i ? "," : "", nl, pretty ? "    " : "");
		append_json(&b, n, pretty, 4);
		cJSON_Delete(n);
	}
	wfc_buf_printf(&b, "%s%s]", nl, pretty && p->nnodes ? "  " : "");
	cJSON *ts = templates_json(p);
	if (ts) {
		wfc_buf_printf(&b, ",%s%s\"templates\":%s", nl, pretty ? "  " : "",
			       pretty ? " " : "");
		append_json(&b, ts, pretty, 2);
		cJSON_Delete(ts);
	}
	if (job_templates && job_templates->child) {
		wfc_buf_printf(&b, ",%s%s\"jobTemplates\":%s", nl, pretty ? "  " : "",
			       pretty ? " " : "");
		cJSON *jt = cJSON_Duplicate(job_templates, true);
		append_json(&b, jt, pretty, 2);
		cJSON_Delete(jt);
	}
	wfc_buf_printf(&b, "%s}", nl);
	return b.s;
}
