/* The coordinator (runtime/coordinator.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/coordinator.h"
#include "runtime/kube_exec.h"
#include "runtime/kube_store.h"
#include "support/buf.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"
#include "support/clock.h"
#include "support/json.h"

struct wfc_coord {
	struct wfc_coord_opts o;
	struct wfc_kube *c;
	const char *ns;
	char *plan_text;
	struct wfc_rt_plan *plan;
	cJSON *plan_json;
	char *label;
	char *status_name;
	char *found_owner;             /* owner_job found from the pod */
	char *run_name;                /* a CronWorkflow's firing: its Job's name */
	char *name_suffix;             /* and what it adds to the CronWorkflow's */
	char **renamed;                /* node names of the firing (owned) */
	size_t nrenamed;
	cJSON *labels;                 /* of what the coordinator writes */
	cJSON *owner;                  /* ownerReference to the coordinator Job, or NULL */
	cJSON *owner_job;              /* that Job as read */
	struct wfc_kube_jobs *kx;
	struct wfc_kube_informer *control;
	struct wfc_sched *sched;
	/* control */
	char *resume_handled;          /* the wfc.dev/resume value handled last */
	bool stop_handled;
	/* Suspend nodes an earlier coordinator saw resumed (their names) */
	char **resumed_before;
	size_t nresumed_before;
	unsigned long changes_seen;
	unsigned long adopted;         /* objects own_run gave an owner */
	double started_at;             /* of the run, from an earlier status; 0: none */
	double last_write;
	double write_cpu;              /* CPU seconds the last status write took */
	unsigned long writes;          /* status writes, and their CPU seconds */
	double writes_cpu;
};

static const struct wfc_kube_res *R(enum wfc_kube_builtin b)
{
	return wfc_kube_builtin(b);
}

const struct wfc_rt_plan *wfc_coord_plan(const struct wfc_coord *c)
{
	return c->plan;
}

void wfc_coord_report_usage(const struct wfc_coord *c, FILE *out)
{
	struct wfc_kube_jobs_stats st = { 0 };
	if (c->kx)
		wfc_kube_jobs_stats(c->kx, &st);
	long hwm_kib = -1;
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &hwm_kib) == 1)
			break;
	if (f)
		fclose(f);
	fprintf(out, "Jobs: %lu unsuspended, %lu created, %lu found finished; objects given an "
		     "owner: %lu; pod lists: %lu, log reads: %lu, Job reads: %lu; API errors: %lu; "
		     "status writes: %lu (%.3f s); CPU: %.3f s",
		st.unsuspended, st.created, st.adopted_done, c->adopted, st.pods_listed,
		st.logs_read, st.job_reads, st.api_errors, c->writes, c->writes_cpu, wfc_now_cpu());
	if (hwm_kib >= 0)
		fprintf(out, "; peak memory: %.1f MiB", hwm_kib / 1024.0);
	fputc('\n', out);
}

void wfc_coord_executor(struct wfc_coord *c, struct wfc_executor *out)
{
	wfc_kube_jobs_executor(c->kx, out);
}

/* A firing's nodes are named after it, as Argo names the nodes of the
 * Workflow a CronWorkflow makes: "tick[0].say" becomes
 * "tick-29936604[0].say". */
static void rename_nodes(struct wfc_coord *c, const char *from, const char *to)
{
	size_t fl = strlen(from);
	struct wfc_rt_node *nodes = (struct wfc_rt_node *)c->plan->nodes;
	c->renamed = wfc_xmalloc((c->plan->nnodes * 2 + 1) * sizeof(char *));
	for (size_t i = 0; i < c->plan->nnodes; i++) {
		struct wfc_rt_node *n = &nodes[i];
		if (strncmp(n->name, from, fl) != 0)
			continue;
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "%s%s", to, n->name + fl);
		bool root = strcmp(n->display, n->name) == 0;
		n->name = c->renamed[c->nrenamed++] = b.s;
		if (root)
			n->display = n->name;
	}
}

/* ---- owning the run's objects ---- */

/* The Job this coordinator's pod belongs to (a CronJob's firing names it
 * only at run time). */
