/* The scheduler (runtime/scheduler.h): one state per plan node, advanced
 * from the root down each time something changed; Pod nodes go to the
 * executor. Single-threaded: the executor's wait is the only place it
 * blocks. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "runtime/scheduler.h"
#include "support/text.h"
#include "support/xalloc.h"
#include "support/buf.h"
#include "support/depends.h"
#include "support/expr.h"
#include "support/govaluate.h"

/* how deep {{inputs.parameters.x}} may refer to values holding tags */
#define MAX_SUBST_DEPTH 8

/* One attempt of a Pod node with a retryStrategy (Argo's NAME(k)). */
struct attempt {
	enum wfc_rt_phase phase;
	char *message;
	int exit_code;
	double started_mono, finished_mono;
	double started_wall, finished_wall;
};

struct nstate {
	enum wfc_rt_phase phase;
	char *message;
	char *result;
	char **outputs;           /* per node->outputs entry */
	int exit_code;
	double started_mono, finished_mono;
	double started_wall, finished_wall;
	void *job;                /* running on the executor */
	size_t cur;               /* Steps: index of the running group */
	unsigned attempt;
	size_t hook;              /* child that is the node's onExit, or NONE */
	struct wfc_depends *dep;  /* parsed depends of a DAG task */
	bool pending;             /* Pod: waiting for a slot or a backoff */
	double launch_at;         /* Pod: not before this (monotonic) */
	struct attempt *att;      /* attempts of a retried Pod */
	size_t natt;
	bool excluded;            /* DAG task outside the DAG's targets */
};

struct global {
	char *name;
	char *value;
};

struct wfc_sched {
	const struct wfc_rt_plan *p;
	struct wfc_executor ex;
	struct wfc_sched_opts o;
	struct nstate *st;
	enum wfc_rt_phase wf_phase;   /* RUNNING until the entrypoint ends */
	bool interrupted;
	char uid[40];
	double started_wall, finished_wall;
	double deadline;              /* monotonic; 0: none */
	bool deadline_hit;
	struct global *globals;       /* workflow.outputs.parameters */
	size_t nglobals;
};

static const struct wfc_rt_node *N(const struct wfc_sched *s, size_t id)
{
	return &s->p->nodes[id];
}

const char *wfc_rt_phase_name(enum wfc_rt_phase ph)
{
	switch (ph) {
	case WFC_PHASE_NONE: return "Pending";
	case WFC_PHASE_RUNNING: return "Running";
	case WFC_PHASE_SUCCEEDED: return "Succeeded";
	case WFC_PHASE_FAILED: return "Failed";
	case WFC_PHASE_ERROR: return "Error";
	case WFC_PHASE_SKIPPED: return "Skipped";
	case WFC_PHASE_OMITTED: return "Omitted";
	}
	return "Unknown";
}

static double now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now_wall(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *r = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!r)
		abort();
	vsnprintf(r, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return r;
}

static bool is_done(enum wfc_rt_phase ph)
{
	return ph >= WFC_PHASE_SUCCEEDED;
}

static bool is_bad(enum wfc_rt_phase ph)
{
	return ph == WFC_PHASE_FAILED || ph == WFC_PHASE_ERROR;
}

static bool continues(const struct wfc_rt_node *n, enum wfc_rt_phase ph)
{
	return (ph == WFC_PHASE_FAILED && n->continue_failed) ||
	       (ph == WFC_PHASE_ERROR && n->continue_error);
}

/* ---- progress ---- */

static void progress(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	if (!s->o.progress || n->type == WFC_RT_STEP_GROUP)
		return;
	if (st->phase == WFC_PHASE_RUNNING) {
		if (n->type == WFC_RT_POD)
			fprintf(s->o.progress, "%s  Running\n", n->name);
		return;
	}
	if (st->phase == WFC_PHASE_SKIPPED || st->phase == WFC_PHASE_OMITTED)
		fprintf(s->o.progress, "%s  %s", n->name, wfc_rt_phase_name(st->phase));
	else
		fprintf(s->o.progress, "%s  %s  %.1fs", n->name, wfc_rt_phase_name(st->phase),
			st->finished_mono - st->started_mono);
	if (st->message && *st->message)
		fprintf(s->o.progress, "  %s", st->message);
	fputc('\n', s->o.progress);
	fflush(s->o.progress);
}

static void print_logs(struct wfc_sched *s, size_t id, const char *text)
{
	if (!s->o.progress || !text || !*text)
		return;
	const char *q = text;
	while (*q) {
		const char *e = strchr(q, '\n');
		size_t len = e ? (size_t)(e - q) : strlen(q);
		fprintf(s->o.progress, "%s: %.*s\n", N(s, id)->name, (int)len, q);
		q += len + (e ? 1 : 0);
	}
}

static void finish(struct wfc_sched *s, size_t id, enum wfc_rt_phase ph, char *msg)
{
	struct nstate *st = &s->st[id];
	if (st->phase == WFC_PHASE_NONE) {
		st->started_mono = now_mono();
		st->started_wall = now_wall();
	}
	st->phase = ph;
	free(st->message);
	st->message = msg;
	st->finished_mono = now_mono();
	st->finished_wall = now_wall();
	progress(s, id);
}

/* ---- run-time values ---- */

static size_t find_output(const struct wfc_rt_node *n, const char *name)
{
	for (size_t i = 0; i < n->noutputs; i++)
		if (strcmp(n->outputs[i].name, name) == 0)
			return i;
	return WFC_RT_NONE;
}

/* The step or task called name in a scope around node from: the nearest
 * enclosing Steps or DAG node that has one. */
static size_t find_ref(const struct wfc_sched *s, size_t from, const char *name, size_t nlen)
{
	for (size_t a = N(s, from)->parent; a != WFC_RT_NONE; a = N(s, a)->parent) {
		const struct wfc_rt_node *an = N(s, a);
		if (an->type != WFC_RT_STEPS && an->type != WFC_RT_DAG)
			continue;
		for (size_t i = 0; i < an->nchildren; i++) {
			const struct wfc_rt_node *c = N(s, an->children[i]);
			if (an->type == WFC_RT_DAG) {
				if (strlen(c->display) == nlen && !memcmp(c->display, name, nlen))
					return c->id;
				continue;
			}
			for (size_t k = 0; k < c->nchildren; k++) {
				const struct wfc_rt_node *t = N(s, c->children[k]);
				if (strlen(t->display) == nlen && !memcmp(t->display, name, nlen))
					return t->id;
			}
		}
	}
	return WFC_RT_NONE;
}

static bool named(const struct wfc_rt_node *t, const char *name, size_t len)
{
	return strncmp(t->display, name, len) == 0 && t->display[len] == '(';
}

/* The nodes of a loop over the step or task called name, in item order:
 * the nearest enclosing scope that has some. Returns how many (ids filled
 * up to max). */
static size_t find_loop(const struct wfc_sched *s, size_t from, const char *name, size_t nlen,
			size_t *ids, size_t max)
{
	for (size_t a = N(s, from)->parent; a != WFC_RT_NONE; a = N(s, a)->parent) {
		const struct wfc_rt_node *an = N(s, a);
		size_t k = 0;
		if (an->type == WFC_RT_DAG) {
			for (size_t i = 0; i < an->nchildren; i++)
				if (named(N(s, an->children[i]), name, nlen) && k < max)
					ids[k++] = an->children[i];
		} else if (an->type == WFC_RT_STEPS) {
			for (size_t i = 0; i < an->nchildren; i++) {
				const struct wfc_rt_node *g = N(s, an->children[i]);
				for (size_t j = 0; j < g->nchildren; j++)
					if (named(N(s, g->children[j]), name, nlen) && k < max)
						ids[k++] = g->children[j];
			}
		}
		if (k)
			return k;
	}
	return 0;
}

