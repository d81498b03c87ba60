/* Run-time expansion (runtime/expand.h): calls as written into nodes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "runtime/expand.h"
#include "support/arena.h"
#include "support/buf.h"
#include "support/loop.h"
#include "support/text.h"
#include "support/xalloc.h"

/* the most items one loop may have at run time */
#define MAX_ITEMS 1000000

static const cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

static const char *sget(const cJSON *o, const char *k)
{
	const cJSON *v = get(o, k);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

bool wfc_rt_refers_item(const char *text)
{
	const char *o, *c, *q = text;
	while (q && wfc_tag_find(q, &o, &c)) {
		const char *in = o + 2;
		while (in < c && (*in == ' ' || *in == '=' || *in == '\t'))
			in++;
		/* {{item}}, {{item.k}}, and expressions naming item */
		for (const char *w = in; w + 4 <= c; w++)
			if (!strncmp(w, "item", 4) &&
			    (w == in || !(w[-1] == '_' || w[-1] == '.' ||
					  (w[-1] >= 'a' && w[-1] <= 'z') || (w[-1] >= 'A' && w[-1] <= 'Z') ||
					  (w[-1] >= '0' && w[-1] <= '9'))) &&
			    (w + 4 == c || !(w[4] == '_' || (w[4] >= 'a' && w[4] <= 'z') ||
					     (w[4] >= 'A' && w[4] <= 'Z') || (w[4] >= '0' && w[4] <= '9'))))
				return true;
		q = c + 2;
	}
	return false;
}

/* The template a call runs: inline, template, or templateRef's template
 * (the plan keeps templates by name). */
static const cJSON *callee(const struct wfc_rt_expand_env *env, const cJSON *call,
			   char *err, size_t errlen)
{
	const cJSON *in = get(call, "inline");
	if (cJSON_IsObject(in))
		return in;
	const char *name = sget(call, "template");
	if (!name)
		name = sget(get(call, "templateRef"), "template");
	if (!name) {
		wfc_errf(err, errlen, "the call names no template");
		return NULL;
	}
	const cJSON *t = get(env->templates, name);
	if (!cJSON_IsObject(t)) {
		wfc_errf(err, errlen, "template '%s' is not in the plan's templates", name);
		return NULL;
	}
	return t;
}

static enum wfc_rt_type type_of(const cJSON *t, const char **name)
{
	static const struct {
		const char *key;
		enum wfc_rt_type type;
		const char *name;
	} kinds[] = {
		{ "container", WFC_RT_POD, "Pod" }, { "script", WFC_RT_POD, "Pod" },
		{ "steps", WFC_RT_STEPS, "Steps" }, { "dag", WFC_RT_DAG, "DAG" },
		{ "suspend", WFC_RT_SUSPEND, "Suspend" }, { "resource", WFC_RT_RESOURCE, "Resource" },
		{ "containerSet", WFC_RT_OTHER, "Pod" }, { "http", WFC_RT_OTHER, "HTTP" },
		{ "data", WFC_RT_OTHER, "Pod" }, { "plugin", WFC_RT_OTHER, "Plugin" },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (get(t, kinds[i].key)) {
			*name = kinds[i].name;
			return kinds[i].type;
		}
	*name = "Pod";
	return WFC_RT_OTHER;
}

/* A Job name for a node made at run time: the run's name and a hash of
 * the node's name, a DNS-1123 label of at most 63 characters. */
static const char *job_name(struct wfc_arena *a, const char *wf, const char *node)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *q = (const unsigned char *)node; *q; q++)
		h = (h ^ *q) * 16777619u;
	char buf[64];
	size_t k = 0;
	for (const char *q = wf; *q && k < 53; q++) {
		char c = *q;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '-';
		if (c == '-' && (k == 0 || buf[k - 1] == '-'))
			continue;
		buf[k++] = c;
	}
	while (k && buf[k - 1] == '-')
		k--;
	snprintf(buf + k, sizeof(buf) - k, "%s%08x", k ? "-" : "", h);
	return wfc_arena_strdup(a, buf);
}

