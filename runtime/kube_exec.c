/* The kube executor (runtime/kube_exec.h). */
#include <errno.h>
#include <stdarg.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/jobtmpl.h"
#include "runtime/kube_exec.h"
#include "runtime/kube_resource.h"
#include "runtime/kube_run.h"
#include "runtime/proc.h"
#include "runtime/wrapper.h"
#include "support/buf.h"
#include "support/names.h"
#include "support/strmap.h"
#include "support/xalloc.h"
#include "support/clock.h"
#include "support/json.h"
#include "support/text.h"

/* Argo keeps the last 256 KiB of a step's stdout as outputs.result. */
#define RESULT_MAX (256 * 1024)
/* How long an ended Job waits for its pod's end on the pods' watch before
 * the pods are listed (the two watches are apart: the Job's news often
 * comes first, the pod's a few milliseconds later). */
#define POD_GRACE_S 1.0

enum kstate {
	K_RUNNING,       /* Job unsuspended or created; waiting for its end */
	K_KILLED,        /* kill asked: the Job is being deleted */
};

struct kjob {
	struct wfc_kube_jobs *k;
	const struct wfc_rt_node *node;
	char *name;          /* the Job's name */
	enum kstate state;
	bool gone;           /* the Job vanished before it ended */
	double started;
	double end_seen;     /* when its Job was first seen ended before its pod; 0: not */
	char *pod;           /* the pod last seen, or NULL */
	char *ip;
	struct wfc_kres *res; /* a resource template's action, else NULL */
	struct wfc_kube_call *unsuspend; /* the PATCH that starts it, until answered */
	char *start_error;   /* why that PATCH failed: the node ends in Error */
	/* kube_poll reads the caches again only when this is set: by mark(),
	 * which also puts the job in the news the scheduler polls, at an event
	 * of its Job or pod, a refused start, a kill, or once wake_at (0:
	 * never) passed (kube_news) */
	bool dirty;
	double wake_at;
	size_t tag;          /* the scheduler's name for it */
	bool queued;         /* in k->news */
};

/* The newest pod of a Job, kept up to date from the pods' events. */
struct podref {
	char *job;           /* the key */
	char *pod;           /* NULL: none now */
	char *created;       /* its creationTimestamp */
	bool daemon;         /* it came from the daemons' cache (dpods) */
	bool done;           /* the Job's end is read: its pods are not cached */
	struct kjob *live;   /* the running job of this Job, or NULL */
};

struct wfc_kube_jobs {
	struct wfc_kube_jobs_opts o;
	struct wfc_kube *c;
	const char *ns;
	char *label;
	char *selector;
	/* pods: those that ended; dpods: daemons' pods once they left Pending
	 * (NULL when the run has no daemon) */
	struct wfc_kube_informer *jobs, *pods, *dpods;
	struct kjob **live;
	size_t nlive, caplive;
	size_t nres;                 /* resource jobs running: wait() polls them */
	size_t nwake;                /* live jobs with a wake_at */
	/* the jobs with news since the scheduler last asked, and the tags
	 * it was last given */
	struct kjob **news;
	size_t nnews, capnews;
	size_t *tags, captags;
	const cJSON **pnodes;        /* the plan's "nodes", by id */
	size_t npnodes;
	struct wfc_strmap podrefs;   /* Job name -> struct podref */
	struct podref **refs;
	size_t nrefs;
	struct wfc_kube_jobs_stats stats;
	int interrupted;
};

char *wfc_kube_run_label(const char *name)
{
	return wfc_name_fit(name, WFC_NAME_MAX);
}

static const struct wfc_kube_res *R(enum wfc_kube_builtin b)
{
	return wfc_kube_builtin(b);
}

/* Job j has news: the scheduler polls it at its next wake-up. */
static void mark(struct kjob *j)
{
	struct wfc_kube_jobs *k = j->k;
	j->dirty = true;
	if (j->queued)
		return;
	if (k->nnews == k->capnews) {
		k->capnews = k->capnews ? k->capnews * 2 : 16;
		k->news = wfc_xrealloc(k->news, k->capnews * sizeof(*k->news));
	}
	k->news[k->nnews++] = j;
	j->queued = true;
}

static void set_wake(struct kjob *j, double at)
{
	if (!j->wake_at && at)
		j->k->nwake++;
	else if (j->wake_at && !at)
		j->k->nwake--;
	j->wake_at = at;
}

/* A Job's news: its running job is polled again. */
static void job_event(void *ud, enum wfc_kube_event ev, const cJSON *obj)
{
	struct wfc_kube_jobs *k = ud;
	const char *name = wfc_json_str(wfc_json_get(obj, "metadata"), "name");
	struct podref *r = name ? wfc_strmap_get(&k->podrefs, name, strlen(name)) : NULL;
	(void)ev;
	if (r && r->live)
		mark(r->live);
}

static const char *job_of_pod(const cJSON *pod);

static struct podref *podref_make(struct wfc_kube_jobs *k, const char *job)
{
	struct podref *r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->job = wfc_xstrdup(job);
	wfc_strmap_put(&k->podrefs, r->job, strlen(r->job), r);
	k->refs = wfc_xrealloc(k->refs, (k->nrefs + 1) * sizeof(*k->refs));
	k->refs[k->nrefs++] = r;
	return r;
}

static void podref_clear(struct podref *r)
{
	free(r->pod);
	free(r->created);
	r->pod = r->created = NULL;
}

/* Drops pod name from both pod caches. */
static void forget_pod(struct wfc_kube_jobs *k, const char *name)
{
	/* name may be the cached pod's own: the first forget frees it */
	char *n = wfc_xstrdup(name);
	wfc_kube_informer_forget(k->pods, k->ns, n);
	if (k->dpods)
		wfc_kube_informer_forget(k->dpods, k->ns, n);
	free(n);
}

static void pod_event_in(struct wfc_kube_jobs *k, bool daemon, enum wfc_kube_event ev,
			 const cJSON *pod)
{
	const char *job = job_of_pod(pod);
	const cJSON *meta = cJSON_GetObjectItemCaseSensitive(pod, "metadata");
	const cJSON *nm = cJSON_GetObjectItemCaseSensitive(meta, "name");
	const cJSON *ts = cJSON_GetObjectItemCaseSensitive(meta, "creationTimestamp");
	if (!job || !cJSON_IsString(nm))
		return;
	const char *created = cJSON_IsString(ts) ? ts->valuestring : "";
	struct podref *r = wfc_strmap_get(&k->podrefs, job, strlen(job));
	if (r && r->done) {
		/* a pod of a Job whose end was read (the pods' watch often
		 * comes after the Job's): not kept. The informer allows this
		 * from its callback; pod is gone after it */
		if (ev != WFC_KUBE_DELETED)
			forget_pod(k, nm->valuestring);
		return;
	}
	if (!r) {
		if (ev == WFC_KUBE_DELETED)
			return;
		r = podref_make(k, job);
	}
	if (r->live)
		mark(r->live);
	if (ev == WFC_KUBE_DELETED) {
		/* a daemon's pod that ended leaves the daemons' cache and
		 * stays in the other */
		if (r->pod && strcmp(r->pod, nm->valuestring) == 0 && r->daemon == daemon)
			podref_clear(r);
		return;
	}
	/* RFC 3339 in UTC sorts as text: the newest pod wins */
	if (!r->pod || strcmp(r->pod, nm->valuestring) == 0 || strcmp(created, r->created) >= 0) {
		free(r->pod);
		free(r->created);
		r->pod = wfc_xstrdup(nm->valuestring);
		r->created = wfc_xstrdup(created);
		r->daemon = daemon;
	}
}

