/* wfc logs: the output of a run's pods, as `argo logs` prints it: every
 * line prefixed with its node's display name, the nodes in the order they
 * started; -f follows the run until it ends. */
#include <math.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "frontend/ast.h"
#include "runtime/kube_run.h"
#include "runtime/kube_store.h"
#include "support/buf.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"

#define OPEN_TRIES 5        /* a followed log that fails before its first byte */
#define TICK_MS 1000        /* the longest wait of the event loop */
#define JOB_WAIT_S 30       /* how long a new pod's Job may lag behind it */

struct logs_opts {
	struct wfc_cli_kube kube;
	bool follow;
	const char *container;
	const char *since;
	const char *tail;
	bool timestamps;
	bool no_prefix;
};

#define OFF(field) offsetof(struct logs_opts, field)

static const struct wfc_cli_opt logs_opts[] = {
	{ .name = "follow", .short_name = 'f', .type = WFC_CLI_FLAG, .offset = OFF(follow),
	  .help = "follow the logs as they are written, and the pods that start later, "
		  "until the run has ended" },
	{ .name = "container", .short_name = 'c', .type = WFC_CLI_STRING,
	  .offset = OFF(container), .metavar = "NAME",
	  .help = "the container (default: the pod's default container, else its first)" },
	{ .name = "since", .type = WFC_CLI_STRING, .offset = OFF(since), .metavar = "DURATION",
	  .help = "only lines newer than this, like 5s, 2m or 3h (default: all)" },
	{ .name = "tail", .type = WFC_CLI_STRING, .offset = OFF(tail), .metavar = "N",
	  .help = "the last N lines of each pod's log; -1: all (default -1)" },
	{ .name = "timestamps", .type = WFC_CLI_FLAG, .offset = OFF(timestamps),
	  .help = "put the time the line was written at its start" },
	{ .name = "no-prefix", .type = WFC_CLI_FLAG, .offset = OFF(no_prefix),
	  .help = "do not prefix each line with its node's name" },
	WFC_CLI_KUBE_OPTS(struct logs_opts),
};

