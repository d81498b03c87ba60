/* Plan JSON -> runtime structs (docs/plan.md). Unknown fields are ignored,
 * as the plan's version rules say. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "runtime/plan.h"
#include "support/text.h"
#include "support/xalloc.h"
#include "support/arena.h"

struct plan {
	struct wfc_rt_plan pub;  /* first: the public part */
	struct wfc_arena *a;
	cJSON *kept;             /* the parts of the document kept as JSON */
};

static const cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

static const char *str(struct wfc_arena *a, const cJSON *o, const char *k)
{
	const cJSON *v = get(o, k);
	if (cJSON_IsString(v))
		return wfc_arena_strdup(a, v->valuestring);
	if (cJSON_IsNumber(v))
		return wfc_arena_printf(a, "%.17g", v->valuedouble);
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	return NULL;
}

static bool flag(const cJSON *o, const char *k)
{
	const cJSON *v = get(o, k);
	return cJSON_IsTrue(v) || (cJSON_IsString(v) && strcmp(v->valuestring, "true") == 0);
}

double wfc_rt_duration(const char *s)
{
	if (!s || !*s)
		return -1;
	char *end;
	double v = strtod(s, &end);
	if (end != s && !*end)
		return v;
	double total = 0;
	const char *q = s;
	while (*q) {
		v = strtod(q, &end);
		if (end == q)
			return -1;
		q = end;
		if (q[0] == 'h')
			total += v * 3600, q++;
		else if (q[0] == 'm' && q[1] == 's')
			total += v / 1000, q += 2;
		else if (q[0] == 'm')
			total += v * 60, q++;
		else if (q[0] == 's')
			total += v, q++;
		else
			return -1;
	}
	return total;
}

static struct wfc_rt_kv *kvs(struct wfc_arena *a, const cJSON *l, const char *kname,
			     const char *vname, size_t *n)
{
	*n = 0;
	if (!cJSON_IsArray(l))
		return NULL;
	size_t cnt = (size_t)cJSON_GetArraySize(l);
	struct wfc_rt_kv *v = WFC_NEWN(a, struct wfc_rt_kv, cnt + 1);
	const cJSON *it;
	cJSON_ArrayForEach(it, l) {
		const char *k = str(a, it, kname);
		if (!k)
			continue;
		v[*n].name = k;
		v[*n].value = str(a, it, vname);
		(*n)++;
	}
	return v;
}

/* A JSON object of strings as name/value pairs. */
static struct wfc_rt_kv *map_kvs(struct wfc_arena *a, const cJSON *o, size_t *n)
{
	*n = 0;
	size_t cnt = cJSON_IsObject(o) ? (size_t)cJSON_GetArraySize(o) : 0;
	struct wfc_rt_kv *v = WFC_NEWN(a, struct wfc_rt_kv, cnt + 1);
	const cJSON *it;
	if (!cnt)
		return v;
	cJSON_ArrayForEach(it, o) {
		if (!it->string || !cJSON_IsString(it))
			continue;
		v[*n].name = wfc_arena_strdup(a, it->string);
		v[*n].value = wfc_arena_strdup(a, it->valuestring);
		(*n)++;
	}
	return v;
}

static const char *const *strv(struct wfc_arena *a, const cJSON *l)
{
	size_t cnt = cJSON_IsArray(l) ? (size_t)cJSON_GetArraySize(l) : 0, i = 0;
	const char **v = WFC_NEWN(a, const char *, cnt + 1);
	const cJSON *it;
	if (cnt) {
		cJSON_ArrayForEach(it, l) {
			if (cJSON_IsString(it))
				v[i++] = wfc_arena_strdup(a, it->valuestring);
			else if (cJSON_IsNumber(it))
				v[i++] = wfc_arena_printf(a, "%.17g", it->valuedouble);
		}
	}
	v[i] = NULL;
	return v;
}