static void pod_event(void *ud, enum wfc_kube_event ev, const cJSON *pod)
{
	pod_event_in(ud, false, ev, pod);
}

static void daemon_pod_event(void *ud, enum wfc_kube_event ev, const cJSON *pod)
{
	pod_event_in(ud, true, ev, pod);
}

/* Whether a daemon may run: a node of the plan, or a template the
 * coordinator expands. */
static bool plan_has_daemon(const struct wfc_rt_plan *p)
{
	for (size_t i = 0; i < p->nnodes; i++)
		if (p->nodes[i].daemon)
			return true;
	const cJSON *t;
	cJSON_ArrayForEach(t, p->templates) {
		const cJSON *d = cJSON_GetObjectItemCaseSensitive(t, "daemon");
		if (cJSON_IsTrue(d) || cJSON_IsString(d))
			return true;
	}
	return false;
}

static void count_error(void *ud, const struct wfc_kube_error *e)
{
	struct wfc_kube_jobs *k = ud;
	(void)e;
	k->stats.api_errors++;
}

/* What the caches keep of a Job and of a pod: what this file reads (a run
 * of 10,000 Jobs holds 10,000 of each; the pod template is most of a
 * Job). Watch events are cut to it before they are parsed (the
 * informer's keep), listed objects after (trim) */
static const struct wfc_json_keep job_keep_ann[] = { { WFC_OUTPUTS_ANNOTATION, NULL },
						     { NULL, NULL } };
static const struct wfc_json_keep job_keep_meta[] = {
	{ "name", NULL }, { "namespace", NULL }, { "resourceVersion", NULL },
	{ "annotations", job_keep_ann }, { "deletionTimestamp", NULL }, { NULL, NULL },
};
static const struct wfc_json_keep job_keep_spec[] = { { "suspend", NULL }, { NULL, NULL } };
/* condition() reads Complete and Failed only: type, status, reason, message */
static const struct wfc_json_keep job_keep_cond[] = {
	{ "type", NULL }, { "status", NULL }, { "reason", NULL }, { "message", NULL }, { NULL, NULL },
};
static const struct wfc_json_keep job_keep_status[] = { { "conditions", job_keep_cond },
							{ NULL, NULL } };
static const struct wfc_json_keep job_keep[] = {
	{ "metadata", job_keep_meta }, { "spec", job_keep_spec }, { "status", job_keep_status },
	{ NULL, NULL },
};
static const struct wfc_json_keep pod_keep_meta[] = {
	{ "name", NULL }, { "namespace", NULL }, { "resourceVersion", NULL }, { "labels", NULL },
	{ "creationTimestamp", NULL }, { "deletionTimestamp", NULL }, { NULL, NULL },
};
/* of a pod's status, what is read: its IP, the Ready condition, the main
 * container's end (container_status, read_outputs) */
static const struct wfc_json_keep pod_keep_cond[] = { { "type", NULL }, { "status", NULL },
						      { NULL, NULL } };
static const struct wfc_json_keep pod_keep_term[] = {
	{ "exitCode", NULL }, { "reason", NULL }, { "message", NULL }, { NULL, NULL },
};
static const struct wfc_json_keep pod_keep_state[] = { { "terminated", pod_keep_term },
						       { NULL, NULL } };
static const struct wfc_json_keep pod_keep_cs[] = { { "name", NULL }, { "state", pod_keep_state },
						    { NULL, NULL } };
static const struct wfc_json_keep pod_keep_status[] = {
	{ "podIP", NULL }, { "conditions", pod_keep_cond }, { "containerStatuses", pod_keep_cs },
	{ NULL, NULL },
};
static const struct wfc_json_keep pod_keep[] = {
	{ "metadata", pod_keep_meta }, { "status", pod_keep_status }, { NULL, NULL },
};

static void trim_job(cJSON *job)
{
	wfc_json_keep_only(job, job_keep);
	cJSON *conds = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(job, "status"), "conditions");
	cJSON *c = conds ? conds->child : NULL;
	while (c) {
		cJSON *next = c->next;
		const char *t = wfc_json_str(c, "type");
		if (!t || (strcmp(t, "Complete") != 0 && strcmp(t, "Failed") != 0))
			cJSON_Delete(cJSON_DetachItemViaPointer(conds, c));
		c = next;
	}
}

static void trim_pod(cJSON *pod)
{
	wfc_json_keep_only(pod, pod_keep);
}

