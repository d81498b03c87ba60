/* The scheduler (runtime/scheduler.h). One state per node; a node that
 * changes queues its parent, and the queue is worked off after every
 * event, so the cost of an event is what it touches: a steps template
 * looks at its current group, a group counts its unsettled children, a DAG
 * re-evaluates the tasks that depend on the one that ended. Pod nodes go
 * to the executor; pods over a parallelism limit wait in that limit's
 * queue. Single-threaded: the executor's wait is the only place it blocks.
 *
 * Nodes are the plan's, then those made at run time (runtime/expand.h),
 * kept in one table that grows; states live in fixed-size chunks, so a
 * pointer to one stays valid while the table grows. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "runtime/expand.h"
#include "runtime/scheduler.h"
#include "support/arena.h"
#include "support/buf.h"
#include "support/depends.h"
#include "support/expr.h"
#include "support/govaluate.h"
#include "support/loop.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"
#include "support/clock.h"

/* how deep {{inputs.parameters.x}} may refer to values holding tags */
#define MAX_SUBST_DEPTH 8
/* node states per chunk */
#define CHUNK 1024
/* how often a daemon's readiness is asked for, seconds */
#define READY_POLL_S 0.1

enum hook_kind { HOOK_NONE, HOOK_EXIT, HOOK_LIFE };

/* One attempt of a Pod node with a retryStrategy (Argo's NAME(k)). */
struct attempt {
	enum wfc_rt_phase phase;
	char *message;
	int exit_code;
	double started_mono, finished_mono;
	double started_wall, finished_wall;
};

/* A name in a Steps or DAG scope: the steps or tasks called so (the items
 * of a loop share their step's name). */
struct entry {
	size_t *ids;
	size_t n, cap;
	size_t unsettled;         /* DAG: of ids */
	size_t *dependents;       /* DAG: tasks whose depends name it */
	size_t ndeps, capdeps;
	bool depended_on;
};

/* The names of a Steps or DAG node's steps or tasks. */
struct scope {
	struct wfc_strmap names;  /* name (up to '(') -> struct entry */
	struct entry **all;
	size_t nall;
	char **keys;              /* the names, owned */
	size_t nrunning;          /* DAG: tasks started and not settled */
	bool failed;              /* DAG: a task failed without continueOn */
	size_t *done;             /* DAG: tasks settled since the last look */
	size_t ndone, capdone;
};

/* A FIFO of node ids. */
struct fifo {
	size_t *v;
	size_t head, n, cap;
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
	size_t run_slot;          /* index in s->running while job */
	size_t cur;               /* Steps: index of the running group */
	unsigned attempt;
	size_t hook;              /* child that is the node's exit hook, or NONE */
	size_t *lhooks;           /* lifecycle hooks (children) */
	size_t nlhooks;
	unsigned char hook_kind;  /* enum hook_kind of the node itself */
	struct wfc_depends *dep;  /* parsed depends of a DAG task */
	bool pending;             /* Pod: waiting for a slot or a backoff */
	double launch_at;         /* Pod: not before this (monotonic) */
	struct attempt *att;      /* attempts of a retried Pod */
	size_t natt;
	bool excluded;            /* DAG task outside the DAG's targets */
	size_t *kids;             /* children as the run has them */
	size_t nkids, kcap;       /* kcap 0: kids is the node's own array */
	bool settled;             /* done, and its hooks too */
	bool queued;
	bool replaced;            /* an Expand node its expansion took the place of */
	size_t *repl;             /* ... by these */
	size_t nrepl;
	size_t unsettled;         /* StepGroup: children not settled */
	struct scope *scope;      /* Steps, DAG: the names of its children */
	size_t active;            /* parallelism limit: jobs running below */
	struct fifo *waiting;     /* parallelism limit: pods waiting for it */
	double wake_at;           /* timer: when (monotonic) */
	bool timer;
	bool suspended;           /* Suspend: waiting */
	bool daemon_live;         /* daemon: its job runs (in s->daemons) */
	bool daemon_killed;       /* daemon: killed as its scope ended */
	bool hook_error;          /* a hook of the node ended in Error */
	bool fired;               /* lifecycle hook: its expression held */
	char *ip;                 /* address of the job ({{steps.X.ip}}) */
};

struct global {
	char *name;
	char *value;
};

enum halt { HALT_NONE, HALT_INTERRUPT, HALT_DEADLINE, HALT_STOP };

struct ids {
	size_t *v;
	size_t n, cap;
};

struct wfc_sched {
	const struct wfc_rt_plan *p;
	struct wfc_executor ex;
	struct wfc_sched_opts o;
	const struct wfc_rt_node **nodes;
	size_t nn, capn;
	struct nstate **chunks;
	size_t nchunks;
	struct wfc_arena *a;          /* nodes made at run time */
	cJSON *made;                  /* JSON made at run time */
	struct wfc_rt_expand_env xenv;
	struct fifo q;                /* nodes to advance */
	struct ids running;           /* nodes with a job */
	struct ids timers;            /* nodes with a timer */
	struct ids daemons;           /* daemon nodes whose job runs */
	struct ids suspended;         /* suspended nodes */
	struct ids wf_hooks;          /* workflow-level lifecycle hooks */
	struct fifo gwait;            /* pods waiting for the workflow's parallelism */
	size_t gactive;               /* jobs running */
	enum wfc_rt_phase wf_phase;   /* RUNNING until the entrypoint ends */
	enum halt halt;
	bool interrupted, stopped;
	bool wf_suspended;            /* spec.suspend: not started until resumed */
	char uid[40];
	double started_wall, finished_wall;
	double deadline;              /* monotonic; 0: none */
	bool deadline_hit;
	struct global *globals;       /* workflow.outputs.parameters */
	size_t nglobals;
	unsigned long changes;
	unsigned long hooks_seen;     /* changes when the workflow hooks were last looked at */
	/* a Steps or DAG node whose values are being filled as seen from
	 * inside it (its own steps and inputs), or NONE */
	size_t inside;
};

/* ---- the table ---- */

static const struct wfc_rt_node *N(const struct wfc_sched *s, size_t id)
{
	return s->nodes[id];
}

static struct nstate *S(const struct wfc_sched *s, size_t id)
{
	return &s->chunks[id / CHUNK][id % CHUNK];
}

static void ids_push(struct ids *l, size_t id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = wfc_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = id;
}

/* A copy of v[0..n) (malloc'd, never NULL). */
static size_t *ids_copy(const size_t *v, size_t n)
{
	size_t *r = wfc_xmalloc((n ? n : 1) * sizeof(*r));
	if (n)
		memcpy(r, v, n * sizeof(*r));
	return r;
}

static void ids_remove(struct ids *l, size_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == id) {
			l->v[i] = l->v[--l->n];
			return;
		}
}

static void fifo_push(struct fifo *f, size_t id)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 16;
		size_t *v = wfc_xmalloc(cap * sizeof(*v));
		for (size_t i = 0; i < f->n; i++)
			v[i] = f->v[(f->head + i) % f->cap];
		free(f->v);
		f->v = v;
		f->cap = cap;
		f->head = 0;
	}
	f->v[(f->head + f->n) % f->cap] = id;
	f->n++;
}

static bool fifo_pop(struct fifo *f, size_t *id)
{
	if (!f->n)
		return false;
	*id = f->v[f->head];
	f->head = (f->head + 1) % f->cap;
	f->n--;
	return true;
}

static const size_t *kids(const struct wfc_sched *s, size_t id, size_t *n)
{
	const struct nstate *st = S(s, id);
	*n = st->nkids;
	return st->kids;
}

/* Appends n to the table (the plan's nodes first, in their order). */
static size_t add_node(struct wfc_sched *s, const struct wfc_rt_node *n)
{
	size_t id = s->nn;
	if (s->nn == s->capn) {
		s->capn = s->capn ? 2 * s->capn : 64;
		s->nodes = wfc_xrealloc(s->nodes, s->capn * sizeof(*s->nodes));
	}
	if (id / CHUNK >= s->nchunks) {
		s->chunks = wfc_xrealloc(s->chunks, (s->nchunks + 1) * sizeof(*s->chunks));
		s->chunks[s->nchunks] = calloc(CHUNK, sizeof(struct nstate));
		if (!s->chunks[s->nchunks])
			abort();
		s->nchunks++;
	}
	s->nodes[s->nn++] = n;
	struct nstate *st = S(s, id);
	st->exit_code = -1;
	st->hook = WFC_RT_NONE;
	st->kids = (size_t *)n->children;
	st->nkids = n->nchildren;
	if (n->depends && *n->depends)
		st->dep = wfc_depends_parse(n->depends, NULL);
	if (n->parent != WFC_RT_NONE && n->parent < id) {
		const struct wfc_rt_node *par = N(s, n->parent);
		struct nstate *ps = S(s, n->parent);
		size_t plen = strlen(par->name);
		if (n->hook_name) {
			st->hook_kind = HOOK_LIFE;
			ps->lhooks = wfc_xrealloc(ps->lhooks, (ps->nlhooks + 1) * sizeof(*ps->lhooks));
			ps->lhooks[ps->nlhooks++] = id;
		} else if (n->exit_handler && !strncmp(n->name, par->name, plen) &&
			   !strcmp(n->name + plen, ".onExit")) {
			st->hook_kind = HOOK_EXIT;
			ps->hook = id;
		}
	}
	return id;
}

/* ---- small things ---- */

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
	case WFC_PHASE_DAEMONED: return "Daemoned";
	}
	return "Unknown";
}

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *r = wfc_xmalloc(n >= 0 ? (size_t)n + 1 : 1);
	vsnprintf(r, n >= 0 ? (size_t)n + 1 : 1, fmt, ap2);
	va_end(ap2);
	return r;
}

static bool is_done(enum wfc_rt_phase ph)
{
	return ph >= WFC_PHASE_SUCCEEDED && ph <= WFC_PHASE_OMITTED;
}