static enum wfc_rt_type type_of(const char *t)
{
	static const struct {
		const char *name;
		enum wfc_rt_type type;
	} types[] = {
		{ "Steps", WFC_RT_STEPS }, { "StepGroup", WFC_RT_STEP_GROUP },
		{ "DAG", WFC_RT_DAG }, { "Pod", WFC_RT_POD },
		{ "Resource", WFC_RT_RESOURCE }, { "Suspend", WFC_RT_SUSPEND },
		{ "Expand", WFC_RT_EXPAND }, { "Skipped", WFC_RT_SKIPPED },
	};
	for (size_t i = 0; t && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].name, t) == 0)
			return types[i].type;
	return WFC_RT_OTHER;
}

static void probe(struct wfc_arena *a, const cJSON *p, struct wfc_rt_probe *out)
{
	memset(out, 0, sizeof(*out));
	if (!cJSON_IsObject(p))
		return;
	const cJSON *ex = get(p, "exec"), *hg = get(p, "httpGet"), *tc = get(p, "tcpSocket");
	if (cJSON_IsObject(ex)) {
		out->type = WFC_PROBE_EXEC;
		out->command = strv(a, get(ex, "command"));
	} else if (cJSON_IsObject(hg)) {
		out->type = WFC_PROBE_HTTP;
		out->path = str(a, hg, "path");
		out->host = str(a, hg, "host");
		out->scheme = str(a, hg, "scheme");
		out->port = str(a, hg, "port");
	} else if (cJSON_IsObject(tc)) {
		out->type = WFC_PROBE_TCP;
		out->host = str(a, tc, "host");
		out->port = str(a, tc, "port");
	} else {
		return;
	}
	const char *v = str(a, p, "initialDelaySeconds");
	out->initial_delay_s = v ? strtod(v, NULL) : 0;
	v = str(a, p, "periodSeconds");
	out->period_s = v ? strtod(v, NULL) : 10;
	v = str(a, p, "timeoutSeconds");
	out->timeout_s = v ? strtod(v, NULL) : 1;
	v = str(a, p, "successThreshold");
	out->success_threshold = v ? strtol(v, NULL, 10) : 1;
	if (out->period_s <= 0)
		out->period_s = 10;
	if (out->timeout_s <= 0)
		out->timeout_s = 1;
	if (out->success_threshold < 1)
		out->success_threshold = 1;
}

void wfc_rt_container_parse(struct wfc_arena *a, const cJSON *pod, const cJSON *container,
			    struct wfc_rt_container *out)
{
	const cJSON *c = container, *it;
	if (pod) {
		c = NULL;
		cJSON_ArrayForEach(it, get(pod, "containers")) {
			const cJSON *nm = get(it, "name");
			if (!c || (cJSON_IsString(nm) && strcmp(nm->valuestring, "main") == 0))
				c = it;
		}
	}
	memset(out, 0, sizeof(*out));
	out->command = strv(a, get(c, "command"));
	out->args = strv(a, get(c, "args"));
	out->working_dir = str(a, c, "workingDir");
	out->image = str(a, c, "image");
	const cJSON *env = get(c, "env");
	size_t cnt = cJSON_IsArray(env) ? (size_t)cJSON_GetArraySize(env) : 0;
	struct wfc_rt_kv *e = WFC_NEWN(a, struct wfc_rt_kv, cnt + 1);
	size_t k = 0;
	cJSON_ArrayForEach(it, env) {
		const char *name = str(a, it, "name");
		if (!name)
			continue;
		e[k].name = name;
		e[k].value = str(a, it, "value");
		k++;
	}
	out->env = e;
	out->nenv = k;
	probe(a, get(c, "readinessProbe"), &out->readiness);
	const cJSON *ports = get(c, "ports");
	cnt = cJSON_IsArray(ports) ? (size_t)cJSON_GetArraySize(ports) : 0;
	struct wfc_rt_kv *pv = WFC_NEWN(a, struct wfc_rt_kv, cnt + 1);
	k = 0;
	cJSON_ArrayForEach(it, ports) {
		const char *num = str(a, it, "containerPort");
		if (!num)
			continue;
		pv[k].name = str(a, it, "name");
		pv[k].value = num;
		k++;
	}
	out->ports = pv;
	out->nports = k;
}