struct wfc_kube_jobs *wfc_kube_jobs_create(const struct wfc_kube_jobs_opts *o, char *err,
					   size_t errlen)
{
	struct wfc_kube_jobs *k = calloc(1, sizeof(*k));
	if (!k)
		abort();
	k->o = *o;
	k->c = o->client;
	k->ns = o->namespace ? o->namespace : wfc_kube_namespace(k->c);
	k->label = wfc_kube_run_label(o->plan->name);
	const cJSON *pn, *pns = wfc_json_get(o->plan_json, "nodes");
	k->pnodes = wfc_xmalloc((o->plan->nnodes + 1) * sizeof(*k->pnodes));
	cJSON_ArrayForEach(pn, pns) {
		if (k->npnodes == o->plan->nnodes)
			break;
		k->pnodes[k->npnodes++] = pn;
	}
	struct wfc_buf sel = { 0 }, dsel = { 0 };
	wfc_buf_printf(&sel, "wfc.dev/workflow=%s", k->label);
	k->selector = sel.s;

	struct wfc_kube_informer_cb cb = { .on_event = job_event, .on_error = count_error,
					   .ud = k };
	/* pages of 100: a page is held whole (text and tree) until trimmed */
	struct wfc_kube_informer_opts io = { .namespace = k->ns, .label_selector = k->selector,
					     .trim = trim_job, .keep = job_keep, .page_size = 100 };
	struct wfc_kube_error e;
	k->jobs = wfc_kube_informer_create(k->c, R(WFC_KUBE_JOBS), &io, &cb, &e);
	if (!k->jobs) {
		wfc_errf(err, errlen, "cannot list the Jobs of '%s' in namespace '%s': %s",
		       o->plan->name, k->ns, e.message);
		goto err_out;
	}
	struct wfc_kube_informer_cb pcb = { .on_event = pod_event, .on_error = count_error,
					    .ud = k };
	io.trim = trim_pod;
	io.keep = pod_keep;
	/* nothing here reads a pod before it ends, but a daemon's (its
	 * readiness and address): the events of pending and running pods,
	 * most of a pod's, are not sent. A pod that ends comes as ADDED */
	io.field_selector = "status.phase!=Pending,status.phase!=Running";
	k->pods = wfc_kube_informer_create(k->c, R(WFC_KUBE_PODS), &io, &pcb, &e);
	if (!k->pods) {
		wfc_errf(err, errlen, "cannot list the Pods of '%s' in namespace '%s': %s",
		       o->plan->name, k->ns, e.message);
		goto err_out;
	}
	if (plan_has_daemon(o->plan)) {
		wfc_buf_printf(&dsel, "%s,wfc.dev/role=daemon", k->selector);
		io.label_selector = wfc_buf_str(&dsel);
		io.field_selector = "status.phase!=Pending";
		pcb.on_event = daemon_pod_event;
		k->dpods = wfc_kube_informer_create(k->c, R(WFC_KUBE_PODS), &io, &pcb, &e);
		if (!k->dpods) {
			wfc_errf(err, errlen, "cannot list the Pods of '%s' in namespace '%s': %s",
			       o->plan->name, k->ns, e.message);
			goto err_out;
		}
	}
	wfc_buf_free(&dsel);
	return k;
err_out:
	wfc_buf_free(&dsel);
	wfc_kube_jobs_destroy(k);
	return NULL;
}

static void kjob_free(struct kjob *j)
{
	if (!j)
		return;
	wfc_kube_call_forget(j->unsuspend);
	free(j->name);
	free(j->pod);
	free(j->ip);
	free(j->start_error);
	wfc_kres_free(j->res);
	free(j);
}

void wfc_kube_jobs_destroy(struct wfc_kube_jobs *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->nlive; i++)
		kjob_free(k->live[i]);
	free(k->live);
	free(k->news);
	free(k->tags);
	wfc_kube_informer_destroy(k->pods);
	wfc_kube_informer_destroy(k->dpods);
	wfc_kube_informer_destroy(k->jobs);
	for (size_t i = 0; i < k->nrefs; i++) {
		free(k->refs[i]->job);
		free(k->refs[i]->pod);
		free(k->refs[i]->created);
		free(k->refs[i]);
	}
	free(k->refs);
	free(k->pnodes);
	wfc_strmap_free(&k->podrefs);
	free(k->selector);
	free(k->label);
	free(k);
}

void wfc_kube_jobs_stats(const struct wfc_kube_jobs *k, struct wfc_kube_jobs_stats *out)
{
	*out = k->stats;
}

const char *wfc_kube_jobs_pod(struct wfc_kube_jobs *k, const void *job)
{
	(void)k;
	return ((const struct kjob *)job)->pod;
}

/* ---- reading objects ---- */

/* The node's entry in the plan's "nodes", or NULL for a node made at run
 * time. */
static const cJSON *plan_node(const struct wfc_kube_jobs *k, const struct wfc_rt_node *n)
{
	return n->id < k->npnodes ? k->pnodes[n->id] : NULL;
}

void wfc_kube_jobs_trim_plan(cJSON *plan_json)
{
	/* what plan_node's callers and wfc_rt_node_job read */
	static const char *const keep[] = { "name", "job", "jobWrapper", "pod", "resource",
					    "outputs", NULL };
	cJSON *n;
	cJSON_ArrayForEach(n, cJSON_GetObjectItemCaseSensitive(plan_json, "nodes"))
		wfc_kube_keep_only(n, keep);
}

/* The condition of type `type` with status True, or NULL. */
static const cJSON *condition(const cJSON *obj, const char *type)
{
	const cJSON *c;
	cJSON_ArrayForEach(c, wfc_json_get(wfc_json_get(obj, "status"), "conditions")) {
		const char *t = wfc_json_str(c, "type"), *st = wfc_json_str(c, "status");
		if (t && st && strcmp(t, type) == 0 && strcmp(st, "True") == 0)
			return c;
	}
	return NULL;
}

static const char *job_of_pod(const cJSON *pod)
{
	const cJSON *labels = wfc_json_get(wfc_json_get(pod, "metadata"), "labels");
	const char *jn = wfc_json_str(labels, "batch.kubernetes.io/job-name");
	return jn ? jn : wfc_json_str(labels, "job-name");
}

/* The newest pod of Job `job`, or NULL. */
static const cJSON *job_pod(struct wfc_kube_jobs *k, const char *job)
{
	const struct podref *r = wfc_strmap_get(&k->podrefs, job, strlen(job));
	return r && r->pod ? wfc_kube_informer_get(r->daemon ? k->dpods : k->pods, k->ns, r->pod)
			   : NULL;
}

static const cJSON *container_status(const cJSON *pod, const char *name)
{
	const cJSON *cs;
	cJSON_ArrayForEach(cs, wfc_json_get(wfc_json_get(pod, "status"), "containerStatuses")) {
		const char *n = wfc_json_str(cs, "name");
		if (n && strcmp(n, name) == 0)
			return cs;
	}
	return NULL;
}

static void remember_pod(struct kjob *j, const cJSON *pod)
{
	const char *pn = wfc_json_str(wfc_json_get(pod, "metadata"), "name");
	const char *ip = wfc_json_str(wfc_json_get(pod, "status"), "podIP");
	if (pn && (!j->pod || strcmp(pn, j->pod) != 0)) {
		free(j->pod);
		j->pod = wfc_xstrdup(pn);
	}
	if (ip && (!j->ip || strcmp(ip, j->ip) != 0)) {
		free(j->ip);
		j->ip = wfc_xstrdup(ip);
	}
}

/* ---- starting ---- */

static void add_owner(struct wfc_kube_jobs *k, cJSON *obj)
{
	if (k->o.owner)
		wfc_kube_add_owner(obj, k->o.owner);
}

static cJSON *labelled(struct wfc_kube_jobs *k, const char *api, const char *kind,
		       const char *name)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "apiVersion", api);
	cJSON_AddStringToObject(o, "kind", kind);
	cJSON *meta = cJSON_AddObjectToObject(o, "metadata");
	cJSON_AddStringToObject(meta, "name", name);
	cJSON_AddStringToObject(meta, "namespace", k->ns);
	cJSON *labels = cJSON_AddObjectToObject(meta, "labels");
	cJSON_AddStringToObject(labels, "app.kubernetes.io/managed-by", "wfc");
	cJSON_AddStringToObject(labels, "wfc.dev/workflow", k->label);
	add_owner(k, o);
	return o;
}