static void find_owner(struct wfc_coord *c)
{
	struct wfc_kube_error e;
	cJSON *pod = NULL;
	if (wfc_kube_get(c->c, R(WFC_KUBE_PODS), c->ns, c->o.pod_name, &pod, &e) == 0) {
		const cJSON *r;
		cJSON_ArrayForEach(r, wfc_json_get(wfc_json_get(pod, "metadata"), "ownerReferences")) {
			const char *kind = wfc_json_str(r, "kind"), *name = wfc_json_str(r, "name");
			if (kind && name && strcmp(kind, "Job") == 0 && !c->found_owner)
				c->found_owner = wfc_xstrdup(name);
		}
	}
	cJSON_Delete(pod);
	c->o.owner_job = c->found_owner;
}

static int read_owner(struct wfc_coord *c, char *err, size_t errlen)
{
	struct wfc_kube_error e;
	if (wfc_kube_get(c->c, R(WFC_KUBE_JOBS), c->ns, c->o.owner_job, &c->owner_job, &e) != 0) {
		wfc_errf(err, errlen, "cannot read the coordinator's Job '%s': %s", c->o.owner_job,
		       e.message);
		return -1;
	}
	const cJSON *meta = wfc_json_get(c->owner_job, "metadata");
	const char *uid = wfc_json_str(meta, "uid");
	if (!uid) {
		wfc_errf(err, errlen, "Job '%s' has no uid", c->o.owner_job);
		return -1;
	}
	c->owner = wfc_kube_job_owner_ref(c->o.owner_job, uid);
	return 0;
}

static bool owned(const cJSON *obj, const char *uid)
{
	const cJSON *r;
	cJSON_ArrayForEach(r, wfc_json_get(wfc_json_get(obj, "metadata"), "ownerReferences")) {
		const char *u = wfc_json_str(r, "uid");
		if (u && strcmp(u, uid) == 0)
			return true;
	}
	return false;
}

/* What own_run and sweep_suspended read of the objects they list, as the
 * pages come: a run's 10,000 Jobs are never all held whole */
static const struct wfc_json_keep listed_meta[] = {
	{ "name", NULL }, { "namespace", NULL }, { "uid", NULL }, { "ownerReferences", NULL },
	{ NULL, NULL },
};
static const struct wfc_json_keep listed_spec[] = { { "suspend", NULL }, { NULL, NULL } };
static const struct wfc_json_keep listed[] = { { "metadata", listed_meta },
					       { "spec", listed_spec }, { NULL, NULL } };

static void trim_listed(cJSON *obj)
{
	wfc_json_keep_only(obj, listed);
}

/* Every object of the run (by label) gets the coordinator Job as an
 * owner, so that deleting it, or its TTL, deletes the run. */
static void own_run(struct wfc_coord *c)
{
	static const enum wfc_kube_builtin kinds[] = {
		WFC_KUBE_JOBS, WFC_KUBE_CONFIGMAPS, WFC_KUBE_SERVICES, WFC_KUBE_PVCS,
		WFC_KUBE_SERVICEACCOUNTS, WFC_KUBE_ROLES, WFC_KUBE_ROLEBINDINGS,
	};
	const char *uid = wfc_json_str(c->owner, "uid");
	struct wfc_buf sel = { 0 };
	wfc_buf_printf(&sel, "wfc.dev/workflow=%s", c->label);
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct wfc_kube_list_opts lo = { .label_selector = wfc_buf_str(&sel),
						 .trim = trim_listed, .keep = listed, .limit = 100 };
		struct wfc_kube_error e;
		cJSON *list = NULL;
		if (wfc_kube_list_all(c->c, R(kinds[i]), c->ns, &lo, &list, &e) != 0)
			continue; /* a Role without list rights on some kind: go on */
		const cJSON *it;
		cJSON_ArrayForEach(it, wfc_json_get(list, "items")) {
			const char *name = wfc_json_str(wfc_json_get(it, "metadata"), "name");
			if (!name || owned(it, uid) || wfc_json_str(wfc_json_get(it, "metadata"), "uid") == NULL)
				continue;
			if (kinds[i] == WFC_KUBE_JOBS && strcmp(name, c->o.owner_job) == 0)
				continue;
			cJSON *patch = cJSON_CreateObject();
			cJSON *refs = cJSON_AddArrayToObject(cJSON_AddObjectToObject(patch, "metadata"),
							     "ownerReferences");
			const cJSON *r;
			cJSON_ArrayForEach(r, wfc_json_get(wfc_json_get(it, "metadata"), "ownerReferences"))
				cJSON_AddItemToArray(refs, cJSON_Duplicate(r, true));
			cJSON_AddItemToArray(refs, cJSON_Duplicate(c->owner, true));
			if (wfc_kube_merge_patch(c->c, R(kinds[i]), c->ns, name, NULL, patch, NULL,
						 &e) == 0)
				c->adopted++;
			cJSON_Delete(patch);
		}
		cJSON_Delete(list);
	}
	wfc_buf_free(&sel);
}

