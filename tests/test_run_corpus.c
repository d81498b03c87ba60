/* The Argo corpus under wfc run --local: testdata/run/corpus.expected lists
 * every example with the phase Argo gives it (Any for the random ones) or
 * why it is not run; each listed one is compiled to its local plan and run
 * in-process over the local executor, and must end in that phase.
 *
 * An example runs only when the commands it starts exist on this host:
 * the first word of each container's command (and, for `sh -c SCRIPT`, of
 * the script), as the plan has them. One that needs a command this host
 * lacks is reported and not run; the test fails when fewer than a floor of
 * examples ran, so a host that runs nothing cannot pass. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "runtime/local.h"
#include "runtime/plan.h"
#include "runtime/scheduler.h"
#include "support/buf.h"
#include "wfc.h"

#define TABLE WFC_SOURCE_DIR "/testdata/run/corpus.expected"
#define CORPUS WFC_SHARED_DIR "/corpus/argo"
/* a run longer than this is stopped and fails the test */
#define RUN_LIMIT_S 60
/* at least this many examples must have run */
#define MIN_RUN 25

struct row {
	char *file;
	char *phase;      /* Succeeded, Failed, Error, Any, or skip */
	char *reason;
	bool seen;
};

struct table {
	struct row *v;
	size_t n;
};

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static void read_table(struct table *t)
{
	FILE *f = fopen(TABLE, "r");
	if (!f)
		fail_msg("cannot read %s", TABLE);
	char line[1024];
	unsigned ln = 0;
	while (fgets(line, sizeof(line), f)) {
		ln++;
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *sp = strpbrk(s, " \t");
		if (!sp)
			fail_msg("%s:%u: want 'FILE PHASE' or 'FILE skip REASON'", TABLE, ln);
		*sp = '\0';
		char *phase = trim(sp + 1), *reason = NULL;
		char *sp2 = strpbrk(phase, " \t");
		if (sp2) {
			*sp2 = '\0';
			reason = trim(sp2 + 1);
		}
		bool skip = strcmp(phase, "skip") == 0;
		if (!skip && strcmp(phase, "Succeeded") && strcmp(phase, "Failed") &&
		    strcmp(phase, "Error") && strcmp(phase, "Any"))
			fail_msg("%s:%u: unknown phase '%s'", TABLE, ln, phase);
		if (skip && (!reason || !*reason))
			fail_msg("%s:%u: a skipped example needs a reason", TABLE, ln);
		t->v = realloc(t->v, (t->n + 1) * sizeof(*t->v));
		assert_non_null(t->v);
		t->v[t->n++] = (struct row){ .file = strdup(s), .phase = strdup(phase),
					     .reason = reason ? strdup(reason) : NULL };
	}
	fclose(f);
}

static void free_table(struct table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].file);
		free(t->v[i].phase);
		free(t->v[i].reason);
	}
	free(t->v);
}

static struct row *find_row(struct table *t, const char *file)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].file, file) == 0)
			return &t->v[i];
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The examples: *.yaml of the corpus and of its template directories. */
static size_t list_corpus(char ***out)
{
	static const char *const dirs[] = { "", "workflow-template/", "cluster-workflow-template/",
					    NULL };
	char **v = NULL;
	size_t n = 0;
	for (const char *const *d = dirs; *d; d++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", CORPUS, *d);
		DIR *dir = opendir(path);
		if (!dir)
			continue;
		struct dirent *e;
		while ((e = readdir(dir))) {
			size_t len = strlen(e->d_name);
			if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
				continue;
			v = realloc(v, (n + 1) * sizeof(*v));
			assert_non_null(v);
			v[n] = malloc(strlen(*d) + len + 1);
			assert_non_null(v[n]);
			sprintf(v[n], "%s%s", *d, e->d_name);
			n++;
		}
		closedir(dir);
	}
	qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	return n;
}

/* ---- commands on this host ---- */

static bool on_path(const char *cmd)
{
	if (strchr(cmd, '/'))
		return access(cmd, X_OK) == 0;
	const char *path = getenv("PATH");
	while (path && *path) {
		const char *colon = strchr(path, ':');
		size_t len = colon ? (size_t)(colon - path) : strlen(path);
		char cand[4096];
		struct stat st;
		snprintf(cand, sizeof(cand), "%.*s/%s", (int)len, path, cmd);
		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
			return true;
		path = colon ? colon + 1 : NULL;
	}
	return false;
}

