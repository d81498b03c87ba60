/* wfc run --local in-process: each testdata/run/NAME.yaml is compiled to
 * its local plan and run with the scheduler over the local executor; the
 * final phase of every node that ran (sorted, no times) and what a step
 * whose result is not kept printed must equal NAME.expected. WFC_UPDATE_GOLDEN=1 rewrites the expected files. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "runtime/local.h"
#include "runtime/plan.h"
#include "runtime/probe.h"
#include "runtime/scheduler.h"
#include "support/buf.h"
#include "wfc.h"

#define RUN_DIR WFC_SOURCE_DIR "/testdata/run"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What node id printed (the "NAME: LINE" lines of --logs in progress),
 * its lines joined by '|', or NULL; malloc'd. */
static char *node_log(const struct wfc_sched *s, size_t id, const char *progress)
{
	const char *name = wfc_sched_node(s, id)->name;
	size_t len = strlen(name);
	struct wfc_buf b = { 0 };
	for (const char *q = progress; q && *q;) {
		const char *e = strchr(q, '\n');
		size_t ll = e ? (size_t)(e - q) : strlen(q);
		if (ll > len + 1 && memcmp(q, name, len) == 0 && q[len] == ':' && q[len + 1] == ' ') {
			/* not a longer node name that starts with this one */
			bool other = false;
			for (size_t i = 0; i < wfc_sched_nnodes(s) && !other; i++) {
				const char *on = wfc_sched_node(s, i)->name;
				size_t ol = strlen(on);
				other = ol > len && ll > ol + 1 && memcmp(q, on, ol) == 0 &&
					q[ol] == ':' && q[ol + 1] == ' ';
			}
			if (!other)
				wfc_buf_printf(&b, "%s%.*s", b.len ? "|" : "", (int)(ll - len - 2),
					       q + len + 2);
		}
		q += ll + (e ? 1 : 0);
	}
	char *r = b.len ? strdup(wfc_buf_str(&b)) : NULL;
	wfc_buf_free(&b);
	return r;
}

/* One line per node that ran: NAME PHASE [outputs.result=R]
 * [log=L] [outputs.parameters.P=V]... [message=M]. log is what a step
 * whose result nothing refers to printed (so none is kept, as in Argo),
 * a daemon's left out (a server's log has times). */