/* ---- status and control ---- */

static void previous_status(struct wfc_coord *c)
{
	char *text = NULL, err[256];
	struct wfc_kube_error e;
	if (wfc_store_read(c->c, c->ns, c->status_name, "workflow.json", &text, &e, err,
			   sizeof(err)) != 0)
		return;
	cJSON *wf = cJSON_Parse(text);
	free(text);
	const char *started = wfc_json_str(wfc_json_get(wf, "status"), "startedAt");
	if (started)
		wfc_rfc3339_parse(started, &c->started_at);
	const cJSON *n;
	cJSON_ArrayForEach(n, wfc_json_get(wfc_json_get(wf, "status"), "nodes")) {
		const char *type = wfc_json_str(n, "type"), *phase = wfc_json_str(n, "phase"), *name = wfc_json_str(n, "name");
		if (type && phase && name && strcmp(type, "Suspend") == 0 &&
		    strcmp(phase, "Succeeded") == 0) {
			c->resumed_before = wfc_xrealloc(c->resumed_before, (c->nresumed_before + 1) *
								    sizeof(char *));
			c->resumed_before[c->nresumed_before++] = wfc_xstrdup(name);
		}
	}
	cJSON_Delete(wf);
	cJSON *cm = NULL;
	if (wfc_kube_get(c->c, R(WFC_KUBE_CONFIGMAPS), c->ns, c->status_name, &cm, &e) == 0) {
		const char *h = wfc_json_str(wfc_json_get(cm, "data"), "resumed");
		if (h)
			c->resume_handled = wfc_xstrdup(h);
	}
	cJSON_Delete(cm);
}

static int write_status(struct wfc_coord *c, const char *text, char *err, size_t errlen)
{
	int rc = wfc_store_write(c->c, c->ns, c->status_name, "workflow.json", text, c->labels,
				 c->owner, err, errlen);
	if (rc == 0 && c->resume_handled) {
		/* what the control handled, so a coordinator started again knows */
		cJSON *patch = cJSON_CreateObject();
		cJSON_AddStringToObject(cJSON_AddObjectToObject(patch, "data"), "resumed",
					c->resume_handled);
		struct wfc_kube_error e;
		wfc_kube_merge_patch(c->c, R(WFC_KUBE_CONFIGMAPS), c->ns, c->status_name, NULL,
				     patch, NULL, &e);
		cJSON_Delete(patch);
	}
	c->last_write = wfc_now_mono();
	return rc;
}

/* Running since started_at, no nodes yet: the status before the scheduler's. */
static int write_initial_status(struct wfc_coord *c, char *err, size_t errlen)
{
	cJSON *wf = cJSON_CreateObject();
	cJSON_AddStringToObject(cJSON_AddObjectToObject(wf, "metadata"), "name", c->plan->name);
	cJSON *st = cJSON_AddObjectToObject(wf, "status");
	cJSON_AddStringToObject(st, "phase", "Running");
	char ts[40];
	wfc_rfc3339_format(c->started_at, ts, sizeof(ts));
	cJSON_AddStringToObject(st, "startedAt", ts);
	char *text = cJSON_PrintUnformatted(wf);
	cJSON_Delete(wf);
	int rc = write_status(c, text, err, errlen);
	cJSON_free(text);
	return rc;
}

static void status_now(struct wfc_coord *c)
{
	if (!c->sched)
		return;
	double t0 = wfc_now_cpu();
	char *text = wfc_sched_workflow_text(c->sched);
	char err[256];
	write_status(c, text, err, sizeof(err));
	free(text);
	c->write_cpu = wfc_now_cpu() - t0;
	c->writes++;
	c->writes_cpu += c->write_cpu;
}