static struct wfc_rt_node *new_node(const struct wfc_rt_expand_env *env, size_t parent,
				    enum wfc_rt_type type, const char *type_name,
				    const char *name, const char *display)
{
	struct wfc_rt_node *n = WFC_NEW(env->a, struct wfc_rt_node);
	n->parent = parent;
	n->type = type;
	n->type_name = type_name;
	n->name = wfc_arena_strdup(env->a, name);
	n->display = wfc_arena_strdup(env->a, display);
	n->retry_limit = -1;
	n->fail_fast = true;
	n->children = NULL;
	n->literal_inputs = true;
	if (parent != WFC_RT_NONE)
		n->exit_handler = env->node(env->user, parent)->exit_handler;
	return n;
}

static void set_children(const struct wfc_rt_expand_env *env, struct wfc_rt_node *n,
			 const size_t *ids, size_t k)
{
	size_t *c = WFC_NEWN(env->a, size_t, k + 1);
	if (k && ids)
		memcpy(c, ids, k * sizeof(*c));
	n->children = c;
	n->nchildren = k;
}

/* Text of a JSON scalar: strings as they are, numbers and booleans as
 * printed; NULL for anything else. malloc'd. */
static char *scalar_text(const cJSON *v)
{
	if (cJSON_IsString(v))
		return wfc_xstrdup(v->valuestring);
	if (cJSON_IsNumber(v) || cJSON_IsBool(v)) {
		char *s = cJSON_PrintUnformatted(v);
		char *r = wfc_xstrdup(s);
		cJSON_free(s);
		return r;
	}
	return NULL;
}

/* A copy of j with the tags of every string filled from node from;
 * NULL with err on a failure. */
static cJSON *subst_json(const struct wfc_rt_expand_env *env, size_t from, const cJSON *item,
			 const cJSON *j, char *err, size_t errlen)
{
	if (cJSON_IsString(j)) {
		char *v = NULL;
		if (env->subst(env->user, from, item, j->valuestring, &v, err, errlen))
			return NULL;
		cJSON *r = cJSON_CreateString(v);
		free(v);
		return r;
	}
	if (cJSON_IsArray(j) || cJSON_IsObject(j)) {
		cJSON *r = cJSON_IsArray(j) ? cJSON_CreateArray() : cJSON_CreateObject();
		for (const cJSON *c = j->child; c; c = c->next) {
			cJSON *v = subst_json(env, from, item, c, err, errlen);
			if (!v) {
				cJSON_Delete(r);
				return NULL;
			}
			if (cJSON_IsArray(j))
				cJSON_AddItemToArray(r, v);
			else
				cJSON_AddItemToObject(r, c->string, v);
		}
		return r;
	}
	return cJSON_Duplicate(j, true);
}

/* Keeps j for the life of the run. */
static const cJSON *keep(const struct wfc_rt_expand_env *env, cJSON *j)
{
	cJSON_AddItemToArray(env->made, j);
	return j;
}

/* The items of a call's loop seen from node from: NULL and *loop false
 * without one; NULL with err on an error. */