const struct wfc_cli_spec wfc_logs_spec = {
	.name = "logs",
	.operands = "NAME [NODE]",
	.summary = "print the logs of a run's pods, as 'argo logs'",
	.description =
		"Prints the logs of the pods of run NAME, each line prefixed with its\n"
		"node's display name, node by node in the order they started. NODE\n"
		"narrows them to one node and what runs under it: its Argo node name\n"
		"(hello[0].step), its display name (step), or its Job's or pod's name.\n"
		"The coordinator's own log is left out unless NODE names its pod\n"
		"('kubectl logs job/NAME' shows it too).\n",
	.opts = logs_opts,
	.nopts = sizeof(logs_opts) / sizeof(logs_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc logs hello-world\n"
		"  wfc logs -f build-42 test\n"
		"  wfc logs --tail 20 --no-prefix build-42 'build-42[1].test(0:unit)'\n"
		"\n"
		"exit status:\n"
		"  0  the logs were printed\n"
		"  1  no such run or node, or a log or the cluster could not be read\n"
		"  2  wrong options\n",
};

/* One pod whose log is printed. */
struct lpod {
	char *name;
	char *node;             /* Argo node name, or NULL */
	char *job;              /* its Job's name, or NULL */
	char *display;          /* the prefix */
	double start;
	int state;              /* 0 not opened, 1 followed, 2 done */
	unsigned tries;
	bool got_bytes;
	struct wfc_kube_stream *s;
	const cJSON *obj;       /* without -f: the pod, borrowed from the list */
	struct wfc_buf part;    /* an unfinished line */
	struct logs *L;
};

struct logs {
	const struct logs_opts *o;
	struct wfc_kube *c;
	const char *run;
	const char *node_arg;
	struct wfc_kube_log_opts lo;
	/* the status's nodes by name (borrowed from wf) */
	cJSON *wf;
	struct wfc_strmap by_name;
	/* what NODE selects: Argo node names (and what runs under them), a Job
	 * or a pod */
	char **names;
	size_t nnames;
	const char *job_sel, *pod_sel;
	/* -f */
	struct wfc_kube_informer *jobs, *pods, *status;
	struct lpod **v;
	size_t n;
	bool initial;           /* the first look: nothing is opened */
	bool status_seen, status_stale;
	char *phase;
	int rc;
};

/* ---- printing ---- */

static void put_line(struct logs *L, const char *prefix, const char *s, size_t n)
{
	if (!L->o->no_prefix && prefix)
		printf("%s: ", prefix);
	fwrite(s, 1, n, stdout);
	putchar('\n');
}

/* Prints the whole lines of b (and the rest too when at_end). */
static void flush_lines(struct logs *L, const char *prefix, struct wfc_buf *b, bool at_end)
{
	const char *s = wfc_buf_str(b);
	size_t start = 0;
	for (size_t i = 0; i < b->len; i++)
		if (s[i] == '\n') {
			put_line(L, prefix, s + start, i - start);
			start = i + 1;
		}
	if (at_end && start < b->len) {
		put_line(L, prefix, s + start, b->len - start);
		start = b->len;
	}
	memmove(b->s, b->s + start, b->len - start);
	b->len -= start;
	b->s[b->len] = 0;
	fflush(stdout);
}

/* ---- which pods ---- */

static bool under(const char *node, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(node, name, n) &&
	       (node[n] == 0 || node[n] == '.' || node[n] == '[' || node[n] == '(');
}

static bool selected(const struct logs *L, const cJSON *pod, const char *node)
{
	const char *job = wfc_run_pod_job(pod);
	if (L->pod_sel)
		return !strcmp(L->pod_sel, wfc_kobj_name(pod));
	if (L->job_sel)
		return job && !strcmp(L->job_sel, job);
	if (wfc_run_is_coordinator(pod))
		return false;
	if (!L->node_arg)
		return true;
	for (size_t i = 0; node && i < L->nnames; i++)
		if (under(node, L->names[i]))
			return true;
	return false;
}

static void add_name(struct logs *L, const char *name)
{
	for (size_t i = 0; i < L->nnames; i++)
		if (!strcmp(L->names[i], name))
			return;
	L->names = wfc_xrealloc(L->names, (L->nnames + 1) * sizeof(*L->names));
	L->names[L->nnames++] = wfc_xstrdup(name);
}

/* What NODE names, from the status and the Jobs and pods there are.
 * false: nothing. */
static bool resolve_node(struct logs *L, const cJSON *jobs, const cJSON *pods)
{
	const char *arg = L->node_arg;
	const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(L->wf, "status"), "nodes");
	const cJSON *n, *j;
	/* an Argo node name */
	if (wfc_strmap_get(&L->by_name, arg, strlen(arg)))
		add_name(L, arg);
	cJSON_ArrayForEach(j, jobs) {
		const char *nn = wfc_kobj_annotation(j, WFC_ANN_NODE_NAME);
		if (nn && !strcmp(nn, arg))
			add_name(L, arg);
	}
	if (L->nnames)
		return true;
	/* a display name */
	cJSON_ArrayForEach(n, nodes) {
		const char *d = wfc_kobj_str(n, "displayName", NULL);
		const char *nn = wfc_kobj_str(n, "name", NULL);
		if (d && nn && !strcmp(d, arg))
			add_name(L, nn);
	}
	cJSON_ArrayForEach(j, jobs) {
		const char *nn = wfc_kobj_annotation(j, WFC_ANN_NODE_NAME);
		if (nn && !wfc_strmap_get(&L->by_name, nn, strlen(nn)) &&
		    !strcmp(wfc_run_display_name(nn), arg))
			add_name(L, nn);
	}
	if (L->nnames)
		return true;
	/* a Job's or a pod's name */
	cJSON_ArrayForEach(j, jobs) {
		if (!strcmp(wfc_kobj_name(j), arg)) {
			L->job_sel = arg;
			return true;
		}
	}
	cJSON_ArrayForEach(j, pods) {
		if (!strcmp(wfc_kobj_name(j), arg)) {
			L->pod_sel = arg;
			return true;
		}
	}
	return false;
}

static bool pod_started(const cJSON *pod)
{
	const char *ph = wfc_kobj_str(pod, "status", "phase", NULL);
	return ph && (!strcmp(ph, "Running") || !strcmp(ph, "Succeeded") || !strcmp(ph, "Failed"));
}

static bool pod_done(const cJSON *pod)
{
	const char *ph = wfc_kobj_str(pod, "status", "phase", NULL);
	return ph && (!strcmp(ph, "Succeeded") || !strcmp(ph, "Failed"));
}