/* done, or a daemon that counts as done */
static bool fulfilled(enum wfc_rt_phase ph)
{
	return is_done(ph) || ph == WFC_PHASE_DAEMONED;
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

/* Is node id (or an ancestor) under a? */
static bool is_under(const struct wfc_sched *s, size_t id, size_t a)
{
	for (; id != WFC_RT_NONE; id = N(s, id)->parent)
		if (id == a)
			return true;
	return false;
}

/* The name of a step or task as its scope knows it: up to a loop's '('. */
static size_t base_len(const char *display)
{
	const char *q = strchr(display, '(');
	return q ? (size_t)(q - display) : strlen(display);
}

static void queue(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (st->queued)
		return;
	st->queued = true;
	fifo_push(&s->q, id);
}

static void set_timer(struct wfc_sched *s, size_t id, double at)
{
	struct nstate *st = S(s, id);
	st->wake_at = at;
	if (!st->timer) {
		st->timer = true;
		ids_push(&s->timers, id);
	}
}

static void clear_timer(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (st->timer) {
		st->timer = false;
		ids_remove(&s->timers, id);
	}
}

/* ---- progress ---- */

static void progress(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	if (!s->o.progress || n->type == WFC_RT_STEP_GROUP)
		return;
	if (st->phase == WFC_PHASE_RUNNING) {
		if (st->suspended && st->timer)
			fprintf(s->o.progress, "%s  Suspended  for %gs\n", n->name,
				st->wake_at - wfc_now_mono() > 0 ? st->wake_at - wfc_now_mono() : 0);
		else if (st->suspended)
			fprintf(s->o.progress, "%s  Suspended%s%s%s\n", n->name,
				s->o.resume_hint ? "  until '" : "",
				s->o.resume_hint ? s->o.resume_hint : "", s->o.resume_hint ? "'" : "");
		else if (n->type == WFC_RT_POD)
			fprintf(s->o.progress, "%s  Running\n", n->name);
		fflush(s->o.progress);
		return;
	}
	if (st->phase == WFC_PHASE_SKIPPED || st->phase == WFC_PHASE_OMITTED ||
	    st->phase == WFC_PHASE_DAEMONED)
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

static void kill_daemons(struct wfc_sched *s, size_t scope);
static void lifecycle_hooks(struct wfc_sched *s, size_t id);

static void finish(struct wfc_sched *s, size_t id, enum wfc_rt_phase ph, char *msg)
{
	struct nstate *st = S(s, id);
	if (st->phase == WFC_PHASE_NONE) {
		st->started_mono = wfc_now_mono();
		st->started_wall = wfc_now_wall();
	}
	st->phase = ph;
	free(st->message);
	st->message = msg;
	st->finished_mono = wfc_now_mono();
	st->finished_wall = wfc_now_wall();
	st->pending = false;
	clear_timer(s, id);
	if (st->suspended) {
		st->suspended = false;
		ids_remove(&s->suspended, id);
	}
	s->changes++;
	progress(s, id);
	enum wfc_rt_type t = N(s, id)->type;
	if (t == WFC_RT_STEPS || t == WFC_RT_DAG)
		kill_daemons(s, id);
	lifecycle_hooks(s, id);
	queue(s, id);
}

/* ---- names in scope ---- */

static struct entry *entry_of(struct scope *sc, const char *name, size_t len, bool make)
{
	struct entry *e = wfc_strmap_get(&sc->names, name, len);
	if (e || !make)
		return e;
	e = calloc(1, sizeof(*e));
	if (!e)
		abort();
	char *key = strndup(name, len);
	if (!key)
		abort();
	sc->keys = wfc_xrealloc(sc->keys, (sc->nall + 1) * sizeof(*sc->keys));
	sc->all = wfc_xrealloc(sc->all, (sc->nall + 1) * sizeof(*sc->all));
	sc->keys[sc->nall] = key;
	sc->all[sc->nall++] = e;
	wfc_strmap_put(&sc->names, key, len, e);
	return e;
}

static void entry_add(struct entry *e, size_t id)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 4;
		e->ids = wfc_xrealloc(e->ids, e->cap * sizeof(*e->ids));
	}
	e->ids[e->n++] = id;
}

/* The steps (through the groups) or tasks of a Steps or DAG node. */
static struct scope *scope_of(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (st->scope)
		return st->scope;
	struct scope *sc = calloc(1, sizeof(*sc));
	if (!sc)
		abort();
	st->scope = sc;
	bool dag = N(s, id)->type == WFC_RT_DAG;
	size_t ng, nt;
	const size_t *g = kids(s, id, &ng);
	for (size_t i = 0; i < ng; i++) {
		if (S(s, g[i])->hook_kind != HOOK_NONE)
			continue;
		const size_t *t = dag ? &g[i] : kids(s, g[i], &nt);
		if (dag)
			nt = 1;
		for (size_t k = 0; k < nt; k++) {
			const struct wfc_rt_node *tn = N(s, t[k]);
			if (S(s, t[k])->hook_kind != HOOK_NONE || S(s, t[k])->replaced)
				continue;
			struct entry *e = entry_of(sc, tn->display, base_len(tn->display), true);
			entry_add(e, t[k]);
			if (!S(s, t[k])->settled)
				e->unsettled++;
		}
	}
	return sc;
}

/* The Steps or DAG node whose scope a step or task is in. */
static size_t scope_node(const struct wfc_sched *s, size_t id)
{
	size_t p = N(s, id)->parent;
	if (p != WFC_RT_NONE && N(s, p)->type == WFC_RT_STEP_GROUP)
		p = N(s, p)->parent;
	return p;
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
/* Where the scopes around node from begin: its parent, or itself when it
 * is the node seen from inside. */
static size_t scope_start(const struct wfc_sched *s, size_t from)
{
	return from == s->inside ? from : N(s, from)->parent;
}

static size_t find_ref(struct wfc_sched *s, size_t from, const char *name, size_t nlen)
{
	for (size_t a = scope_start(s, from); a != WFC_RT_NONE; a = N(s, a)->parent) {
		const struct wfc_rt_node *an = N(s, a);
		if (an->type != WFC_RT_STEPS && an->type != WFC_RT_DAG)
			continue;
		struct entry *e = entry_of(scope_of(s, a), name, nlen, false);
		for (size_t i = 0; e && i < e->n; i++) {
			const char *d = N(s, e->ids[i])->display;
			if (strlen(d) == nlen && !memcmp(d, name, nlen))
				return e->ids[i];
		}
	}
	return WFC_RT_NONE;
}

/* The nodes of a loop over the step or task called name, in item order:
 * the nearest enclosing scope that has some; NULL when none. */
static const struct entry *find_loop(struct wfc_sched *s, size_t from, const char *name,
				     size_t nlen)
{
	for (size_t a = scope_start(s, from); a != WFC_RT_NONE; a = N(s, a)->parent) {
		const struct wfc_rt_node *an = N(s, a);
		if (an->type != WFC_RT_STEPS && an->type != WFC_RT_DAG)
			continue;
		struct entry *e = entry_of(scope_of(s, a), name, nlen, false);
		if (e && e->n && N(s, e->ids[0])->display[nlen] == '(')
			return e;
	}
	return NULL;
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
static char *loop_outputs(struct wfc_sched *s, size_t from, const char *name, size_t nlen,
			  const char *field)
{
	const struct entry *e = find_loop(s, from, name, nlen);
	bool result = strcmp(field, "outputs.result") == 0;
	bool all = strcmp(field, "outputs.parameters") == 0;
	const char *pname = strncmp(field, "outputs.parameters.", 19) == 0 ? field + 19 : NULL;
	if (!e || (!result && !all && !pname))
		return NULL;
	cJSON *l = cJSON_CreateArray();
	for (size_t i = 0; i < e->n; i++) {
		const struct nstate *st = S(s, e->ids[i]);
		const struct wfc_rt_node *c = N(s, e->ids[i]);
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
	return json_text(l);
}


static char *failures_json(const struct wfc_sched *s)
{
	cJSON *l = cJSON_CreateArray();
	for (size_t i = 0; i < s->nn; i++) {
		const struct nstate *st = S(s, i);
		if (!is_bad(st->phase))
			continue;
		const struct wfc_rt_node *n = N(s, i);
		cJSON *o = cJSON_CreateObject();
		char ts[32];
		wfc_rfc3339_format(st->finished_wall, ts, sizeof(ts));
		cJSON_AddStringToObject(o, "displayName", n->display);
		cJSON_AddStringToObject(o, "message", st->message ? st->message : "");
		cJSON_AddStringToObject(o, "templateName", n->template_name ? n->template_name : "");
		cJSON_AddStringToObject(o, "phase", wfc_rt_phase_name(st->phase));
		cJSON_AddStringToObject(o, "podName", n->k8s_name ? n->k8s_name : n->name);
		cJSON_AddStringToObject(o, "finishedAt", ts);
		cJSON_AddItemToArray(l, o);
	}
	return json_text(l);
}

static int subst(struct wfc_sched *s, size_t from, const cJSON *item, const char *text,
		 int depth, char **out, char *err, size_t errlen);

/* {{item}}, {{item.K}}, {{item.K.L}}: NULL when item has no such field. */
static char *item_value(const cJSON *item, const char *path)
{
	const cJSON *v = item;
	while (v && *path) {
		if (*path != '.')
			return NULL;
		path++;
		size_t len = strcspn(path, ".");
		char *k = strndup(path, len);
		if (!k)
			abort();
		v = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, k) : NULL;
		free(k);
		path += len;
	}
	return v ? wfc_item_text(v) : NULL;
}

static char *kv_value(const struct wfc_rt_kv *kv, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].name, name) == 0 && kv[i].value)
			return wfc_xstrdup(kv[i].value);
	return NULL;
}

/* The workflow.* globals a run knows from its start (Argo's
 * util/variables/keys): creationTimestamp and its forms, scheduledTime
 * (a CronWorkflow run's start), mainEntrypoint, serviceAccountName,
 * labels.X, annotations.X, parameters.json. NULL for other names. */
static char *workflow_value(struct wfc_sched *s, const char *name)
{
	char buf[64];
	if (strcmp(name, "creationTimestamp") == 0 || strcmp(name, "creationTimestamp.RFC3339") == 0 ||
	    strcmp(name, "scheduledTime") == 0) {
		wfc_rfc3339_format(s->started_wall, buf, sizeof(buf));
		return wfc_xstrdup(buf);
	}
	if (strcmp(name, "creationTimestamp.s") == 0)
		return xprintf("%lld", (long long)s->started_wall);
	if (strncmp(name, "creationTimestamp.", 18) == 0 && name[18] && !name[19] &&
	    ((name[18] >= 'a' && name[18] <= 'z') || (name[18] >= 'A' && name[18] <= 'Z'))) {
		/* strftime's one-letter forms, as Argo's strftime package has them */
		char fmt[3] = { '%', name[18], '\0' };
		time_t t = (time_t)s->started_wall;
		struct tm tm;
		gmtime_r(&t, &tm);
		if (strftime(buf, sizeof(buf), fmt, &tm) == 0)
			return NULL;
		return wfc_xstrdup(buf);
	}
	if (strcmp(name, "mainEntrypoint") == 0)
		return s->p->entrypoint ? wfc_xstrdup(s->p->entrypoint) : NULL;
	if (strcmp(name, "serviceAccountName") == 0)
		return wfc_xstrdup(s->p->service_account ? s->p->service_account : "default");
	if (strncmp(name, "labels.", 7) == 0)
		return kv_value(s->p->labels, s->p->nlabels, name + 7);
	if (strncmp(name, "annotations.", 12) == 0)
		return kv_value(s->p->annotations, s->p->nannotations, name + 12);
	if (strcmp(name, "parameters.json") == 0) {
		cJSON *l = cJSON_CreateArray();
		for (size_t i = 0; i < s->p->nparams; i++) {
			char *v = NULL, e[8];
			if (s->p->params[i].value)
				subst(s, s->p->root, NULL, s->p->params[i].value, MAX_SUBST_DEPTH - 1, &v, e,
				      sizeof(e));
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "name", s->p->params[i].name);
			cJSON_AddStringToObject(o, "value", v ? v : "");
			cJSON_AddItemToArray(l, o);
			free(v);
		}
		return json_text(l);
	}
	return NULL;
}

