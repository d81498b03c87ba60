/* runtime/proc: real processes, each test bounded to a few seconds. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/proc.h"

/* A scratch dir per test with a pool in it; the dir must be empty again
 * once the pool is gone. */
struct tstate {
	char *dir;
	struct wfc_proc_pool *pool;
};

static struct wfc_proc_pool *make_pool(const char *dir, bool no_ns)
{
	struct wfc_proc_pool_cfg cfg = { .scratch_dir = dir, .no_namespaces = no_ns };
	struct wfc_proc_pool *pool = NULL;
	char err[256] = "";

	if (wfc_proc_pool_create(&cfg, &pool, err, sizeof(err)))
		fail_msg("pool: %s", err);
	return pool;
}

static int setup(void **state)
{
	struct tstate *t = calloc(1, sizeof(*t));

	t->dir = strdup("/tmp/wfc-test-proc-XXXXXX");
	if (!t->dir || !mkdtemp(t->dir))
		return -1;
	t->pool = make_pool(t->dir, false);
	*state = t;
	return 0;
}

static const char *scratch(void **state)
{
	return ((struct tstate *)*state)->dir;
}

static struct wfc_proc_pool *pool_of(void **state)
{
	return ((struct tstate *)*state)->pool;
}

static int dir_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	remove(path);
	return 0;
}

static int teardown(void **state)
{
	struct tstate *t = *state;
	char *dir = t->dir;
	int status, left;
	pid_t stray;
	int werr;

	wfc_proc_pool_destroy(t->pool);
	free(t);
	left = dir_entries(dir);
	stray = waitpid(-1, &status, WNOHANG);
	werr = errno;
	/* clean up even after a failure, then check: no temp dirs left,
	 * no zombie or stray child */
	nftw(dir, rm_one, 16, FTW_PHYS | FTW_DEPTH);
	free(dir);
	assert_int_equal(left, 0);
	assert_int_equal(stray, -1);
	assert_int_equal(werr, ECHILD);
	return 0;
}

static struct wfc_proc *start(void **state, struct wfc_proc_spec *s)
{
	struct wfc_proc *p = NULL;
	char err[256] = "";

	if (!s->pool)
		s->pool = pool_of(state);
	if (wfc_proc_start(s, &p, err, sizeof(err)))
		fail_msg("start: %s", err);
	return p;
}

/* Runs argv to the end; the caller destroys. */
static struct wfc_proc *run(void **state, struct wfc_proc_spec *s)
{
	struct wfc_proc *p = start(state, s);

	wfc_proc_wait(p);
	assert_non_null(wfc_proc_result(p));
	return p;
}

static void test_exit_codes(void **state)
{
	const char *a0[] = { "true", NULL };
	const char *a3[] = { "sh", "-c", "exit 3", NULL };
	const char *a9[] = { "sh", "-c", "kill -9 $$", NULL };
	struct wfc_proc_spec s = { .argv = a0 };
	struct wfc_proc *p = run(state, &s);

	assert_int_equal(wfc_proc_result(p)->exit_code, 0);
	assert_int_equal(wfc_proc_result(p)->signal, 0);
	wfc_proc_destroy(p);
	s.argv = a3;
	p = run(state, &s);
	assert_int_equal(wfc_proc_result(p)->exit_code, 3);
	assert_false(wfc_proc_result(p)->timed_out);
	wfc_proc_destroy(p);
	s.argv = a9;
	p = run(state, &s);
	assert_int_equal(wfc_proc_result(p)->signal, SIGKILL);
	assert_int_equal(wfc_proc_result(p)->exit_code, 128 + SIGKILL);
	wfc_proc_destroy(p);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 4096);
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, 4095, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_stdout_stderr(void **state)
{
	const char *argv[] = { "sh", "-c", "echo out; echo err >&2; echo out2", NULL };
	char logs[512], path[600];
	struct wfc_proc_spec s = { .argv = argv, .log_dir = logs };
	struct wfc_proc *p;
	char *text;

	snprintf(logs, sizeof(logs), "%s/logs", scratch(state));
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "out\nout2");
	assert_string_equal(wfc_proc_result(p)->stderr_tail, "err\n");
	wfc_proc_destroy(p);
	/* logs are kept after destroy */
	snprintf(path, sizeof(path), "%s/stdout.log", logs);
	text = slurp(path);
	assert_string_equal(text, "out\nout2\n");
	free(text);
	unlink(path);
	snprintf(path, sizeof(path), "%s/stderr.log", logs);
	text = slurp(path);
	assert_string_equal(text, "err\n");
	free(text);
	unlink(path);
	rmdir(logs);
}