/* -c, else the pod's default container, else its first. */
static const char *container_of(const struct logs *L, const cJSON *pod)
{
	if (L->o->container)
		return L->o->container;
	const char *d = wfc_kobj_annotation(pod, "kubectl.kubernetes.io/default-container");
	if (d)
		return d;
	const cJSON *c = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(pod, "spec"), "containers"), 0);
	return wfc_kobj_str(c, "name", NULL);
}

static struct lpod *lpod_new(struct logs *L, const cJSON *pod, const char *node)
{
	struct lpod *p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->L = L;
	p->name = wfc_xstrdup(wfc_kobj_name(pod));
	p->node = node ? wfc_xstrdup(node) : NULL;
	p->job = wfc_run_pod_job(pod) ? wfc_xstrdup(wfc_run_pod_job(pod)) : NULL;
	const cJSON *sn = node ? wfc_strmap_get(&L->by_name, node, strlen(node)) : NULL;
	const char *d = wfc_kobj_str(sn, "displayName", NULL);
	if (!d && node)
		d = wfc_run_display_name(node);
	if (!d)
		d = wfc_run_pod_job(pod);
	p->display = wfc_xstrdup(d ? d : p->name);
	/* the node's start, else the pod's */
	const char *st = wfc_kobj_str(sn, "startedAt", NULL);
	if (!st)
		st = wfc_kobj_str(pod, "status", "startTime", NULL);
	if (!st || wfc_rfc3339_parse(st, &p->start) != 0)
		p->start = wfc_kobj_created(pod);
	return p;
}

static void lpod_free(struct lpod *p)
{
	if (!p)
		return;
	wfc_kube_stream_close(p->s);
	wfc_buf_free(&p->part);
	free(p->name);
	free(p->node);
	free(p->job);
	free(p->display);
	free(p);
}

/* strcmp with runs of digits compared as numbers: retry(2) before retry(10) */
static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long long x = strtoull(a, &ea, 10), y = strtoull(b, &eb, 10);
			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

/* Start times are whole seconds: within one, nodes go by their names,
 * (0) before (1), and a node's attempts by their Jobs' (NAME, NAME--1,
 * NAME--2) */
static int by_start(const void *a, const void *b)
{
	const struct lpod *x = *(const struct lpod *const *)a, *y = *(const struct lpod *const *)b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	int c = x->node && y->node ? natural_cmp(x->node, y->node) : 0;
	if (!c && x->job && y->job)
		c = natural_cmp(x->job, y->job);
	return c ? c : strcmp(x->name, y->name);
}

static void log_opts_for(struct logs *L, const cJSON *pod, struct wfc_kube_log_opts *lo)
{
	*lo = L->lo;
	lo->container = container_of(L, pod);
}

/* Prints a pod's log so far. */
static void print_log(struct logs *L, struct lpod *p, const cJSON *pod)
{
	struct wfc_kube_log_opts lo;
	struct wfc_kube_error e;
	char *text = NULL;
	size_t len = 0;
	log_opts_for(L, pod, &lo);
	if (wfc_kube_log_read(L->c, NULL, p->name, &lo, &text, &len, &e) != 0) {
		wfc_cli_error("cannot read the log of pod '%s' (node '%s'): %s", p->name, p->display,
			      e.message);
		L->rc = WFC_EXIT_FINDINGS;
		return;
	}
	wfc_buf_add(&p->part, text, len);
	flush_lines(L, p->display, &p->part, true);
	free(text);
}

/* ---- -f ---- */

static int on_data(void *ud, const char *s, size_t n)
{
	struct lpod *p = ud;
	p->got_bytes = true;
	wfc_buf_add(&p->part, s, n);
	flush_lines(p->L, p->display, &p->part, false);
	return 0;
}

static void on_end(void *ud, const struct wfc_kube_error *e)
{
	struct lpod *p = ud;
	flush_lines(p->L, p->display, &p->part, true);
	p->state = 2;
	if (!e)
		return;
	if (!p->got_bytes && ++p->tries < OPEN_TRIES) {
		p->state = 0;   /* opened again at the next look */
		return;
	}
	if (e->kind != WFC_KUBE_ENOTFOUND) {
		wfc_cli_error("the log of pod '%s' (node '%s') ended early: %s", p->name, p->display,
			      e->message);
		p->L->rc = WFC_EXIT_FINDINGS;
	}
}