/* ConfigMap <job>-in with the node's run-time values (and its rendered
 * script), applied so that a second coordinator writes the same. */
static int write_inputs(struct wfc_kube_jobs *k, const char *job, const struct wfc_exec_start *s,
			const char *script, char *err, size_t errlen)
{
	const struct wfc_rt_node *n = s->node;
	if (!n->nruntime && !script)
		return 0;
	struct wfc_buf name = { 0 };
	wfc_buf_printf(&name, "%s-in", job);
	cJSON *cm = labelled(k, "v1", "ConfigMap", wfc_buf_str(&name));
	cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cm, "metadata"), "labels"), "wfc.dev/node", job);
	cJSON *data = cJSON_AddObjectToObject(cm, "data");
	for (size_t i = 0; i < n->nruntime; i++)
		cJSON_AddStringToObject(data, n->runtime_values[i].name,
					s->values && s->values[i] ? s->values[i] : "");
	if (script)
		cJSON_AddStringToObject(data, "script", script);
	struct wfc_kube_error e;
	int rc = wfc_kube_apply(k->c, R(WFC_KUBE_CONFIGMAPS), k->ns, cm, true, NULL, &e);
	if (rc != 0)
		wfc_errf(err, errlen, "cannot write ConfigMap '%s': %s", wfc_buf_str(&name),
		       e.message);
	cJSON_Delete(cm);
	wfc_buf_free(&name);
	return rc;
}

/* The name of a node's first Job in this run. malloc'd. */
static char *job_base(const struct wfc_kube_jobs *k, const struct wfc_rt_node *n)
{
	return k->o.name_suffix ? wfc_name_child(n->k8s_name, k->o.name_suffix)
				: wfc_xstrdup(n->k8s_name);
}

/* A Job made from the plan's, as this run has it: renamed for a firing,
 * labelled with the run, annotated with the node's name in this run (a
 * firing's nodes are named after it, as its status has them: wfc logs
 * finds a node's pods by that). */
static cJSON *this_run(struct wfc_kube_jobs *k, cJSON *job, const char *name,
		       const char *node_name, char *err, size_t errlen)
{
	if (!job)
		return NULL;
	const char *have = wfc_json_str(wfc_json_get(job, "metadata"), "name");
	if (have && strcmp(have, name) != 0) {
		cJSON *r = wfc_rt_job_attempt(job, name, 0, err, errlen);
		cJSON_Delete(job);
		if (!r)
			return NULL;
		cJSON_DeleteItemFromObjectCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r, "metadata"),
							 "annotations"),
			"wfc.dev/attempt");
		job = r;
	}
	cJSON *labels[2] = {
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(job, "metadata"),
						 "labels"),
		cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(
				cJSON_GetObjectItemCaseSensitive(
					cJSON_GetObjectItemCaseSensitive(job, "spec"), "template"),
				"metadata"),
			"labels"),
	};
	for (int i = 0; i < 2; i++) {
		if (!cJSON_IsObject(labels[i]))
			continue;
		cJSON_DeleteItemFromObjectCaseSensitive(labels[i], "wfc.dev/workflow");
		cJSON_AddStringToObject(labels[i], "wfc.dev/workflow", k->label);
	}
	cJSON *ann = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(job, "metadata"), "annotations");
	if (cJSON_IsObject(ann)) {
		cJSON_DeleteItemFromObjectCaseSensitive(ann, WFC_ANN_NODE_NAME);
		cJSON_AddStringToObject(ann, WFC_ANN_NODE_NAME, node_name);
	}
	return job;
}

/* The Job a node needs that nobody created yet; NULL with err. */
static cJSON *new_job(struct wfc_kube_jobs *k, const struct wfc_exec_start *s, const char *name,
		      char **script, char *err, size_t errlen)
{
	const struct wfc_rt_node *n = s->node;
	const cJSON *pn = plan_node(k, n);
	if (s->attempt > 0) {
		/* attempt k is a copy of the node's first Job */
		char *firstname = job_base(k, n);
		const char *first = firstname;
		/* read whole: the cache keeps no pod template (trim_job) */
		cJSON *got = NULL;
		struct wfc_kube_error e;
		if (wfc_kube_get(k->c, R(WFC_KUBE_JOBS), k->ns, first, &got, &e) != 0) {
			wfc_errf(err, errlen, "cannot read Job '%s' to retry it: %s", first,
			       e.message);
			free(firstname);
			return NULL;
		}
		cJSON *job = wfc_rt_job_attempt(got, name, s->attempt, err, errlen);
		cJSON_Delete(got);
		free(firstname);
		/* the outputs the first attempt left are not this one's */
		cJSON_DeleteItemFromObjectCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(job, "metadata"),
							 "annotations"),
			WFC_OUTPUTS_ANNOTATION);
		return job;
	}
	if (pn && wfc_json_get(pn, "pod"))
		return this_run(k, wfc_rt_node_job(pn, err, errlen), name, n->name, err, errlen);
	if (pn && wfc_json_str(pn, "job")) {
		wfc_errf(err, errlen,
		       "Job '%s' of node '%s' does not exist in namespace '%s': apply the compiled objects first",
		       name, n->name, k->ns);
		return NULL;
	}
	const cJSON *entry = n->template_name
		? wfc_json_get(wfc_json_get(k->o.plan_json, "jobTemplates"), n->template_name) : NULL;
	if (!entry) {
		wfc_errf(err, errlen, "the plan has no Job for node '%s' (template '%s')", n->name,
		       n->template_name ? n->template_name : "");
		return NULL;
	}
	if (!s->lookup) {
		wfc_errf(err, errlen, "node '%s' is made at run time, but no values were given for it",
		       n->name);
		return NULL;
	}
	cJSON *job = this_run(k, wfc_rt_job_render(entry, name, n->name, s->lookup,
						   s->lookup_user, script, err, errlen),
			      name, n->name, err, errlen);
	/* a daemon's Service comes with it */
	const cJSON *svc = wfc_json_get(entry, "service");
	if (job && svc) {
		cJSON *rs = wfc_rt_render(svc, name, n->name, s->lookup, s->lookup_user, err,
					  errlen);
		struct wfc_kube_error e;
		if (!rs) {
			cJSON_Delete(job);
			return NULL;
		}
		add_owner(k, rs);
		if (wfc_kube_create_object(k->c, R(WFC_KUBE_SERVICES), k->ns, rs, NULL, &e) != 0 &&
		    e.kind != WFC_KUBE_EALREADY_EXISTS) {
			wfc_errf(err, errlen, "cannot create the Service of daemon '%s': %s", n->name,
			       e.message);
			cJSON_Delete(rs);
			cJSON_Delete(job);
			return NULL;
		}
		cJSON_Delete(rs);
	}
	return job;
}