static void test_trim_one_newline(void **state)
{
	const char *a1[] = { "printf", "a\\n\\n", NULL };
	const char *a2[] = { "printf", "a", NULL };
	struct wfc_proc_spec s = { .argv = a1 };
	struct wfc_proc *p = run(state, &s);

	assert_string_equal(wfc_proc_result(p)->stdout_text, "a\n");
	assert_int_equal(wfc_proc_result(p)->stdout_len, 2);
	wfc_proc_destroy(p);
	s.argv = a2;
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "a");
	wfc_proc_destroy(p);
}

static void test_stdout_tail(void **state)
{
	/* 40000 lines of 8 bytes: 320000 bytes, more than 256 KiB */
	const char *argv[] = { "awk",
		"BEGIN { for (i = 0; i < 40000; i++) printf \"%07d\\n\", i }",
		NULL };
	struct wfc_proc_spec s = { .argv = argv };
	struct wfc_proc *p = run(state, &s);
	const struct wfc_proc_result *r = wfc_proc_result(p);

	assert_true(r->stdout_truncated);
	assert_int_equal(r->stdout_len, WFC_PROC_RESULT_MAX - 1);
	assert_int_equal(strlen(r->stdout_text), WFC_PROC_RESULT_MAX - 1);
	assert_string_equal(r->stdout_text + r->stdout_len - 7, "0039999");
	wfc_proc_destroy(p);
}

static void test_command_not_found(void **state)
{
	const char *argv[] = { "wfc-no-such-command", "x", NULL };
	const char *abs[] = { "/nonexistent/wfc-cmd", NULL };
	struct wfc_proc_spec s = { .argv = argv, .pool = pool_of(state) };
	struct wfc_proc *p = NULL;
	char err[256];

	assert_int_equal(wfc_proc_start(&s, &p, err, sizeof(err)), -1);
	assert_null(p);
	assert_string_equal(err, "command not found: wfc-no-such-command");
	s.argv = abs;
	assert_int_equal(wfc_proc_start(&s, &p, err, sizeof(err)), -1);
	assert_string_equal(err, "command not found: /nonexistent/wfc-cmd");
}

static bool group_gone(pid_t pgid)
{
	/* killed members are reparented to init: give it a moment to reap */
	for (int i = 0; i < 200; i++) {
		if (kill(-pgid, 0) < 0 && errno == ESRCH)
			return true;
		usleep(10000);
	}
	return false;
}

static void test_timeout_kills_tree(void **state)
{
	const char *argv[] = { "sh", "-c", "sleep 30 & echo $!; sleep 30", NULL };
	struct wfc_proc_spec s = { .argv = argv, .timeout_s = 0.3, .grace_s = 1 };
	struct timespec t0, t1;
	struct wfc_proc *p;
	const struct wfc_proc_result *r;
	pid_t pgid, bg;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	p = run(state, &s);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r = wfc_proc_result(p);
	pgid = wfc_proc_pid(p);
	assert_true(r->timed_out);
	assert_false(r->killed);
	assert_int_equal(r->signal, SIGTERM);
	assert_true(t1.tv_sec - t0.tv_sec < 5);
	bg = (pid_t)atoi(r->stdout_text);
	assert_true(bg > 0);
	assert_true(group_gone(pgid));
	assert_int_equal(kill(bg, 0), -1);
	wfc_proc_destroy(p);
}