static void follow_open(struct logs *L, struct lpod *p, const cJSON *pod)
{
	struct wfc_kube_log_opts lo;
	struct wfc_kube_error e;
	struct wfc_kube_stream_cb cb = { .on_data = on_data, .on_end = on_end, .ud = p };
	log_opts_for(L, pod, &lo);
	lo.follow = true;
	wfc_kube_stream_close(p->s);
	p->s = wfc_kube_log_open(L->c, NULL, p->name, &lo, &cb, &e);
	p->state = p->s ? 1 : 2;
}

static struct lpod *find_pod(struct logs *L, const char *name)
{
	for (size_t i = 0; i < L->n; i++)
		if (!strcmp(L->v[i]->name, name))
			return L->v[i];
	return NULL;
}

static const char *node_of(struct logs *L, const cJSON *pod)
{
	const cJSON *job = wfc_kube_informer_get(L->jobs, NULL, wfc_run_pod_job(pod));
	return job ? wfc_kobj_annotation(job, WFC_ANN_NODE_NAME) : NULL;
}

/* A pod that the informer holds: followed once it has started. */
static void look_at_pod(void *ud, const cJSON *pod)
{
	struct logs *L = ud;
	const char *name = wfc_kobj_name(pod);
	if (!name || !pod_started(pod))
		return;
	struct lpod *p = find_pod(L, name);
	if (p) {
		if (p->state == 0)
			follow_open(L, p, pod);
		return;
	}
	const char *node = node_of(L, pod);
	/* a new pod whose Job this has not seen yet (the two watches are
	 * apart): at the next look; an older one has lost its Job */
	if (!node && !wfc_run_is_coordinator(pod) &&
	    !wfc_kube_informer_get(L->jobs, NULL, wfc_run_pod_job(pod)) &&
	    wfc_kobj_created(pod) > (double)time(NULL) - JOB_WAIT_S)
		return;
	if (!selected(L, pod, node))
		return;
	p = lpod_new(L, pod, node);
	L->v = wfc_xrealloc(L->v, (L->n + 1) * sizeof(*L->v));
	L->v[L->n++] = p;
	if (!L->initial)
		follow_open(L, p, pod);
}

static void status_event(void *ud, enum wfc_kube_event ev, const cJSON *obj)
{
	struct logs *L = ud;
	if (ev == WFC_KUBE_DELETED) {
		/* the run was deleted: nothing more to wait for */
		free(L->phase);
		L->phase = wfc_xstrdup("Error");
		L->status_seen = true;
		return;
	}
	L->status_stale = true;
}

static void read_status(struct logs *L)
{
	struct wfc_kube_error e;
	char err[256];
	cJSON *wf = NULL;
	L->status_stale = false;
	if (wfc_run_status_read(L->c, NULL, L->run, NULL, &wf, &e, err, sizeof(err)) != 0) {
		/* parts half written: again at the next tick */
		if (e.kind != WFC_KUBE_ENOTFOUND)
			L->status_stale = true;
		return;
	}
	L->status_seen = true;
	free(L->phase);
	const char *ph = wfc_kobj_str(wf, "status", "phase", NULL);
	L->phase = ph ? wfc_xstrdup(ph) : NULL;
	cJSON_Delete(wf);
}

static bool job_finished(const cJSON *job)
{
	const cJSON *c;
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(
				      cJSON_GetObjectItemCaseSensitive(job, "status"), "conditions")) {
		const char *t = wfc_kobj_str(c, "type", NULL), *s = wfc_kobj_str(c, "status", NULL);
		if (t && s && !strcmp(s, "True") && (!strcmp(t, "Complete") || !strcmp(t, "Failed")))
			return true;
	}
	return false;
}

struct coord {
	bool exists, finished;
};

static void look_at_job(void *ud, const cJSON *job)
{
	struct coord *k = ud;
	if (!wfc_run_is_coordinator(job))
		return;
	k->exists = true;
	if (job_finished(job))
		k->finished = true;
}

/* Nothing more will start: the status says the run ended, or its
 * coordinator has ended, or there is neither to wait for. */