static cJSON *loop_items(const struct wfc_rt_expand_env *env, size_t from, const cJSON *call,
			 bool *loop, char *err, size_t errlen)
{
	const cJSON *wp = get(call, "withParam"), *wi = get(call, "withItems"),
		    *ws = get(call, "withSequence");
	*loop = wp || wi || ws;
	if (wp) {
		char *text = scalar_text(wp), *v = NULL;
		if (!text || env->subst(env->user, from, NULL, text, &v, err, errlen)) {
			if (!text)
				wfc_errf(err, errlen, "withParam is not a string");
			free(text);
			return NULL;
		}
		free(text);
		cJSON *l = cJSON_Parse(v);
		if (!cJSON_IsArray(l)) {
			/* Argo's words, with the value as it was after substitution */
			const char *t = v;
			size_t len = strlen(t);
			while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
				t++, len--;
			while (len && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t' ||
				       t[len - 1] == '\r'))
				len--;
			wfc_errf(err, errlen, "withParam value could not be parsed as a JSON list: %.*s",
				 (int)(len > 200 ? 200 : len), t);
			cJSON_Delete(l);
			free(v);
			return NULL;
		}
		free(v);
		return l;
	}
	if (wi) {
		if (!cJSON_IsArray(wi)) {
			wfc_errf(err, errlen, "withItems is not a list");
			return NULL;
		}
		return subst_json(env, from, NULL, wi, err, errlen);
	}
	if (ws) {
		static const char *const fields[] = { "count", "start", "end" };
		long long v[3] = { 0, 0, 0 };
		bool have[3] = { false, false, false };
		for (int i = 0; i < 3; i++) {
			char *text = scalar_text(get(ws, fields[i])), *s = NULL;
			if (!text)
				continue;
			int rc = env->subst(env->user, from, NULL, text, &s, err, errlen);
			free(text);
			if (rc)
				return NULL;
			char *end;
			v[i] = strtoll(s, &end, 10);
			have[i] = true;
			bool bad = !*s || *end;
			if (bad)
				wfc_errf(err, errlen, "withSequence.%s '%s' is not an integer", fields[i], s);
			free(s);
			if (bad)
				return NULL;
		}
		const char *format = sget(ws, "format");
		if (format && !wfc_sequence_format_ok(format)) {
			wfc_errf(err, errlen,
				 "withSequence.format '%s' must hold one integer conversion such as %%d or %%02x",
				 format);
			return NULL;
		}
		cJSON *l = wfc_sequence_make(have[0], v[0], have[1] ? v[1] : 0, v[2], format,
					     MAX_ITEMS);
		if (!l)
			wfc_errf(err, errlen, "withSequence has more than %d items", MAX_ITEMS);
		return l;
	}
	return NULL;
}

static const cJSON *find_param(const cJSON *list, const char *name)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, list) {
		const char *n = sget(it, "name");
		if (n && strcmp(n, name) == 0)
			return it;
	}
	return NULL;
}

/* Binds the inputs of template t for node n (already in the table as id)
 * from the call's arguments seen from node from with item. */
static int bind_inputs(const struct wfc_rt_expand_env *env, struct wfc_rt_node *n, size_t id,
		       const cJSON *t, const cJSON *call, size_t from, const cJSON *item,
		       char *err, size_t errlen)
{
	const cJSON *ins = get(get(t, "inputs"), "parameters");
	const cJSON *args = get(get(call, "arguments"), "parameters");
	size_t cnt = cJSON_IsArray(ins) ? (size_t)cJSON_GetArraySize(ins) : 0;
	struct wfc_rt_kv *kv = WFC_NEWN(env->a, struct wfc_rt_kv, cnt + 1);
	n->inputs = kv;
	n->ninputs = 0;
	const cJSON *in;
	cJSON_ArrayForEach(in, ins) {
		const char *name = sget(in, "name");
		if (!name)
			continue;
		const cJSON *arg = find_param(args, name);
		/* the argument in the caller's scope; else the input's own value
		 * or default, which may use the inputs bound before it */
		const cJSON *src = NULL;
		size_t at = from;
		const cJSON *it = item;
		if (arg && get(arg, "value")) {
			src = get(arg, "value");
		} else if (get(in, "value")) {
			src = get(in, "value"), at = id, it = NULL;
		} else if (arg && get(arg, "default")) {
			src = get(arg, "default");
		} else if (get(in, "default")) {
			src = get(in, "default"), at = id, it = NULL;
		}
		char *text = src ? scalar_text(src) : NULL, *v = NULL;
		if (!text) {
			if (arg && get(arg, "valueFrom"))
				wfc_errf(err, errlen,
					 "inputs.parameters.%s: arguments with valueFrom are not supported at run time",
					 name);
			else
				wfc_errf(err, errlen, "inputs.parameters.%s was not supplied", name);
			return -1;
		}
		int rc = env->subst(env->user, at, it, text, &v, err, errlen);
		free(text);
		if (rc)
			return -1;
		kv[n->ninputs].name = wfc_arena_strdup(env->a, name);
		kv[n->ninputs].value = wfc_arena_strdup(env->a, v);
		n->ninputs++;
		free(v);
	}
	return 0;
}