static void test_kill_and_pidfd(void **state)
{
	/* the shell ignores SIGTERM: SIGKILL follows after the grace */
	const char *argv[] = { "sh", "-c", "trap '' TERM; sleep 30 & wait", NULL };
	struct wfc_proc_spec s = { .argv = argv, .grace_s = 0.2 };
	struct wfc_proc *p = start(state, &s);
	struct pollfd pfd = { .fd = wfc_proc_fd(p), .events = POLLIN };
	pid_t pgid = wfc_proc_pid(p);

	/* -1 only without pidfd_open (old kernels, valgrind) */
	if (pfd.fd >= 0)
		assert_int_equal(poll(&pfd, 1, 50), 0);
	assert_int_equal(wfc_proc_poll(p), 0);
	assert_null(wfc_proc_result(p));
	wfc_proc_kill(p);
	assert_true(wfc_proc_timeout_ms(p) > 0);
	wfc_proc_wait(p);
	assert_true(wfc_proc_result(p)->killed);
	assert_false(wfc_proc_result(p)->timed_out);
	assert_true(wfc_proc_result(p)->signal == SIGKILL ||
		    wfc_proc_result(p)->signal == SIGTERM);
	assert_true(group_gone(pgid));
	wfc_proc_destroy(p);
}

static void parallel_tmp(void **state, bool no_ns)
{
	const char *script = "echo \"$0\" > \"${TMPDIR:-/tmp}/out.txt\"; sleep 0.3; "
			     "cat \"${TMPDIR:-/tmp}/out.txt\"; echo \"${TMPDIR:-none}\"";
	const char *aa[] = { "sh", "-c", script, "A", NULL };
	const char *ab[] = { "sh", "-c", script, "B", NULL };
	struct wfc_proc_pool *pool = no_ns ? make_pool(scratch(state), true) : pool_of(state);
	struct wfc_proc_spec sa = { .argv = aa, .pool = pool };
	struct wfc_proc_spec sb = { .argv = ab, .pool = pool };
	struct wfc_proc *pa = start(state, &sa), *pb = start(state, &sb);
	const char *ta, *tb;
	char *host, *text;

	wfc_proc_wait(pa);
	wfc_proc_wait(pb);
	ta = wfc_proc_result(pa)->stdout_text;
	tb = wfc_proc_result(pb)->stdout_text;
	assert_int_equal(strncmp(ta, "A\n", 2), 0);
	assert_int_equal(strncmp(tb, "B\n", 2), 0);
	if (wfc_proc_isolation(pa) == WFC_PROC_ISO_TMPDIR) {
		/* no namespace: each gets its own TMPDIR */
		assert_string_equal(ta + 2, wfc_proc_tmpdir(pa));
		assert_string_equal(tb + 2, wfc_proc_tmpdir(pb));
		assert_string_not_equal(ta + 2, tb + 2);
	} else {
		assert_string_equal(ta + 2, "none");
		assert_false(no_ns);
	}
	/* the file as the step saw it, read from the host */
	host = malloc(strlen(wfc_proc_tmpdir(pa)) + 10);
	sprintf(host, "%s/out.txt", wfc_proc_tmpdir(pa));
	if (wfc_proc_isolation(pa) != WFC_PROC_ISO_TMPDIR) {
		char *mapped = wfc_proc_host_path(pa, "/tmp/out.txt");

		assert_string_equal(mapped, host);
		free(mapped);
	}
	text = slurp(host);
	assert_string_equal(text, "A\n");
	free(text);
	free(host);
	wfc_proc_destroy(pa);
	wfc_proc_destroy(pb);
	if (no_ns)
		wfc_proc_pool_destroy(pool);
}

static void test_parallel_tmp(void **state)
{
	const char *argv[] = { "true", NULL };
	struct wfc_proc_spec s = { .argv = argv };
	struct wfc_proc *p = run(state, &s);

	print_message("isolation here: %s\n",
		      wfc_proc_isolation_name(wfc_proc_isolation(p)));
	wfc_proc_destroy(p);
	parallel_tmp(state, false);
}

static void test_parallel_tmp_fallback(void **state)
{
	parallel_tmp(state, true);
}