static char *json_text(cJSON *j)
{
	char *t = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	char *r = wfc_xstrdup(t);
	cJSON_free(t);
	return r;
}

/* steps.X.outputs.result / .parameters / .parameters.P of a looped X: JSON
 * lists over its succeeded items (Argo processAggregateNodeOutputs). */
static char *loop_outputs(const struct wfc_sched *s, size_t from, const char *name, size_t nlen,
			  const char *field)
{
	size_t cap = s->p->nnodes, *ids = malloc(cap * sizeof(*ids));
	if (!ids)
		abort();
	size_t n = find_loop(s, from, name, nlen, ids, cap);
	char *r = NULL;
	bool result = strcmp(field, "outputs.result") == 0;
	bool all = strcmp(field, "outputs.parameters") == 0;
	const char *pname = strncmp(field, "outputs.parameters.", 19) == 0 ? field + 19 : NULL;
	if (!n || (!result && !all && !pname))
		goto out;
	cJSON *l = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++) {
		const struct nstate *st = &s->st[ids[i]];
		const struct wfc_rt_node *c = N(s, ids[i]);
		if (st->phase != WFC_PHASE_SUCCEEDED)
			continue;
		if (result && st->result) {
			cJSON *v = cJSON_Parse(st->result);
			cJSON_AddItemToArray(l, v ? v : cJSON_CreateString(st->result));
			continue;
		}
		if (!st->outputs)
			continue;
		cJSON *m = all ? cJSON_CreateObject() : NULL;
		for (size_t k = 0; k < c->noutputs; k++) {
			if (!st->outputs[k])
				continue;
			if (m)
				cJSON_AddStringToObject(m, c->outputs[k].name, st->outputs[k]);
			else if (strcmp(c->outputs[k].name, pname) == 0)
				cJSON_AddItemToArray(l, cJSON_CreateString(st->outputs[k]));
		}
		if (m)
			cJSON_AddItemToArray(l, m);
	}
	r = json_text(l);
out:
	free(ids);
	return r;
}