static bool run_over(struct logs *L)
{
	struct coord k = { 0 };
	wfc_kube_informer_foreach(L->jobs, look_at_job, &k);
	if (L->status_seen && wfc_run_phase_done(L->phase))
		return true;
	if (k.exists)
		return k.finished;
	return !L->status_seen;
}

static int follow(struct logs *L, const char *label)
{
	struct wfc_kube_error e;
	char *sel = wfc_run_selector(label);
	char *cm = wfc_store_status_name(L->run);
	struct wfc_buf fs = { 0 };
	wfc_buf_printf(&fs, "metadata.name=%s", cm);
	struct wfc_kube_informer_opts jo = { .label_selector = sel };
	struct wfc_kube_informer_opts so = { .field_selector = wfc_buf_str(&fs) };
	struct wfc_kube_informer_cb scb = { .on_event = status_event, .ud = L };
	struct wfc_kube_informer_cb none = { 0 };
	int rc = -1;
	L->jobs = wfc_kube_informer_create(L->c, wfc_kube_builtin(WFC_KUBE_JOBS), &jo, &none, &e);
	if (L->jobs)
		L->pods = wfc_kube_informer_create(L->c, wfc_kube_builtin(WFC_KUBE_PODS), &jo, &none,
						   &e);
	if (L->pods)
		L->status = wfc_kube_informer_create(L->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), &so,
						     &scb, &e);
	if (!L->status) {
		wfc_cli_error("cannot watch workflow '%s': %s", L->run, e.message);
		goto err_out;
	}
	read_status(L);
	/* what has ended already, in the order it started; then the rest
	 * as it comes */
	L->initial = true;
	wfc_kube_informer_foreach(L->pods, look_at_pod, L);
	L->initial = false;
	qsort(L->v, L->n, sizeof(*L->v), by_start);
	for (size_t i = 0; i < L->n; i++) {
		const cJSON *pod = wfc_kube_informer_get(L->pods, NULL, L->v[i]->name);
		if (pod && pod_done(pod)) {
			print_log(L, L->v[i], pod);
			L->v[i]->state = 2;
		} else if (pod) {
			follow_open(L, L->v[i], pod);
		}
	}
	for (;;) {
		if (L->status_stale)
			read_status(L);
		wfc_kube_informer_foreach(L->pods, look_at_pod, L);
		bool open = false;
		for (size_t i = 0; i < L->n && !open; i++)
			open = L->v[i]->state != 2;
		if (!open && run_over(L))
			break;
		wfc_kube_step(L->c, TICK_MS);
	}
	rc = 0;
err_out:
	free(sel);
	free(cm);
	wfc_buf_free(&fs);
	return rc;
}

/* ---- the command ---- */

static bool parse_numbers(const struct logs_opts *o, struct wfc_kube_log_opts *lo)
{
	if (o->since) {
		double s = 0;
		if (!wfc_parse_go_duration(o->since, &s) || s <= 0) {
			wfc_cli_error("invalid value '%s' for '--since': expected a duration like "
				      "5s, 2m or 3h", o->since);
			return false;
		}
		lo->since_seconds = (long)ceil(s);
	}
	if (o->tail) {
		char *end;
		long n = strtol(o->tail, &end, 10);
		if (!wfc_is_int_text(o->tail, true) || *end || n < -1) {
			wfc_cli_error("invalid value '%s' for '--tail': expected a number of lines, "
				      "or -1 for all", o->tail);
			return false;
		}
		lo->tail_lines = n == 0 ? -1 : n < 0 ? 0 : n;
	}
	lo->timestamps = o->timestamps;
	return true;
}