static void test_env(void **state)
{
	const char *argv[] = { "sh", "-c",
		"echo \"$FOO|${WFC_TEST_PARENT:-unset}|${HOME:+home}|${PATH:+path}\"",
		NULL };
	const char *env[] = { "FOO=bar baz", NULL };
	struct wfc_proc_spec s = { .argv = argv, .env = env };
	struct wfc_proc *p;

	setenv("WFC_TEST_PARENT", "leak", 1);
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "bar baz|unset|home|path");
	wfc_proc_destroy(p);
	s.inherit_env = true;
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "bar baz|leak|home|path");
	wfc_proc_destroy(p);
	unsetenv("WFC_TEST_PARENT");
}

static void test_workdir(void **state)
{
	const char *argv[] = { "sh", "-c", "pwd; ls -A; echo hi > f.txt", NULL };
	struct wfc_proc_spec s = { .argv = argv };
	struct wfc_proc *p = run(state, &s);
	char *host, *text, *want;

	want = malloc(strlen(wfc_proc_workdir(p)) + 1);
	strcpy(want, wfc_proc_workdir(p));
	/* the step saw its private, empty work dir under its host name */
	assert_string_equal(wfc_proc_result(p)->stdout_text, want);
	host = wfc_proc_host_path(p, "f.txt");
	text = slurp(host);
	assert_string_equal(text, "hi\n");
	free(text);
	free(host);
	wfc_proc_destroy(p);
	free(want);
}

static void test_script_and_stdin(void **state)
{
	const char *argv[] = { "sh", NULL };
	const char *cat[] = { "cat", NULL };
	struct wfc_proc_spec s = { .argv = argv,
				   .script_source = "x=41\necho \"script $((x + 1))\"\n" };
	struct wfc_proc *p = run(state, &s);

	assert_string_equal(wfc_proc_result(p)->stdout_text, "script 42");
	wfc_proc_destroy(p);
	memset(&s, 0, sizeof(s));
	s.argv = cat;
	s.stdin_text = "hello\n";
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "hello");
	wfc_proc_destroy(p);
	/* no stdin: /dev/null, so cat ends at once */
	s.stdin_text = NULL;
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "");
	wfc_proc_destroy(p);
}

static void test_exec_failure(void **state)
{
	/* found but not executable by exec: a script without #! and no +x
	 * is caught by the search; a directory on PATH is skipped */
	const char *argv[] = { "sh", "-c", "exit 0", NULL };
	const char *env[] = { "PATH=/nonexistent", NULL };
	struct wfc_proc_spec s = { .argv = argv, .env = env, .pool = pool_of(state) };
	struct wfc_proc *p = NULL;
	char err[256];

	assert_int_equal(wfc_proc_start(&s, &p, err, sizeof(err)), -1);
	assert_string_equal(err, "command not found: sh");
}

/* Destroys p and empties its slot at once (as the local executor does
 * before it waits), so that the next step takes that slot again. */
static void done(void **state, struct wfc_proc *p)
{
	wfc_proc_destroy(p);
	wfc_proc_pool_tidy(pool_of(state));
}

/* Runs one sh -c script to the end in the test's pool; caller destroys. */
static struct wfc_proc *run_sh(void **state, const char *script)
{
	const char *argv[] = { "sh", "-c", script, NULL };
	struct wfc_proc_spec s = { .argv = argv };

	return run(state, &s);
}

static void slot_reused_empty(void **state)
{
	/* what a step leaves behind (in its /tmp, its work dir, next to them,
	 * unreadable) is gone for the next step, which runs in the same
	 * directories; a step that removes its work dir leaves one too */
	struct wfc_proc *p = run_sh(state,
		"t=${TMPDIR:-/tmp}; mkdir -p $t/leak-d/sub && echo x > $t/leak-d/sub/f && "
		"chmod 000 $t/leak-d/sub $t/leak-d && echo x > $t/leak-t && "
		"mkdir leak-w && echo x > leak-w/f && chmod 500 leak-w && "
		"echo x > ../leak-s && echo done");
	char *work = strdup(wfc_proc_workdir(p)), *tmp = strdup(wfc_proc_tmpdir(p));
	const char *out;

	assert_string_equal(wfc_proc_result(p)->stdout_text, "done");
	done(state, p);
	p = run_sh(state, "pwd; ls -A ${TMPDIR:-/tmp} . ..");
	out = wfc_proc_result(p)->stdout_text;
	assert_string_equal(wfc_proc_workdir(p), work);
	assert_string_equal(wfc_proc_tmpdir(p), tmp);
	assert_int_equal(strncmp(out, work, strlen(work)), 0);
	assert_null(strstr(out, "leak"));
	done(state, p);
	p = run_sh(state, "w=$PWD && cd / && rm -rf $w && echo removed");
	assert_string_equal(wfc_proc_result(p)->stdout_text, "removed");
	done(state, p);
	p = run_sh(state, "pwd");
	assert_string_equal(wfc_proc_result(p)->stdout_text, work);
	done(state, p);
	free(work);
	free(tmp);
}