static void summary(const struct wfc_sched *s, enum wfc_rt_phase wf, const char *progress,
		    struct wfc_buf *out)
{
	size_t nn = wfc_sched_nnodes(s);
	char **lines = calloc(nn + 1, sizeof(*lines));
	size_t n = 0;
	assert_non_null(lines);
	for (size_t i = 0; i < nn; i++) {
		enum wfc_rt_phase ph = wfc_sched_node_phase(s, i);
		const struct wfc_rt_node *node = wfc_sched_node(s, i);
		if (ph == WFC_PHASE_NONE)
			continue;
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "%s %s", node->name, wfc_rt_phase_name(ph));
		const char *r = wfc_sched_node_result(s, i);
		if (r && *r)
			wfc_buf_printf(&b, " outputs.result=%s", r);
		char *log = node->no_result && !node->daemon ? node_log(s, i, progress) : NULL;
		if (log)
			wfc_buf_printf(&b, " log=%s", log);
		free(log);
		for (size_t k = 0; k < node->noutputs; k++) {
			const char *v = wfc_sched_node_output(s, i, k);
			if (v)
				wfc_buf_printf(&b, " outputs.parameters.%s=%s",
					       node->outputs[k].name, v);
		}
		const char *m = wfc_sched_node_message(s, i);
		if (m && *m)
			wfc_buf_printf(&b, " message=%s", m);
		lines[n] = strdup(wfc_buf_str(&b));
		wfc_buf_free(&b);
		n++;
		size_t na = wfc_sched_node_attempts(s, i);
		char **more = realloc(lines, (nn + 1 + n + na) * sizeof(*lines));
		assert_non_null(more);
		lines = more;
		for (size_t k = 0; k < na; k++) {
			struct wfc_buf ab = { 0 };
			const char *am = wfc_sched_attempt_message(s, i, k);
			wfc_buf_printf(&ab, "%s(%zu) %s", node->name, k,
				       wfc_rt_phase_name(wfc_sched_attempt_phase(s, i, k)));
			if (am && *am)
				wfc_buf_printf(&ab, " message=%s", am);
			lines[n++] = strdup(wfc_buf_str(&ab));
			wfc_buf_free(&ab);
		}
	}
	qsort(lines, n, sizeof(*lines), cmp_str);
	wfc_buf_printf(out, "workflow %s\n", wfc_rt_phase_name(wf));
	for (size_t i = 0; i < wfc_sched_nglobals(s); i++) {
		const char *gn = NULL, *gv = wfc_sched_global(s, i, &gn);
		wfc_buf_printf(out, "workflow.outputs.parameters.%s=%s\n", gn, gv);
	}
	for (size_t i = 0; i < n; i++) {
		/* a result may span lines: keep the file one line per node */
		for (char *q = lines[i]; *q; q++)
			if (*q == '\n')
				*q = '|';
		wfc_buf_printf(out, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
}

/* The control callback of the suspend-resume case: resumes at each call,
 * counting what it resumed. */
static size_t resumed;

static void resume_all(void *user, struct wfc_sched *s)
{
	resumed += wfc_sched_resume(s);
}

static bool auto_resume;

static struct wfc_rt_plan *plan_of(const char *text)
{
	char err[256] = "";
	struct wfc_rt_plan *p = wfc_rt_plan_parse(text, err, sizeof(err));
	if (!p)
		fail_msg("plan: %s", err);
	return p;
}

static int run_plan(void *user, const char *text)
{
	struct wfc_buf *out = user;
	struct wfc_rt_plan *p = plan_of(text);
	struct wfc_local *l = wfc_local_create(NULL);
	struct wfc_executor ex;
	wfc_local_executor(l, &ex);
	char *progress = NULL;
	size_t plen = 0;
	FILE *pf = open_memstream(&progress, &plen);
	assert_non_null(pf);
	struct wfc_sched_opts so = { .control = auto_resume ? resume_all : NULL,
				     .progress = pf, .logs = true };
	struct wfc_sched *s = wfc_sched_create(p, &ex, &so);
	enum wfc_rt_phase ph = wfc_sched_run(s);
	fclose(pf);
	summary(s, ph, progress, out);
	free(progress);
	/* the status text built a node at a time is the tree printed */
	cJSON *wf = wfc_sched_workflow_json(s);
	char *whole = cJSON_PrintUnformatted(wf), *status = wfc_sched_workflow_text(s);
	assert_string_equal(status, whole);
	free(status);
	cJSON_free(whole);
	cJSON_Delete(wf);
	wfc_sched_destroy(s);
	wfc_local_destroy(l);
	wfc_rt_plan_free(p);
	return 0;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct wfc_buf b = { 0 };
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wfc_buf_add(&b, chunk, got);
	fclose(f);
	char *r = strdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	return r;
}

/* A TCP port on 127.0.0.1 that is free now (for a daemon that listens). */
static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	close(fd);
	return ntohs(a.sin_port);
}

/* Workflow arguments of the next run_file (as -p gives them). */
static const struct wfc_arg *next_args;
static size_t next_nargs;

/* Runs testdata/run/NAME.yaml; the summary of its run in out. */
static void run_file(const char *name, struct wfc_buf *out)
{
	/* the arguments are for this run only */
	const struct wfc_arg *args = next_args;
	size_t nargs = next_nargs;
	next_args = NULL;
	next_nargs = 0;
	char yaml[512];
	snprintf(yaml, sizeof(yaml), "%s/%s.yaml", RUN_DIR, name);
	struct wfc_cfg cfg;
	wfc_cfg_default(&cfg);
	struct wfc_ctx *ctx = wfc_ctx_create(&cfg);
	assert_int_equal(wfc_add_path(ctx, yaml, false), 0);
	assert_int_equal(wfc_validate(ctx), 0);
	struct wfc_compile_cfg cc = { .args = args, .nargs = nargs };
	assert_int_equal(wfc_local_plans(ctx, &cc, run_plan, out), 0);
	wfc_ctx_destroy(ctx);
}

static void run_case(const char *name);

static void run_case_args(const char *name, const struct wfc_arg *args, size_t nargs)
{
	next_args = args;
	next_nargs = nargs;
	run_case(name);
}