static bool is_suspended(const cJSON *job)
{
	return cJSON_IsTrue(wfc_json_get(wfc_json_get(job, "spec"), "suspend"));
}

static void track(struct wfc_kube_jobs *k, struct kjob *j)
{
	if (k->nlive == k->caplive) {
		k->caplive = k->caplive ? k->caplive * 2 : 16;
		k->live = wfc_xrealloc(k->live, k->caplive * sizeof(*k->live));
	}
	k->live[k->nlive++] = j;
	mark(j);  /* read once as the caches have it */
	if (j->res || !j->name)
		return;
	struct podref *r = wfc_strmap_get(&k->podrefs, j->name, strlen(j->name));
	if (!r)
		r = podref_make(k, j->name);
	r->done = false;  /* a Job that ended runs again */
	r->live = j;
}

static void untrack(struct wfc_kube_jobs *k, struct kjob *j)
{
	if (j->res) {
		k->nres--;
	} else {
		/* its end is read: a long run's caches hold only what runs,
		 * and pods of it seen from now on are dropped (pod_event) */
		struct podref *r = wfc_strmap_get(&k->podrefs, j->name, strlen(j->name));
		if (!r)
			r = podref_make(k, j->name);
		if (r->pod)
			forget_pod(k, r->pod);
		podref_clear(r);
		r->done = true;
		r->live = NULL;
		wfc_kube_informer_forget(k->jobs, k->ns, j->name);
	}
	for (size_t i = 0; i < k->nlive; i++)
		if (k->live[i] == j) {
			k->live[i] = k->live[--k->nlive];
			break;
		}
	if (j->queued)
		for (size_t i = 0; i < k->nnews; i++)
			if (k->news[i] == j) {
				k->news[i] = k->news[--k->nnews];
				break;
			}
	set_wake(j, 0);
	kjob_free(j);
}

/* The template body of node n as the plan has it: its node's field key,
 * or for a node made at run time its template's. */
static const cJSON *node_body(const struct wfc_kube_jobs *k, const struct wfc_rt_node *n,
			      const char *key)
{
	const cJSON *pn = plan_node(k, n);
	if (pn)
		return wfc_json_get(pn, key);
	const cJSON *t = n->template_name
		? wfc_json_get(wfc_json_get(k->o.plan_json, "templates"), n->template_name) : NULL;
	return wfc_json_get(t, key);
}

static int start_resource(struct wfc_kube_jobs *k, const struct wfc_exec_start *s, void **job,
			  char *err, size_t errlen)
{
	const struct wfc_rt_node *n = s->node;
	const cJSON *body = node_body(k, n, "resource");
	if (!body) {
		wfc_errf(err, errlen, "the plan has no resource for node '%s'", n->name);
		return -1;
	}
	cJSON *filled = s->lookup ? wfc_rt_render(body, NULL, n->name, s->lookup, s->lookup_user,
						  err, errlen)
				  : cJSON_Duplicate(body, true);
	if (!filled)
		return -1;
	char *node_label = wfc_name_fit(n->name, WFC_NAME_MAX);
	struct wfc_kres_opts ro = {
		.client = k->c, .namespace = k->ns, .resource = filled,
		.outputs = wfc_json_get(node_body(k, n, "outputs"), "parameters"), .owner = k->o.owner,
		.run_label = k->label, .node_label = node_label,
	};
	struct wfc_kres *r = wfc_kres_start(&ro, err, errlen);
	cJSON_Delete(filled);
	if (!r) {
		free(node_label);
		return -1;
	}
	struct kjob *j = calloc(1, sizeof(*j));
	if (!j)
		abort();
	j->k = k;
	j->node = n;
	j->name = node_label;
	j->res = r;
	j->started = wfc_now_mono();
	j->tag = s->tag;
	k->nres++;
	track(k, j);
	*job = j;
	return 0;
}

static int poll_resource(struct wfc_kube_jobs *k, struct kjob *j, struct wfc_exec_result *out)
{
	char *msg = NULL, **values = NULL;
	size_t nvalues = 0;
	enum wfc_kres_state st = wfc_kres_poll(j->res, 1.0, &msg, &values, &nvalues);
	if (st == WFC_KRES_RUNNING)
		return 0;
	const struct wfc_rt_node *n = j->node;
	out->phase = st == WFC_KRES_SUCCEEDED ? WFC_PHASE_SUCCEEDED
		     : st == WFC_KRES_FAILED  ? WFC_PHASE_FAILED : WFC_PHASE_ERROR;
	out->message = msg;
	if (n->noutputs) {
		out->outputs = calloc(n->noutputs, sizeof(char *));
		if (!out->outputs)
			abort();
		for (size_t i = 0; i < n->noutputs && i < nvalues; i++) {
			out->outputs[i] = values[i];
			values[i] = NULL;
			if (!out->outputs[i] && n->outputs[i].dflt)
				out->outputs[i] = wfc_xstrdup(n->outputs[i].dflt);
		}
	}
	for (size_t i = 0; i < nvalues; i++)
		free(values[i]);
	free(values);
	untrack(k, j);
	return 1;
}

/* The answer to a Job's unsuspending PATCH. */
static void unsuspended(void *ud, const struct wfc_kube_error *e)
{
	struct kjob *j = ud;
	j->unsuspend = NULL;
	if (!e) {
		j->k->stats.unsuspended++;
	} else if (j->state != K_KILLED) {
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "cannot start Job '%s': %s", j->name, e->message);
		free(j->start_error);
		j->start_error = b.s;
		mark(j);
	}
}