static void container(struct wfc_arena *a, const cJSON *pod, struct wfc_rt_node *n)
{
	bool any = false;
	const cJSON *it;
	cJSON_ArrayForEach(it, get(pod, "containers"))
		any = true;
	n->has_pod = any;
	wfc_rt_container_parse(a, pod, NULL, &n->main);
}

static void outputs(struct wfc_arena *a, const cJSON *o, struct wfc_rt_node *n)
{
	const cJSON *l = get(get(o, "outputs"), "parameters"), *it;
	size_t cnt = cJSON_IsArray(l) ? (size_t)cJSON_GetArraySize(l) : 0, k = 0;
	struct wfc_rt_output *v = WFC_NEWN(a, struct wfc_rt_output, cnt + 1);
	cJSON_ArrayForEach(it, l) {
		const char *name = str(a, it, "name");
		if (!name)
			continue;
		const cJSON *vf = get(it, "valueFrom");
		v[k].name = name;
		v[k].path = str(a, vf, "path");
		v[k].parameter = str(a, vf, "parameter");
		v[k].dflt = str(a, vf, "default");
		v[k].value = str(a, it, "value");
		v[k].global_name = str(a, it, "globalName");
		k++;
	}
	n->outputs = v;
	n->noutputs = k;
}

static void retry(struct wfc_arena *a, const cJSON *o, struct wfc_rt_node *n)
{
	const cJSON *rs = get(o, "retryStrategy");
	n->retry_limit = -1;
	if (!cJSON_IsObject(rs))
		return;
	const char *lim = str(a, rs, "limit");
	if (lim) {
		char *end;
		long v = strtol(lim, &end, 10);
		n->retry_limit = end != lim && !*end && v >= 0 ? v : 0;
	} else {
		n->retry_unbounded = true;
	}
	struct wfc_rt_retry *r = &n->retry;
	r->set = true;
	r->limit = lim ? n->retry_limit : -1;
	const char *pol = str(a, rs, "retryPolicy");
	r->expression = str(a, rs, "expression");
	if (r->expression && !*r->expression)
		r->expression = NULL;
	if (pol && strcmp(pol, "Always") == 0)
		r->policy = WFC_RETRY_ALWAYS;
	else if (pol && (strcmp(pol, "OnError") == 0 || strcmp(pol, "OnTransientError") == 0))
		r->policy = WFC_RETRY_ON_ERROR;
	else if (pol && strcmp(pol, "OnFailure") == 0)
		r->policy = WFC_RETRY_ON_FAILURE;
	else
		r->policy = r->expression ? WFC_RETRY_ALWAYS : WFC_RETRY_ON_FAILURE;
	const cJSON *bo = get(rs, "backoff");
	double d = wfc_rt_duration(str(a, bo, "duration"));
	r->backoff_s = d > 0 ? d : 0;
	const char *f = str(a, bo, "factor");
	r->factor = f ? strtod(f, NULL) : 0;
	d = wfc_rt_duration(str(a, bo, "cap"));
	r->cap_s = d > 0 ? d : 0;
	d = wfc_rt_duration(str(a, bo, "maxDuration"));
	r->max_duration_s = d > 0 ? d : 0;
}

static long number(struct wfc_arena *a, const cJSON *o, const char *k)
{
	const char *v = str(a, o, k);
	if (!v)
		return 0;
	char *end;
	double d = strtod(v, &end);
	return end != v && !*end && d > 0 ? (long)d : 0;
}