static void run_case(const char *name)
{
	char exp_path[512];
	snprintf(exp_path, sizeof(exp_path), "%s/%s.expected", RUN_DIR, name);
	struct wfc_buf out = { 0 };
	run_file(name, &out);
	const char *got = wfc_buf_str(&out);
	const char *upd = getenv("WFC_UPDATE_GOLDEN");
	if (upd && strcmp(upd, "1") == 0) {
		FILE *f = fopen(exp_path, "w");
		assert_non_null(f);
		fputs(got, f);
		fclose(f);
	}
	char *want = read_all(exp_path);
	if (!want)
		fail_msg("cannot read %s (WFC_UPDATE_GOLDEN=1 creates it)", exp_path);
	if (strcmp(want, got) != 0) {
		print_message("--- %s\n%s--- got\n%s", exp_path, want, got);
		free(want);
		wfc_buf_free(&out);
		fail_msg("%s differs", name);
	}
	free(want);
	wfc_buf_free(&out);
}

#define CASE(fn, name) \
	static void fn(void **state) { run_case(name); }

CASE(test_hello_world, "hello-world")
CASE(test_steps_result, "steps-result")
CASE(test_failing_step, "failing-step")
CASE(test_continue_on, "continue-on")
CASE(test_coinflip, "coinflip")
CASE(test_dag_diamond, "dag-diamond")
CASE(test_parallel_tmp, "parallel-tmp")
CASE(test_output_param, "output-param")
CASE(test_exit_handler, "exit-handler")
CASE(test_script, "script")
CASE(test_retry, "retry")
CASE(test_parallelism, "parallelism")
CASE(test_dag_fail_fast, "dag-fail-fast")
CASE(test_loop_outputs, "loop-outputs")
CASE(test_deadline, "deadline")
CASE(test_with_param, "with-param")
CASE(test_with_param_dag, "with-param-dag")
CASE(test_recursion, "recursion")
CASE(test_shell_dollar, "shell-dollar")
CASE(test_resource, "resource")
CASE(test_suspend, "suspend")
/* The daemon listens on a port free on this host. */
static void test_daemon(void **state)
{
	char port[16];
	snprintf(port, sizeof(port), "%d", free_port());
	struct wfc_arg arg = { .name = "port", .value = port, .origin = "-p" };
	run_case_args("daemon", &arg, 1);
}
CASE(test_hooks, "hooks")
CASE(test_hooks_error, "hooks-error")

/* Suspended nodes and spec.suspend wait for wfc_sched_resume. */
static void test_suspend_resume(void **state)
{
	auto_resume = true;
	resumed = 0;
	run_case("suspend-resume");
	auto_resume = false;
	/* the workflow, then its suspend step */
	assert_int_equal(resumed, 2);
}

/* Recursion without end stops at the depth limit, in Error, at once. */
static void test_recursion_depth(void **state)
{
	struct wfc_buf out = { 0 };
	run_file("recursion-depth", &out);
	const char *got = wfc_buf_str(&out);
	assert_true(strncmp(got, "workflow Failed\n", 16) == 0);
	size_t lines = 0, errors = 0;
	for (const char *q = got; *q; q++)
		lines += *q == '\n';
	for (const char *q = got; (q = strstr(q, " Error message=Maximum recursion depth exceeded"));
	     q++)
		errors++;
	assert_int_equal(errors, 1);
	/* the workflow line, then per level a Steps node and its group */
	assert_int_equal(lines, 1 + 2 * 100 + 1);
	wfc_buf_free(&out);
}

/* Every testdata/run case has a test above. */
static void test_all_cases_listed(void **state)
{
	static const char *const listed[] = { "hello-world", "steps-result", "failing-step",
					      "continue-on", "coinflip", "dag-diamond",
					      "parallel-tmp", "output-param", "exit-handler",
					      "script", "retry", "parallelism", "dag-fail-fast",
					      "loop-outputs", "deadline", "with-param",
					      "with-param-dag", "recursion", "recursion-depth",
					      "suspend", "suspend-resume", "daemon", "hooks",
					      "hooks-error", "shell-dollar", "resource", NULL };
	DIR *d = opendir(RUN_DIR);
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		bool found = false;
		for (const char *const *l = listed; *l; l++)
			if (strlen(*l) == len - 5 && !strncmp(*l, e->d_name, len - 5))
				found = true;
		if (!found)
			fail_msg("testdata/run/%s has no test", e->d_name);
	}
	closedir(d);
}

/* Readiness probes: a named port is the container's port of that name; a
 * tcpSocket probe passes once something listens there; an unknown name is
 * an error, not a probe that never passes. */