static void test_slot_reused_empty(void **state)
{
	slot_reused_empty(state);
}

static void test_slot_reused_empty_tmpdir(void **state)
{
	struct tstate *t = *state;

	wfc_proc_pool_destroy(t->pool);
	t->pool = make_pool(t->dir, true);
	slot_reused_empty(state);
}

static void test_mounts_changed(void **state)
{
	/* a step that mounts over its /tmp (root in its namespace) must not
	 * leave that to the next step of its slot */
	struct wfc_proc *p = run_sh(state, "mount -t tmpfs none /tmp 2>/dev/null && echo mounted");
	char *tmp = strdup(wfc_proc_tmpdir(p)), *host;
	bool mounted = !strcmp(wfc_proc_result(p)->stdout_text, "mounted");
	struct stat st;

	if (wfc_proc_isolation(p) == WFC_PROC_ISO_TMPDIR || !mounted) {
		print_message("no namespace or no mount: nothing to check\n");
		done(state, p);
		free(tmp);
		return;
	}
	done(state, p);
	p = run_sh(state, "echo two > /tmp/out");
	assert_string_equal(wfc_proc_tmpdir(p), tmp);
	host = wfc_proc_host_path(p, "/tmp/out");
	assert_int_equal(stat(host, &st), 0);
	free(host);
	done(state, p);
	free(tmp);
}

static void test_followed_logs(void **state)
{
	/* a reader that opened a step's log reads that step's output, even
	 * after the next step took the slot */
	struct wfc_proc *p = run_sh(state, "echo one");
	int fd;
	char buf[16] = "";

	wfc_proc_follow_logs(p);
	fd = open(wfc_proc_stdout_path(p), O_RDONLY);
	assert_true(fd >= 0);
	done(state, p);
	p = run_sh(state, "echo two");
	assert_string_equal(wfc_proc_result(p)->stdout_text, "two");
	assert_int_equal(read(fd, buf, sizeof(buf) - 1), 4);
	assert_string_equal(buf, "one\n");
	close(fd);
	done(state, p);
}

/* Writes an executable NAME into dir that prints what. */
static void write_cmd(const char *dir, const char *name, const char *what)
{
	char exe[600];
	FILE *f;

	snprintf(exe, sizeof(exe), "%s/%s", dir, name);
	f = fopen(exe, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\necho %s\n", what);
	fclose(f);
	assert_int_equal(chmod(exe, 0755), 0);
}

static void test_command_cache(void **state)
{
	/* a pool remembers where a command is; removed from there it is
	 * looked up again, and missing everywhere it is a clear error
	 * naming it (the dirs are outside /tmp, which the step's namespace
	 * replaces) */
	char d1[600], d2[600], path[1300], exe[700], *a1, *a2, *cwd = realpath(".", NULL);
	char *tmp = realpath("/tmp", NULL);
	/* here, unless here is under /tmp */
	const char *base = cwd && tmp && strncmp(cwd, tmp, strlen(tmp)) ? cwd : "/var/tmp";
	const char *env[] = { path, NULL };
	const char *argv[] = { "wfc-test-cmd", NULL };
	struct wfc_proc_spec s = { .argv = argv, .env = env };
	struct wfc_proc *p;
	char err[256];

	snprintf(d1, sizeof(d1), "%s/wfc-test-bin-XXXXXX", base);
	snprintf(d2, sizeof(d2), "%s/wfc-test-bin-XXXXXX", base);
	free(cwd);
	free(tmp);
	assert_non_null(mkdtemp(d1));
	assert_non_null(mkdtemp(d2));
	a1 = realpath(d1, NULL);
	a2 = realpath(d2, NULL);
	assert_int_equal(chmod(d1, 0755) | chmod(d2, 0755), 0);
	snprintf(path, sizeof(path), "PATH=%s:%s:/usr/bin:/bin", a1, a2);
	write_cmd(a1, "wfc-test-cmd", "first");
	write_cmd(a2, "wfc-test-cmd", "second");
	for (int i = 0; i < 2; i++) {
		p = run(state, &s);
		assert_string_equal(wfc_proc_result(p)->stdout_text, "first");
		done(state, p);
	}
	snprintf(exe, sizeof(exe), "%s/wfc-test-cmd", a1);
	unlink(exe);
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text, "second");
	done(state, p);
	snprintf(exe, sizeof(exe), "%s/wfc-test-cmd", a2);
	unlink(exe);
	rmdir(a1);
	rmdir(a2);
	free(a1);
	free(a2);
	p = NULL;
	assert_int_equal(wfc_proc_start(&s, &p, err, sizeof(err)), -1);
	assert_null(p);
	assert_string_equal(err, "command not found: wfc-test-cmd");
}