static int node(struct wfc_arena *a, const cJSON *o, struct wfc_rt_node *n, size_t id,
		size_t nnodes, char *err, size_t errlen)
{
	n->id = id;
	n->name = str(a, o, "name");
	n->display = str(a, o, "displayName");
	n->type_name = str(a, o, "type");
	if (!n->name || !n->type_name) {
		wfc_errf(err, errlen, "plan node %zu has no name or type", id);
		return -1;
	}
	if (!n->display)
		n->display = n->name;
	n->type = type_of(n->type_name);
	n->template_name = str(a, o, "templateName");
	n->k8s_name = str(a, o, "k8sName");
	const cJSON *par = get(o, "parent");
	n->parent = WFC_RT_NONE;
	if (cJSON_IsNumber(par)) {
		if (par->valuedouble < 0 || par->valuedouble >= (double)id) {
			wfc_errf(err, errlen, "plan node '%s' has a bad parent", n->name);
			return -1;
		}
		n->parent = (size_t)par->valuedouble;
	}
	const cJSON *ch = get(o, "children"), *it;
	size_t cnt = cJSON_IsArray(ch) ? (size_t)cJSON_GetArraySize(ch) : 0;
	size_t *c = WFC_NEWN(a, size_t, cnt + 1);
	cJSON_ArrayForEach(it, ch) {
		if (!cJSON_IsNumber(it) || it->valuedouble <= (double)id ||
		    it->valuedouble >= (double)nnodes) {
			wfc_errf(err, errlen, "plan node '%s' has a bad child", n->name);
			return -1;
		}
		c[n->nchildren++] = (size_t)it->valuedouble;
	}
	n->children = c;
	n->exit_handler = flag(o, "exitHandler");
	n->when = str(a, o, "when");
	n->depends = str(a, o, "depends");
	n->no_result = cJSON_IsFalse(get(o, "captureResult"));
	const cJSON *co = get(o, "continueOn");
	n->continue_failed = flag(co, "failed");
	n->continue_error = flag(co, "error");
	n->inputs = kvs(a, get(get(o, "inputs"), "parameters"), "name", "value", &n->ninputs);
	n->runtime_values = kvs(a, get(o, "runtimeValues"), "env", "value", &n->nruntime);
	wfc_rt_node_fields(a, o, n);
	const cJSON *ff = get(o, "failFast");
	n->fail_fast = !(cJSON_IsFalse(ff) || (cJSON_IsString(ff) && strcmp(ff->valuestring, "false") == 0));
	n->target = str(a, o, "target");
	const cJSON *pod = get(o, "pod");
	if (cJSON_IsObject(pod))
		container(a, pod, n);
	const cJSON *sc = get(o, "script");
	n->is_script = cJSON_IsObject(sc);
	n->script_source = str(a, sc, "source");
	const cJSON *exp = get(o, "expand");
	n->expand_reason = str(a, exp, "reason");
	if (cJSON_IsObject(exp)) {
		/* the caller's inputs: the call's arguments are evaluated against them */
		n->inputs = kvs(a, get(exp, "callerInputs"), "name", "value", &n->ninputs);
		n->call = get(exp, "call");
		if (n->type == WFC_RT_EXPAND && !cJSON_IsObject(n->call)) {
			wfc_errf(err, errlen, "plan node '%s' has no call to expand", n->name);
			return -1;
		}
	}
	n->hook_name = str(a, o, "hook");
	n->suspend_duration = str(a, get(o, "suspend"), "duration");
	return 0;
}

void wfc_rt_node_fields(struct wfc_arena *a, const cJSON *o, struct wfc_rt_node *n)
{
	outputs(a, o, n);
	retry(a, o, n);
	const char *t = str(a, o, "timeout");
	double d = t ? wfc_rt_duration(t) : -1;
	const char *ads = str(a, o, "activeDeadlineSeconds");
	double ad = ads ? wfc_rt_duration(ads) : -1;
	if (ad > 0 && (d <= 0 || ad < d))
		d = ad;
	n->timeout_s = d > 0 ? d : 0;
	n->daemon = flag(o, "daemon");
	n->parallelism = number(a, o, "parallelism");
}