static char *input_value(struct wfc_sched *s, size_t from, const struct wfc_rt_kv *in,
			 int depth)
{
	const struct wfc_rt_node *fn = N(s, from);
	if (fn->literal_inputs)
		return wfc_xstrdup(in->value);
	/* an input's own tags are filled where the node is called, outside it */
	char *v = NULL, e[8];
	size_t inside = s->inside;
	s->inside = WFC_RT_NONE;
	int rc = depth < MAX_SUBST_DEPTH ? subst(s, from, NULL, in->value, depth + 1, &v, e, sizeof(e))
					 : -1;
	s->inside = inside;
	return rc == 0 ? v : NULL;
}

/* The value of a tag's name seen from node from (malloc'd), or NULL. */
static char *resolve(struct wfc_sched *s, size_t from, const cJSON *item, const char *name,
		     int depth)
{
	const struct wfc_rt_node *fn = N(s, from);
	if (!item)
		item = fn->item;
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
		return xprintf("%.6f", wfc_now_wall() - s->started_wall);
	if (strncmp(name, "workflow.", 9) == 0) {
		char *v = workflow_value(s, name + 9);
		if (v)
			return v;
	}
	if (strncmp(name, "workflow.parameters.", 20) == 0) {
		for (size_t i = 0; i < s->p->nparams; i++)
			if (strcmp(s->p->params[i].name, name + 20) == 0 && s->p->params[i].value) {
				char *v = NULL, e[8];
				if (depth < MAX_SUBST_DEPTH &&
				    subst(s, s->p->root, NULL, s->p->params[i].value, depth + 1, &v, e,
					  sizeof(e)) == 0)
					return v;
				return NULL;
			}
		return NULL;
	}
	if (item && strncmp(name, "item", 4) == 0 && (name[4] == '\0' || name[4] == '.'))
		return item_value(item, name + 4);
	if (strcmp(name, "inputs.parameters") == 0) {
		cJSON *l = cJSON_CreateArray();
		for (size_t i = 0; i < fn->ninputs; i++) {
			char *v = fn->inputs[i].value ? input_value(s, from, &fn->inputs[i], depth) : NULL;
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "name", fn->inputs[i].name);
			cJSON_AddStringToObject(o, "value", v ? v : "");
			cJSON_AddItemToArray(l, o);
			free(v);
		}
		return json_text(l);
	}
	if (strncmp(name, "inputs.parameters.", 18) == 0) {
		for (size_t i = 0; i < fn->ninputs; i++)
			if (strcmp(fn->inputs[i].name, name + 18) == 0 && fn->inputs[i].value)
				return input_value(s, from, &fn->inputs[i], depth);
		return NULL;
	}
	if (strcmp(name, "pod.name") == 0)
		return wfc_xstrdup(fn->k8s_name ? fn->k8s_name : fn->name);
	if (strcmp(name, "node.name") == 0)
		return wfc_xstrdup(fn->name);
	if (strcmp(name, "retries") == 0)
		return xprintf("%u", S(s, from)->attempt);
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
	const struct nstate *st = S(s, id);
	const char *field = dot + 1;
	char ts[32];
	if (strcmp(field, "status") == 0) {
		if (st->phase == WFC_PHASE_NONE)
			return NULL;
		/* a daemon that is ready is Running, as Argo has it */
		return wfc_xstrdup(wfc_rt_phase_name(st->phase == WFC_PHASE_DAEMONED
						     ? WFC_PHASE_RUNNING : st->phase));
	}
	if (strcmp(field, "ip") == 0)
		return st->ip ? wfc_xstrdup(st->ip) : NULL;
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
		wfc_rfc3339_format(st->started_wall, ts, sizeof(ts));
		return wfc_xstrdup(ts);
	}
	if (strcmp(field, "finishedAt") == 0 && is_done(st->phase)) {
		wfc_rfc3339_format(st->finished_wall, ts, sizeof(ts));
		return wfc_xstrdup(ts);
	}
	return NULL;
}

struct ex_env {
	struct wfc_sched *s;
	size_t from;
	const cJSON *item;
	int depth;
	char *held[16];           /* values handed to expr, freed after */
	size_t nheld;
};

static int ex_lookup(void *user, const char *name, struct wfc_ex_value *out)
{
	struct ex_env *e = user;
	if (e->nheld >= sizeof(e->held) / sizeof(e->held[0]))
		return -1;
	char *v = resolve(e->s, e->from, e->item, name, e->depth);
	if (!v)
		return -1;
	e->held[e->nheld++] = v;
	memset(out, 0, sizeof(*out));
	out->type = WFC_EX_STRING;
	out->string = v;
	out->len = strlen(v);
	return 0;
}

/* Evaluates an expr-lang expression seen from node from: 0 and *out, or
 * -1 with a message. */
static int eval_expr(struct wfc_sched *s, size_t from, const cJSON *item, const char *text,
		     int depth, struct wfc_ex_value *out, char *err, size_t errlen)
{
	struct wfc_gv_error ge = { 0 };
	struct ex_env env = { .s = s, .from = from, .item = item, .depth = depth };
	struct wfc_expr *e = wfc_expr_parse(text, strlen(text), &ge);
	int rc = e && wfc_expr_eval(e, ex_lookup, &env, out, &ge) == 0 ? 0 : -1;
	wfc_expr_free(e);
	for (size_t i = 0; i < env.nheld; i++)
		free(env.held[i]);
	if (rc)
		wfc_errf(err, errlen, "%s", ge.message);
	return rc;
}

/* Fills every {{...}} of text seen from node from. 0 and *out (malloc'd),
 * or -1 with a message. */
static int subst(struct wfc_sched *s, size_t from, const cJSON *item, const char *text,
		 int depth, char **out, char *err, size_t errlen)
{
	struct wfc_buf b = { 0 };
	const char *q = text ? text : "";
	for (;;) {
		const char *o, *c;
		if (!wfc_tag_find(q, &o, &c)) {
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
			struct wfc_ex_value val = { 0 };
			char m[256];
			if (eval_expr(s, from, item, name + 1, depth + 1, &val, m, sizeof(m)) == 0) {
				size_t need = wfc_ex_format_tag(&val, NULL, 0);
				v = wfc_xmalloc(need + 1);
				wfc_ex_format_tag(&val, v, need + 1);
				wfc_ex_value_clear(&val);
			} else {
				wfc_errf(err, errlen, "failed to evaluate {{%s}}: %s", name, m);
			}
		} else {
			v = resolve(s, from, item, name, depth);
			if (!v)
				wfc_errf(err, errlen, "failed to resolve {{%s}}", name);
		}
		free(name);
		if (!v) {
			wfc_buf_free(&b);
			return -1;
		}
		wfc_buf_puts(&b, v);
		free(v);
		q = c + 2;
	}
	*out = wfc_xstrdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	return 0;
}

/* Fills text as seen from inside Steps or DAG node id: its own steps or
 * tasks and its inputs (a step's `when`, a template's outputs). */
static int subst_inside(struct wfc_sched *s, size_t id, const char *text, char **out,
			char *err, size_t errlen)
{
	size_t inside = s->inside;
	s->inside = id;
	int rc = subst(s, id, NULL, text, 0, out, err, errlen);
	s->inside = inside;
	return rc;
}

/* ---- expansion ---- */

static size_t x_add(void *user, struct wfc_rt_node *n)
{
	n->id = wfc_sched_nnodes(user);
	return add_node(user, n);
}

static const struct wfc_rt_node *x_node(void *user, size_t id)
{
	return N(user, id);
}

static int x_subst(void *user, size_t from, const cJSON *item, const char *text, char **out,
		   char *err, size_t errlen)
{
	return subst(user, from, item, text, 0, out, err, errlen);
}

/* The arena of nodes made at run time, made when the first one is. */
static void need_arena(struct wfc_sched *s)
{
	if (!s->a)
		s->xenv.a = s->a = wfc_arena_create();
}

/* How many Steps and DAG nodes are above id. */
static size_t depth_of(const struct wfc_sched *s, size_t id)
{
	size_t d = 0;
	for (size_t a = N(s, id)->parent; a != WFC_RT_NONE; a = N(s, a)->parent)
		d += N(s, a)->type == WFC_RT_STEPS || N(s, a)->type == WFC_RT_DAG;
	return d;
}

/* Puts ids in the place of node e under its parent. */
static void replace(struct wfc_sched *s, size_t e, const size_t *ids, size_t n)
{
	struct nstate *es = S(s, e);
	es->replaced = true;
	es->repl = ids_copy(ids, n);
	es->nrepl = n;
	for (size_t i = 0; i < n; i++)
		S(s, ids[i])->excluded = es->excluded;
	size_t p = N(s, e)->parent;
	if (p == WFC_RT_NONE) {
		for (size_t i = 0; i < s->wf_hooks.n; i++)
			if (s->wf_hooks.v[i] == e)
				s->wf_hooks.v[i] = ids[0];
		return;
	}
	struct nstate *ps = S(s, p);
	/* the parent's children: e's place taken by ids */
	size_t at = 0;
	while (at < ps->nkids && ps->kids[at] != e)
		at++;
	if (at < ps->nkids) {
		size_t total = ps->nkids - 1 + n;
		size_t *v = wfc_xmalloc((total ? total : 1) * sizeof(*v));
		memcpy(v, ps->kids, at * sizeof(*v));
		memcpy(v + at, ids, n * sizeof(*v));
		memcpy(v + at + n, ps->kids + at + 1, (ps->nkids - at - 1) * sizeof(*v));
		if (ps->kcap)
			free(ps->kids);
		ps->kids = v;
		ps->nkids = total;
		ps->kcap = total ? total : 1;
	}
	if (N(s, p)->type == WFC_RT_STEP_GROUP)
		ps->unsettled = ps->unsettled + n - 1;
	if (ps->hook == e)
		ps->hook = ids[0];
	for (size_t i = 0; i < ps->nlhooks; i++)
		if (ps->lhooks[i] == e)
			ps->lhooks[i] = ids[0];
	for (size_t i = 0; i < n; i++)
		S(s, ids[i])->hook_kind = es->hook_kind;
	/* the scope's names */
	size_t sn = scope_node(s, e);
	struct scope *sc = sn != WFC_RT_NONE ? S(s, sn)->scope : NULL;
	if (sc && es->hook_kind == HOOK_NONE) {
		const char *d = N(s, e)->display;
		struct entry *en = entry_of(sc, d, base_len(d), true);
		size_t k = 0;
		while (k < en->n && en->ids[k] != e)
			k++;
		if (k < en->n) {
			for (size_t i = 0; i + 1 < n; i++)
				entry_add(en, 0);
			memmove(en->ids + k + n, en->ids + k + 1, (en->n - n - k) * sizeof(*en->ids));
			memcpy(en->ids + k, ids, n * sizeof(*ids));
			if (n == 0)
				en->n--;
			en->unsettled = en->unsettled + n - 1;
		}
	}
}

/* Starts an Expand node: its expansion takes its place (0), it ends
 * Skipped or in Error (-1). */
