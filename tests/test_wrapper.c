/* runtime/wrapper: the report format both ways, and the wrapper around real
 * processes (exit statuses, signals, missing commands, output files). */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/wrapper.h"

static int setup(void **state)
{
	char *dir = strdup("/tmp/wfc-test-wrapper-XXXXXX");
	if (!dir || !mkdtemp(dir))
		return -1;
	*state = dir;
	return 0;
}

static int teardown(void **state)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", (char *)*state);
	int rc = system(cmd);
	free(*state);
	return rc == 0 ? 0 : -1;
}

static char *path_in(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static void write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *s = malloc(65536);
	assert_non_null(s);
	*len = fread(s, 1, 65535, f);
	s[*len] = 0;
	fclose(f);
	return s;
}

/* Values with newlines, NUL bytes and text that looks like the format's own
 * lines come back exactly. */
static void test_round_trip(void **state)
{
	(void)state;
	static const char tricky[] = "a\nmissing x\noutput y 3\n\0z";
	const struct wfc_wrapper_output outs[] = {
		{ "plain", "/p" }, { "tricky", "/t" }, { "gone", "/g" }, { "empty", "/e" },
	};
	const char *values[] = { "42", tricky, NULL, "" };
	size_t lens[] = { 2, sizeof(tricky) - 1, 0, 0 };
	size_t len;
	char *msg = wfc_wrapper_format(outs, values, lens, 4, WFC_WRAPPER_BUDGET, &len);

	struct wfc_wrapper_report r;
	char err[128];
	assert_int_equal(wfc_wrapper_parse(msg, len, &r, err, sizeof(err)), 0);
	assert_int_equal(r.n, 4);
	const struct wfc_wrapper_entry *e = wfc_wrapper_find(&r, "plain");
	assert_non_null(e);
	assert_int_equal(e->state, WFC_WRAPPER_VALUE);
	assert_string_equal(e->value, "42");
	e = wfc_wrapper_find(&r, "tricky");
	assert_int_equal(e->len, sizeof(tricky) - 1);
	assert_memory_equal(e->value, tricky, sizeof(tricky) - 1);
	assert_int_equal(wfc_wrapper_find(&r, "gone")->state, WFC_WRAPPER_MISSING);
	e = wfc_wrapper_find(&r, "empty");
	assert_int_equal(e->state, WFC_WRAPPER_VALUE);
	assert_int_equal(e->len, 0);
	assert_null(wfc_wrapper_find(&r, "other"));
	wfc_wrapper_report_free(&r);
	free(msg);
}

/* What does not fit the budget is named as truncated, with its size; the
 * message never exceeds the budget. */
static void test_budget(void **state)
{
	(void)state;
	char big[3000];
	memset(big, 'x', sizeof(big));
	const struct wfc_wrapper_output outs[] = { { "a", "" }, { "b", "" }, { "c", "" } };
	const char *values[] = { big, big, "small" };
	size_t lens[] = { sizeof(big), sizeof(big), 5 };
	size_t len;
	char *msg = wfc_wrapper_format(outs, values, lens, 3, WFC_WRAPPER_BUDGET, &len);
	assert_true(len <= WFC_WRAPPER_BUDGET);

	struct wfc_wrapper_report r;
	assert_int_equal(wfc_wrapper_parse(msg, len, &r, NULL, 0), 0);
	assert_int_equal(wfc_wrapper_find(&r, "a")->state, WFC_WRAPPER_VALUE);
	const struct wfc_wrapper_entry *b = wfc_wrapper_find(&r, "b");
	assert_int_equal(b->state, WFC_WRAPPER_TRUNCATED);
	assert_int_equal(b->size, sizeof(big));
	assert_string_equal(wfc_wrapper_find(&r, "c")->value, "small");
	wfc_wrapper_report_free(&r);
	free(msg);
}

/* Anything else is refused with a message, not misread: another program's
 * termination message, a cut-off report (Kubernetes cuts at 4 KiB), a bad
 * length. */