static const char *dependencies(struct wfc_arena *a, const cJSON *task)
{
	const char *d = sget(task, "depends");
	if (d)
		return wfc_arena_strdup(a, d);
	const cJSON *deps = get(task, "dependencies"), *it;
	if (!cJSON_IsArray(deps) || !cJSON_GetArraySize(deps))
		return NULL;
	struct wfc_buf b = { 0 };
	size_t k = 0;
	cJSON_ArrayForEach(it, deps)
		if (cJSON_IsString(it))
			wfc_buf_printf(&b, "%s%s", k++ ? " && " : "", it->valuestring);
	const char *r = wfc_arena_strdup(a, wfc_buf_str(&b));
	wfc_buf_free(&b);
	return r;
}

static void continue_on(const cJSON *call, struct wfc_rt_node *n)
{
	const cJSON *co = get(call, "continueOn");
	n->continue_failed = cJSON_IsTrue(get(co, "failed"));
	n->continue_error = cJSON_IsTrue(get(co, "error"));
}

/* The steps or tasks whose outputs.result a template refers to, as the
 * compiler's pass "results" finds them (ir/results.c says why). */
struct result_refs {
	struct wfc_arena *a;
	const char **names;
	size_t n;
	bool all;              /* a reference whose owner cannot be read */
};

static void note_ref(void *ctx, const char *name, size_t len)
{
	struct result_refs *r = ctx;
	if (!name) {
		r->all = true;
		return;
	}
	r->names = wfc_xrealloc(r->names, (r->n + 1) * sizeof(*r->names));
	r->names[r->n++] = wfc_arena_strndup(r->a, name, len);
}

static void find_result_refs(const cJSON *j, struct result_refs *r, unsigned depth)
{
	if (depth > 512)
		return;
	if (cJSON_IsString(j))
		wfc_result_refs(j->valuestring, note_ref, r);
	for (const cJSON *c = j ? j->child : NULL; c; c = c->next)
		find_result_refs(c, r, depth + 1);
}

static bool result_referred(const struct result_refs *r, const char *name)
{
	for (size_t i = 0; i < r->n && !r->all; i++)
		if (strcmp(r->names[i], name) == 0)
			return true;
	return r->all;
}

/* A step or task of an expanded template: an Expand node of kind call,
 * bound against the inputs of the template node that calls it. */
static size_t lazy_call(const struct wfc_rt_expand_env *env, size_t parent, const cJSON *call,
			const char *prefix, const struct wfc_rt_node *caller,
			const struct result_refs *refs)
{
	const char *cname = sget(call, "name");
	if (!cname)
		cname = "";
	char *name = NULL;
	struct wfc_buf b = { 0 };
	wfc_buf_printf(&b, "%s.%s", prefix, cname);
	name = wfc_xstrdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	struct wfc_rt_node *n = new_node(env, parent, WFC_RT_EXPAND, "Expand", name, cname);
	free(name);
	n->call = call;
	n->expand_reason = "call";
	n->template_name = sget(call, "template");
	if (!n->template_name)
		n->template_name = sget(get(call, "templateRef"), "template");
	n->inputs = caller->inputs;
	n->ninputs = caller->ninputs;
	n->when = sget(call, "when");
	n->depends = dependencies(env->a, call);
	n->no_result = !result_referred(refs, cname);
	continue_on(call, n);
	return env->add(env->user, n);
}