static bool was_resumed(const struct wfc_coord *c, const char *name)
{
	for (size_t i = 0; i < c->nresumed_before; i++)
		if (strcmp(c->resumed_before[i], name) == 0)
			return true;
	return false;
}

static void control(void *user, struct wfc_sched *s)
{
	struct wfc_coord *c = user;
	c->sched = s;
	const cJSON *cm = wfc_kube_informer_get(c->control, c->ns, c->status_name);
	const cJSON *ann = wfc_json_get(wfc_json_get(cm, "metadata"), "annotations");
	const char *resume = wfc_json_str(ann, WFC_RESUME_ANNOTATION);
	const char *stop = wfc_json_str(ann, WFC_STOP_ANNOTATION);
	if (resume && (!c->resume_handled || strcmp(resume, c->resume_handled) != 0)) {
		free(c->resume_handled);
		c->resume_handled = wfc_xstrdup(resume);
		wfc_sched_resume(s);
		c->changes_seen = 0; /* write the status soon */
	}
	if (stop && !c->stop_handled) {
		c->stop_handled = true;
		wfc_sched_stop(s);
	}
	unsigned long ch = wfc_sched_changes(s);
	if (ch == c->changes_seen)
		return;
	/* a Suspend node an earlier coordinator saw resumed is resumed again */
	if (c->nresumed_before) {
		size_t n = wfc_sched_nnodes(s);
		for (size_t i = 0; i < n; i++) {
			const struct wfc_rt_node *nd = wfc_sched_node(s, i);
			if (nd->type == WFC_RT_SUSPEND &&
			    wfc_sched_node_phase(s, i) == WFC_PHASE_RUNNING &&
			    was_resumed(c, nd->name)) {
				wfc_sched_resume(s);
				break;
			}
		}
	}
	double interval = c->o.status_interval_s > 0 ? c->o.status_interval_s : 1.0;
	/* the status of a large run costs its size each time: writes take at
	 * most 1% of a CPU, and one comes after a twentieth of the nodes
	 * changed, or 30 s after the last (10,000 nodes: every 500 changes) */
	if (interval < 100 * c->write_cpu)
		interval = 100 * c->write_cpu;
	double since = wfc_now_mono() - c->last_write;
	unsigned long batch = (unsigned long)(wfc_sched_nnodes(s) / 20);
	if (since < interval || (ch - c->changes_seen < batch && since < 30))
		return;
	c->changes_seen = ch;
	status_now(c);
}

/* ---- the end ---- */

/* Jobs that never ran (nodes skipped, omitted or never reached): deleted,
 * their nodes are in the status. */
static void sweep_suspended(struct wfc_coord *c)
{
	struct wfc_buf sel = { 0 };
	wfc_buf_printf(&sel, "wfc.dev/workflow=%s", c->label);
	struct wfc_kube_list_opts lo = { .label_selector = wfc_buf_str(&sel), .trim = trim_listed,
					 .keep = listed, .limit = 100 };
	struct wfc_kube_error e;
	cJSON *list = NULL;
	if (wfc_kube_list_all(c->c, R(WFC_KUBE_JOBS), c->ns, &lo, &list, &e) == 0) {
		const cJSON *it;
		cJSON_ArrayForEach(it, wfc_json_get(list, "items")) {
			const char *name = wfc_json_str(wfc_json_get(it, "metadata"), "name");
			if (name && cJSON_IsTrue(wfc_json_get(wfc_json_get(it, "spec"), "suspend")))
				wfc_kube_delete(c->c, R(WFC_KUBE_JOBS), c->ns, name, "Background",
						NULL, &e);
		}
	}
	cJSON_Delete(list);
	wfc_buf_free(&sel);
}

/* ttlStrategy: the coordinator Job's ttlSecondsAfterFinished, which takes
 * the whole run with it (everything is owned by that Job). */