static void rfc3339(double t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static char *failures_json(const struct wfc_sched *s)
{
	cJSON *l = cJSON_CreateArray();
	for (size_t i = 0; i < s->p->nnodes; i++) {
		const struct nstate *st = &s->st[i];
		if (!is_bad(st->phase))
			continue;
		const struct wfc_rt_node *n = N(s, i);
		cJSON *o = cJSON_CreateObject();
		char ts[32];
		rfc3339(st->finished_wall, ts, sizeof(ts));
		cJSON_AddStringToObject(o, "displayName", n->display);
		cJSON_AddStringToObject(o, "message", st->message ? st->message : "");
		cJSON_AddStringToObject(o, "templateName", n->template_name ? n->template_name : "");
		cJSON_AddStringToObject(o, "phase", wfc_rt_phase_name(st->phase));
		cJSON_AddStringToObject(o, "podName", n->k8s_name ? n->k8s_name : n->name);
		cJSON_AddStringToObject(o, "finishedAt", ts);
		cJSON_AddItemToArray(l, o);
	}
	char *t = cJSON_PrintUnformatted(l);
	cJSON_Delete(l);
	char *r = wfc_xstrdup(t);
	cJSON_free(t);
	return r;
}

static int subst(struct wfc_sched *s, size_t from, const char *text, int depth, char **out,
		 char *err, size_t errlen);

/* The value of a tag's name seen from node from (malloc'd), or NULL. */
static char *resolve(struct wfc_sched *s, size_t from, const char *name, int depth)
{
	const struct wfc_rt_node *fn = N(s, from);
	if (strcmp(name, "workflow.name") == 0)
		return wfc_xstrdup(s->p->name);
	if (strcmp(name, "workflow.namespace") == 0)
		return wfc_xstrdup(s->p->namespace ? s->p->namespace : "default");
	if (strcmp(name, "workflow.uid") == 0)
		return wfc_xstrdup(s->uid);
	if (strcmp(name, "workflow.status") == 0)
		return wfc_xstrdup(wfc_rt_phase_name(s->wf_phase));
	if (strcmp(name, "workflow.failures") == 0)
		return failures_json(s);
	if (strcmp(name, "workflow.duration") == 0)
		return xprintf("%.6f", now_wall() - s->started_wall);
	if (strncmp(name, "workflow.parameters.", 20) == 0) {
		for (size_t i = 0; i < s->p->nparams; i++)
			if (strcmp(s->p->params[i].name, name + 20) == 0 && s->p->params[i].value) {
				char *v = NULL, e[8];
				if (depth < MAX_SUBST_DEPTH &&
				    subst(s, s->p->root, s->p->params[i].value, depth + 1, &v, e,
					  sizeof(e)) == 0)
					return v;
				return NULL;
			}
		return NULL;
	}
	if (strncmp(name, "inputs.parameters.", 18) == 0) {
		for (size_t i = 0; i < fn->ninputs; i++)
			if (strcmp(fn->inputs[i].name, name + 18) == 0 && fn->inputs[i].value) {
				char *v = NULL, e[8];
				if (depth < MAX_SUBST_DEPTH &&
				    subst(s, from, fn->inputs[i].value, depth + 1, &v, e, sizeof(e)) == 0)
					return v;
				return NULL;
			}
		return NULL;
	}
	if (strcmp(name, "pod.name") == 0)
		return wfc_xstrdup(fn->k8s_name ? fn->k8s_name : fn->name);
	if (strcmp(name, "node.name") == 0)
		return wfc_xstrdup(fn->name);
	if (strcmp(name, "retries") == 0)
		return xprintf("%u", s->st[from].attempt);
	if (strncmp(name, "workflow.outputs.parameters.", 28) == 0) {
		for (size_t i = 0; i < s->nglobals; i++)
			if (strcmp(s->globals[i].name, name + 28) == 0)
				return wfc_xstrdup(s->globals[i].value);
		return NULL;
	}
	const char *rest = NULL;
	if (strncmp(name, "steps.", 6) == 0)
		rest = name + 6;
	else if (strncmp(name, "tasks.", 6) == 0)
		rest = name + 6;
	if (!rest)
		return NULL;
	const char *dot = strchr(rest, '.');
	if (!dot)
		return NULL;
	size_t id = find_ref(s, from, rest, (size_t)(dot - rest));
	if (id == WFC_RT_NONE)
		return loop_outputs(s, from, rest, (size_t)(dot - rest), dot + 1);
	const struct nstate *st = &s->st[id];
	const char *field = dot + 1;
	char ts[32];
	if (strcmp(field, "status") == 0)
		return st->phase == WFC_PHASE_NONE ? NULL : wfc_xstrdup(wfc_rt_phase_name(st->phase));
	if (strcmp(field, "outputs.result") == 0)
		return st->result ? wfc_xstrdup(st->result) : NULL;
	if (strncmp(field, "outputs.parameters.", 19) == 0) {
		size_t k = find_output(N(s, id), field + 19);
		return k != WFC_RT_NONE && st->outputs && st->outputs[k] ? wfc_xstrdup(st->outputs[k])
									 : NULL;
	}
	if (strcmp(field, "id") == 0)
		return wfc_xstrdup(N(s, id)->k8s_name ? N(s, id)->k8s_name : N(s, id)->name);
	if (strcmp(field, "exitCode") == 0)
		return st->exit_code >= 0 ? xprintf("%d", st->exit_code) : NULL;
	if (strcmp(field, "startedAt") == 0 && st->phase != WFC_PHASE_NONE) {
		rfc3339(st->started_wall, ts, sizeof(ts));
		return wfc_xstrdup(ts);
	}
	if (strcmp(field, "finishedAt") == 0 && is_done(st->phase)) {
		rfc3339(st->finished_wall, ts, sizeof(ts));
		return wfc_xstrdup(ts);
	}
	return NULL;
}

struct ex_env {
	struct wfc_sched *s;
	size_t from;
	int depth;
	char *held[16];           /* values handed to expr, freed after */
	size_t nheld;
};

static int ex_lookup(void *user, const char *name, struct wfc_ex_value *out)
{
	struct ex_env *e = user;
	if (e->nheld >= sizeof(e->held) / sizeof(e->held[0]))
		return -1;
	char *v = resolve(e->s, e->from, name, e->depth);
	if (!v)
		return -1;
	e->held[e->nheld++] = v;
	memset(out, 0, sizeof(*out));
	out->type = WFC_EX_STRING;
	out->string = v;
	out->len = strlen(v);
	return 0;
}

/* Fills every {{...}} of text seen from node from. 0 and *out (malloc'd),
 * or -1 with a message. */
static int subst(struct wfc_sched *s, size_t from, const char *text, int depth, char **out,
		 char *err, size_t errlen)
{
	struct wfc_buf b = { 0 };
	const char *q = text;
	for (;;) {
		const char *o = strstr(q, "{{");
		const char *c = o ? strstr(o + 2, "}}") : NULL;
		if (!c) {
			wfc_buf_puts(&b, q);
			break;
		}
		wfc_buf_add(&b, q, (size_t)(o - q));
		const char *in = o + 2, *end = c;
		while (in < end && (*in == ' ' || *in == '\t'))
			in++;
		while (end > in && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		char *name = strndup(in, (size_t)(end - in));
		if (!name)
			abort();
		char *v = NULL;
		if (name[0] == '=') {
			struct wfc_gv_error ge = { 0 };
			struct ex_env env = { .s = s, .from = from, .depth = depth + 1 };
			struct wfc_expr *e = wfc_expr_parse(name + 1, strlen(name + 1), &ge);
			struct wfc_ex_value val = { 0 };
			if (e && wfc_expr_eval(e, ex_lookup, &env, &val, &ge) == 0) {
				size_t need = wfc_ex_format(&val, NULL, 0);
				v = malloc(need + 1);
				if (!v)
					abort();
				wfc_ex_format(&val, v, need + 1);
				wfc_ex_value_clear(&val);
			}
			wfc_expr_free(e);
			for (size_t i = 0; i < env.nheld; i++)
				free(env.held[i]);
			if (!v) {
				snprintf(err, errlen, "failed to evaluate {{%s}}: %s", name, ge.message);
				free(name);
				wfc_buf_free(&b);
				return -1;
			}
		} else {
			v = resolve(s, from, name, depth);
			if (!v) {
				snprintf(err, errlen, "failed to resolve {{%s}}", name);
				free(name);
				wfc_buf_free(&b);
				return -1;
			}
		}
		wfc_buf_puts(&b, v);
		free(v);
		free(name);
		q = c + 2;
	}
	*out = wfc_xstrdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	return 0;
}

/* ---- transitions ---- */

static void advance(struct wfc_sched *s, size_t id);
static void try_launch(struct wfc_sched *s, size_t id);
static void export_globals(struct wfc_sched *s, size_t id);
static bool ts_skip(struct wfc_sched *s, size_t dag, size_t t);

static void start_pod(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	char err[512] = "";
	char **vals = calloc(n->nruntime + 1, sizeof(*vals));
	char *script = NULL;
	if (!vals)
		abort();
	if (!n->has_pod) {
		finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup("the plan has no pod for this node"));
		goto out;
	}
	if (n->is_script && !n->script_source) {
		finish(s, id, WFC_PHASE_ERROR,
		       wfc_xstrdup("the plan does not carry the script source (compile it for a local run)"));
		goto out;
	}
	for (size_t i = 0; i < n->nruntime; i++)
		if (subst(s, id, n->runtime_values[i].value ? n->runtime_values[i].value : "", 0,
			  &vals[i], err, sizeof(err))) {
			finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
			goto out;
		}
	if (n->script_source && subst(s, id, n->script_source, 0, &script, err, sizeof(err))) {
		finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
		goto out;
	}
	struct wfc_exec_start es = { .node = n, .values = (const char *const *)vals,
				     .script = script, .attempt = st->attempt };
	if (s->ex.start(s->ex.self, &es, &st->job, err, sizeof(err))) {
		st->job = NULL;
		finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
		goto out;
	}
	if (n->retry.set) {
		st->att = realloc(st->att, (st->natt + 1) * sizeof(*st->att));
		if (!st->att)
			abort();
		st->att[st->natt++] = (struct attempt){ .phase = WFC_PHASE_RUNNING, .exit_code = -1,
							 .started_mono = now_mono(),
							 .started_wall = now_wall() };
	}
	if (st->attempt == 0)
		progress(s, id);
out:
	for (size_t i = 0; i < n->nruntime; i++)
		free(vals[i]);
	free(vals);
	free(script);
}

/* Is node id (or an ancestor) under a? */
static bool is_under(const struct wfc_sched *s, size_t id, size_t a)
{
	for (; id != WFC_RT_NONE; id = N(s, id)->parent)
		if (id == a)
			return true;
	return false;
}

/* May one more leaf pod start under every parallelism limit around id? */
static bool slot_free(const struct wfc_sched *s, size_t id)
{
	size_t all = 0;
	for (size_t i = 0; i < s->p->nnodes; i++)
		all += s->st[i].job != NULL;
	if (s->p->parallelism > 0 && all >= (size_t)s->p->parallelism)
		return false;
	for (size_t a = N(s, id)->parent; a != WFC_RT_NONE; a = N(s, a)->parent) {
		long lim = N(s, a)->parallelism;
		if (lim <= 0)
			continue;
		size_t k = 0;
		for (size_t i = 0; i < s->p->nnodes; i++)
			k += s->st[i].job && is_under(s, i, a);
		if (k >= (size_t)lim)
			return false;
	}
	return true;
}

/* Launches a pending Pod node once its backoff passed and a slot is free. */
static void try_launch(struct wfc_sched *s, size_t id)
{
	struct nstate *st = &s->st[id];
	if (!st->pending || s->interrupted || s->deadline_hit || now_mono() < st->launch_at ||
	    !slot_free(s, id))
		return;
	st->pending = false;
	start_pod(s, id);
}

/* Starts a node: its `when`, then by type. */
static void start(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	st->phase = WFC_PHASE_RUNNING;
	st->started_mono = now_mono();
	st->started_wall = now_wall();
	if (n->when && *n->when) {
		char err[512], *w = NULL;
		struct wfc_gv_error ge = { 0 };
		bool ok = false;
		if (subst(s, id, n->when, 0, &w, err, sizeof(err))) {
			finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
			return;
		}
		if (wfc_gv_eval_bool(w, &ok, &ge)) {
			finish(s, id, WFC_PHASE_ERROR,
			       xprintf("invalid 'when' expression '%s': %s", w, ge.message));
			free(w);
			return;
		}
		if (!ok) {
			finish(s, id, WFC_PHASE_SKIPPED, xprintf("when '%s' evaluated false", w));
			free(w);
			return;
		}
		free(w);
	}
	switch (n->type) {
	case WFC_RT_POD:
		if (n->daemon) {
			finish(s, id, WFC_PHASE_ERROR,
			       wfc_xstrdup("daemon steps are not supported by the local runner yet"));
			return;
		}
		st->pending = true;
		st->launch_at = 0;
		try_launch(s, id);
		return;
	case WFC_RT_STEPS:
	case WFC_RT_STEP_GROUP:
	case WFC_RT_DAG:
		return;
	case WFC_RT_SKIPPED:
		finish(s, id, WFC_PHASE_SKIPPED, wfc_xstrdup("no items to iterate over"));
		return;
	case WFC_RT_EXPAND:
		finish(s, id, WFC_PHASE_ERROR,
		       xprintf("%s is not supported by the local runner yet",
			       n->expand_reason ? n->expand_reason : "run-time expansion"));
		return;
	default:
		finish(s, id, WFC_PHASE_ERROR,
		       xprintf("%s templates are not supported by the local runner yet",
			       n->type_name));
		return;
	}
}

/* A node is settled once it and its onExit hook (if any) are done. */
static bool settled(struct wfc_sched *s, size_t id)
{
	const struct nstate *st = &s->st[id];
	if (!is_done(st->phase))
		return false;
	return st->hook == WFC_RT_NONE || is_done(s->st[st->hook].phase);
}

static void run_child(struct wfc_sched *s, size_t c)
{
	if (s->st[c].phase == WFC_PHASE_NONE)
		start(s, c);
	advance(s, c);
}

static void advance_steps(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	while (st->cur < n->nchildren) {
		size_t g = n->children[st->cur];
		if (g == st->hook) {
			st->cur++;
			continue;
		}
		run_child(s, g);
		if (!settled(s, g))
			return;
		if (is_bad(s->st[g].phase)) {
			finish(s, id, s->st[g].phase,
			       xprintf("step group %s was unsuccessful: %s", N(s, g)->name,
				       s->st[g].message ? s->st[g].message : ""));
			return;
		}
		st->cur++;
	}
	finish(s, id, WFC_PHASE_SUCCEEDED, NULL);
}

static void advance_group(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	bool all = true;
	for (size_t i = 0; i < n->nchildren; i++) {
		run_child(s, n->children[i]);
		if (!settled(s, n->children[i]))
			all = false;
	}
	if (!all)
		return;
	for (size_t i = 0; i < n->nchildren; i++) {
		size_t c = n->children[i];
		if (is_bad(s->st[c].phase) && !continues(N(s, c), s->st[c].phase)) {
			finish(s, id, WFC_PHASE_FAILED, xprintf("child '%s' failed", N(s, c)->name));
			return;
		}
	}
	finish(s, id, WFC_PHASE_SUCCEEDED, NULL);
}

struct dag_ctx {
	struct wfc_sched *s;
	size_t dag;
};

static enum wfc_depends_phase dphase(enum wfc_rt_phase ph)
{
	switch (ph) {
	case WFC_PHASE_SUCCEEDED: return WFC_DEPENDS_PHASE_SUCCEEDED;
	case WFC_PHASE_FAILED: return WFC_DEPENDS_PHASE_FAILED;
	case WFC_PHASE_ERROR: return WFC_DEPENDS_PHASE_ERROR;
	case WFC_PHASE_SKIPPED: return WFC_DEPENDS_PHASE_SKIPPED;
	case WFC_PHASE_OMITTED: return WFC_DEPENDS_PHASE_OMITTED;
	default: return WFC_DEPENDS_PHASE_OTHER;
	}
}

/* Does task t answer to name: its name, or one item of a loop over it. */
static bool task_named(const struct wfc_rt_node *t, const char *name)
{
	size_t len = strlen(name);
	return strncmp(t->display, name, len) == 0 &&
	       (t->display[len] == '\0' || t->display[len] == '(');
}

static int dag_state(void *user, const char *task, struct wfc_depends_state *out)
{
	struct dag_ctx *c = user;
	struct wfc_sched *s = c->s;
	const struct wfc_rt_node *d = N(s, c->dag);
	size_t found = 0, succeeded = 0, failed = 0;
	bool exact = false, pending = false, bad = false;
	const struct wfc_rt_node *one = NULL;
	enum wfc_rt_phase ph = WFC_PHASE_NONE;
	for (size_t i = 0; i < d->nchildren; i++) {
		const struct wfc_rt_node *t = N(s, d->children[i]);
		if (d->children[i] == s->st[c->dag].hook || !task_named(t, task))
			continue;
		found++;
		one = t;
		exact = exact || strcmp(t->display, task) == 0;
		ph = s->st[t->id].phase;
		if (!settled(s, t->id))
			pending = true;
		if (ph == WFC_PHASE_SUCCEEDED)
			succeeded++;
		if (is_bad(ph))
			failed++, bad = true;
	}
	if (!found)
		return -1;
	if (pending)
		return 1;
	memset(out, 0, sizeof(*out));
	if (found == 1 && exact) {
		out->phase = dphase(ph);
		out->continue_on_failed = one->continue_failed;
		out->continue_on_error = one->continue_error;
		return 0;
	}
	out->is_group = true;
	out->children = found;
	out->children_succeeded = succeeded;
	out->children_failed = failed;
	out->phase = bad ? WFC_DEPENDS_PHASE_FAILED : WFC_DEPENDS_PHASE_SUCCEEDED;
	out->continue_on_failed = one->continue_failed;
	out->continue_on_error = one->continue_error;
	return 0;
}

/* The phase a DAG target stands for: an omitted task inherits a failure of
 * the tasks it depends on (Argo assessDAGPhase). */
static enum wfc_rt_phase branch_phase(struct wfc_sched *s, size_t dag, size_t t, int depth)
{
	enum wfc_rt_phase ph = s->st[t].phase;
	if (ph != WFC_PHASE_OMITTED || !s->st[t].dep || depth > 64)
		return ph;
	const struct wfc_rt_node *d = N(s, dag);
	struct wfc_depends *dep = s->st[t].dep;
	for (size_t k = 0; k < wfc_depends_ntasks(dep); k++)
		for (size_t i = 0; i < d->nchildren; i++) {
			size_t u = d->children[i];
			if (u == t || !task_named(N(s, u), wfc_depends_task(dep, k)))
				continue;
			enum wfc_rt_phase up = branch_phase(s, dag, u, depth + 1);
			if (is_bad(up))
				return up;
		}
	return ph;
}

/* Is name one of the space-separated words of list? */
static bool in_list(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *q = list; *q;) {
		while (*q == ' ')
			q++;
		size_t w = strcspn(q, " ");
		if (w == len && !strncmp(q, name, len))
			return true;
		q += w;
	}
	return false;
}