static void test_probe_ports(void **state)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	char num[16];
	snprintf(num, sizeof(num), "%d", ntohs(a.sin_port));
	struct wfc_rt_kv ports[] = { { "metrics", "1" }, { "web", num } };
	struct wfc_rt_container c = { .ports = ports, .nports = 2 };
	struct wfc_rt_probe p = { .type = WFC_PROBE_TCP, .port = "web", .period_s = 1,
				  .timeout_s = 1, .success_threshold = 1 };
	struct wfc_probe_target t = { 0 };
	char err[128];
	struct wfc_probe *pr = wfc_probe_create(&p, &c, &t, err, sizeof(err));
	assert_non_null(pr);
	assert_int_equal(wfc_probe_poll(pr), 0);   /* nothing listens yet */
	assert_int_equal(listen(fd, 4), 0);
	int ready = 0;
	for (int i = 0; i < 50 && !ready; i++) {
		ready = wfc_probe_poll(pr);
		if (!ready)
			usleep(50 * 1000);
	}
	assert_int_equal(ready, 1);
	wfc_probe_destroy(pr);
	close(fd);
	p.port = "nope";
	assert_null(wfc_probe_create(&p, &c, &t, err, sizeof(err)));
	assert_non_null(strstr(err, "'nope' is not one of the container's ports"));
	/* no probe: ready once it runs */
	struct wfc_rt_probe none = { 0 };
	assert_null(wfc_probe_create(&none, &c, &t, err, sizeof(err)));
	assert_string_equal(err, "");
	assert_int_equal(wfc_probe_poll(NULL), 1);
}

/* Plan text the runtime cannot read is an error, not a crash. */
/* An executor that says which jobs have news is trusted: the scheduler
 * polls those, and a job that ended is not seen to end until it is named.
 * Here a scripted executor runs three steps in parallel: all three end at
 * the first wait, but the news names only b; c is named at the second
 * wait, a at the third. */
struct sjob {
	size_t tag;
	unsigned polls;
	bool ended;
	bool freed;
};

struct scripted {
	const struct wfc_sched *s;
	struct sjob jobs[8];
	size_t njobs;
	unsigned waits;
	size_t news[8];
	size_t nnews;
	char order[8];     /* the steps in the order they ended */
	size_t nended;
};

static int sc_start(void *self, const struct wfc_exec_start *st, void **job, char *err,
		    size_t errlen)
{
	struct scripted *x = self;
	(void)err;
	(void)errlen;
	assert_true(x->njobs < 8);
	struct sjob *j = &x->jobs[x->njobs++];
	j->tag = st->tag;
	*job = j;
	return 0;
}

static struct sjob *sc_step(struct scripted *x, char name)
{
	for (size_t i = 0; i < x->njobs; i++) {
		const char *n = wfc_sched_node(x->s, x->jobs[i].tag)->name;
		size_t len = strlen(n);
		if (len > 2 && n[len - 2] == '.' && n[len - 1] == name)
			return &x->jobs[i];
	}
	fail_msg("no job of step '%c'", name);
	return NULL;
}

static int sc_poll(void *self, void *job, struct wfc_exec_result *out)
{
	struct scripted *x = self;
	struct sjob *j = job;
	assert_false(j->freed);
	j->polls++;
	if (!j->ended)
		return 0;
	const char *n = wfc_sched_node(x->s, j->tag)->name;
	x->order[x->nended++] = n[strlen(n) - 1];
	j->freed = true;
	out->phase = WFC_PHASE_SUCCEEDED;
	out->exit_code = 0;
	return 1;
}

static void sc_kill(void *self, void *job)
{
	(void)self;
	(void)job;
	fail_msg("nothing is killed");
}

static void sc_wait(void *self, int timeout_ms)
{
	struct scripted *x = self;
	(void)timeout_ms;
	x->waits++;
	assert_true(x->waits <= 3);
	if (x->waits == 1) {
		assert_int_equal(x->njobs, 3);
		for (size_t i = 0; i < x->njobs; i++)
			x->jobs[i].ended = true;
	}
	const char *named = "bca";
	x->news[0] = sc_step(x, named[x->waits - 1])->tag;
	x->nnews = 1;
}