static int kube_start(void *self, const struct wfc_exec_start *s, void **job, char *err,
		      size_t errlen)
{
	struct wfc_kube_jobs *k = self;
	const struct wfc_rt_node *n = s->node;
	if (n->type == WFC_RT_RESOURCE)
		return start_resource(k, s, job, err, errlen);
	if (!n->k8s_name) {
		wfc_errf(err, errlen, "node '%s' has no Job name in the plan", n->name);
		return -1;
	}
	char *name = job_base(k, n);
	if (s->attempt) {
		char *a = wfc_name_attempt(name, s->attempt);
		free(name);
		name = a;
	}
	char *script = NULL;
	cJSON *made = NULL;
	const cJSON *cur = wfc_kube_informer_get(k->jobs, k->ns, name);
	struct wfc_kube_error e;
	if (!cur && wfc_kube_informer_forgotten(k->jobs, k->ns, name)) {
		/* a Job this coordinator saw end runs again: watch it again */
		cJSON *got = NULL;
		if (wfc_kube_get(k->c, R(WFC_KUBE_JOBS), k->ns, name, &got, &e) == 0) {
			wfc_kube_informer_restore(k->jobs, got);
			cur = wfc_kube_informer_get(k->jobs, k->ns, name);
		} else if (e.kind != WFC_KUBE_ENOTFOUND) {
			wfc_errf(err, errlen, "cannot read Job '%s': %s", name, e.message);
			goto err_out;
		}
	}

	if (!cur) {
		made = new_job(k, s, name, &script, err, errlen);
		if (!made)
			goto err_out;
	}
	/* the values first: the Job reads them as soon as it runs */
	const char *src = script ? script : (n->script_source ? s->script : NULL);
	if (write_inputs(k, name, s, src, err, errlen) != 0)
		goto err_out;
	if (made) {
		cJSON_DeleteItemFromObjectCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(made, "spec"), "suspend");
		add_owner(k, made);
		cJSON *meta = cJSON_GetObjectItemCaseSensitive(made, "metadata");
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "namespace");
		cJSON_AddStringToObject(meta, "namespace", k->ns);
		if (wfc_kube_create_object(k->c, R(WFC_KUBE_JOBS), k->ns, made, NULL, &e) == 0) {
			k->stats.created++;
		} else if (e.kind != WFC_KUBE_EALREADY_EXISTS) {
			/* AlreadyExists: an earlier coordinator made it; adopt it */
			wfc_errf(err, errlen, "cannot create Job '%s': %s", name, e.message);
			goto err_out;
		}
	}
	struct kjob *j = calloc(1, sizeof(*j));
	if (!j)
		abort();
	j->k = k;
	j->node = n;
	j->name = name;
	j->started = wfc_now_mono();
	j->tag = s->tag;
	if (!made && is_suspended(cur)) {
		/* no waiting for the answer: a fan-out's next Jobs go out while
		 * the server answers, and a failure ends the node (kube_poll) */
		cJSON *patch = cJSON_Parse("{\"spec\":{\"suspend\":false}}");
		j->unsuspend = wfc_kube_merge_patch_start(k->c, R(WFC_KUBE_JOBS), k->ns, name,
							  patch, unsuspended, j, &e);
		cJSON_Delete(patch);
		if (!j->unsuspend) {
			wfc_errf(err, errlen, "cannot start Job '%s': %s", name, e.message);
			j->name = NULL;
			kjob_free(j);
			goto err_out;
		}
	}
	track(k, j);
	*job = j;
	cJSON_Delete(made);
	free(script);
	return 0;
err_out:
	cJSON_Delete(made);
	free(script);
	free(name);
	return -1;
}

/* ---- ending ---- */

static char *trim_result(const char *log, size_t len)
{
	if (len && log[len - 1] == '\n')
		len--;
	if (len > RESULT_MAX) {
		log += len - RESULT_MAX;
		len = RESULT_MAX;
	}
	char *r = wfc_xmalloc(len + 1);
	memcpy(r, log, len);
	r[len] = 0;
	return r;
}

/* Outputs kept on a Job by an earlier coordinator, into out; false when
 * the Job has none. */
static bool kept_outputs(const cJSON *job, const struct wfc_rt_node *n,
			 struct wfc_exec_result *out)
{
	const char *text = wfc_json_str(wfc_json_get(wfc_json_get(job, "metadata"), "annotations"), WFC_OUTPUTS_ANNOTATION);
	cJSON *o = text ? cJSON_Parse(text) : NULL;
	if (!o)
		return false;
	const char *ph = wfc_json_str(o, "phase");
	out->phase = ph && strcmp(ph, "Succeeded") == 0 ? WFC_PHASE_SUCCEEDED
		     : ph && strcmp(ph, "Error") == 0   ? WFC_PHASE_ERROR
							: WFC_PHASE_FAILED;
	const char *m = wfc_json_str(o, "message");
	out->message = m ? wfc_xstrdup(m) : NULL;
	const cJSON *ec = wfc_json_get(o, "exitCode");
	out->exit_code = cJSON_IsNumber(ec) ? ec->valueint : -1;
	const char *r = wfc_json_str(o, "result");
	out->result = r ? wfc_xstrdup(r) : NULL;
	if (n->noutputs) {
		out->outputs = calloc(n->noutputs, sizeof(char *));
		if (!out->outputs)
			abort();
		for (size_t i = 0; i < n->noutputs; i++) {
			const char *v = wfc_json_str(wfc_json_get(o, "outputs"), n->outputs[i].name);
			if (v)
				out->outputs[i] = wfc_xstrdup(v);
		}
	}
	cJSON_Delete(o);
	return true;
}

static void keep_outputs(struct wfc_kube_jobs *k, const char *job, const struct wfc_rt_node *n,
			 const struct wfc_exec_result *r)
{
	/* a step that succeeded and printed nothing (most steps of a large
	 * fan-out): its Complete condition says it all, one PATCH saved */
	if (r->phase == WFC_PHASE_SUCCEEDED && r->exit_code == 0 && !r->message &&
	    (!r->result || !*r->result) && !n->noutputs)
		return;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "phase", wfc_rt_phase_name(r->phase));
	if (r->message)
		cJSON_AddStringToObject(o, "message", r->message);
	cJSON_AddNumberToObject(o, "exitCode", r->exit_code);
	if (r->result)
		cJSON_AddStringToObject(o, "result", r->result);
	cJSON *outs = cJSON_AddObjectToObject(o, "outputs");
	for (size_t i = 0; i < n->noutputs; i++)
		if (r->outputs && r->outputs[i])
			cJSON_AddStringToObject(outs, n->outputs[i].name, r->outputs[i]);
	char *text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	/* annotations hold 256 KiB in all: a larger result stays in the log */
	if (strlen(text) < 200 * 1024) {
		cJSON *patch = cJSON_CreateObject();
		cJSON *ann = cJSON_AddObjectToObject(cJSON_AddObjectToObject(patch, "metadata"),
						     "annotations");
		cJSON_AddStringToObject(ann, WFC_OUTPUTS_ANNOTATION, text);
		struct wfc_kube_error e;
		if (wfc_kube_merge_patch(k->c, R(WFC_KUBE_JOBS), k->ns, job, NULL, patch, NULL,
					 &e) != 0)
			k->stats.api_errors++;
		cJSON_Delete(patch);
	}
	cJSON_free(text);
}

/* How many outputs are read from files (one: the termination message is
 * the file; several: the report of wfc exec). */
static size_t file_outputs(const struct wfc_rt_node *n)
{
	size_t c = 0;
	for (size_t i = 0; i < n->noutputs; i++)
		c += n->outputs[i].path != NULL;
	return c;
}