static bool is_target(struct wfc_sched *s, size_t dag, size_t t)
{
	const struct wfc_rt_node *d = N(s, dag);
	if (d->target && *d->target) {
		for (const char *q = N(s, t)->display; *q; q++)
			if (*q == '(') {
				char *base = strndup(N(s, t)->display, (size_t)(q - N(s, t)->display));
				if (!base)
					abort();
				bool r = in_list(d->target, base);
				free(base);
				return r;
			}
		return in_list(d->target, N(s, t)->display);
	}
	for (size_t i = 0; i < d->nchildren; i++) {
		struct wfc_depends *dep = s->st[d->children[i]].dep;
		for (size_t k = 0; dep && k < wfc_depends_ntasks(dep); k++)
			if (task_named(N(s, t), wfc_depends_task(dep, k)))
				return false;
	}
	return true;
}

/* failFast: a task failed (no continueOn); no new task starts then, but
 * the ones that depend on a failed task (handlers) still do. */
static bool dag_failed(struct wfc_sched *s, size_t dag)
{
	const struct wfc_rt_node *d = N(s, dag);
	for (size_t i = 0; i < d->nchildren; i++) {
		size_t t = d->children[i];
		if (t != s->st[dag].hook && settled(s, t) && is_bad(s->st[t].phase) &&
		    !continues(N(s, t), s->st[t].phase))
			return true;
	}
	return false;
}

