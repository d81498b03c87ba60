/* wfc run against a cluster (cli/run_cluster.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "backend/emit.h"
#include "cli/options.h"
#include "cli/run_cluster.h"
#include "cli/run_view.h"
#include "runtime/coordinator.h"
#include "runtime/kube_store.h"
#include "runtime/proc.h"
#include "support/buf.h"
#include "support/xalloc.h"
#include "support/json.h"

#define WFC_EXIT_INTERRUPTED 130

struct objects {
	cJSON **v;
	size_t n, cap;
};

static int take_object(void *user, cJSON *obj)
{
	struct objects *o = user;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 32;
		o->v = wfc_xrealloc(o->v, o->cap * sizeof(*o->v));
	}
	o->v[o->n++] = obj;
	return 0;
}

static const char *label_of(const cJSON *obj, const char *key)
{
	return wfc_json_str(wfc_json_get(wfc_json_get(obj, "metadata"), "labels"), key);
}

/* A salt for the names of generateName workflows: a new run each time, as
 * argo submit makes. */
static void fresh_salt(char *buf, size_t size)
{
	unsigned char r[8] = { 0 };
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, r, sizeof(r)) != (ssize_t)sizeof(r)) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(buf, size, "%ld.%ld.%ld", (long)ts.tv_sec, ts.tv_nsec, (long)getpid());
	} else {
		snprintf(buf, size, "%02x%02x%02x%02x%02x%02x%02x%02x", r[0], r[1], r[2], r[3], r[4],
			 r[5], r[6], r[7]);
	}
	if (fd >= 0)
		close(fd);
}

static int apply_out(struct wfc_kube *c, const char *ns, cJSON *obj, cJSON **out)
{
	const char *api = wfc_json_str(obj, "apiVersion"), *kind = wfc_json_str(obj, "kind");
	const char *name = wfc_json_str(wfc_json_get(obj, "metadata"), "name");
	const struct wfc_kube_res *r;
	struct wfc_kube_error e;
	if (wfc_kube_resolve(c, api ? api : "", kind ? kind : "", &r, &e) != 0) {
		wfc_cli_error("cannot apply %s '%s': %s", kind ? kind : "?", name ? name : "?",
			      e.message);
		return -1;
	}
	cJSON *meta = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
	if (r->namespaced && !wfc_json_str(meta, "namespace"))
		cJSON_AddStringToObject(meta, "namespace", ns);
	if (wfc_kube_apply(c, r, ns, obj, true, out, &e) != 0) {
		wfc_cli_error("cannot apply %s '%s': %s", kind, name ? name : "?", e.message);
		return -1;
	}
	return 0;
}

static int apply(struct wfc_kube *c, const char *ns, cJSON *obj)
{
	return apply_out(c, ns, obj, NULL);
}

/* A detached run's coordinator Job, applied suspended before the rest:
 * its ownerReference for them (so that the run is owned from the start,
 * and the coordinator has none to add), or NULL. */
static cJSON *coordinator_first(struct wfc_kube *c, const char *ns, const cJSON *job)
{
	cJSON *held = cJSON_Duplicate(job, true), *got = NULL, *ref = NULL;
	cJSON *spec = cJSON_GetObjectItemCaseSensitive(held, "spec");
	cJSON_DeleteItemFromObjectCaseSensitive(spec, "suspend");
	cJSON_AddTrueToObject(spec, "suspend");
	const char *uid = NULL;
	if (apply_out(c, ns, held, &got) == 0)
		uid = wfc_json_str(wfc_json_get(got, "metadata"), "uid");
	if (uid)
		ref = wfc_kube_job_owner_ref(wfc_json_str(wfc_json_get(job, "metadata"), "name"), uid);
	cJSON_Delete(got);
	cJSON_Delete(held);
	return ref;
}