/* Words a shell runs itself. */
static bool shell_word(const char *w)
{
	static const char *const words[] = { "echo", "exit", "if", "for", "while", "until", "[",
					     "[[", "test", "true", "false", "set", "export", "cd",
					     "printf", "read", "case", "sleep", "exec", "{", "(",
					     "!", "trap", "wait", "eval", "source", ".", "local",
					     "declare", "let", NULL };
	for (const char *const *q = words; *q; q++)
		if (strcmp(*q, w) == 0)
			return true;
	return false;
}

/* The first command word of a shell script, or "" when it is not plain. */
static void first_word(const char *script, char *out, size_t size)
{
	const char *q = script;
	while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '"' || *q == '\'')
		q++;
	size_t n = strcspn(q, " \t\n;|&)\"'");
	if (n >= size)
		n = size - 1;
	memcpy(out, q, n);
	out[n] = '\0';
	if (strchr(out, '$') || strchr(out, '{') || strchr(out, '='))
		out[0] = '\0';
}

/* Records the command a container would start that this host lacks. */
static void check_container(const cJSON *c, char *missing, size_t size)
{
	const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(c, "command");
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(c, "args");
	const char *words[64];
	size_t n = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, cmd)
		if (cJSON_IsString(it) && n < 64)
			words[n++] = it->valuestring;
	size_t i = 0;
	/* the output wrapper of the plan runs the command after "--" */
	if (n && strcmp(words[0], "/wfc-bin/wfc") == 0) {
		while (i < n && strcmp(words[i], "--") != 0)
			i++;
		i++;
	}
	cJSON_ArrayForEach(it, args)
		if (cJSON_IsString(it) && n < 64)
			words[n++] = it->valuestring;
	if (i >= n) {
		if (!*missing)
			snprintf(missing, size, "an image's entrypoint");
		return;
	}
	const char *exe = words[i];
	bool py = strcmp(exe, "python") == 0 && on_path("python3");
	if (!on_path(exe) && !py && !*missing)
		snprintf(missing, size, "%s", exe);
	const char *base = strrchr(exe, '/') ? strrchr(exe, '/') + 1 : exe;
	if ((!strcmp(base, "sh") || !strcmp(base, "bash")) && i + 2 < n + 1 && i + 1 < n &&
	    !strcmp(words[i + 1], "-c") && i + 2 < n) {
		char w[256];
		/* a script template's command runs the script file */
		first_word(strcmp(words[i + 2], "/wfc/script/script") ? words[i + 2] : "", w,
			   sizeof(w));
		if (*w && !shell_word(w) && !on_path(w) && !*missing)
			snprintf(missing, size, "%s", w);
	}
}

static void check_pod(const cJSON *pod, char *missing, size_t size)
{
	const cJSON *c;
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(pod, "containers")) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "name");
		if (cJSON_IsString(name) && strcmp(name->valuestring, "main") == 0)
			check_container(c, missing, size);
	}
}

/* ---- running ---- */

struct watch {
	struct wfc_executor in;
	double deadline;
	bool hit;
};

static double now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int watch_interrupted(void *self)
{
	struct watch *w = self;
	if (now_mono() > w->deadline)
		w->hit = true;
	return w->hit || (w->in.interrupted && w->in.interrupted(w->in.self));
}

static void watch_wait(void *self, int timeout_ms)
{
	struct watch *w = self;
	w->in.wait(w->in.self, timeout_ms < 0 || timeout_ms > 500 ? 500 : timeout_ms);
}

static int watch_start(void *self, const struct wfc_exec_start *st, void **job, char *err,
		       size_t errlen)
{
	struct watch *w = self;
	return w->in.start(w->in.self, st, job, err, errlen);
}

static int watch_poll(void *self, void *job, struct wfc_exec_result *out)
{
	struct watch *w = self;
	return w->in.poll(w->in.self, job, out);
}

static void watch_kill(void *self, void *job)
{
	struct watch *w = self;
	w->in.kill(w->in.self, job);
}

static int watch_ready(void *self, void *job)
{
	struct watch *w = self;
	return w->in.ready(w->in.self, job);
}

static const char *watch_address(void *self, void *job)
{
	struct watch *w = self;
	return w->in.address(w->in.self, job);
}

struct result {
	char missing[256];
	char phase[32];
	bool timed_out;
	size_t plans;
};