static void apply_ttl(struct wfc_coord *c, enum wfc_rt_phase ph)
{
	const cJSON *ttl = wfc_json_get(wfc_json_get(c->plan_json, "workflow"), "ttlStrategy");
	if (!ttl || !c->owner)
		return;
	const cJSON *v = wfc_json_get(ttl, ph == WFC_PHASE_SUCCEEDED ? "secondsAfterSuccess"
								: "secondsAfterFailure");
	if (!cJSON_IsNumber(v))
		v = wfc_json_get(ttl, "secondsAfterCompletion");
	if (!cJSON_IsNumber(v) || v->valuedouble < 0)
		return;
	cJSON *patch = cJSON_CreateObject();
	cJSON_AddNumberToObject(cJSON_AddObjectToObject(patch, "spec"), "ttlSecondsAfterFinished",
				v->valuedouble);
	struct wfc_kube_error e;
	wfc_kube_merge_patch(c->c, R(WFC_KUBE_JOBS), c->ns, c->o.owner_job, NULL, patch, NULL, &e);
	cJSON_Delete(patch);
}

/* podGC strategies that act when the workflow ends. */
static void pod_gc(struct wfc_coord *c, enum wfc_rt_phase ph)
{
	const char *st = wfc_json_str(wfc_json_get(wfc_json_get(c->plan_json, "workflow"), "podGC"), "strategy");
	if (!st)
		return;
	bool all = strcmp(st, "OnWorkflowCompletion") == 0 || strcmp(st, "OnPodCompletion") == 0;
	bool on_success = strcmp(st, "OnWorkflowSuccess") == 0 || strcmp(st, "OnPodSuccess") == 0;
	if (!all && !(on_success && ph == WFC_PHASE_SUCCEEDED))
		return;
	struct wfc_buf path = { 0 };
	/* not the coordinator's own pod, which is still writing */
	wfc_buf_printf(&path, "/api/v1/namespaces/%s/pods?labelSelector=wfc.dev%%2Fworkflow%%3D%s"
		       "%%2Cwfc.dev%%2Frole%%21%%3Dcoordinator", c->ns, c->label);
	struct wfc_kube_error e;
	wfc_kube_request(c->c, "DELETE", wfc_buf_str(&path), NULL, NULL, NULL, &e);
	wfc_buf_free(&path);
}

struct wfc_sched *wfc_coord_sched(struct wfc_coord *c, const struct wfc_executor *ex,
				  const struct wfc_sched_opts *so)
{
	struct wfc_sched_opts o = so ? *so : (struct wfc_sched_opts){ 0 };
	o.control = control;
	o.control_user = c;
	o.started_at = c->started_at;
	if (!o.resume_hint)
		o.resume_hint = "wfc resume";
	c->sched = wfc_sched_create(c->plan, ex, &o);
	return c->sched;
}

enum wfc_rt_phase wfc_coord_run(struct wfc_coord *c)
{
	struct wfc_sched *s = c->sched;
	enum wfc_rt_phase ph = wfc_sched_run(s);
	if (!wfc_sched_interrupted(s)) {
		status_now(c);
		sweep_suspended(c);
		pod_gc(c, ph);
		apply_ttl(c, ph);
	} else {
		/* the Jobs go on; the status says where the run was */
		status_now(c);
	}
	return ph;
}

/* ---- making and unmaking ---- */