/* The outputs of the finished main container into out. */
static void read_outputs(struct kjob *j, const cJSON *main_status, struct wfc_exec_result *out,
			 char *msg, size_t msglen)
{
	const struct wfc_rt_node *n = j->node;
	if (!n->noutputs)
		return;
	out->outputs = calloc(n->noutputs, sizeof(char *));
	if (!out->outputs)
		abort();
	const cJSON *term = wfc_json_get(wfc_json_get(main_status, "state"), "terminated");
	const char *tm = wfc_json_str(term, "message");
	size_t nfiles = file_outputs(n);
	struct wfc_wrapper_report rep = { 0 };
	bool have_rep = false;
	if (nfiles > 1 && tm) {
		char perr[128];
		have_rep = wfc_wrapper_parse(tm, strlen(tm), &rep, perr, sizeof(perr)) == 0;
	}
	for (size_t i = 0; i < n->noutputs; i++) {
		const struct wfc_rt_output *o = &n->outputs[i];
		if (!o->path) {
			if (o->value)
				out->outputs[i] = wfc_xstrdup(o->value);
			continue;
		}
		const char *v = NULL;
		const char *why = "the file was not written";
		if (nfiles == 1) {
			/* an empty message is a missing or empty file: Kubernetes
			 * cannot tell them apart; the default wins */
			if (tm && (*tm || !o->dflt))
				v = tm;
		} else if (have_rep) {
			const struct wfc_wrapper_entry *en = wfc_wrapper_find(&rep, o->name);
			if (en && en->state == WFC_WRAPPER_VALUE)
				v = en->value;
			else if (en && en->state == WFC_WRAPPER_TRUNCATED)
				why = "the file is larger than the 4 KiB a termination message holds";
		} else if (tm || !term) {
			why = "the pod's termination message is not a report of 'wfc exec'";
		}
		if (v) {
			/* one trailing newline off, as Argo's executor does */
			size_t vl = strlen(v);
			out->outputs[i] = strndup(v, vl && v[vl - 1] == '\n' ? vl - 1 : vl);
			if (!out->outputs[i])
				abort();
		} else if (o->dflt)
			out->outputs[i] = wfc_xstrdup(o->dflt);
		else if (out->phase == WFC_PHASE_SUCCEEDED) {
			out->phase = WFC_PHASE_ERROR;
			snprintf(msg, msglen, "cannot read output parameter '%s' from %s: %s",
				 o->name, o->path, why);
		}
	}
	wfc_wrapper_report_free(&rep);
}

/* The newest pod of Job `job` as the server has it now (a list, not the
 * cache), or NULL. */
static cJSON *fresh_pod(struct wfc_kube_jobs *k, const char *job)
{
	struct wfc_buf sel = { 0 };
	wfc_buf_printf(&sel, "batch.kubernetes.io/job-name=%s", job);
	struct wfc_kube_list_opts lo = { .label_selector = wfc_buf_str(&sel) };
	struct wfc_kube_error e;
	cJSON *list = NULL, *best = NULL;
	if (wfc_kube_list(k->c, R(WFC_KUBE_PODS), k->ns, &lo, &list, &e) == 0) {
		const char *bts = NULL;
		cJSON *it;
		cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(list, "items")) {
			const char *ts = wfc_json_str(wfc_json_get(it, "metadata"), "creationTimestamp");
			if (!ts)
				ts = "";
			if (!best || strcmp(ts, bts) >= 0) {
				best = it;
				bts = ts;
			}
		}
		if (best)
			best = cJSON_Duplicate(best, true);
	} else {
		k->stats.api_errors++;
	}
	cJSON_Delete(list);
	wfc_buf_free(&sel);
	return best;
}

static int kube_poll(void *self, void *job, struct wfc_exec_result *out)
{
	struct wfc_kube_jobs *k = self;
	struct kjob *j = job;
	const struct wfc_rt_node *n = j->node;
	memset(out, 0, sizeof(*out));
	out->exit_code = -1;
	if (j->res) {
		if (j->state == K_KILLED) {
			out->phase = WFC_PHASE_FAILED;
			out->message = wfc_xstrdup("stopped");
			untrack(k, j);
			return 1;
		}
		return poll_resource(k, j, out);
	}
	if (j->start_error) {
		out->phase = WFC_PHASE_ERROR;
		out->message = j->start_error;
		j->start_error = NULL;
		untrack(k, j);
		return 1;
	}
	if (!j->dirty)
		return 0;
	double now = wfc_now_mono();
	j->dirty = false;
	set_wake(j, 0);
	k->stats.job_reads++;
	const cJSON *kj = wfc_kube_informer_get(k->jobs, k->ns, j->name);
	const cJSON *pod = job_pod(k, j->name);
	if (pod)
		remember_pod(j, pod);
	if (!kj) {
		/* deleted: by kill(), or by someone else */
		if (j->state != K_KILLED && now - j->started < 5) {
			set_wake(j, j->started + 5);
			return 0; /* not in the cache yet */
		}
		out->phase = WFC_PHASE_FAILED;
		out->message = wfc_xstrdup(j->state == K_KILLED ? "stopped"
					   : "the Job was deleted before it ended");
		untrack(k, j);
		return 1;
	}
	const cJSON *done = condition(kj, "Complete");
	const cJSON *failed = done ? NULL : condition(kj, "Failed");
	if (!done && !failed)
		return 0;
	if (kept_outputs(kj, n, out)) {
		k->stats.adopted_done++;
		untrack(k, j);
		return 1;
	}
	if (done && !n->noutputs && n->no_result) {
		/* Complete: its pod succeeded (backoffLimit 0), and nothing
		 * else is read of it: no wait for the pod's end on the other
		 * watch */
		out->phase = WFC_PHASE_SUCCEEDED;
		out->exit_code = 0;
		untrack(k, j);
		return 1;
	}
	char msg[512] = "";
	const cJSON *ms = pod ? container_status(pod, "main") : NULL;
	const cJSON *term = wfc_json_get(wfc_json_get(ms, "state"), "terminated");
	cJSON *fresh = NULL;
	if (!term) {
		/* the Job's end can come before its pod's on the other watch:
		 * wait for that a moment (kube_wait wakes up for it), then read
		 * the pods of the Job as they are now */
		if (j->end_seen <= 0)
			j->end_seen = now;
		if (now - j->end_seen < POD_GRACE_S) {
			set_wake(j, j->end_seen + POD_GRACE_S);
			return 0;
		}
		k->stats.pods_listed++;
		fresh = fresh_pod(k, j->name);
		if (fresh) {
			pod = fresh;
			remember_pod(j, pod);
			ms = container_status(pod, "main");
			term = wfc_json_get(wfc_json_get(ms, "state"), "terminated");
		}
	}
	if (!term && !fresh && done && !n->noutputs) {
		/* Complete, its pod gone, nothing kept: it printed nothing, so
		 * keep_outputs left no annotation (see there) */
		out->phase = WFC_PHASE_SUCCEEDED;
		out->exit_code = 0;
		out->result = n->no_result ? NULL : wfc_xstrdup("");
		k->stats.adopted_done++;
		untrack(k, j);
		return 1;
	}
	const cJSON *ec = wfc_json_get(term, "exitCode");
	out->exit_code = cJSON_IsNumber(ec) ? ec->valueint : -1;
	const char *treason = wfc_json_str(term, "reason");
	if (treason && (strcmp(treason, "StartError") == 0 ||
			strcmp(treason, "ContainerCannotRun") == 0)) {
		/* the container never ran: the runtime's message, no outputs */
		out->phase = WFC_PHASE_ERROR;
		snprintf(msg, sizeof(msg), "%s", wfc_json_str(term, "message") ? wfc_json_str(term, "message")
			 : "the container could not be started");
		out->message = wfc_xstrdup(msg);
		cJSON_Delete(fresh);
		keep_outputs(k, j->name, n, out);
		untrack(k, j);
		return 1;
	}
	if (done) {
		out->phase = WFC_PHASE_SUCCEEDED;
	} else {
		const char *reason = wfc_json_str(failed, "reason");
		out->phase = WFC_PHASE_FAILED;
		if (reason && strcmp(reason, "DeadlineExceeded") == 0)
			snprintf(msg, sizeof(msg), "step exceeded its deadline (%gs)", n->timeout_s);
		else if (out->exit_code > 0)
			snprintf(msg, sizeof(msg), "Error (exit code %d)", out->exit_code);
		else if (!pod) {
			out->phase = WFC_PHASE_ERROR;
			snprintf(msg, sizeof(msg), "%s", wfc_json_str(failed, "message")
				 ? wfc_json_str(failed, "message") : "the Job failed without a pod");
		} else {
			snprintf(msg, sizeof(msg), "%s", wfc_json_str(failed, "message")
				 ? wfc_json_str(failed, "message") : "the Job failed");
		}
	}
	if (j->pod && !n->no_result) {
		struct wfc_kube_log_opts lo = { .container = "main" };
		char *log = NULL;
		size_t len = 0;
		struct wfc_kube_error e;
		k->stats.logs_read++;
		if (wfc_kube_log_read(k->c, k->ns, j->pod, &lo, &log, &len, &e) == 0)
			out->result = trim_result(log, len);
		else
			k->stats.api_errors++;
		free(log);
	}
	read_outputs(j, ms, out, msg, sizeof(msg));
	cJSON_Delete(fresh);
	out->message = *msg ? wfc_xstrdup(msg) : NULL;
	keep_outputs(k, j->name, n, out);
	untrack(k, j);
	return 1;
}