static int expand(struct wfc_sched *s, size_t id)
{
	char err[512] = "";
	struct wfc_rt_expansion x;
	size_t first = s->nn;
	need_arena(s);
	int rc = wfc_rt_expand(&s->xenv, id, depth_of(s, id), &x, err, sizeof(err));
	/* the new nodes got their children after they were added */
	for (size_t i = first; i < s->nn; i++) {
		struct nstate *st = S(s, i);
		if (!st->kcap) {
			st->kids = (size_t *)N(s, i)->children;
			st->nkids = N(s, i)->nchildren;
		}
	}
	if (rc) {
		finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
		return -1;
	}
	if (x.empty) {
		finish(s, id, WFC_PHASE_SKIPPED, wfc_xstrdup("Skipped, empty params"));
		return -1;
	}
	S(s, id)->phase = WFC_PHASE_NONE;
	replace(s, id, x.ids, x.n);
	free(x.ids);
	return 0;
}

/* ---- launching ---- */

static void start(struct wfc_sched *s, size_t id);
static void export_globals(struct wfc_sched *s, size_t id);

/* A copy of c with every tag filled from node id (a node made at run
 * time); NULL with err. Free with free_container. */
static struct wfc_rt_container *render(struct wfc_sched *s, size_t id,
				       const struct wfc_rt_container *c, char *err,
				       size_t errlen)
{
	struct wfc_rt_container *r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	*r = *c;
	size_t nc = 0, na = 0;
	while (c->command[nc])
		nc++;
	while (c->args[na])
		na++;
	char **cmd = calloc(nc + 1, sizeof(*cmd)), **args = calloc(na + 1, sizeof(*args));
	struct wfc_rt_kv *env = calloc(c->nenv + 1, sizeof(*env));
	if (!cmd || !args || !env)
		abort();
	r->command = (const char *const *)cmd;
	r->args = (const char *const *)args;
	r->env = env;
	r->working_dir = NULL;
	int bad = 0;
	for (size_t i = 0; i < nc && !bad; i++)
		bad = subst(s, id, NULL, c->command[i], 0, &cmd[i], err, errlen);
	for (size_t i = 0; i < na && !bad; i++)
		bad = subst(s, id, NULL, c->args[i], 0, &args[i], err, errlen);
	for (size_t i = 0; i < c->nenv && !bad; i++) {
		char *v = NULL;
		env[i].name = c->env[i].name;
		if (c->env[i].value)
			bad = subst(s, id, NULL, c->env[i].value, 0, &v, err, errlen);
		env[i].value = v;
	}
	if (!bad && c->working_dir) {
		char *v = NULL;
		bad = subst(s, id, NULL, c->working_dir, 0, &v, err, errlen);
		r->working_dir = v;
	}
	if (bad) {
		/* the caller frees what was made */
		r->nenv = c->nenv;
		return r;
	}
	return r;
}

static void free_container(struct wfc_rt_container *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->command[i]; i++)
		free((char *)r->command[i]);
	for (size_t i = 0; r->args[i]; i++)
		free((char *)r->args[i]);
	for (size_t i = 0; i < r->nenv; i++)
		free((char *)r->env[i].value);
	free((void *)r->command);
	free((void *)r->args);
	free((void *)r->env);
	free((char *)r->working_dir);
	free(r);
}

/* A message for a node that may not start now (stop). */
static bool shut_out(struct wfc_sched *s, size_t id)
{
	return s->halt == HALT_STOP && !N(s, id)->exit_handler;
}

static void count_jobs(struct wfc_sched *s, size_t id, int delta)
{
	s->gactive = (size_t)((long)s->gactive + delta);
	for (size_t a = N(s, id)->parent; a != WFC_RT_NONE; a = N(s, a)->parent)
		if (N(s, a)->parallelism > 0)
			S(s, a)->active = (size_t)((long)S(s, a)->active + delta);
}

struct tag_scope {
	struct wfc_sched *s;
	size_t id;
};

static int tag_lookup(void *user, const char *tag, char **value)
{
	struct tag_scope *ts = user;
	char *text = xprintf("{{%s}}", tag), err[8];
	int rc = subst(ts->s, ts->id, NULL, text, 0, value, err, sizeof(err));
	free(text);
	return rc ? -1 : 0;
}

static void launch(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	char err[512] = "";
	char **vals = calloc(n->nruntime + 1, sizeof(*vals));
	char *script = NULL;
	struct wfc_rt_container *rc = NULL;
	if (!vals)
		abort();
	st->pending = false;
	if (shut_out(s, id)) {
		finish(s, id, WFC_PHASE_FAILED, wfc_xstrdup("workflow shutdown with strategy: Stop"));
		goto out;
	}
	for (size_t i = 0; i < n->nruntime; i++)
		if (subst(s, id, NULL, n->runtime_values[i].value ? n->runtime_values[i].value : "",
			  0, &vals[i], err, sizeof(err))) {
			finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
			goto out;
		}
	if (n->script_source &&
	    subst(s, id, NULL, n->script_source, 0, &script, err, sizeof(err))) {
		finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
		goto out;
	}
	if (n->render) {
		err[0] = '\0';
		rc = render(s, id, &n->main, err, sizeof(err));
		if (*err) {
			finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
			goto out;
		}
	}
	struct tag_scope scope = { s, id };
	struct wfc_exec_start es = { .node = n, .values = (const char *const *)vals,
				     .script = script, .attempt = st->attempt, .container = rc,
				     .lookup = tag_lookup, .lookup_user = &scope, .tag = id };
	if (s->ex.start(s->ex.self, &es, &st->job, err, sizeof(err))) {
		st->job = NULL;
		finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
		goto out;
	}
	st->run_slot = s->running.n;
	ids_push(&s->running, id);
	count_jobs(s, id, 1);
	if (n->retry.set) {
		st->att = wfc_xrealloc(st->att, (st->natt + 1) * sizeof(*st->att));
		st->att[st->natt++] = (struct attempt){ .phase = WFC_PHASE_RUNNING, .exit_code = -1,
							 .started_mono = wfc_now_mono(),
							 .started_wall = wfc_now_wall() };
	}
	if (n->daemon) {
		st->daemon_live = true;
		ids_push(&s->daemons, id);
		set_timer(s, id, wfc_now_mono());
	}
	if (st->attempt == 0)
		progress(s, id);
out:
	for (size_t i = 0; i < n->nruntime; i++)
		free(vals[i]);
	free(vals);
	free(script);
	free_container(rc);
}

/* The limit that keeps a pod from starting now: the workflow's (its queue
 * returned in *q), an ancestor's, or none (NULL). */
static struct fifo *blocker(struct wfc_sched *s, size_t id)
{
	if (s->p->parallelism > 0 && s->gactive >= (size_t)s->p->parallelism)
		return &s->gwait;
	for (size_t a = N(s, id)->parent; a != WFC_RT_NONE; a = N(s, a)->parent) {
		long lim = N(s, a)->parallelism;
		if (lim > 0 && S(s, a)->active >= (size_t)lim) {
			struct nstate *as = S(s, a);
			if (!as->waiting) {
				as->waiting = calloc(1, sizeof(*as->waiting));
				if (!as->waiting)
					abort();
			}
			return as->waiting;
		}
	}
	return NULL;
}

/* Launches a pending pod once its backoff passed and no limit holds it. */
static void try_launch(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (!st->pending || s->halt == HALT_INTERRUPT || s->halt == HALT_DEADLINE)
		return;
	if (shut_out(s, id)) {
		launch(s, id);   /* ends it */
		return;
	}
	if (wfc_now_mono() < st->launch_at) {
		set_timer(s, id, st->launch_at);
		return;
	}
	struct fifo *q = blocker(s, id);
	if (q) {
		fifo_push(q, id);
		return;
	}
	launch(s, id);
}

/* A job ended under these limits: the pods they held get a turn. */
static void slots_freed(struct wfc_sched *s, size_t id)
{
	size_t w;
	for (size_t a = N(s, id)->parent; a != WFC_RT_NONE; a = N(s, a)->parent) {
		struct nstate *as = S(s, a);
		while (as->waiting && as->active < (size_t)N(s, a)->parallelism &&
		       fifo_pop(as->waiting, &w)) {
			size_t before = as->active;
			try_launch(s, w);
			if (as->active == before && S(s, w)->pending)
				break;   /* held by another limit: it waits there now */
		}
	}
	while ((s->p->parallelism <= 0 || s->gactive < (size_t)s->p->parallelism) &&
	       fifo_pop(&s->gwait, &w))
		try_launch(s, w);
}

/* ---- hooks ---- */

/* Evaluates a lifecycle hook's expression; true when it holds. */
static bool hook_holds(struct wfc_sched *s, size_t h)
{
	const struct wfc_rt_node *n = N(s, h);
	if (!n->when || !*n->when)
		return false;
	struct wfc_ex_value v = { 0 };
	char err[256];
	char *text = NULL;
	/* tags in the expression are filled first, as Argo does */
	if (subst(s, h, NULL, n->when, 0, &text, err, sizeof(err)))
		return false;
	bool ok = eval_expr(s, h, NULL, text, 0, &v, err, sizeof(err)) == 0 &&
		  v.type == WFC_EX_BOOL && v.boolean;
	wfc_ex_value_clear(&v);
	free(text);
	return ok;
}

static void start_tree(struct wfc_sched *s, size_t id);

/* The lifecycle hooks of node id whose expression now holds start. */
static void lifecycle_hooks(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (s->halt != HALT_NONE && s->halt != HALT_STOP)
		return;
	for (size_t i = 0; i < st->nlhooks; i++) {
		size_t h = st->lhooks[i];
		struct nstate *hs = S(s, h);
		if (hs->fired || hs->phase != WFC_PHASE_NONE || hs->replaced)
			continue;
		if (!hook_holds(s, h))
			continue;
		hs->fired = true;
		start_tree(s, h);
	}
}

/* Workflow-level lifecycle hooks whose expression now holds start. */
static void workflow_hooks(struct wfc_sched *s)
{
	if (s->hooks_seen == s->changes && s->changes)
		return;
	s->hooks_seen = s->changes;
	if (s->halt != HALT_NONE && s->halt != HALT_STOP)
		return;
	for (size_t i = 0; i < s->wf_hooks.n; i++) {
		size_t h = s->wf_hooks.v[i];
		struct nstate *hs = S(s, h);
		if (hs->fired || hs->phase != WFC_PHASE_NONE || hs->replaced)
			continue;
		if (!hook_holds(s, h))
			continue;
		hs->fired = true;
		start_tree(s, h);
	}
}

/* ---- transitions ---- */

static void start_group(struct wfc_sched *s, size_t id);
static void start_dag(struct wfc_sched *s, size_t id);

/* Starts a node, and what took its place when it was an Expand node. */
static void start_tree(struct wfc_sched *s, size_t id)
{
	start(s, id);
	struct nstate *st = S(s, id);
	if (!st->replaced)
		return;
	for (size_t i = 0; i < st->nrepl; i++)
		start_tree(s, st->repl[i]);
}