/* Coordinates run `name` from here; returns the exit status. */
static int coordinate(struct wfc_kube *client, const char *ns, const char *name,
		      const struct wfc_run_cluster_opts *o)
{
	char err[1024];
	char *plan_cm = wfc_store_plan_name(name);
	struct wfc_coord_opts co = {
		.client = client, .namespace = ns, .plan_configmap = plan_cm, .watch_signals = true,
	};
	struct wfc_coord *c = wfc_coord_create(&co, err, sizeof(err));
	free(plan_cm);
	if (!c) {
		wfc_cli_error("%s", err);
		return WFC_EXIT_FINDINGS;
	}
	const struct wfc_rt_plan *plan = wfc_coord_plan(c);
	struct wfc_executor kex, ex;
	wfc_coord_executor(c, &kex);
	bool tty = wfc_run_view_tty(stderr);
	struct wfc_run_view_opts vo = {
		.out = stderr, .tty = tty, .color = tty && wfc_run_view_color(), .logs = false,
	};
	struct wfc_run_view *v = wfc_run_view_create(plan, &kex, &vo);
	wfc_run_view_executor(v, &ex);
	struct wfc_buf hint = { 0 };
	wfc_buf_printf(&hint, "wfc resume %s -n %s", plan->name, ns);
	struct wfc_sched_opts so = { .progress = tty ? NULL : stderr,
				     .resume_hint = wfc_buf_str(&hint) };
	struct wfc_sched *s = wfc_coord_sched(c, &ex, &so);
	wfc_run_view_attach(v, s);
	enum wfc_rt_phase ph = wfc_coord_run(c);
	wfc_run_view_end(v);
	int rc;
	if (wfc_sched_interrupted(s)) {
		fprintf(stderr,
			"wfc: stopped coordinating '%s'; its running Jobs go on, nothing new starts until\n"
			"     'wfc run --resume %s -n %s' carries the run on\n",
			plan->name, plan->name, ns);
		rc = WFC_EXIT_INTERRUPTED;
	} else {
		fprintf(stderr, "%s  %s\n", plan->name, wfc_rt_phase_name(ph));
		rc = ph == WFC_PHASE_SUCCEEDED ? WFC_EXIT_OK : WFC_EXIT_FINDINGS;
	}
	if (o->output && rc != WFC_EXIT_INTERRUPTED) {
		cJSON *wf = wfc_sched_workflow_json(s);
		char *t = wfc_emit_to_string(wf, o->output == 1 ? WFC_EMIT_JSON : WFC_EMIT_YAML);
		if (t)
			fputs(t, stdout);
		free(t);
		cJSON_Delete(wf);
	}
	wfc_buf_free(&hint);
	wfc_run_view_destroy(v);
	wfc_coord_destroy(c);
	return rc;
}

static bool exists(struct wfc_kube *c, const char *ns, const char *name)
{
	char *status = wfc_store_status_name(name);
	struct wfc_kube_error e;
	int rc = wfc_kube_get(c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), ns, status, NULL, &e);
	free(status);
	return rc == 0;
}