static void test_parse_errors(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",
		"Error: file not found",
		"wfc-exec 2\n",
		"wfc-exec 1\noutput a 5\nab",
		"wfc-exec 1\noutput a 2\nabc\n",
		"wfc-exec 1\noutput a -1\n\n",
		"wfc-exec 1\noutput a\n",
		"wfc-exec 1\nmissing\n",
		"wfc-exec 1\nsomething a\n",
		"wfc-exec 1\nmissing a",
		"wfc-exec 1\noutput a 99999999999999999999999\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct wfc_wrapper_report r;
		char err[128] = "";
		assert_int_equal(wfc_wrapper_parse(bad[i], strlen(bad[i]), &r, err, sizeof(err)), -1);
		assert_int_equal(r.n, 0);
		assert_true(strlen(err) > 0);
	}
}

/* The command's exit status is the wrapper's, the files are reported after
 * it ends, failed or not. */
static void test_run_outputs(void **state)
{
	const char *dir = *state;
	char *a = path_in(dir, "a"), *b = path_in(dir, "b"), *term = path_in(dir, "term");
	char script[512];
	snprintf(script, sizeof(script), "printf 'one\\ntwo' > '%s'; exit 3", a);
	char *argv[] = { "sh", "-c", script, NULL };
	const struct wfc_wrapper_output outs[] = { { "a", a }, { "b", b } };

	assert_int_equal(wfc_wrapper_run(outs, 2, argv, term, WFC_WRAPPER_BUDGET), 3);
	size_t len;
	char *msg = read_file(term, &len);
	struct wfc_wrapper_report r;
	assert_int_equal(wfc_wrapper_parse(msg, len, &r, NULL, 0), 0);
	assert_string_equal(wfc_wrapper_find(&r, "a")->value, "one\ntwo");
	assert_int_equal(wfc_wrapper_find(&r, "b")->state, WFC_WRAPPER_MISSING);
	wfc_wrapper_report_free(&r);
	free(msg);
	free(a);
	free(b);
	free(term);
}

static void test_run_not_found(void **state)
{
	const char *dir = *state;
	char *term = path_in(dir, "term");
	char *argv[] = { "wfc-no-such-command", NULL };
	assert_int_equal(wfc_wrapper_run(NULL, 0, argv, term, WFC_WRAPPER_BUDGET), 127);
	/* a report is still written: the coordinator reads the outputs as missing */
	size_t len;
	char *msg = read_file(term, &len);
	assert_string_equal(msg, "wfc-exec 1\n");
	free(msg);

	char *noexec = path_in(dir, "noexec");
	write_file(noexec, "x", 1);
	char *argv2[] = { noexec, NULL };
	assert_int_equal(wfc_wrapper_run(NULL, 0, argv2, term, WFC_WRAPPER_BUDGET), 126);
	free(noexec);
	free(term);
}

/* A termination path that cannot be written fails a command that
 * succeeded, so a lost output is never a silent success. */
static void test_run_unwritable(void **state)
{
	const char *dir = *state;
	char *term = path_in(dir, "no/such/dir/term");
	char *argv[] = { "true", NULL };
	assert_int_equal(wfc_wrapper_run(NULL, 0, argv, term, WFC_WRAPPER_BUDGET), 1);
	free(term);
}

/* SIGTERM to the wrapper (what the kubelet sends to the container's first
 * process) reaches the command; the wrapper then exits as the command did. */
static void test_signal_forwarded(void **state)
{
	const char *dir = *state;
	char *term = path_in(dir, "term"), *ready = path_in(dir, "ready");
	char script[512];
	snprintf(script, sizeof(script), "touch '%s'; exec sleep 30", ready);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char *argv[] = { "sh", "-c", script, NULL };
		_exit(wfc_wrapper_run(NULL, 0, argv, term, WFC_WRAPPER_BUDGET));
	}
	for (int i = 0; i < 500 && access(ready, F_OK) != 0; i++) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	assert_int_equal(access(ready, F_OK), 0);
	/* sh has exec'd sleep once "ready" exists or soon after; a TERM to sh
	 * before that ends it the same way */
	assert_int_equal(kill(pid, SIGTERM), 0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 128 + SIGTERM);
	free(term);
	free(ready);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test_setup_teardown(test_run_outputs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_unwritable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signal_forwarded, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