static bool handles_failure(struct wfc_sched *s, size_t dag, size_t t)
{
	const struct wfc_rt_node *d = N(s, dag);
	struct wfc_depends *dep = s->st[t].dep;
	for (size_t k = 0; dep && k < wfc_depends_ntasks(dep); k++)
		for (size_t i = 0; i < d->nchildren; i++) {
			size_t u = d->children[i];
			if (task_named(N(s, u), wfc_depends_task(dep, k)) && is_bad(s->st[u].phase))
				return true;
		}
	return false;
}

static void advance_dag(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct dag_ctx ctx = { .s = s, .dag = id };
	bool changed = true, all = true;
	while (changed) {
		changed = false;
		all = true;
		for (size_t i = 0; i < n->nchildren; i++) {
			size_t t = n->children[i];
			struct nstate *ts = &s->st[t];
			if (t == s->st[id].hook || ts->excluded)
				continue;
			if (ts->phase == WFC_PHASE_NONE) {
				bool ok = true;
				if (ts->dep) {
					struct wfc_gv_error ge = { 0 };
					int r = wfc_depends_eval(ts->dep, dag_state, &ctx, &ok, &ge);
					if (r == 1) {
						all = false;
						continue;
					}
					if (r < 0) {
						finish(s, t, WFC_PHASE_ERROR,
						       xprintf("cannot evaluate depends '%s': %s",
							       N(s, t)->depends, ge.message));
						changed = true;
						continue;
					}
				}
				if (!ok) {
					finish(s, t, WFC_PHASE_OMITTED,
					       wfc_xstrdup("omitted: depends condition not met"));
					changed = true;
					continue;
				}
				if (n->fail_fast && dag_failed(s, id) && !handles_failure(s, id, t))
					continue;
				start(s, t);
				changed = true;
			}
			bool was = settled(s, t);
			advance(s, t);
			if (!settled(s, t))
				all = false;
			else if (!was)
				changed = true;
		}
	}
	if (!all)
		return;
	enum wfc_rt_phase res = WFC_PHASE_SUCCEEDED;
	if (n->fail_fast && dag_failed(s, id)) {
		/* tasks left unstarted: the first failure decides */
		for (size_t i = 0; i < n->nchildren && res == WFC_PHASE_SUCCEEDED; i++) {
			size_t t = n->children[i];
			if (t != s->st[id].hook && is_bad(s->st[t].phase) &&
			    !continues(N(s, t), s->st[t].phase) && !is_target(s, id, t)) {
				bool left = false;
				for (size_t k = 0; k < n->nchildren; k++)
					left = left || (s->st[n->children[k]].phase == WFC_PHASE_NONE &&
							!s->st[n->children[k]].excluded &&
							n->children[k] != s->st[id].hook);
				if (left) {
					res = s->st[t].phase;
					finish(s, id, res, xprintf("task '%s' %s", N(s, t)->name,
								   res == WFC_PHASE_ERROR ? "errored" : "failed"));
					return;
				}
			}
		}
	}
	size_t bad = WFC_RT_NONE;
	for (size_t i = 0; i < n->nchildren && res == WFC_PHASE_SUCCEEDED; i++) {
		size_t t = n->children[i];
		if (t == s->st[id].hook || ts_skip(s, id, t))
			continue;
		enum wfc_rt_phase bp = branch_phase(s, id, t, 0);
		if (is_bad(bp) && !continues(N(s, t), bp)) {
			res = bp;
			bad = t;
		}
	}
	finish(s, id, res, bad == WFC_RT_NONE ? NULL
		: xprintf("task '%s' %s", N(s, bad)->name,
			  res == WFC_PHASE_ERROR ? "errored" : "failed"));
}

/* Not a DAG target for the DAG's phase. */
static bool ts_skip(struct wfc_sched *s, size_t dag, size_t t)
{
	return s->st[t].excluded || !is_target(s, dag, t);
}

/* Output parameters of a Steps or DAG template (valueFrom.parameter). */
static void scope_outputs(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	if (!n->noutputs || !n->nchildren)
		return;
	st->outputs = calloc(n->noutputs, sizeof(char *));
	if (!st->outputs)
		abort();
	for (size_t i = 0; i < n->noutputs; i++) {
		const char *src = n->outputs[i].parameter ? n->outputs[i].parameter
							  : n->outputs[i].value;
		char err[256], *v = NULL;
		if (src && subst(s, n->children[0], src, 0, &v, err, sizeof(err)) == 0)
			st->outputs[i] = v;
		else if (n->outputs[i].dflt)
			st->outputs[i] = wfc_xstrdup(n->outputs[i].dflt);
	}
	if (st->phase == WFC_PHASE_SUCCEEDED)
		export_globals(s, id);
}

static void start_hook(struct wfc_sched *s, size_t id)
{
	struct nstate *st = &s->st[id];
	if (st->hook == WFC_RT_NONE || s->st[st->hook].phase != WFC_PHASE_NONE || s->interrupted)
		return;
	start(s, st->hook);
}

static void advance(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	if (st->phase == WFC_PHASE_RUNNING && !s->interrupted && !s->deadline_hit) {
		switch (n->type) {
		case WFC_RT_STEPS:
			advance_steps(s, id);
			break;
		case WFC_RT_STEP_GROUP:
			advance_group(s, id);
			break;
		case WFC_RT_DAG:
			advance_dag(s, id);
			break;
		case WFC_RT_POD:
			try_launch(s, id);
			break;
		default:
			break;
		}
		if (is_done(st->phase) && n->type != WFC_RT_POD)
			scope_outputs(s, id);
	}
	if (is_done(st->phase) && st->phase != WFC_PHASE_SKIPPED &&
	    st->phase != WFC_PHASE_OMITTED) {
		start_hook(s, id);
		if (st->hook != WFC_RT_NONE && s->st[st->hook].phase != WFC_PHASE_NONE)
			advance(s, st->hook);
	}
}

/* Exports the output parameters of node id that have a globalName. */
static void export_globals(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	const struct nstate *st = &s->st[id];
	for (size_t k = 0; st->outputs && k < n->noutputs; k++) {
		const char *g = n->outputs[k].global_name;
		if (!g || !*g || !st->outputs[k])
			continue;
		size_t i = 0;
		while (i < s->nglobals && strcmp(s->globals[i].name, g) != 0)
			i++;
		if (i == s->nglobals) {
			s->globals = realloc(s->globals, (s->nglobals + 1) * sizeof(*s->globals));
			if (!s->globals)
				abort();
			s->globals[s->nglobals++] = (struct global){ .name = wfc_xstrdup(g) };
		}
		free(s->globals[i].value);
		s->globals[i].value = wfc_xstrdup(st->outputs[k]);
	}
}