static size_t sc_news(void *self, const size_t **tags)
{
	struct scripted *x = self;
	*tags = x->news;
	size_t n = x->nnews;
	x->nnews = 0;
	return n;
}

static int sc_interrupted(void *self)
{
	(void)self;
	return 0;
}

static int news_plan(void *user, const char *text)
{
	struct scripted *x = user;
	struct wfc_rt_plan *p = plan_of(text);
	struct wfc_executor ex = { .self = x, .start = sc_start, .poll = sc_poll,
				   .kill = sc_kill, .wait = sc_wait, .news = sc_news,
				   .interrupted = sc_interrupted };
	struct wfc_sched *s = wfc_sched_create(p, &ex, NULL);
	x->s = s;
	assert_int_equal(wfc_sched_run(s), WFC_PHASE_SUCCEEDED);
	x->s = NULL;
	wfc_sched_destroy(s);
	wfc_rt_plan_free(p);
	return 0;
}

static void test_news(void **state)
{
	static const char yaml[] =
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: Workflow\n"
		"metadata: {name: news}\n"
		"spec:\n"
		"  entrypoint: main\n"
		"  templates:\n"
		"  - name: main\n"
		"    steps:\n"
		"    - - {name: a, template: t}\n"
		"      - {name: b, template: t}\n"
		"      - {name: c, template: t}\n"
		"  - name: t\n"
		"    container: {image: alpine, command: [\"true\"]}\n";
	struct wfc_cfg cfg;
	wfc_cfg_default(&cfg);
	struct wfc_ctx *ctx = wfc_ctx_create(&cfg);
	assert_int_equal(wfc_add_text(ctx, "news.yaml", yaml, sizeof(yaml) - 1, false), 0);
	assert_int_equal(wfc_validate(ctx), 0);
	struct scripted x = { 0 };
	struct wfc_compile_cfg cc = { 0 };
	assert_int_equal(wfc_local_plans(ctx, &cc, news_plan, &x), 0);
	wfc_ctx_destroy(ctx);
	assert_int_equal(x.waits, 3);
	assert_int_equal(x.nended, 3);
	assert_memory_equal(x.order, "bca", 3);
	/* each job is polled when it is named, and then no more */
	for (size_t i = 0; i < x.njobs; i++)
		assert_int_equal(x.jobs[i].polls, 1);
}

static void test_bad_plan(void **state)
{
	char err[128];
	assert_null(wfc_rt_plan_parse("{", err, sizeof(err)));
	assert_null(wfc_rt_plan_parse("{\"wfcPlan\": 2}", err, sizeof(err)));
	assert_non_null(strstr(err, "version"));
	assert_null(wfc_rt_plan_parse("{\"wfcPlan\": 1, \"nodes\": [{\"name\": \"a\", "
				      "\"type\": \"Pod\", \"children\": [0]}]}", err, sizeof(err)));
	assert_true(wfc_rt_duration("90s") == 90);
	assert_true(wfc_rt_duration("1m30s") == 90);
	assert_true(wfc_rt_duration("5") == 5);
	assert_true(wfc_rt_duration("x") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hello_world),
		cmocka_unit_test(test_steps_result),
		cmocka_unit_test(test_failing_step),
		cmocka_unit_test(test_continue_on),
		cmocka_unit_test(test_coinflip),
		cmocka_unit_test(test_dag_diamond),
		cmocka_unit_test(test_parallel_tmp),
		cmocka_unit_test(test_output_param),
		cmocka_unit_test(test_exit_handler),
		cmocka_unit_test(test_script),
		cmocka_unit_test(test_retry),
		cmocka_unit_test(test_parallelism),
		cmocka_unit_test(test_dag_fail_fast),
		cmocka_unit_test(test_loop_outputs),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_with_param),
		cmocka_unit_test(test_with_param_dag),
		cmocka_unit_test(test_recursion),
		cmocka_unit_test(test_recursion_depth),
		cmocka_unit_test(test_shell_dollar),
		cmocka_unit_test(test_resource),
		cmocka_unit_test(test_suspend),
		cmocka_unit_test(test_suspend_resume),
		cmocka_unit_test(test_daemon),
		cmocka_unit_test(test_hooks),
		cmocka_unit_test(test_hooks_error),
		cmocka_unit_test(test_all_cases_listed),
		cmocka_unit_test(test_probe_ports),
		cmocka_unit_test(test_bad_plan),
		cmocka_unit_test(test_news),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