/* Starts a node: its `when`, then by type. */
static void start(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	st->phase = WFC_PHASE_RUNNING;
	st->started_mono = wfc_now_mono();
	st->started_wall = wfc_now_wall();
	s->changes++;
	/* a loop's when that names the item is evaluated for each item */
	bool per_item = n->type == WFC_RT_EXPAND && n->call &&
			(cJSON_GetObjectItemCaseSensitive(n->call, "withParam") ||
			 cJSON_GetObjectItemCaseSensitive(n->call, "withItems") ||
			 cJSON_GetObjectItemCaseSensitive(n->call, "withSequence")) &&
			wfc_rt_refers_item(n->when);
	if (n->when && *n->when && !per_item && !n->hook_name) {
		char err[512], *w = NULL;
		struct wfc_gv_error ge = { 0 };
		bool ok = false;
		/* a step's `when` is seen from the template that calls it: its
		 * inputs and steps (an Expand node holds the caller's inputs) */
		size_t caller = n->type == WFC_RT_EXPAND ? WFC_RT_NONE : scope_node(s, id);
		int bad = 0;
		if (n->when_literal)
			w = wfc_xstrdup(n->when);
		else if (caller != WFC_RT_NONE)
			bad = subst_inside(s, caller, n->when, &w, err, sizeof(err));
		else
			bad = subst(s, id, NULL, n->when, 0, &w, err, sizeof(err));
		if (bad) {
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
	case WFC_RT_RESOURCE:
		lifecycle_hooks(s, id);
		st->pending = true;
		st->launch_at = 0;
		try_launch(s, id);
		return;
	case WFC_RT_STEPS:
		lifecycle_hooks(s, id);
		queue(s, id);
		return;
	case WFC_RT_STEP_GROUP:
		start_group(s, id);
		return;
	case WFC_RT_DAG:
		lifecycle_hooks(s, id);
		start_dag(s, id);
		return;
	case WFC_RT_SUSPEND: {
		if (shut_out(s, id)) {
			finish(s, id, WFC_PHASE_FAILED,
			       wfc_xstrdup("workflow shutdown with strategy: Stop"));
			return;
		}
		double d = -1;
		if (n->suspend_duration && *n->suspend_duration) {
			char err[512], *v = NULL;
			if (subst(s, id, NULL, n->suspend_duration, 0, &v, err, sizeof(err))) {
				finish(s, id, WFC_PHASE_ERROR, wfc_xstrdup(err));
				return;
			}
			d = wfc_rt_duration(v);
			if (d < 0) {
				finish(s, id, WFC_PHASE_ERROR,
				       xprintf("invalid suspend duration '%s'", v));
				free(v);
				return;
			}
			free(v);
		}
		st->suspended = true;
		ids_push(&s->suspended, id);
		if (d >= 0)
			set_timer(s, id, wfc_now_mono() + d + 1e-9);
		progress(s, id);
		lifecycle_hooks(s, id);
		return;
	}
	case WFC_RT_SKIPPED:
		finish(s, id, WFC_PHASE_SKIPPED, wfc_xstrdup("Skipped, empty params"));
		return;
	case WFC_RT_EXPAND:
		expand(s, id);
		return;
	default:
		finish(s, id, WFC_PHASE_ERROR,
		       xprintf("%s templates are not supported by the runtime yet", n->type_name));
		return;
	}
}

/* Done and its hooks done: its parent may go on. */
static void settle(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	st->settled = true;
	size_t p = N(s, id)->parent;
	if (p == WFC_RT_NONE)
		return;
	struct nstate *ps = S(s, p);
	const struct wfc_rt_node *pn = N(s, p);
	if (st->hook_kind == HOOK_NONE) {
		if (pn->type == WFC_RT_STEP_GROUP && ps->unsettled)
			ps->unsettled--;
		size_t sn = scope_node(s, id);
		struct scope *sc = sn != WFC_RT_NONE ? S(s, sn)->scope : NULL;
		if (sc) {
			const char *d = N(s, id)->display;
			struct entry *e = entry_of(sc, d, base_len(d), false);
			if (e && e->unsettled)
				e->unsettled--;
			if (pn->type == WFC_RT_DAG) {
				if (sc->ndone == sc->capdone) {
					sc->capdone = sc->capdone ? 2 * sc->capdone : 16;
					sc->done = wfc_xrealloc(sc->done, sc->capdone * sizeof(*sc->done));
				}
				sc->done[sc->ndone++] = id;
			}
		}
	}
	queue(s, p);
}

/* A done node settles once its hooks are done: lifecycle hooks that
 * started first, then its exit hook. */
static void try_settle(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (st->settled)
		return;
	if (st->phase == WFC_PHASE_SKIPPED || st->phase == WFC_PHASE_OMITTED ||
	    st->phase == WFC_PHASE_DAEMONED) {
		settle(s, id);
		return;
	}
	for (size_t i = 0; i < st->nlhooks; i++) {
		struct nstate *hs = S(s, st->lhooks[i]);
		if (hs->phase != WFC_PHASE_NONE && !hs->settled)
			return;
	}
	if (st->hook != WFC_RT_NONE) {
		struct nstate *hs = S(s, st->hook);
		if (hs->phase == WFC_PHASE_NONE && !hs->replaced) {
			if (s->halt == HALT_INTERRUPT)
				return;
			start_tree(s, st->hook);
			if (!S(s, st->hook)->settled)
				return;
		} else if (!hs->settled) {
			return;
		}
	}
	for (size_t i = 0; i < st->nlhooks; i++)
		if (S(s, st->lhooks[i])->phase == WFC_PHASE_ERROR)
			st->hook_error = true;
	if (st->hook != WFC_RT_NONE && S(s, st->hook)->phase == WFC_PHASE_ERROR)
		st->hook_error = true;
	settle(s, id);
}

static void start_group(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	st->unsettled = st->nkids;
	for (size_t i = 0; i < st->nkids; i++) {
		size_t c = st->kids[i];
		if (S(s, c)->phase == WFC_PHASE_NONE && !S(s, c)->replaced)
			start_tree(s, c);
	}
	queue(s, id);
}

static void advance_steps(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	while (st->cur < st->nkids) {
		size_t g = st->kids[st->cur];
		if (S(s, g)->hook_kind != HOOK_NONE) {
			st->cur++;
			continue;
		}
		if (S(s, g)->phase == WFC_PHASE_NONE) {
			if (s->halt == HALT_INTERRUPT || s->halt == HALT_DEADLINE)
				return;
			start(s, g);
		}
		if (!S(s, g)->settled)
			return;
		if (is_bad(S(s, g)->phase)) {
			finish(s, id, S(s, g)->phase,
			       xprintf("step group %s was unsuccessful: %s", N(s, g)->name,
				       S(s, g)->message ? S(s, g)->message : ""));
			return;
		}
		st->cur++;
	}
	finish(s, id, WFC_PHASE_SUCCEEDED, NULL);
}

static void advance_group(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (st->unsettled)
		return;
	for (size_t i = 0; i < st->nkids; i++) {
		size_t c = st->kids[i];
		struct nstate *cs = S(s, c);
		if (cs->hook_error) {
			finish(s, id, WFC_PHASE_ERROR, xprintf("child '%s' errored: a hook of it ended in Error",
							       N(s, c)->name));
			return;
		}
		if (is_bad(cs->phase) && !continues(N(s, c), cs->phase)) {
			finish(s, id, WFC_PHASE_FAILED, xprintf("child '%s' failed", N(s, c)->name));
			return;
		}
	}
	finish(s, id, WFC_PHASE_SUCCEEDED, NULL);
}

/* ---- DAG ---- */

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

static int dag_state(void *user, const char *task, struct wfc_depends_state *out)
{
	struct dag_ctx *c = user;
	struct wfc_sched *s = c->s;
	struct entry *e = entry_of(scope_of(s, c->dag), task, strlen(task), false);
	if (!e || !e->n)
		return -1;
	if (e->unsettled)
		return 1;
	size_t succeeded = 0, failed = 0;
	bool exact = false, bad = false;
	const struct wfc_rt_node *one = NULL;
	enum wfc_rt_phase ph = WFC_PHASE_NONE;
	for (size_t i = 0; i < e->n; i++) {
		one = N(s, e->ids[i]);
		exact = exact || strcmp(one->display, task) == 0;
		ph = S(s, e->ids[i])->phase;
		if (ph == WFC_PHASE_SUCCEEDED)
			succeeded++;
		if (is_bad(ph))
			failed++, bad = true;
	}
	memset(out, 0, sizeof(*out));
	if (e->n == 1 && exact) {
		out->phase = dphase(ph);
		out->daemoned = ph == WFC_PHASE_DAEMONED;
		out->continue_on_failed = one->continue_failed;
		out->continue_on_error = one->continue_error;
		return 0;
	}
	out->is_group = true;
	out->children = e->n;
	out->children_succeeded = succeeded;
	out->children_failed = failed;
	out->phase = bad ? WFC_DEPENDS_PHASE_FAILED : WFC_DEPENDS_PHASE_SUCCEEDED;
	out->continue_on_failed = one->continue_failed;
	out->continue_on_error = one->continue_error;
	return 0;
}

/* The entry of a dependency name of task t, or NULL. */
static struct entry *dep_entry(struct wfc_sched *s, size_t dag, size_t t, size_t k)
{
	const char *name = wfc_depends_task(S(s, t)->dep, k);
	return entry_of(scope_of(s, dag), name, strlen(name), false);
}

/* The phase a DAG target stands for: an omitted task inherits a failure of
 * the tasks it depends on (Argo assessDAGPhase). */
static enum wfc_rt_phase branch_phase(struct wfc_sched *s, size_t dag, size_t t, int depth)
{
	enum wfc_rt_phase ph = S(s, t)->phase;
	struct wfc_depends *dep = S(s, t)->dep;
	if (ph != WFC_PHASE_OMITTED || !dep || depth > 64)
		return ph;
	for (size_t k = 0; k < wfc_depends_ntasks(dep); k++) {
		struct entry *e = dep_entry(s, dag, t, k);
		for (size_t i = 0; e && i < e->n; i++) {
			if (e->ids[i] == t)
				continue;
			enum wfc_rt_phase up = branch_phase(s, dag, e->ids[i], depth + 1);
			if (is_bad(up))
				return up;
		}
	}
	return ph;
}

/* Is name one of the space-separated words of list? */
static bool in_list(const char *list, const char *name, size_t len)
{
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

/* A target of the DAG: one its `target` names, else one no task depends on. */
static bool is_target(struct wfc_sched *s, size_t dag, size_t t)
{
	const struct wfc_rt_node *d = N(s, dag);
	const char *disp = N(s, t)->display;
	size_t len = base_len(disp);
	if (d->target && *d->target)
		return in_list(d->target, disp, len);
	struct entry *e = entry_of(scope_of(s, dag), disp, len, false);
	return !e || !e->depended_on;
}

static bool handles_failure(struct wfc_sched *s, size_t dag, size_t t)
{
	struct wfc_depends *dep = S(s, t)->dep;
	for (size_t k = 0; dep && k < wfc_depends_ntasks(dep); k++) {
		struct entry *e = dep_entry(s, dag, t, k);
		for (size_t i = 0; e && i < e->n; i++)
			if (is_bad(S(s, e->ids[i])->phase))
				return true;
	}
	return false;
}

/* Starts task t of dag when its depends allows. */
static void dag_try(struct wfc_sched *s, size_t dag, size_t t)
{
	struct nstate *ts = S(s, t);
	struct scope *sc = scope_of(s, dag);
	if (ts->excluded || ts->phase != WFC_PHASE_NONE || ts->replaced ||
	    ts->hook_kind != HOOK_NONE || s->halt == HALT_INTERRUPT || s->halt == HALT_DEADLINE)
		return;
	if (ts->dep) {
		struct dag_ctx ctx = { .s = s, .dag = dag };
		struct wfc_gv_error ge = { 0 };
		bool ok = true;
		int r = wfc_depends_eval(ts->dep, dag_state, &ctx, &ok, &ge);
		if (r == 1)
			return;
		if (r < 0) {
			sc->nrunning++;
			finish(s, t, WFC_PHASE_ERROR, xprintf("cannot evaluate depends '%s': %s",
							      N(s, t)->depends, ge.message));
			return;
		}
		if (!ok) {
			sc->nrunning++;
			finish(s, t, WFC_PHASE_OMITTED, wfc_xstrdup("omitted: depends condition not met"));
			return;
		}
	} else if (N(s, t)->depends && *N(s, t)->depends) {
		/* a depends that did not parse (the compiler checks those it sees) */
		sc->nrunning++;
		finish(s, t, WFC_PHASE_ERROR, xprintf("cannot parse depends '%s'", N(s, t)->depends));
		return;
	}
	if (N(s, dag)->fail_fast && sc->failed && !handles_failure(s, dag, t))
		return;
	sc->nrunning++;
	start(s, t);
	if (!ts->replaced)
		return;
	sc->nrunning--;
	for (size_t i = 0; i < ts->nrepl; i++)
		dag_try(s, dag, ts->repl[i]);
}

static void start_dag(struct wfc_sched *s, size_t id)
{
	scope_of(s, id);
	const struct wfc_rt_node *d = N(s, id);
	struct nstate *st = S(s, id);
	/* who depends on whom, by name */
	for (size_t i = 0; i < st->nkids; i++) {
		size_t t = st->kids[i];
		struct wfc_depends *dep = S(s, t)->dep;
		for (size_t k = 0; dep && S(s, t)->hook_kind == HOOK_NONE && k < wfc_depends_ntasks(dep); k++) {
			struct entry *e = dep_entry(s, id, t, k);
			if (!e)
				continue;
			e->depended_on = true;
			if (e->ndeps == e->capdeps) {
				e->capdeps = e->capdeps ? 2 * e->capdeps : 4;
				e->dependents = wfc_xrealloc(e->dependents, e->capdeps * sizeof(size_t));
			}
			e->dependents[e->ndeps++] = t;
		}
	}
	/* a target: only the targets and what they depend on run */
	if (d->target && *d->target) {
		size_t *todo = wfc_xmalloc((st->nkids + 1) * sizeof(*todo)), nt = 0;
		for (size_t i = 0; i < st->nkids; i++) {
			size_t t = st->kids[i];
			if (S(s, t)->hook_kind != HOOK_NONE)
				continue;
			S(s, t)->excluded = !is_target(s, id, t);
			if (!S(s, t)->excluded)
				todo[nt++] = t;
		}
		while (nt) {
			size_t t = todo[--nt];
			struct wfc_depends *dep = S(s, t)->dep;
			for (size_t k = 0; dep && k < wfc_depends_ntasks(dep); k++) {
				struct entry *e = dep_entry(s, id, t, k);
				for (size_t j = 0; e && j < e->n; j++)
					if (S(s, e->ids[j])->excluded) {
						S(s, e->ids[j])->excluded = false;
						todo = wfc_xrealloc(todo, (st->nkids + nt + 1) * sizeof(*todo));
						todo[nt++] = e->ids[j];
					}
			}
		}
		free(todo);
	}
	/* a snapshot: starting a task may put its expansion in its place */
	size_t n = st->nkids;
	size_t *tasks = ids_copy(st->kids, n);
	for (size_t i = 0; i < n; i++)
		dag_try(s, id, tasks[i]);
	free(tasks);
	queue(s, id);
}

/* Not a DAG target for the DAG's phase. */
static bool ts_skip(struct wfc_sched *s, size_t dag, size_t t)
{
	return S(s, t)->excluded || !is_target(s, dag, t);
}

static void dag_finish(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	struct scope *sc = scope_of(s, id);
	enum wfc_rt_phase res = WFC_PHASE_SUCCEEDED;
	for (size_t i = 0; i < st->nkids; i++) {
		size_t t = st->kids[i];
		if (S(s, t)->hook_kind == HOOK_NONE && S(s, t)->hook_error) {
			finish(s, id, WFC_PHASE_ERROR,
			       xprintf("task '%s' errored: a hook of it ended in Error", N(s, t)->name));
			return;
		}
	}
	if (n->fail_fast && sc->failed) {
		/* tasks left unstarted: the first failure decides */
		bool left = false;
		for (size_t k = 0; k < st->nkids && !left; k++) {
			const struct nstate *ks = S(s, st->kids[k]);
			left = ks->phase == WFC_PHASE_NONE && !ks->excluded && !ks->replaced &&
			       ks->hook_kind == HOOK_NONE;
		}
		for (size_t i = 0; left && i < st->nkids; i++) {
			size_t t = st->kids[i];
			enum wfc_rt_phase ph = S(s, t)->phase;
			if (S(s, t)->hook_kind == HOOK_NONE && is_bad(ph) && !continues(N(s, t), ph) &&
			    !is_target(s, id, t)) {
				finish(s, id, ph, xprintf("task '%s' %s", N(s, t)->name,
							  ph == WFC_PHASE_ERROR ? "errored" : "failed"));
				return;
			}
		}
	}
	size_t bad = WFC_RT_NONE;
	for (size_t i = 0; i < st->nkids && res == WFC_PHASE_SUCCEEDED; i++) {
		size_t t = st->kids[i];
		if (S(s, t)->hook_kind != HOOK_NONE || ts_skip(s, id, t))
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

static void advance_dag(struct wfc_sched *s, size_t id)
{
	struct scope *sc = scope_of(s, id);
	for (size_t i = 0; i < sc->ndone; i++) {
		size_t t = sc->done[i];
		struct nstate *ts = S(s, t);
		if (sc->nrunning)
			sc->nrunning--;
		if ((is_bad(ts->phase) && !continues(N(s, t), ts->phase)) || ts->hook_error)
			sc->failed = true;
		const char *d = N(s, t)->display;
		struct entry *e = entry_of(sc, d, base_len(d), false);
		if (!e || e->unsettled)
			continue;
		for (size_t k = 0; k < e->ndeps; k++)
			dag_try(s, id, e->dependents[k]);
	}
	sc->ndone = 0;
	if (!sc->nrunning)
		dag_finish(s, id);
}

/* ---- outputs ---- */


/* Output parameters of a Steps or DAG template (valueFrom.parameter). */
static void scope_outputs(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	if (!n->noutputs || !st->nkids || st->outputs)
		return;
	st->outputs = calloc(n->noutputs, sizeof(char *));
	if (!st->outputs)
		abort();
	for (size_t i = 0; i < n->noutputs; i++) {
		const char *src = n->outputs[i].parameter ? n->outputs[i].parameter
							  : n->outputs[i].value;
		char err[256], *v = NULL;
		if (src && subst_inside(s, id, src, &v, err, sizeof(err)) == 0)
			st->outputs[i] = v;
		else if (n->outputs[i].dflt)
			st->outputs[i] = wfc_xstrdup(n->outputs[i].dflt);
	}
	if (st->phase == WFC_PHASE_SUCCEEDED)
		export_globals(s, id);
}

static void advance(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	if (st->replaced)
		return;
	if (st->phase == WFC_PHASE_RUNNING && s->halt != HALT_INTERRUPT &&
	    s->halt != HALT_DEADLINE) {
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
		default:
			break;
		}
		if (is_done(st->phase) && (n->type == WFC_RT_STEPS || n->type == WFC_RT_DAG))
			scope_outputs(s, id);
	}
	if (fulfilled(st->phase))
		try_settle(s, id);
}

/* Exports the output parameters of node id that have a globalName. */
static void export_globals(struct wfc_sched *s, size_t id)
{
	const struct wfc_rt_node *n = N(s, id);
	const struct nstate *st = S(s, id);
	for (size_t k = 0; st->outputs && k < n->noutputs; k++) {
		const char *g = n->outputs[k].global_name;
		if (!g || !*g || !st->outputs[k])
			continue;
		size_t i = 0;
		while (i < s->nglobals && strcmp(s->globals[i].name, g) != 0)
			i++;
		if (i == s->nglobals) {
			s->globals = wfc_xrealloc(s->globals, (s->nglobals + 1) * sizeof(*s->globals));
			s->globals[s->nglobals++] = (struct global){ .name = wfc_xstrdup(g) };
		}
		free(s->globals[i].value);
		s->globals[i].value = wfc_xstrdup(st->outputs[k]);
	}
}

/* ---- retries ---- */

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
	const struct nstate *st = S(s, id);
	const struct attempt *a = &st->att[st->natt - 1];
	double now = wfc_now_mono();
	if (a->phase == WFC_PHASE_SUCCEEDED || s->halt != HALT_NONE || st->settled)
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

/* ---- jobs ---- */

static void drop_job(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	size_t slot = st->run_slot;
	if (slot < s->running.n && s->running.v[slot] == id) {
		size_t last = s->running.v[--s->running.n];
		if (last != id) {
			s->running.v[slot] = last;
			S(s, last)->run_slot = slot;
		}
	}
	st->job = NULL;
	count_jobs(s, id, -1);
	if (st->daemon_live) {
		st->daemon_live = false;
		ids_remove(&s->daemons, id);
	}
}

/* The executor says a job ended. */
static void job_done(struct wfc_sched *s, size_t id, struct wfc_exec_result *r)
{
	const struct wfc_rt_node *n = N(s, id);
	struct nstate *st = S(s, id);
	drop_job(s, id);
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
	if (n->no_result) {
		/* nothing refers to it: Argo keeps none (plan.h) */
		free(st->result);
		st->result = NULL;
	}
	free(r->stderr_tail);
	if (st->daemon_killed) {
		/* a daemon ended with its scope: Argo marks it Succeeded */
		free(r->message);
		r->message = NULL;
		r->phase = WFC_PHASE_SUCCEEDED;
	} else if (s->deadline_hit) {
		free(r->message);
		r->phase = WFC_PHASE_FAILED;
		r->message = wfc_xstrdup("Step exceeded its deadline");
	} else if (s->halt == HALT_STOP && !n->exit_handler && r->phase != WFC_PHASE_SUCCEEDED) {
		free(r->message);
		r->phase = WFC_PHASE_FAILED;
		r->message = wfc_xstrdup("workflow shutdown with strategy: Stop");
	}
	if (!n->retry.set || st->settled) {
		if (r->phase == WFC_PHASE_SUCCEEDED)
			export_globals(s, id);
		finish(s, id, r->phase, r->message);
		slots_freed(s, id);
		return;
	}
	struct attempt *a = &st->att[st->natt - 1];
	a->phase = r->phase;
	a->message = r->message;
	a->exit_code = r->exit_code;
	a->finished_mono = wfc_now_mono();
	a->finished_wall = wfc_now_wall();
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
		slots_freed(s, id);
		return;
	}
	st->attempt++;
	st->pending = true;
	st->launch_at = wfc_now_mono() + wait;
	if (s->o.progress)
		fprintf(s->o.progress, "%s  Retrying  (attempt %u)\n", n->name, st->attempt + 1);
	try_launch(s, id);
	slots_freed(s, id);
}

static int cmp_id(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The running jobs the executor has news of (all of them if it does not
 * say), in the order of their nodes. */
static void poll_jobs(struct wfc_sched *s)
{
	size_t n = s->running.n;
	size_t *ids;
	if (s->ex.news) {
		const size_t *tags;
		n = s->ex.news(s->ex.self, &tags);
		ids = ids_copy(tags, n);
		qsort(ids, n, sizeof(*ids), cmp_id);
	} else {
		ids = ids_copy(s->running.v, n);
	}
	for (size_t i = 0; i < n; i++) {
		if (i && ids[i] == ids[i - 1])
			continue;
		struct nstate *st = S(s, ids[i]);
		if (!st->job)
			continue;
		struct wfc_exec_result r = { .exit_code = -1 };
		if (s->ex.poll(s->ex.self, st->job, &r) == 1)
			job_done(s, ids[i], &r);
	}
	free(ids);
}

static void stop_all(struct wfc_sched *s, bool exit_handlers_too)
{
	for (size_t i = 0; i < s->running.n; i++) {
		size_t id = s->running.v[i];
		if (exit_handlers_too || !N(s, id)->exit_handler)
			s->ex.kill(s->ex.self, S(s, id)->job);
	}
}

static void kill_daemons(struct wfc_sched *s, size_t scope)
{
	for (size_t i = 0; i < s->daemons.n; i++) {
		size_t d = s->daemons.v[i];
		struct nstate *ds = S(s, d);
		if (!ds->job || ds->daemon_killed || !is_under(s, d, scope))
			continue;
		ds->daemon_killed = true;
		s->ex.kill(s->ex.self, ds->job);
	}
}

/* A daemon's job runs: is it ready yet? */
static void check_ready(struct wfc_sched *s, size_t id)
{
	struct nstate *st = S(s, id);
	if (!st->job || st->phase != WFC_PHASE_RUNNING)
		return;
	int r = s->ex.ready ? s->ex.ready(s->ex.self, st->job) : 1;
	if (!r) {
		set_timer(s, id, wfc_now_mono() + READY_POLL_S);
		return;
	}
	const char *ip = s->ex.address ? s->ex.address(s->ex.self, st->job) : NULL;
	free(st->ip);
	st->ip = ip ? wfc_xstrdup(ip) : NULL;
	st->phase = WFC_PHASE_DAEMONED;
	s->changes++;
	progress(s, id);
	lifecycle_hooks(s, id);
	queue(s, id);
}

static void fire_timers(struct wfc_sched *s)
{
	double now = wfc_now_mono();
	size_t n = s->timers.n;
	size_t *ids = ids_copy(s->timers.v, n);
	for (size_t i = 0; i < n; i++) {
		size_t id = ids[i];
		struct nstate *st = S(s, id);
		if (!st->timer || st->wake_at > now)
			continue;
		clear_timer(s, id);
		if (st->suspended)
			finish(s, id, WFC_PHASE_SUCCEEDED, NULL);
		else if (st->pending)
			try_launch(s, id);
		else if (st->daemon_live)
			check_ready(s, id);
	}
	free(ids);
}

/* How long the loop may sleep: until the next timer or the deadline. */
static int next_wakeup(const struct wfc_sched *s)
{
	double now = wfc_now_mono(), t = 1.0;
	for (size_t i = 0; i < s->timers.n; i++) {
		double d = S(s, s->timers.v[i])->wake_at - now;
		if (d < t)
			t = d;
	}
	if (s->deadline > 0 && !s->deadline_hit && s->deadline - now < t)
		t = s->deadline - now;
	return t > 0 ? (int)(t * 1000) + 1 : 0;
}

/* Every node of the tree under id still running ends so (children come
 * after their parent in the table: from the last one up). */
static void fail_unfinished(struct wfc_sched *s, size_t id, enum wfc_rt_phase ph,
			    const char *msg)
{
	for (size_t i = s->nn; i-- > 0;) {
		struct nstate *st = S(s, i);
		if ((st->phase != WFC_PHASE_RUNNING && st->phase != WFC_PHASE_DAEMONED) ||
		    (id != WFC_RT_NONE && !is_under(s, i, id)))
			continue;
		finish(s, i, ph, wfc_xstrdup(msg));
	}
}

/* Advances every queued node until nothing is queued. */
static void work(struct wfc_sched *s)
{
	size_t id;
	for (int round = 0; round < 2; round++) {
		while (fifo_pop(&s->q, &id)) {
			S(s, id)->queued = false;
			advance(s, id);
		}
		workflow_hooks(s);
		if (!s->q.n)
			break;
		round = -1;
	}
}

static bool target_done(struct wfc_sched *s, size_t target)
{
	if (target != WFC_RT_NONE)
		return S(s, target)->settled;
	for (size_t i = 0; i < s->wf_hooks.n; i++) {
		const struct nstate *hs = S(s, s->wf_hooks.v[i]);
		if (hs->phase != WFC_PHASE_NONE && !hs->settled)
			return false;
	}
	return true;
}

/* Runs the tree under target (NONE: the workflow's hooks) to its end, or
 * to an interruption. */
static void drive(struct wfc_sched *s, size_t target)
{
	if (target != WFC_RT_NONE && S(s, target)->phase == WFC_PHASE_NONE)
		start_tree(s, target);
	for (;;) {
		work(s);
		if (target_done(s, target) && !s->running.n)
			return;
		if (s->halt != HALT_INTERRUPT && s->ex.interrupted && s->ex.interrupted(s->ex.self)) {
			s->halt = HALT_INTERRUPT;
			s->interrupted = true;
			if (s->o.progress)
				fprintf(s->o.progress, "interrupted: stopping every running step\n");
			stop_all(s, true);
		}
		if (s->halt == HALT_INTERRUPT && !s->running.n)
			return;
		if (s->deadline > 0 && !s->deadline_hit && wfc_now_mono() >= s->deadline) {
			s->deadline_hit = true;
			s->halt = HALT_DEADLINE;
			if (s->o.progress)
				fprintf(s->o.progress, "workflow exceeded its deadline: stopping every running step\n");
			stop_all(s, true);
		}
		if (s->deadline_hit && !s->running.n) {
			fail_unfinished(s, target, WFC_PHASE_FAILED, "Step exceeded its deadline");
			work(s);
			return;
		}
		if (!s->running.n && !s->timers.n && !s->suspended.n && !s->q.n) {
			/* nothing runs, nothing will: a node waits for what never comes */
			fail_unfinished(s, target, WFC_PHASE_ERROR,
					"the run cannot go on: nothing runs and nothing is waited for");
			work(s);
			return;
		}
		s->ex.wait(s->ex.self, next_wakeup(s));
		if (s->o.control)
			s->o.control(s->o.control_user, s);
		poll_jobs(s);
		fire_timers(s);
	}
}

/* ---- life ---- */

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
	s->made = cJSON_CreateArray();
	s->xenv = (struct wfc_rt_expand_env){
		.made = s->made, .templates = p->templates, .workflow = p->name,
		.add = x_add, .node = x_node, .subst = x_subst, .user = s,
	};
	for (size_t i = 0; i < p->nnodes; i++)
		add_node(s, &p->nodes[i]);
	s->wf_phase = WFC_PHASE_RUNNING;
	s->inside = WFC_RT_NONE;
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

static void scope_free(struct scope *sc)
{
	if (!sc)
		return;
	for (size_t i = 0; i < sc->nall; i++) {
		free(sc->all[i]->ids);
		free(sc->all[i]->dependents);
		free(sc->all[i]);
		free(sc->keys[i]);
	}
	free(sc->all);
	free(sc->keys);
	free(sc->done);
	wfc_strmap_free(&sc->names);
	free(sc);
}

void wfc_sched_destroy(struct wfc_sched *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nn; i++) {
		struct nstate *st = S(s, i);
		free(st->message);
		free(st->result);
		if (st->outputs)
			for (size_t k = 0; k < N(s, i)->noutputs; k++)
				free(st->outputs[k]);
		free(st->outputs);
		wfc_depends_free(st->dep);
		for (size_t k = 0; k < st->natt; k++)
			free(st->att[k].message);
		free(st->att);
		if (st->kcap)
			free(st->kids);
		free(st->lhooks);
		free(st->repl);
		scope_free(st->scope);
		if (st->waiting)
			free(st->waiting->v);
		free(st->waiting);
		free(st->ip);
	}
	for (size_t i = 0; i < s->nchunks; i++)
		free(s->chunks[i]);
	free(s->chunks);
	free(s->nodes);
	for (size_t i = 0; i < s->nglobals; i++) {
		free(s->globals[i].name);
		free(s->globals[i].value);
	}
	free(s->globals);
	free(s->q.v);
	free(s->gwait.v);
	free(s->running.v);
	free(s->timers.v);
	free(s->daemons.v);
	free(s->suspended.v);
	free(s->wf_hooks.v);
	cJSON_Delete(s->made);
	if (s->a)
		wfc_arena_destroy(s->a);
	free(s);
}

/* The workflow's lifecycle hooks (other than exit) as nodes of their own,
 * started when their expression holds. */
static void make_workflow_hooks(struct wfc_sched *s)
{
	const cJSON *h;
	cJSON_ArrayForEach(h, s->p->hooks) {
		if (!h->string || !cJSON_IsObject(h) || strcmp(h->string, "exit") == 0)
			continue;
		need_arena(s);
		char *name = xprintf("%s.hooks.%s", s->p->name, h->string);
		char *disp = xprintf("hooks.%s", h->string);
		size_t id = wfc_rt_expand_hook(&s->xenv, WFC_RT_NONE, name, disp, h, h->string,
					       N(s, s->p->root)->inputs, 0);
		free(name);
		free(disp);
		S(s, id)->hook_kind = HOOK_LIFE;
		ids_push(&s->wf_hooks, id);
	}
}

/* spec.suspend: the workflow waits for a resume before it starts. */
static void wait_resumed(struct wfc_sched *s)
{
	s->wf_suspended = true;
	if (s->o.progress) {
		fprintf(s->o.progress, "%s  Suspended%s%s%s\n", s->p->name,
			s->o.resume_hint ? "  until '" : "",
			s->o.resume_hint ? s->o.resume_hint : "", s->o.resume_hint ? "'" : "");
		fflush(s->o.progress);
	}
	while (s->wf_suspended && s->halt == HALT_NONE) {
		s->ex.wait(s->ex.self, 1000);
		if (s->o.control)
			s->o.control(s->o.control_user, s);
		if (s->ex.interrupted && s->ex.interrupted(s->ex.self)) {
			s->halt = HALT_INTERRUPT;
			s->interrupted = true;
		}
	}
	s->wf_suspended = false;
}

enum wfc_rt_phase wfc_sched_run(struct wfc_sched *s)
{
	double now = wfc_now_wall();
	s->started_wall = s->o.started_at > 0 && s->o.started_at < now ? s->o.started_at : now;
	if (s->p->suspend)
		wait_resumed(s);
	if (s->p->active_deadline_s > 0)
		s->deadline = wfc_now_mono() + s->p->active_deadline_s - (now - s->started_wall);
	make_workflow_hooks(s);
	if (s->halt == HALT_INTERRUPT || s->halt == HALT_STOP) {
		finish(s, s->p->root, WFC_PHASE_FAILED,
		       wfc_xstrdup(s->interrupted ? "interrupted"
				   : "workflow shutdown with strategy: Stop"));
		settle(s, s->p->root);
	}
	drive(s, s->p->root);
	s->deadline = 0;
	enum wfc_rt_phase ph = S(s, s->p->root)->phase;
	if (s->interrupted || !is_done(ph))
		ph = WFC_PHASE_FAILED;
	if (ph == WFC_PHASE_SKIPPED || ph == WFC_PHASE_OMITTED)
		ph = WFC_PHASE_SUCCEEDED;
	s->wf_phase = ph;
	s->changes++;
	if (s->deadline_hit) {
		s->deadline_hit = false;
		s->halt = HALT_NONE;
	}
	if (s->p->on_exit != WFC_RT_NONE && !s->interrupted) {
		drive(s, s->p->on_exit);
		if (is_bad(S(s, s->p->on_exit)->phase) && ph == WFC_PHASE_SUCCEEDED)
			ph = S(s, s->p->on_exit)->phase;
	}
	if (!s->interrupted)
		drive(s, WFC_RT_NONE);
	if (s->interrupted || s->stopped)
		ph = WFC_PHASE_FAILED;
	s->wf_phase = ph;
	s->finished_wall = wfc_now_wall();
	return ph;
}

bool wfc_sched_interrupted(const struct wfc_sched *s)
{
	return s->interrupted;
}

size_t wfc_sched_resume(struct wfc_sched *s)
{
	size_t n = s->suspended.n + s->wf_suspended;
	s->wf_suspended = false;
	while (s->suspended.n) {
		size_t id = s->suspended.v[0];
		finish(s, id, WFC_PHASE_SUCCEEDED, NULL);
	}
	return n;
}

void wfc_sched_stop(struct wfc_sched *s)
{
	if (s->halt != HALT_NONE)
		return;
	s->halt = HALT_STOP;
	s->stopped = true;
	if (s->o.progress)
		fprintf(s->o.progress, "stopping: running steps end, exit handlers run\n");
	stop_all(s, false);
	for (size_t i = 0; i < s->nn; i++) {
		struct nstate *st = S(s, i);
		if (N(s, i)->exit_handler)
			continue;
		if ((st->pending && !st->job) || st->suspended)
			finish(s, i, WFC_PHASE_FAILED, wfc_xstrdup("workflow shutdown with strategy: Stop"));
	}
}

size_t wfc_sched_nnodes(const struct wfc_sched *s)
{
	return s->nn;
}

const struct wfc_rt_node *wfc_sched_node(const struct wfc_sched *s, size_t id)
{
	return id < s->nn ? N(s, id) : NULL;
}

const size_t *wfc_sched_children(const struct wfc_sched *s, size_t id, size_t *n)
{
	if (id >= s->nn) {
		*n = 0;
		return NULL;
	}
	return kids(s, id, n);
}

unsigned long wfc_sched_changes(const struct wfc_sched *s)
{
	return s->changes;
}

/* A node that took no part (replaced by its expansion, or a helper). */
static bool hidden(const struct wfc_sched *s, size_t id)
{
	return S(s, id)->replaced;
}

enum wfc_rt_phase wfc_sched_node_phase(const struct wfc_sched *s, size_t id)
{
	return id < s->nn && !hidden(s, id) ? S(s, id)->phase : WFC_PHASE_NONE;
}

const char *wfc_sched_node_message(const struct wfc_sched *s, size_t id)
{
	return id < s->nn ? S(s, id)->message : NULL;
}

const char *wfc_sched_node_result(const struct wfc_sched *s, size_t id)
{
	return id < s->nn ? S(s, id)->result : NULL;
}

const char *wfc_sched_node_output(const struct wfc_sched *s, size_t id, size_t i)
{
	if (id >= s->nn || i >= N(s, id)->noutputs || !S(s, id)->outputs)
		return NULL;
	return S(s, id)->outputs[i];
}

size_t wfc_sched_node_attempts(const struct wfc_sched *s, size_t id)
{
	return id < s->nn ? S(s, id)->natt : 0;
}

enum wfc_rt_phase wfc_sched_attempt_phase(const struct wfc_sched *s, size_t id, size_t k)
{
	return k < wfc_sched_node_attempts(s, id) ? S(s, id)->att[k].phase : WFC_PHASE_NONE;
}

const char *wfc_sched_attempt_message(const struct wfc_sched *s, size_t id, size_t k)
{
	return k < wfc_sched_node_attempts(s, id) ? S(s, id)->att[k].message : NULL;
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

/* A node's (or an attempt's) message, startedAt and finishedAt. */
static void add_times(cJSON *o, const char *message, enum wfc_rt_phase ph, double started,
		      double finished)
{
	char ts[32];
	if (message && *message)
		cJSON_AddStringToObject(o, "message", message);
	wfc_rfc3339_format(started, ts, sizeof(ts));
	cJSON_AddStringToObject(o, "startedAt", ts);
	if (is_done(ph)) {
		wfc_rfc3339_format(finished, ts, sizeof(ts));
		cJSON_AddStringToObject(o, "finishedAt", ts);
	}
}

/* The attempts of a retried Pod node, as Argo's children NAME(k). */
static void attempts_json(const struct wfc_sched *s, size_t id, cJSON *nodes, cJSON *children)
{
	const struct wfc_rt_node *n = N(s, id);
	const struct nstate *st = S(s, id);
	char idb[320];
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
		add_times(o, a->message, a->phase, a->started_wall, a->finished_wall);
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

/* Argo's type of a node as it ran. */
static const char *type_name(const struct wfc_sched *s, size_t id)
{
	const struct nstate *st = S(s, id);
	const struct wfc_rt_node *n = N(s, id);
	if (st->phase == WFC_PHASE_SKIPPED || st->phase == WFC_PHASE_OMITTED)
		return "Skipped";
	if (st->natt)
		return "Retry";
	if (n->type == WFC_RT_EXPAND)
		return wfc_rt_call_type(&s->xenv, n->call);
	return n->type_name;
}

/* The workflow without its nodes; status, its last member, ends with an
 * empty "nodes" (wfc_sched_workflow_text relies on that). */
static cJSON *workflow_head(const struct wfc_sched *s, cJSON **nodes)
{
	char ts[32];
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
	wfc_rfc3339_format(s->started_wall, ts, sizeof(ts));
	cJSON_AddStringToObject(status, "startedAt", ts);
	if (is_done(s->wf_phase)) {
		wfc_rfc3339_format(s->finished_wall, ts, sizeof(ts));
		cJSON_AddStringToObject(status, "finishedAt", ts);
	}
	const char *msg = s->interrupted ? "interrupted"
			  : s->stopped ? "Stopped with strategy 'Stop'"
			  : S(s, s->p->root)->message;
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
	*nodes = cJSON_AddObjectToObject(status, "nodes");
	return wf;
}

/* Node i (and its attempts) as members of nodes. */
static void node_json(const struct wfc_sched *s, size_t i, cJSON *nodes)
{
	char idb[320];
	const struct nstate *st = S(s, i);
	const struct wfc_rt_node *n = N(s, i);
	if (st->phase == WFC_PHASE_NONE || hidden(s, i))
		return;
	node_id(s, i, idb, sizeof(idb));
	cJSON *o = cJSON_AddObjectToObject(nodes, idb);
	cJSON_AddStringToObject(o, "id", idb);
	cJSON_AddStringToObject(o, "name", n->name);
	cJSON_AddStringToObject(o, "displayName", n->display);
	cJSON_AddStringToObject(o, "type", type_name(s, i));
	if (n->template_name)
		cJSON_AddStringToObject(o, "templateName", n->template_name);
	bool daemoned = st->phase == WFC_PHASE_DAEMONED;
	cJSON_AddStringToObject(o, "phase", wfc_rt_phase_name(daemoned ? WFC_PHASE_RUNNING
							      : st->phase));
	if (daemoned)
		cJSON_AddBoolToObject(o, "daemoned", true);
	add_times(o, st->message, st->phase, st->started_wall, st->finished_wall);
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
	for (size_t k = 0; k < st->nkids; k++) {
		size_t c = st->kids[k];
		if (S(s, c)->phase == WFC_PHASE_NONE || hidden(s, c))
			continue;
		if (!ch)
			ch = cJSON_AddArrayToObject(o, "children");
		node_id(s, c, idb, sizeof(idb));
		cJSON_AddItemToArray(ch, cJSON_CreateString(idb));
	}
}

cJSON *wfc_sched_workflow_json(const struct wfc_sched *s)
{
	cJSON *nodes;
	cJSON *wf = workflow_head(s, &nodes);
	for (size_t i = 0; i < s->nn; i++)
		node_json(s, i, nodes);
	return wf;
}

char *wfc_sched_workflow_text(const struct wfc_sched *s)
{
	cJSON *nodes;
	cJSON *wf = workflow_head(s, &nodes);
	char *head = cJSON_PrintUnformatted(wf);
	cJSON_Delete(wf);
	size_t hl = strlen(head);
	/* it ends ..."nodes":{}}}: the nodes go between the first two braces */
	if (hl < 4 || strcmp(head + hl - 4, "{}}}") != 0)
		abort();
	struct wfc_buf b = { 0 };
	wfc_buf_add(&b, head, hl - 3);
	cJSON_free(head);
	bool first = true;
	for (size_t i = 0; i < s->nn; i++) {
		cJSON *one = cJSON_CreateObject();
		node_json(s, i, one);
		if (one->child) {
			char *t = cJSON_PrintUnformatted(one);
			if (!first)
				wfc_buf_add(&b, ",", 1);
			wfc_buf_add(&b, t + 1, strlen(t) - 2);
			first = false;
			cJSON_free(t);
		}
		cJSON_Delete(one);
	}
	wfc_buf_add(&b, "}}}", 3);
	return b.s;
}