size_t wfc_rt_expand_hook(const struct wfc_rt_expand_env *env, size_t parent, const char *name,
			  const char *display, const cJSON *call, const char *hook_name,
			  const struct wfc_rt_kv *caller_inputs, size_t ncaller_inputs)
{
	struct wfc_rt_node *n = new_node(env, parent, WFC_RT_EXPAND, "Expand", name, display);
	n->call = call;
	n->expand_reason = "call";
	n->template_name = sget(call, "template");
	if (!n->template_name)
		n->template_name = sget(get(call, "templateRef"), "template");
	n->inputs = caller_inputs;
	n->ninputs = ncaller_inputs;
	n->exit_handler = true;
	if (hook_name) {
		n->hook_name = wfc_arena_strdup(env->a, hook_name);
		n->when = sget(call, "expression");
	}
	return env->add(env->user, n);
}

/* The hooks of the call an instance was made from, as its children. */
static void call_hooks(const struct wfc_rt_expand_env *env, size_t id, const cJSON *call,
		       const struct wfc_rt_node *caller, size_t **kids, size_t *nk)
{
	const struct wfc_rt_node *n = env->node(env->user, id);
	const char *on_exit = sget(call, "onExit");
	const cJSON *hooks = get(call, "hooks"), *h;
	const cJSON *exit_call = NULL;
	if (on_exit) {
		cJSON *c = cJSON_CreateObject();
		cJSON_AddStringToObject(c, "template", on_exit);
		exit_call = keep(env, c);
	}
	cJSON_ArrayForEach(h, hooks) {
		if (!h->string || !cJSON_IsObject(h))
			continue;
		if (strcmp(h->string, "exit") == 0) {
			exit_call = h;
			continue;
		}
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "%s.hooks.%s", n->name, h->string);
		char *name = wfc_xstrdup(wfc_buf_str(&b));
		wfc_buf_reset(&b);
		wfc_buf_printf(&b, "hooks.%s", h->string);
		size_t k = wfc_rt_expand_hook(env, id, name, wfc_buf_str(&b), h, h->string,
					      caller->inputs, caller->ninputs);
		((struct wfc_rt_node *)env->node(env->user, k))->item = n->item;
		free(name);
		wfc_buf_free(&b);
		*kids = wfc_xrealloc(*kids, (*nk + 1) * sizeof(**kids));
		(*kids)[(*nk)++] = k;
	}
	if (exit_call) {
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "%s.onExit", n->name);
		size_t k = wfc_rt_expand_hook(env, id, wfc_buf_str(&b), "onExit", exit_call, NULL,
					      caller->inputs, caller->ninputs);
		((struct wfc_rt_node *)env->node(env->user, k))->item = n->item;
		wfc_buf_free(&b);
		*kids = wfc_xrealloc(*kids, (*nk + 1) * sizeof(**kids));
		(*kids)[(*nk)++] = k;
	}
}

/* A copy of the fields a template's node reads (retryStrategy, timeout, ...)
 * with their tags filled from the node itself; a tag that cannot be filled
 * yet stays as written. */
static cJSON *node_fields_json(const struct wfc_rt_expand_env *env, size_t id, const cJSON *t)
{
	static const char *const keys[] = { "retryStrategy", "timeout", "activeDeadlineSeconds",
					     "parallelism", "daemon", NULL };
	cJSON *o = cJSON_CreateObject();
	char err[8];
	for (const char *const *k = keys; *k; k++) {
		const cJSON *v = get(t, *k);
		if (!v)
			continue;
		cJSON *c = subst_json(env, id, NULL, v, err, sizeof(err));
		cJSON_AddItemToObject(o, *k, c ? c : cJSON_Duplicate(v, true));
	}
	const cJSON *outs = get(t, "outputs");
	if (outs)
		cJSON_AddItemToObject(o, "outputs", cJSON_Duplicate(outs, true));
	return o;
}

/* Node of template t for a call, named name / display under parent, its
 * inputs from the call's arguments seen from node from with item. Returns
 * its id, or WFC_RT_NONE with err. */