int wfc_cmd_logs(int argc, char **argv)
{
	struct logs_opts o = { 0 };
	struct logs L = { .o = &o, .rc = WFC_EXIT_OK };
	struct wfc_cli_cluster cl = { 0 };
	struct wfc_run_index *index = NULL;
	cJSON *jobs = NULL, *pods = NULL;
	char *label = NULL;
	int n = 0, rc = WFC_EXIT_USAGE;
	char err[1200];

	switch (wfc_cli_parse(&wfc_logs_spec, argc, argv, &o, &n)) {
	case WFC_CLI_OK:
		break;
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, &wfc_logs_spec, NULL);
		return WFC_EXIT_OK;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, &wfc_logs_spec);
		return WFC_EXIT_USAGE;
	}
	if (n < 1 || n > 2) {
		if (n == 0)
			wfc_cli_error("no workflow name given");
		else
			wfc_cli_error("'logs' takes a workflow name and at most one node, not %d "
				      "names", n);
		wfc_cli_usage_hint(stderr, &wfc_logs_spec);
		goto err_out;
	}
	if (!parse_numbers(&o, &L.lo)) {
		wfc_cli_usage_hint(stderr, &wfc_logs_spec);
		goto err_out;
	}
	L.run = argv[0];
	L.node_arg = n > 1 ? argv[1] : NULL;
	rc = WFC_EXIT_FINDINGS;
	if (wfc_cli_cluster_open(&cl, &o.kube, false) != 0)
		goto err_out;
	L.c = cl.client;
	const char *ns = wfc_kube_namespace(cl.client);
	struct wfc_kube_error e;
	if (wfc_run_status_read(cl.client, NULL, L.run, NULL, &L.wf, &e, err, sizeof(err)) != 0 &&
	    e.kind != WFC_KUBE_ENOTFOUND) {
		wfc_cli_error("cannot read workflow '%s': %s", L.run, err);
		goto err_out;
	}
	const cJSON *sn;
	cJSON_ArrayForEach(sn, cJSON_GetObjectItemCaseSensitive(
				       cJSON_GetObjectItemCaseSensitive(L.wf, "status"), "nodes")) {
		const char *nn = wfc_kobj_str(sn, "name", NULL);
		if (nn)
			wfc_strmap_put(&L.by_name, nn, strlen(nn), (void *)sn);
	}
	label = wfc_run_label(cl.client, NULL, L.run, &e);
	if (!label && e.kind != WFC_KUBE_ENOTFOUND) {
		wfc_cli_error("cannot read workflow '%s': %s", L.run, e.message);
		goto err_out;
	}
	if (label && (wfc_run_list(cl.client, WFC_KUBE_JOBS, NULL, label, &jobs, &e) != 0 ||
		      wfc_run_list(cl.client, WFC_KUBE_PODS, NULL, label, &pods, &e) != 0)) {
		wfc_cli_error("cannot list the pods of workflow '%s': %s", L.run, e.message);
		goto err_out;
	}
	if (!L.wf && !cJSON_GetArraySize(jobs) && !cJSON_GetArraySize(pods)) {
		wfc_cli_error("workflow '%s' not found in namespace '%s'", L.run, ns);
		goto err_out;
	}
	if (L.node_arg && !resolve_node(&L, jobs, pods)) {
		wfc_cli_error("node '%s' not found in workflow '%s'", L.node_arg, L.run);
		goto err_out;
	}
	if (o.follow) {
		cJSON_Delete(jobs);
		cJSON_Delete(pods);
		jobs = pods = NULL;
		if (follow(&L, label) != 0)
			goto err_out;
		rc = L.rc;
		goto err_out;
	}
	index = wfc_run_index_create(jobs, pods);
	const cJSON *pod;
	cJSON_ArrayForEach(pod, pods) {
		const char *node = wfc_run_index_pod_node(index, pod);
		if (!wfc_kobj_name(pod) || !selected(&L, pod, node) || !pod_started(pod))
			continue;
		L.v = wfc_xrealloc(L.v, (L.n + 1) * sizeof(*L.v));
		L.v[L.n] = lpod_new(&L, pod, node);
		L.v[L.n++]->obj = pod;
	}
	qsort(L.v, L.n, sizeof(*L.v), by_start);
	for (size_t i = 0; i < L.n; i++)
		print_log(&L, L.v[i], L.v[i]->obj);
	rc = L.rc;
err_out:
	for (size_t i = 0; i < L.n; i++)
		lpod_free(L.v[i]);
	free(L.v);
	for (size_t i = 0; i < L.nnames; i++)
		free(L.names[i]);
	free(L.names);
	wfc_kube_informer_destroy(L.status);
	wfc_kube_informer_destroy(L.pods);
	wfc_kube_informer_destroy(L.jobs);
	free(L.phase);
	wfc_strmap_free(&L.by_name);
	cJSON_Delete(L.wf);
	wfc_run_index_destroy(index);
	cJSON_Delete(jobs);
	cJSON_Delete(pods);
	free(label);
	if (cl.client)
		wfc_cli_cluster_close(&cl);
	wfc_cli_free(&wfc_logs_spec, &o);
	return rc;
}