static void kube_kill(void *self, void *job)
{
	struct wfc_kube_jobs *k = self;
	struct kjob *j = job;
	if (j->state == K_KILLED || k->interrupted)
		return; /* Ctrl-C stops this coordinator, not the run's Jobs */
	j->state = K_KILLED;
	mark(j);
	if (j->res)
		return;
	struct wfc_kube_error e;
	if (wfc_kube_delete(k->c, R(WFC_KUBE_JOBS), k->ns, j->name, "Background", NULL, &e) != 0 &&
	    e.kind != WFC_KUBE_ENOTFOUND)
		k->stats.api_errors++;
}

static int kube_ready(void *self, void *job)
{
	struct wfc_kube_jobs *k = self;
	struct kjob *j = job;
	const cJSON *pod = job_pod(k, j->name);
	if (!pod)
		return 0;
	remember_pod(j, pod);
	return condition(pod, "Ready") != NULL && j->ip;
}

static const char *kube_address(void *self, void *job)
{
	(void)self;
	return ((struct kjob *)job)->ip;
}

static void kube_wait(void *self, int timeout_ms)
{
	struct wfc_kube_jobs *k = self;
	struct pollfd fds[64];
	int kto = -1;
	int n = wfc_kube_pollfds(k->c, fds, 63, &kto);
	if (n > 63)
		n = 63;
	int sig = k->o.watch_signals ? wfc_proc_signal_fd() : -1;
	if (sig >= 0) {
		fds[n].fd = sig;
		fds[n].events = POLLIN;
		fds[n].revents = 0;
	}
	int to = timeout_ms;
	if (kto >= 0 && (to < 0 || kto < to))
		to = kto;
	/* resource conditions are read again every second */
	if (k->nres && (to < 0 || to > 1000))
		to = 1000;
	/* and a job waiting for a moment (an ended Job for its pod's end) is
	 * polled when it is over */
	double now = wfc_now_mono();
	for (size_t i = 0; k->nwake && i < k->nlive; i++) {
		const struct kjob *j = k->live[i];
		if (j->wake_at <= 0)
			continue;
		double left = j->wake_at - now;
		int ms = left > 0 ? (int)(left * 1000) + 1 : 0;
		if (to < 0 || ms < to)
			to = ms;
	}
	int r = poll(fds, (nfds_t)(n + (sig >= 0)), to);
	if (r < 0 && errno != EINTR)
		r = 0;
	if (sig >= 0 && r > 0 && (fds[n].revents & POLLIN) && wfc_proc_signal_caught())
		k->interrupted = 1;
	wfc_kube_dispatch(k->c, fds, r > 0 ? n : 0);
}

/* The jobs with news, and those whose moment came; resource jobs are
 * polled at every wake-up (they read their object on their own clock). */
static size_t kube_news(void *self, const size_t **tags)
{
	struct wfc_kube_jobs *k = self;
	if (k->nwake || k->nres) {
		double now = wfc_now_mono();
		for (size_t i = 0; i < k->nlive; i++) {
			struct kjob *j = k->live[i];
			if (j->res || (j->wake_at > 0 && now >= j->wake_at))
				mark(j);
		}
	}
	if (k->nnews > k->captags) {
		k->captags = k->nnews;
		k->tags = wfc_xrealloc(k->tags, k->captags * sizeof(*k->tags));
	}
	size_t n = k->nnews;
	for (size_t i = 0; i < n; i++) {
		k->tags[i] = k->news[i]->tag;
		k->news[i]->queued = false;
	}
	k->nnews = 0;
	*tags = k->tags;
	return n;
}

static int kube_interrupted(void *self)
{
	return ((struct wfc_kube_jobs *)self)->interrupted;
}

void wfc_kube_jobs_executor(struct wfc_kube_jobs *k, struct wfc_executor *out)
{
	*out = (struct wfc_executor){
		.self = k,
		.start = kube_start,
		.poll = kube_poll,
		.kill = kube_kill,
		.wait = kube_wait,
		.interrupted = kube_interrupted,
		.news = kube_news,
		.ready = kube_ready,
		.address = kube_address,
	};
}