static size_t instantiate(const struct wfc_rt_expand_env *env, const cJSON *t,
			  const cJSON *call, size_t parent, size_t from, const cJSON *item,
			  const char *name, const char *display, char *err, size_t errlen)
{
	const char *type_name;
	enum wfc_rt_type type = type_of(t, &type_name);
	struct wfc_rt_node *n = new_node(env, parent, type, type_name, name, display);
	n->tmpl = t;
	n->item = item;
	n->template_name = sget(t, "name");
	n->k8s_name = job_name(env->a, env->workflow, name);
	n->ninputs = 0;
	n->inputs = WFC_NEWN(env->a, struct wfc_rt_kv, 1);
	size_t id = env->add(env->user, n);
	if (bind_inputs(env, n, id, t, call, from, item, err, errlen))
		return WFC_RT_NONE;
	cJSON *fields = node_fields_json(env, id, t);
	wfc_rt_node_fields(env->a, fields, n);
	cJSON_Delete(fields);
	size_t *kids = NULL, nk = 0;
	struct result_refs refs = { .a = env->a };
	if (type == WFC_RT_STEPS || type == WFC_RT_DAG)
		find_result_refs(t, &refs, 0);
	switch (type) {
	case WFC_RT_POD: {
		const cJSON *c = get(t, "container"), *sc = get(t, "script");
		n->has_pod = true;
		n->render = true;
		n->is_script = cJSON_IsObject(sc);
		wfc_rt_container_parse(env->a, NULL, n->is_script ? sc : c, &n->main);
		const char *src = sget(sc, "source");
		n->script_source = src ? wfc_arena_strdup(env->a, src) : NULL;
		if (n->is_script && !n->script_source)
			n->script_source = "";
		break;
	}
	case WFC_RT_STEPS: {
		const cJSON *groups = get(t, "steps"), *g;
		size_t gi = 0;
		cJSON_ArrayForEach(g, groups) {
			char gname[64];
			snprintf(gname, sizeof(gname), "[%zu]", gi);
			struct wfc_buf b = { 0 };
			wfc_buf_printf(&b, "%s%s", n->name, gname);
			struct wfc_rt_node *gn = new_node(env, id, WFC_RT_STEP_GROUP, "StepGroup",
							  wfc_buf_str(&b), gname);
			wfc_buf_free(&b);
			gn->template_name = n->template_name;
			gn->inputs = n->inputs;
			gn->ninputs = n->ninputs;
			size_t gid = env->add(env->user, gn);
			size_t *steps = NULL, ns = 0;
			const cJSON *st;
			/* a group is a list of steps; a single step is accepted too */
			if (cJSON_IsObject(g)) {
				steps = wfc_xmalloc(sizeof(*steps));
				steps[ns++] = lazy_call(env, gid, g, gn->name, n, &refs);
			} else {
				cJSON_ArrayForEach(st, g) {
					steps = wfc_xrealloc(steps, (ns + 1) * sizeof(*steps));
					steps[ns++] = lazy_call(env, gid, st, gn->name, n, &refs);
				}
			}
			set_children(env, gn, steps, ns);
			free(steps);
			kids = wfc_xrealloc(kids, (nk + 1) * sizeof(*kids));
			kids[nk++] = gid;
			gi++;
		}
		break;
	}
	case WFC_RT_DAG: {
		const cJSON *dag = get(t, "dag"), *task;
		const cJSON *ff = get(dag, "failFast");
		n->fail_fast = !(cJSON_IsFalse(ff) ||
				 (cJSON_IsString(ff) && strcmp(ff->valuestring, "false") == 0));
		const char *target = sget(dag, "target");
		if (target) {
			char *v = NULL;
			if (env->subst(env->user, id, NULL, target, &v, err, errlen)) {
				free(refs.names);
				return WFC_RT_NONE;
			}
			n->target = wfc_arena_strdup(env->a, v);
			free(v);
		}
		cJSON_ArrayForEach(task, get(dag, "tasks")) {
			kids = wfc_xrealloc(kids, (nk + 1) * sizeof(*kids));
			kids[nk++] = lazy_call(env, id, task, n->name, n, &refs);
		}
		break;
	}
	case WFC_RT_SUSPEND: {
		const cJSON *d = get(get(t, "suspend"), "duration");
		char *text = scalar_text(d);
		n->suspend_duration = text ? wfc_arena_strdup(env->a, text) : NULL;
		free(text);
		break;
	}
	default:
		break;
	}
	free(refs.names);
	if (call)
		call_hooks(env, id, call, env->node(env->user, from), &kids, &nk);
	set_children(env, n, kids, nk);
	free(kids);
	return id;
}