struct retry_env {
	const struct attempt *a;
	char buf[4][64];
};

static int retry_lookup(void *user, const char *name, struct wfc_ex_value *out)
{
	struct retry_env *e = user;
	const char *v = NULL;
	if (strcmp(name, "lastRetry.exitCode") == 0) {
		snprintf(e->buf[0], sizeof(e->buf[0]), "%d", e->a->exit_code);
		v = e->buf[0];
	} else if (strcmp(name, "lastRetry.status") == 0) {
		v = wfc_rt_phase_name(e->a->phase);
	} else if (strcmp(name, "lastRetry.duration") == 0) {
		snprintf(e->buf[1], sizeof(e->buf[1]), "%g",
			 e->a->finished_mono - e->a->started_mono);
		v = e->buf[1];
	} else if (strcmp(name, "lastRetry.message") == 0) {
		v = e->a->message ? e->a->message : "";
	}
	if (!v)
		return -1;
	memset(out, 0, sizeof(*out));
	out->type = WFC_EX_STRING;
	out->string = v;
	out->len = strlen(v);
	return 0;
}

/* After an attempt of a retried Pod node ended: NULL to retry after *wait
 * seconds, else the message the node ends with ("" for none), as Argo's
 * processNodeRetries decides. */
static char *retry_decision(struct wfc_sched *s, size_t id, double *wait)
{
	const struct wfc_rt_retry *rs = &N(s, id)->retry;
	const struct nstate *st = &s->st[id];
	const struct attempt *a = &st->att[st->natt - 1];
	double now = now_mono();
	if (a->phase == WFC_PHASE_SUCCEEDED || s->interrupted || s->deadline_hit)
		return wfc_xstrdup(a->message ? a->message : "");
	*wait = 0;
	if (rs->backoff_s > 0) {
		double w = rs->backoff_s;
		for (size_t k = 1; rs->factor > 0 && k < st->natt; k++)
			w *= rs->factor;
		if (rs->cap_s > 0 && w > rs->cap_s)
			w = rs->cap_s;
		*wait = w;
	}
	if (rs->max_duration_s > 0) {
		double end = st->att[0].started_mono + rs->max_duration_s;
		if (now > end)
			return wfc_xstrdup("Max duration limit exceeded");
		if (now + *wait > end)
			return wfc_xstrdup("Backoff would exceed max duration limit");
	}
	bool again = rs->policy == WFC_RETRY_ALWAYS ? is_bad(a->phase)
		     : rs->policy == WFC_RETRY_ON_ERROR ? a->phase == WFC_PHASE_ERROR
		     : a->phase == WFC_PHASE_FAILED;
	if (!again)
		return wfc_xstrdup(a->message ? a->message : "");
	if (rs->expression) {
		struct wfc_gv_error ge = { 0 };
		struct retry_env env = { .a = a };
		struct wfc_expr *e = wfc_expr_parse(rs->expression, strlen(rs->expression), &ge);
		struct wfc_ex_value v = { 0 };
		if (!e || wfc_expr_eval(e, retry_lookup, &env, &v, &ge)) {
			wfc_expr_free(e);
			return xprintf("cannot evaluate retryStrategy.expression: %s", ge.message);
		}
		bool ok = v.type == WFC_EX_BOOL && v.boolean;
		wfc_ex_value_clear(&v);
		wfc_expr_free(e);
		if (!ok)
			return wfc_xstrdup("retryStrategy.expression evaluated to false");
	}
	if (rs->limit >= 0 && st->natt > (size_t)rs->limit)
		return wfc_xstrdup("No more retries left");
	return NULL;
}

/* The executor says a job ended. */
static void job_done(struct wfc_sched *s, size_t id, struct wfc_exec_result *r)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = &s->st[id];
	st->job = NULL;
	st->exit_code = r->exit_code;
	free(st->result);
	st->result = r->result;
	if (st->outputs)
		for (size_t i = 0; i < n->noutputs; i++)
			free(st->outputs[i]);
	free(st->outputs);
	st->outputs = r->outputs;
	if (s->o.logs) {
		print_logs(s, id, r->result);
		print_logs(s, id, r->stderr_tail);
	}
	free(r->stderr_tail);
	if (s->deadline_hit) {
		free(r->message);
		r->phase = WFC_PHASE_FAILED;
		r->message = wfc_xstrdup("Step exceeded its deadline");
	}
	if (!n->retry.set) {
		if (r->phase == WFC_PHASE_SUCCEEDED)
			export_globals(s, id);
		finish(s, id, r->phase, r->message);
		return;
	}
	struct attempt *a = &st->att[st->natt - 1];
	a->phase = r->phase;
	a->message = r->message;
	a->exit_code = r->exit_code;
	a->finished_mono = now_mono();
	a->finished_wall = now_wall();
	double wait = 0;
	char *stop = retry_decision(s, id, &wait);
	if (stop) {
		if (r->phase == WFC_PHASE_SUCCEEDED)
			export_globals(s, id);
		if (!*stop) {
			free(stop);
			stop = NULL;
		}
		finish(s, id, r->phase, stop);
		return;
	}
	st->attempt++;
	st->pending = true;
	st->launch_at = now_mono() + wait;
	if (s->o.progress)
		fprintf(s->o.progress, "%s  Retrying  (attempt %u)\n", n->name, st->attempt + 1);
}

static void poll_jobs(struct wfc_sched *s)
{
	for (size_t i = 0; i < s->p->nnodes; i++) {
		if (!s->st[i].job)
			continue;
		struct wfc_exec_result r = { .exit_code = -1 };
		if (s->ex.poll(s->ex.self, s->st[i].job, &r) == 1)
			job_done(s, i, &r);
	}
}

static bool any_running(const struct wfc_sched *s)
{
	for (size_t i = 0; i < s->p->nnodes; i++)
		if (s->st[i].job)
			return true;
	return false;
}

static void stop_all(struct wfc_sched *s)
{
	for (size_t i = 0; i < s->p->nnodes; i++)
		if (s->st[i].job)
			s->ex.kill(s->ex.self, s->st[i].job);
}

/* How long the loop may sleep: until the next backoff or the deadline. */
static int next_wakeup(const struct wfc_sched *s)
{
	double now = now_mono(), t = 1.0;
	for (size_t i = 0; i < s->p->nnodes; i++)
		if (s->st[i].pending && s->st[i].launch_at > now && s->st[i].launch_at - now < t)
			t = s->st[i].launch_at - now;
	if (s->deadline > 0 && !s->deadline_hit && s->deadline - now < t)
		t = s->deadline - now;
	return t > 0 ? (int)(t * 1000) + 1 : 0;
}

/* After the deadline: every node of the tree under id still running fails
 * (children are listed after their parent: from the last one up). */
static void fail_unfinished(struct wfc_sched *s, size_t id)
{
	for (size_t i = s->p->nnodes; i-- > 0;) {
		if (s->st[i].phase != WFC_PHASE_RUNNING || !is_under(s, i, id))
			continue;
		s->st[i].pending = false;
		finish(s, i, WFC_PHASE_FAILED, wfc_xstrdup("Step exceeded its deadline"));
	}
}