struct wfc_coord *wfc_coord_create(const struct wfc_coord_opts *o, char *err, size_t errlen)
{
	struct wfc_coord *c = calloc(1, sizeof(*c));
	if (!c)
		abort();
	c->o = *o;
	c->c = o->client;
	c->ns = o->namespace ? o->namespace : wfc_kube_namespace(c->c);
	struct wfc_kube_error e;
	if (wfc_store_read(c->c, c->ns, o->plan_configmap, "plan.json", &c->plan_text, &e, err,
			   errlen) != 0) {
		if (e.kind == WFC_KUBE_ENOTFOUND)
			wfc_errf(err, errlen, "no plan '%s' in namespace '%s': apply the objects of 'wfc compile' first",
			       o->plan_configmap, c->ns);
		goto err_out;
	}
	char perr[256];
	c->plan = wfc_rt_plan_parse(c->plan_text, perr, sizeof(perr));
	if (!c->plan) {
		wfc_errf(err, errlen, "ConfigMap '%s': %s", o->plan_configmap, perr);
		goto err_out;
	}
	c->plan_json = cJSON_Parse(c->plan_text);
	free(c->plan_text);
	c->plan_text = NULL;
	wfc_kube_jobs_trim_plan(c->plan_json);
	if (!o->owner_job && o->pod_name)
		find_owner(c);
	const char *kind = wfc_json_str(wfc_json_get(c->plan_json, "workflow"), "kind");
	if (kind && strcmp(kind, "CronWorkflow") == 0 && c->o.owner_job) {
		/* each firing is a run of its own, named after its Job, as Argo
		 * makes a Workflow per firing */
		c->run_name = wfc_xstrdup(c->o.owner_job);
		size_t pl = strlen(c->plan->name);
		const char *sfx = strncmp(c->run_name, c->plan->name, pl) == 0 &&
				  c->run_name[pl] == '-' && c->run_name[pl + 1]
				  ? c->run_name + pl + 1 : c->run_name;
		c->name_suffix = wfc_xstrdup(sfx);
		rename_nodes(c, c->plan->name, c->run_name);
		c->plan->name = c->run_name;
	}
	c->label = wfc_kube_run_label(c->plan->name);
	c->status_name = wfc_store_status_name(c->plan->name);
	c->labels = cJSON_CreateObject();
	cJSON_AddStringToObject(c->labels, "app.kubernetes.io/managed-by", "wfc");
	cJSON_AddStringToObject(c->labels, "wfc.dev/workflow", c->label);
	if (c->o.owner_job) {
		if (read_owner(c, err, errlen) != 0)
			goto err_out;
		own_run(c);
	}
	previous_status(c);

	struct wfc_buf fs = { 0 };
	wfc_buf_printf(&fs, "metadata.name=%s", c->status_name);
	if (c->started_at <= 0) {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME, &now);
		c->started_at = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
	}
	/* the status ConfigMap exists before anyone watches or patches it */
	if (wfc_kube_get(c->c, R(WFC_KUBE_CONFIGMAPS), c->ns, c->status_name, NULL, &e) != 0 &&
	    write_initial_status(c, err, errlen) != 0) {
		wfc_buf_free(&fs);
		goto err_out;
	}
	/* the annotations of resume and stop are all it reads: not the status */
	struct wfc_kube_informer_opts io = { .namespace = c->ns, .field_selector = wfc_buf_str(&fs),
					     .metadata_only = true };
	struct wfc_kube_informer_cb cb = { 0 };
	c->control = wfc_kube_informer_create(c->c, R(WFC_KUBE_CONFIGMAPS), &io, &cb, &e);
	wfc_buf_free(&fs);
	if (!c->control) {
		wfc_errf(err, errlen, "cannot watch ConfigMap '%s': %s", c->status_name, e.message);
		goto err_out;
	}

	struct wfc_kube_jobs_opts xo = {
		.client = c->c, .plan = c->plan, .plan_json = c->plan_json, .namespace = c->ns,
		.owner = c->owner, .watch_signals = o->watch_signals,
		.name_suffix = c->name_suffix,
	};
	c->kx = wfc_kube_jobs_create(&xo, err, errlen);
	if (!c->kx)
		goto err_out;
	return c;
err_out:
	wfc_coord_destroy(c);
	return NULL;
}

void wfc_coord_destroy(struct wfc_coord *c)
{
	if (!c)
		return;
	if (c->sched)
		wfc_sched_destroy(c->sched);
	wfc_kube_jobs_destroy(c->kx);
	wfc_kube_informer_destroy(c->control);
	for (size_t i = 0; i < c->nresumed_before; i++)
		free(c->resumed_before[i]);
	free(c->resumed_before);
	free(c->resume_handled);
	cJSON_Delete(c->owner);
	cJSON_Delete(c->owner_job);
	cJSON_Delete(c->labels);
	cJSON_Delete(c->plan_json);
	wfc_rt_plan_free(c->plan);
	free(c->plan_text);
	free(c->status_name);
	free(c->found_owner);
	free(c->run_name);
	for (size_t i = 0; i < c->nrenamed; i++)
		free(c->renamed[i]);
	free(c->renamed);
	free(c->name_suffix);
	free(c->label);
	free(c);
}