const char *wfc_rt_call_type(const struct wfc_rt_expand_env *env, const cJSON *call)
{
	char err[8];
	const char *name = "Pod";
	const cJSON *t = callee(env, call, err, sizeof(err));
	if (t)
		type_of(t, &name);
	return name;
}

int wfc_rt_expand(const struct wfc_rt_expand_env *env, size_t id, size_t depth,
		  struct wfc_rt_expansion *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	const struct wfc_rt_node *e = env->node(env->user, id);
	const cJSON *call = e->call;
	if (!cJSON_IsObject(call)) {
		wfc_errf(err, errlen, "nothing to expand");
		return -1;
	}
	const cJSON *t = callee(env, call, err, errlen);
	if (!t)
		return -1;
	if (depth >= WFC_RT_MAX_DEPTH) {
		wfc_errf(err, errlen,
			 "Maximum recursion depth exceeded: templates nest deeper than %d levels",
			 WFC_RT_MAX_DEPTH);
		return -1;
	}
	bool loop = false;
	cJSON *items = loop_items(env, id, call, &loop, err, errlen);
	if (loop && !items)
		return -1;
	size_t count = loop ? (size_t)cJSON_GetArraySize(items) : 1;
	if (loop && count == 0) {
		cJSON_Delete(items);
		out->empty = true;
		return 0;
	}
	/* instances are named as the call node, with (INDEX:DESC) for items */
	size_t dlen = strlen(e->display), nlen = strlen(e->name);
	size_t prefix = nlen >= dlen && !strcmp(e->name + nlen - dlen, e->display) ? nlen - dlen : nlen;
	bool per_item_when = loop && e->when && !e->when_literal && wfc_rt_refers_item(e->when);
	out->ids = wfc_xmalloc(count * sizeof(*out->ids));
	const cJSON *it = loop ? items->child : NULL;
	for (size_t k = 0; k < count; k++, it = it ? it->next : NULL) {
		struct wfc_buf disp = { 0 }, name = { 0 };
		if (loop) {
			wfc_buf_printf(&disp, "%s(%zu:", e->display, k);
			wfc_item_desc(&disp, it);
			wfc_buf_putc(&disp, ')');
		} else {
			wfc_buf_puts(&disp, e->display);
		}
		wfc_buf_printf(&name, "%.*s%s", (int)prefix, e->name, wfc_buf_str(&disp));
		/* a hook's call sees the item of the step it hooks */
		const cJSON *item = it ? keep(env, cJSON_Duplicate(it, true)) : e->item;
		size_t c = instantiate(env, t, call, e->parent, id, item, wfc_buf_str(&name),
				       wfc_buf_str(&disp), err, errlen);
		wfc_buf_free(&disp);
		wfc_buf_free(&name);
		if (c == WFC_RT_NONE)
			goto err_out;
		struct wfc_rt_node *cn = (struct wfc_rt_node *)env->node(env->user, c);
		cn->continue_failed = e->continue_failed;
		cn->continue_error = e->continue_error;
		cn->no_result = e->no_result;
		if (per_item_when) {
			char *w = NULL;
			if (env->subst(env->user, id, item, e->when, &w, err, errlen))
				goto err_out;
			cn->when = wfc_arena_strdup(env->a, w);
			cn->when_literal = true;
			free(w);
		}
		out->ids[out->n++] = c;
	}
	cJSON_Delete(items);
	return 0;
err_out:
	cJSON_Delete(items);
	free(out->ids);
	out->ids = NULL;
	out->n = 0;
	return -1;
}