/* Runs the tree under id to its end (or to an interruption). */
static void drive(struct wfc_sched *s, size_t id)
{
	if (s->st[id].phase == WFC_PHASE_NONE)
		start(s, id);
	for (;;) {
		advance(s, id);
		if (settled(s, id) && !any_running(s))
			return;
		if (!s->interrupted && s->ex.interrupted && s->ex.interrupted(s->ex.self)) {
			s->interrupted = true;
			if (s->o.progress)
				fprintf(s->o.progress, "interrupted: stopping every running step\n");
			stop_all(s);
		}
		if (s->interrupted && !any_running(s))
			return;
		if (s->deadline > 0 && !s->deadline_hit && now_mono() >= s->deadline) {
			s->deadline_hit = true;
			if (s->o.progress)
				fprintf(s->o.progress, "workflow exceeded its deadline: stopping every running step\n");
			stop_all(s);
		}
		if (s->deadline_hit && !any_running(s)) {
			fail_unfinished(s, id);
			return;
		}
		s->ex.wait(s->ex.self, next_wakeup(s));
		poll_jobs(s);
	}
}

/* A DAG with a target runs only the targets and what they depend on. */
static void mark_targets(struct wfc_sched *s, size_t dag)
{
	const struct wfc_rt_node *d = N(s, dag);
	if (d->type != WFC_RT_DAG || !d->target || !*d->target)
		return;
	for (size_t i = 0; i < d->nchildren; i++) {
		size_t t = d->children[i];
		s->st[t].excluded = t != s->st[dag].hook && !is_target(s, dag, t);
	}
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t i = 0; i < d->nchildren; i++) {
			struct wfc_depends *dep = s->st[d->children[i]].dep;
			if (s->st[d->children[i]].excluded)
				continue;
			for (size_t k = 0; dep && k < wfc_depends_ntasks(dep); k++)
				for (size_t j = 0; j < d->nchildren; j++) {
					size_t u = d->children[j];
					if (s->st[u].excluded &&
					    task_named(N(s, u), wfc_depends_task(dep, k))) {
						s->st[u].excluded = false;
						changed = true;
					}
				}
		}
	}
}

static size_t hook_of(const struct wfc_rt_plan *p, size_t id)
{
	const struct wfc_rt_node *n = &p->nodes[id];
	size_t len = strlen(n->name);
	for (size_t i = 0; i < n->nchildren; i++) {
		const struct wfc_rt_node *c = &p->nodes[n->children[i]];
		if (strncmp(c->name, n->name, len) == 0 && strcmp(c->name + len, ".onExit") == 0)
			return c->id;
	}
	return WFC_RT_NONE;
}

struct wfc_sched *wfc_sched_create(const struct wfc_rt_plan *p, const struct wfc_executor *ex,
				   const struct wfc_sched_opts *o)
{
	struct wfc_sched *s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	s->p = p;
	s->ex = *ex;
	if (o)
		s->o = *o;
	s->st = calloc(p->nnodes, sizeof(*s->st));
	if (!s->st)
		abort();
	for (size_t i = 0; i < p->nnodes; i++) {
		s->st[i].exit_code = -1;
		s->st[i].hook = hook_of(p, i);
		const struct wfc_rt_node *n = &p->nodes[i];
		if (n->depends && *n->depends)
			s->st[i].dep = wfc_depends_parse(n->depends, NULL);
	}
	for (size_t i = 0; i < p->nnodes; i++)
		mark_targets(s, i);
	s->wf_phase = WFC_PHASE_RUNNING;
	/* a run's uid: unique enough for one host */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t h = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^
		     ((uint64_t)getpid() << 32);
	snprintf(s->uid, sizeof(s->uid), "%08x-%04x-4%03x-8%03x-%012llx",
		 (unsigned)(h >> 32), (unsigned)(h >> 16) & 0xffffu, (unsigned)h & 0xfffu,
		 (unsigned)(h >> 20) & 0xfffu, (unsigned long long)(h * 2654435761u) & 0xffffffffffffull);
	return s;
}

void wfc_sched_destroy(struct wfc_sched *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->p->nnodes; i++) {
		struct nstate *st = &s->st[i];
		free(st->message);
		free(st->result);
		if (st->outputs)
			for (size_t k = 0; k < s->p->nodes[i].noutputs; k++)
				free(st->outputs[k]);
		free(st->outputs);
		wfc_depends_free(st->dep);
		for (size_t k = 0; k < st->natt; k++)
			free(st->att[k].message);
		free(st->att);
	}
	for (size_t i = 0; i < s->nglobals; i++) {
		free(s->globals[i].name);
		free(s->globals[i].value);
	}
	free(s->globals);
	free(s->st);
	free(s);
}

enum wfc_rt_phase wfc_sched_run(struct wfc_sched *s)
{
	s->started_wall = now_wall();
	if (s->p->active_deadline_s > 0)
		s->deadline = now_mono() + s->p->active_deadline_s;
	drive(s, s->p->root);
	s->deadline = 0;
	enum wfc_rt_phase ph = s->st[s->p->root].phase;
	if (s->interrupted || !is_done(ph))
		ph = WFC_PHASE_FAILED;
	if (ph == WFC_PHASE_SKIPPED || ph == WFC_PHASE_OMITTED)
		ph = WFC_PHASE_SUCCEEDED;
	s->wf_phase = ph;
	if (s->deadline_hit)
		s->deadline_hit = false;
	if (s->p->on_exit != WFC_RT_NONE && !s->interrupted) {
		drive(s, s->p->on_exit);
		if (is_bad(s->st[s->p->on_exit].phase) && ph == WFC_PHASE_SUCCEEDED)
			ph = s->st[s->p->on_exit].phase;
	}
	if (s->interrupted)
		ph = WFC_PHASE_FAILED;
	s->wf_phase = ph;
	s->finished_wall = now_wall();
	return ph;
}

bool wfc_sched_interrupted(const struct wfc_sched *s)
{
	return s->interrupted;
}

enum wfc_rt_phase wfc_sched_node_phase(const struct wfc_sched *s, size_t id)
{
	return id < s->p->nnodes ? s->st[id].phase : WFC_PHASE_NONE;
}

const char *wfc_sched_node_message(const struct wfc_sched *s, size_t id)
{
	return id < s->p->nnodes ? s->st[id].message : NULL;
}

const char *wfc_sched_node_result(const struct wfc_sched *s, size_t id)
{
	return id < s->p->nnodes ? s->st[id].result : NULL;
}

const char *wfc_sched_node_output(const struct wfc_sched *s, size_t id, size_t i)
{
	if (id >= s->p->nnodes || i >= s->p->nodes[id].noutputs || !s->st[id].outputs)
		return NULL;
	return s->st[id].outputs[i];
}

size_t wfc_sched_node_attempts(const struct wfc_sched *s, size_t id)
{
	return id < s->p->nnodes ? s->st[id].natt : 0;
}

enum wfc_rt_phase wfc_sched_attempt_phase(const struct wfc_sched *s, size_t id, size_t k)
{
	return k < wfc_sched_node_attempts(s, id) ? s->st[id].att[k].phase : WFC_PHASE_NONE;
}

const char *wfc_sched_attempt_message(const struct wfc_sched *s, size_t id, size_t k)
{
	return k < wfc_sched_node_attempts(s, id) ? s->st[id].att[k].message : NULL;
}

size_t wfc_sched_nglobals(const struct wfc_sched *s)
{
	return s->nglobals;
}

const char *wfc_sched_global(const struct wfc_sched *s, size_t i, const char **name)
{
	if (i >= s->nglobals)
		return NULL;
	if (name)
		*name = s->globals[i].name;
	return s->globals[i].value;
}