static void on_hup(int sig)
{
	(void)sig;
}

static void test_signal_defaults(void **state)
{
	/* ignored or caught in wfc: default in the step, nothing blocked */
	const char *argv[] = { "grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status", NULL };
	struct wfc_proc_spec s = { .argv = argv };
	struct wfc_proc_pool *pool;
	struct wfc_proc *p;
	sigset_t usr2, old;

	signal(SIGUSR1, SIG_IGN);
	signal(SIGHUP, on_hup);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	pool = make_pool(scratch(state), false);
	s.pool = pool;
	p = run(state, &s);
	assert_string_equal(wfc_proc_result(p)->stdout_text,
			    "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000");
	wfc_proc_destroy(p);
	wfc_proc_pool_destroy(pool);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
}

static void test_many_steps_no_dirs_left(void **state)
{
	/* a run's directory holds a slot per step running at once, and goes
	 * with its pool */
	struct wfc_proc *ps[6];
	const char *argv[] = { "sh", "-c", "echo x > ${TMPDIR:-/tmp}/f; echo y > g", NULL };
	struct wfc_proc_spec s = { .argv = argv };
	struct wfc_proc_pool *pool = make_pool(scratch(state), false);
	char root[600];

	snprintf(root, sizeof(root), "%s", wfc_proc_pool_dir(pool));
	s.pool = pool;
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 6; i++)
			ps[i] = start(state, &s);
		for (int i = 0; i < 6; i++)
			wfc_proc_wait(ps[i]);
		for (int i = 0; i < 6; i++)
			wfc_proc_destroy(ps[i]);
	}
	/* a slot per step running at once and one spare, not one per step */
	assert_in_range(dir_entries(root), 6, 7);
	wfc_proc_pool_destroy(pool);
	assert_int_equal(access(root, F_OK), -1);
}

static void test_signal_pipe(void **state)
{
	struct pollfd pfd;
	char c;

	assert_int_equal(wfc_proc_signals_install(), 0);
	assert_int_equal(wfc_proc_signal_caught(), 0);
	raise(SIGINT);
	assert_int_equal(wfc_proc_signal_caught(), SIGINT);
	pfd.fd = wfc_proc_signal_fd();
	pfd.events = POLLIN;
	assert_int_equal(poll(&pfd, 1, 1000), 1);
	assert_int_equal(read(pfd.fd, &c, 1), 1);
	assert_int_equal(c, SIGINT);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_exit_codes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stdout_stderr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trim_one_newline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stdout_tail, setup, teardown),
		cmocka_unit_test_setup_teardown(test_command_not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timeout_kills_tree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill_and_pidfd, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parallel_tmp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parallel_tmp_fallback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_env, setup, teardown),
		cmocka_unit_test_setup_teardown(test_workdir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_script_and_stdin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signal_pipe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slot_reused_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slot_reused_empty_tmpdir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mounts_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_followed_logs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_command_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signal_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_steps_no_dirs_left, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