static int run_plan(void *user, const char *text)
{
	struct result *r = user;
	r->plans++;
	cJSON *j = cJSON_Parse(text);
	assert_non_null(j);
	const cJSON *n, *t;
	cJSON_ArrayForEach(n, cJSON_GetObjectItemCaseSensitive(j, "nodes"))
		check_pod(cJSON_GetObjectItemCaseSensitive(n, "pod"), r->missing, sizeof(r->missing));
	cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(j, "templates")) {
		const cJSON *c = cJSON_GetObjectItemCaseSensitive(t, "container");
		if (!c)
			c = cJSON_GetObjectItemCaseSensitive(t, "script");
		if (c)
			check_container(c, r->missing, sizeof(r->missing));
	}
	cJSON_Delete(j);
	if (*r->missing)
		return 1;
	char err[256] = "";
	struct wfc_rt_plan *p = wfc_rt_plan_parse(text, err, sizeof(err));
	if (!p)
		fail_msg("plan: %s", err);
	struct wfc_local *l = wfc_local_create(NULL);
	/* the local executor, stopped after the time limit */
	struct watch w = { .deadline = now_mono() + RUN_LIMIT_S };
	wfc_local_executor(l, &w.in);
	struct wfc_executor ex = {
		.self = &w, .start = watch_start, .poll = watch_poll, .kill = watch_kill,
		.wait = watch_wait, .interrupted = watch_interrupted, .ready = watch_ready,
		.address = watch_address,
	};
	struct wfc_sched *s = wfc_sched_create(p, &ex, NULL);
	enum wfc_rt_phase ph = wfc_sched_run(s);
	snprintf(r->phase, sizeof(r->phase), "%s", wfc_rt_phase_name(ph));
	r->timed_out = w.hit;
	wfc_sched_destroy(s);
	wfc_local_destroy(l);
	wfc_rt_plan_free(p);
	return 0;
}

static void test_corpus_runs(void **state)
{
	struct table t = { 0 };
	read_table(&t);
	char **files = NULL;
	size_t nfiles = list_corpus(&files);
	if (!nfiles) {
		print_message("skipped: no corpus at %s\n", CORPUS);
		free_table(&t);
		skip();
	}
	size_t ran = 0, host = 0, listed_skip = 0, bad = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct row *row = find_row(&t, files[i]);
		if (!row) {
			print_message("FAIL %s: not in testdata/run/corpus.expected\n", files[i]);
			bad++;
			continue;
		}
		row->seen = true;
		if (strcmp(row->phase, "skip") == 0) {
			listed_skip++;
			continue;
		}
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", CORPUS, files[i]);
		struct wfc_cfg cfg;
		wfc_cfg_default(&cfg);
		struct wfc_ctx *ctx = wfc_ctx_create(&cfg);
		assert_int_equal(wfc_add_path(ctx, path, false), 0);
		/* an example in a template directory uses the templates there
		 * (as with -t workflow-template -t cluster-workflow-template) */
		bool in_dir = strchr(files[i], '/') != NULL;
		for (size_t k = 0; in_dir && k < nfiles; k++) {
			if (k == i || !strchr(files[k], '/'))
				continue;
			char lib[1024];
			snprintf(lib, sizeof(lib), "%s/%s", CORPUS, files[k]);
			wfc_add_path(ctx, lib, true);
		}
		size_t errs = wfc_validate(ctx);
		struct result r = { 0 };
		struct wfc_compile_cfg cc = { 0 };
		size_t cerr = errs ? 0 : wfc_local_plans(ctx, &cc, run_plan, &r);
		wfc_ctx_destroy(ctx);
		if (errs || cerr || !r.plans) {
			print_message("FAIL %s: does not compile to a local plan\n", files[i]);
			bad++;
			continue;
		}
		if (*r.missing) {
			print_message("skip %s: needs '%s', not on this host\n", files[i], r.missing);
			host++;
			continue;
		}
		ran++;
		bool ok = strcmp(row->phase, "Any") == 0
			  ? !strcmp(r.phase, "Succeeded") || !strcmp(r.phase, "Failed")
			  : strcmp(row->phase, r.phase) == 0;
		if (r.timed_out)
			ok = false;
		print_message("%s %s: %s%s\n", ok ? "ok  " : "FAIL", files[i], r.phase,
			      r.timed_out ? " (stopped after the time limit)" : "");
		if (!ok) {
			print_message("     expected %s\n", row->phase);
			bad++;
		}
	}
	for (size_t i = 0; i < t.n; i++)
		if (!t.v[i].seen) {
			print_message("FAIL %s: listed but not in the corpus\n", t.v[i].file);
			bad++;
		}
	print_message("%zu ran, %zu skipped for this host, %zu listed as skipped\n", ran, host,
		      listed_skip);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free_table(&t);
	assert_int_equal(bad, 0);
	assert_true(ran >= MIN_RUN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