static void hash_id(const struct wfc_sched *s, const char *name, char *buf, size_t size)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *q = (const unsigned char *)name; *q; q++)
		h = (h ^ *q) * 16777619u;
	snprintf(buf, size, "%s-%u", s->p->name, h);
}

/* The attempts of a retried Pod node, as Argo's children NAME(k). */
static void attempts_json(const struct wfc_sched *s, size_t id, cJSON *nodes, cJSON *children)
{
	const struct wfc_rt_node *n = N(s, id);
	const struct nstate *st = &s->st[id];
	char ts[32], idb[320];
	for (size_t k = 0; k < st->natt; k++) {
		const struct attempt *a = &st->att[k];
		char *name = xprintf("%s(%zu)", n->name, k);
		char *disp = xprintf("%s(%zu)", n->display, k);
		hash_id(s, name, idb, sizeof(idb));
		cJSON_AddItemToArray(children, cJSON_CreateString(idb));
		cJSON *o = cJSON_AddObjectToObject(nodes, idb);
		cJSON_AddStringToObject(o, "id", idb);
		cJSON_AddStringToObject(o, "name", name);
		cJSON_AddStringToObject(o, "displayName", disp);
		cJSON_AddStringToObject(o, "type", "Pod");
		if (n->template_name)
			cJSON_AddStringToObject(o, "templateName", n->template_name);
		cJSON_AddStringToObject(o, "phase", wfc_rt_phase_name(a->phase));
		if (a->message && *a->message)
			cJSON_AddStringToObject(o, "message", a->message);
		rfc3339(a->started_wall, ts, sizeof(ts));
		cJSON_AddStringToObject(o, "startedAt", ts);
		if (is_done(a->phase)) {
			rfc3339(a->finished_wall, ts, sizeof(ts));
			cJSON_AddStringToObject(o, "finishedAt", ts);
		}
		if (a->exit_code >= 0) {
			char ec[16];
			snprintf(ec, sizeof(ec), "%d", a->exit_code);
			cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "outputs"), "exitCode", ec);
		}
		free(name);
		free(disp);
	}
}

/* Argo's node id: the workflow's name for the root, else the name and the
 * FNV-1a hash of the node's name. */
static void node_id(const struct wfc_sched *s, size_t id, char *buf, size_t size)
{
	if (id == s->p->root) {
		snprintf(buf, size, "%s", s->p->name);
		return;
	}
	hash_id(s, N(s, id)->name, buf, size);
}

cJSON *wfc_sched_workflow_json(const struct wfc_sched *s)
{
	char ts[32], idb[320];
	cJSON *wf = cJSON_CreateObject();
	cJSON_AddStringToObject(wf, "apiVersion", "argoproj.io/v1alpha1");
	cJSON_AddStringToObject(wf, "kind", "Workflow");
	cJSON *meta = cJSON_AddObjectToObject(wf, "metadata");
	cJSON_AddStringToObject(meta, "name", s->p->name);
	if (s->p->namespace)
		cJSON_AddStringToObject(meta, "namespace", s->p->namespace);
	cJSON_AddStringToObject(meta, "uid", s->uid);
	cJSON *status = cJSON_AddObjectToObject(wf, "status");
	cJSON_AddStringToObject(status, "phase", wfc_rt_phase_name(s->wf_phase));
	rfc3339(s->started_wall, ts, sizeof(ts));
	cJSON_AddStringToObject(status, "startedAt", ts);
	if (is_done(s->wf_phase)) {
		rfc3339(s->finished_wall, ts, sizeof(ts));
		cJSON_AddStringToObject(status, "finishedAt", ts);
	}
	const char *msg = s->interrupted ? "interrupted" : s->st[s->p->root].message;
	if (msg && *msg && s->wf_phase != WFC_PHASE_SUCCEEDED)
		cJSON_AddStringToObject(status, "message", msg);
	if (s->nglobals) {
		cJSON *pl = cJSON_AddArrayToObject(cJSON_AddObjectToObject(status, "outputs"),
						   "parameters");
		for (size_t i = 0; i < s->nglobals; i++) {
			cJSON *pp = cJSON_CreateObject();
			cJSON_AddStringToObject(pp, "name", s->globals[i].name);
			cJSON_AddStringToObject(pp, "value", s->globals[i].value);
			cJSON_AddItemToArray(pl, pp);
		}
	}
	cJSON *nodes = cJSON_AddObjectToObject(status, "nodes");
	for (size_t i = 0; i < s->p->nnodes; i++) {
		const struct nstate *st = &s->st[i];
		const struct wfc_rt_node *n = N(s, i);
		if (st->phase == WFC_PHASE_NONE)
			continue;
		node_id(s, i, idb, sizeof(idb));
		cJSON *o = cJSON_AddObjectToObject(nodes, idb);
		cJSON_AddStringToObject(o, "id", idb);
		cJSON_AddStringToObject(o, "name", n->name);
		cJSON_AddStringToObject(o, "displayName", n->display);
		cJSON_AddStringToObject(o, "type",
					st->phase == WFC_PHASE_SKIPPED || st->phase == WFC_PHASE_OMITTED
					? "Skipped" : st->natt ? "Retry" : n->type_name);
		if (n->template_name)
			cJSON_AddStringToObject(o, "templateName", n->template_name);
		cJSON_AddStringToObject(o, "phase", wfc_rt_phase_name(st->phase));
		if (st->message && *st->message)
			cJSON_AddStringToObject(o, "message", st->message);
		rfc3339(st->started_wall, ts, sizeof(ts));
		cJSON_AddStringToObject(o, "startedAt", ts);
		if (is_done(st->phase)) {
			rfc3339(st->finished_wall, ts, sizeof(ts));
			cJSON_AddStringToObject(o, "finishedAt", ts);
		}
		bool has_out = st->result || st->exit_code >= 0;
		for (size_t k = 0; st->outputs && k < n->noutputs; k++)
			has_out = has_out || st->outputs[k];
		if (has_out) {
			cJSON *out = cJSON_AddObjectToObject(o, "outputs");
			if (st->result)
				cJSON_AddStringToObject(out, "result", st->result);
			cJSON *pl = NULL;
			for (size_t k = 0; st->outputs && k < n->noutputs; k++) {
				if (!st->outputs[k])
					continue;
				if (!pl)
					pl = cJSON_AddArrayToObject(out, "parameters");
				cJSON *pp = cJSON_CreateObject();
				cJSON_AddStringToObject(pp, "name", n->outputs[k].name);
				cJSON_AddStringToObject(pp, "value", st->outputs[k]);
				cJSON_AddItemToArray(pl, pp);
			}
			if (st->exit_code >= 0) {
				char ec[16];
				snprintf(ec, sizeof(ec), "%d", st->exit_code);
				cJSON_AddStringToObject(out, "exitCode", ec);
			}
		}
		cJSON *ch = NULL;
		if (st->natt)
			attempts_json(s, i, nodes, ch = cJSON_AddArrayToObject(o, "children"));
		for (size_t k = 0; k < n->nchildren; k++) {
			if (s->st[n->children[k]].phase == WFC_PHASE_NONE)
				continue;
			if (!ch)
				ch = cJSON_AddArrayToObject(o, "children");
			node_id(s, n->children[k], idb, sizeof(idb));
			cJSON_AddItemToArray(ch, cJSON_CreateString(idb));
		}
	}
	return wf;
}