int wfc_run_cluster(struct wfc_ctx *ctx, struct wfc_compile_cfg *cc,
		    const struct wfc_run_cluster_opts *o)
{
	struct objects objs = { 0 };
	struct wfc_cli_cluster cl = { 0 };
	char salt[64];
	int rc = WFC_EXIT_FINDINGS;
	if (!cc->name) {
		fresh_salt(salt, sizeof(salt));
		cc->name_salt = salt;
	}
	if (wfc_cli_cluster_open(&cl, o->kube, false) != 0) {
		rc = WFC_EXIT_USAGE;
		goto err_out;
	}
	const char *ns = wfc_kube_namespace(cl.client);
	if (!cc->namespace)
		cc->namespace = ns;
	struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT, .tool_version = WFC_VERSION };
	size_t errors = wfc_compile(ctx, cc, take_object, &objs);
	wfc_diags_print(stderr, wfc_ctx_diags(ctx), wfc_ctx_sources(ctx), &po);
	if (errors)
		goto err_out;

	/* the runs in the input: the label of each coordinator Job or CronJob */
	rc = WFC_EXIT_OK;
	if (wfc_proc_signals_install() != 0)
		wfc_cli_error("cannot catch Ctrl-C");
	size_t runs = 0;
	for (size_t i = 0; i < objs.n; i++) {
		const char *kind = wfc_json_str(objs.v[i], "kind");
		bool cron = kind && strcmp(kind, "CronJob") == 0;
		const char *role = label_of(objs.v[i], "wfc.dev/role");
		if (!cron && !(role && strcmp(role, "coordinator") == 0))
			continue;
		runs++;
		const char *label = label_of(objs.v[i], "wfc.dev/workflow");
		const char *name = wfc_json_str(wfc_json_get(objs.v[i], "metadata"), "name");
		if (!cron && exists(cl.client, ns, name)) {
			wfc_cli_error("workflow '%s' already exists in namespace '%s': delete it "
				      "('wfc delete %s') or carry it on ('wfc run --resume %s')",
				      name, ns, name, name);
			rc = WFC_EXIT_FINDINGS;
			continue;
		}
		/* this run's objects, in the order compile gave them; the
		 * coordinator Job only when detached, and then first, held
		 * suspended until the rest (owned by it) is there */
		cJSON *owner = !cron && o->detach ? coordinator_first(cl.client, ns, objs.v[i]) : NULL;
		bool ok = cron || !o->detach || owner;
		for (size_t k = 0; k < objs.n && ok; k++) {
			const char *l = label_of(objs.v[k], "wfc.dev/workflow");
			if (!l || strcmp(l, label) != 0 || k == i)
				continue;
			if (owner)
				wfc_kube_add_owner(objs.v[k], owner);
			ok = apply(cl.client, ns, objs.v[k]) == 0;
		}
		if (ok && (cron || o->detach)) {
			if (owner) {
				cJSON *spec = cJSON_GetObjectItemCaseSensitive(objs.v[i], "spec");
				cJSON_DeleteItemFromObjectCaseSensitive(spec, "suspend");
				cJSON_AddFalseToObject(spec, "suspend");
			}
			ok = apply(cl.client, ns, objs.v[i]) == 0;
		}
		cJSON_Delete(owner);
		/* applied: the objects of a run of 10,000 Jobs are not held while
		 * it is coordinated (the coordinator Job stays: label and name) */
		for (size_t k = 0; k < objs.n; k++) {
			const char *l = label_of(objs.v[k], "wfc.dev/workflow");
			if (k != i && l && strcmp(l, label) == 0) {
				cJSON_Delete(objs.v[k]);
				objs.v[k] = NULL;
			}
		}
		if (!ok) {
			rc = WFC_EXIT_FINDINGS;
			continue;
		}
		if (cron) {
			printf("cronworkflow installed as CronJob '%s' in namespace '%s'\n", name, ns);
			continue;
		}
		if (o->detach) {
			printf("%s\n", name);
			fprintf(stderr, "wfc: workflow '%s' submitted; follow it with 'wfc get %s -n %s'\n",
				name, name, ns);
			continue;
		}
		int r = coordinate(cl.client, ns, name, o);
		if (r > rc || r == WFC_EXIT_INTERRUPTED)
			rc = r;
		if (r == WFC_EXIT_INTERRUPTED)
			break;
	}
	if (!runs) {
		wfc_cli_error("no Workflow or CronWorkflow to run in the input");
		rc = WFC_EXIT_FINDINGS;
	}
err_out:
	for (size_t i = 0; i < objs.n; i++)
		cJSON_Delete(objs.v[i]);
	free(objs.v);
	wfc_cli_cluster_close(&cl);
	return rc;
}

int wfc_run_cluster_resume(const char *name, const struct wfc_run_cluster_opts *o)
{
	struct wfc_cli_cluster cl = { 0 };
	if (wfc_cli_cluster_open(&cl, o->kube, false) != 0)
		return WFC_EXIT_USAGE;
	if (wfc_proc_signals_install() != 0)
		wfc_cli_error("cannot catch Ctrl-C");
	int rc = coordinate(cl.client, wfc_kube_namespace(cl.client), name, o);
	wfc_cli_cluster_close(&cl);
	return rc;
}