struct wfc_rt_plan *wfc_rt_plan_parse(const char *text, char *err, size_t errlen)
{
	struct plan *p = NULL;
	cJSON *j = cJSON_Parse(text);
	if (!j) {
		wfc_errf(err, errlen, "the plan is not JSON");
		goto err_out;
	}
	const cJSON *ver = get(j, "wfcPlan");
	if (!cJSON_IsNumber(ver) || ver->valuedouble != 1) {
		wfc_errf(err, errlen, "not a plan of version 1 (\"wfcPlan\": 1)");
		goto err_out;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->a = wfc_arena_create();
	struct wfc_arena *a = p->a;
	const cJSON *wf = get(j, "workflow");
	p->pub.name = str(a, wf, "name");
	if (!p->pub.name)
		p->pub.name = "workflow";
	p->pub.namespace = str(a, wf, "namespace");
	p->pub.kind = str(a, wf, "kind");
	p->pub.entrypoint = str(a, wf, "entrypoint");
	p->pub.service_account = str(a, wf, "serviceAccountName");
	p->pub.labels = map_kvs(a, get(wf, "labels"), &p->pub.nlabels);
	p->pub.annotations = map_kvs(a, get(wf, "annotations"), &p->pub.nannotations);
	p->pub.params = kvs(a, get(wf, "parameters"), "name", "value", &p->pub.nparams);
	const cJSON *ns = get(j, "nodes");
	cJSON *it;
	size_t cnt = cJSON_IsArray(ns) ? (size_t)cJSON_GetArraySize(ns) : 0, i = 0;
	if (!cnt) {
		wfc_errf(err, errlen, "the plan has no nodes");
		goto err_out;
	}
	struct wfc_rt_node *nodes = WFC_NEWN(a, struct wfc_rt_node, cnt);
	cJSON_ArrayForEach(it, ns) {
		if (node(a, it, &nodes[i], i, cnt, err, errlen))
			goto err_out;
		i++;
	}
	p->pub.nodes = nodes;
	p->pub.nnodes = cnt;
	p->pub.parallelism = number(a, wf, "parallelism");
	p->pub.suspend = flag(wf, "suspend");
	/* what the runtime reads as JSON: kept, detached from the document */
	p->kept = cJSON_CreateArray();
	cJSON *ts = cJSON_DetachItemFromObjectCaseSensitive(j, "templates");
	if (ts) {
		p->pub.templates = ts;
		cJSON_AddItemToArray(p->kept, ts);
	}
	cJSON *hooks = cJSON_IsObject(wf) ? cJSON_DetachItemFromObjectCaseSensitive((cJSON *)wf, "hooks") : NULL;
	if (hooks) {
		p->pub.hooks = hooks;
		cJSON_AddItemToArray(p->kept, hooks);
	}
	i = 0;
	cJSON_ArrayForEach(it, ns) {
		cJSON *exp = cJSON_DetachItemFromObjectCaseSensitive(it, "expand");
		if (exp) {
			nodes[i].call = get(exp, "call");
			cJSON_AddItemToArray(p->kept, exp);
		}
		i++;
	}
	double ads = wfc_rt_duration(str(a, wf, "activeDeadlineSeconds"));
	p->pub.active_deadline_s = ads > 0 ? ads : 0;
	const cJSON *root = get(wf, "root"), *ex = get(wf, "onExit");
	p->pub.root = cJSON_IsNumber(root) && root->valuedouble >= 0
		      ? (size_t)root->valuedouble : 0;
	p->pub.on_exit = cJSON_IsNumber(ex) && ex->valuedouble >= 0
			 ? (size_t)ex->valuedouble : WFC_RT_NONE;
	if (p->pub.root >= cnt || (p->pub.on_exit != WFC_RT_NONE && p->pub.on_exit >= cnt)) {
		wfc_errf(err, errlen, "the plan's root or onExit is not a node");
		goto err_out;
	}
	cJSON_Delete(j);
	return &p->pub;
err_out:
	cJSON_Delete(j);
	wfc_rt_plan_free(p ? &p->pub : NULL);
	return NULL;
}

void wfc_rt_plan_free(struct wfc_rt_plan *pub)
{
	if (!pub)
		return;
	struct plan *p = (struct plan *)pub;
	cJSON_Delete(p->kept);
	wfc_arena_destroy(p->a);
	free(p);
}
