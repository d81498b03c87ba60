/* DAG `depends` expressions: cases from Argo's workflow/common/ancestry_test.go
 * and the examples, truth tables against Argo's expansion of bare names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/depends.h"

static struct wfc_depends *parse_ok(const char *text)
{
	struct wfc_gv_error err;
	struct wfc_depends *d = wfc_depends_parse(text, &err);
	if (!d)
		fail_msg("'%s': error at %zu: %s", text, err.offset, err.message);
	return d;
}

static void want_error(const char *text, size_t offset, const char *msg)
{
	struct wfc_gv_error err;
	struct wfc_depends *d = wfc_depends_parse(text, &err);
	if (d) {
		wfc_depends_free(d);
		fail_msg("'%s': parsed, want an error at %zu", text, offset);
	}
	if (err.offset != offset || !strstr(err.message, msg))
		fail_msg("'%s': error at %zu: %s; want at %zu: ...%s...", text, err.offset,
			 err.message, offset, msg);
}

/* Names, first-mention offsets and result bits, e.g. "A@0:bare B@6:Failed". */
static void want_tasks(const char *text, const char *want)
{
	struct wfc_depends *d = parse_ok(text);
	char got[512] = "";
	for (size_t i = 0; i < wfc_depends_ntasks(d); i++) {
		char one[128];
		snprintf(one, sizeof(one), "%s%s@%zu:%#x", i ? " " : "", wfc_depends_task(d, i),
			 wfc_depends_task_offset(d, i), wfc_depends_task_results(d, i));
		strncat(got, one, sizeof(got) - strlen(got) - 1);
	}
	wfc_depends_free(d);
	if (strcmp(got, want) != 0)
		fail_msg("'%s': got '%s', want '%s'", text, got, want);
}

static void test_tasks(void **state)
{
	/* ancestry_test.go TestGetTaskDependenciesFromDepends */
	want_tasks("(task-1 || task-2.Succeeded) && !task-3.Succeeded",
		   "task-1@1:0x100 task-2@11:0x1 task-3@33:0x1");
	want_tasks("(task-1 || task-2.AnySucceeded) && !task-3.Succeeded",
		   "task-1@1:0x100 task-2@11:0x40 task-3@36:0x1");
	want_tasks("(task-1||(task-2.Succeeded || task-2.Failed))&&!task-3.Failed",
		   "task-1@1:0x100 task-2@10:0x3 task-3@48:0x2");
	want_tasks("(task-1 || task-1.Succeeded) && !task-1.Failed", "task-1@1:0x103");
	want_tasks("task-1.Succeeded && task-1.AnySucceeded", "task-1@0:0x41");
	/* the examples */
	want_tasks("A && (C.Succeeded || C.Failed)", "A@0:0x100 C@6:0x3");
	want_tasks("should-execute-2.Succeeded || should-not-execute",
		   "should-execute-2@0:0x1 should-not-execute@30:0x100");
	want_tasks("b2 && b3 && b4", "b2@0:0x100 b3@6:0x100 b4@12:0x100");
	want_tasks("divide-by-2", "divide-by-2@0:0x100");
	/* a dash belongs to the name; names may contain digits */
	want_tasks("A-1.Succeeded", "A-1@0:0x1");
	want_tasks("A-B", "A-B@0:0x100");
	want_tasks("a-", "a-@0:0x100");
	want_tasks("A && (B.Failed || C)", "A@0:0x100 B@6:0x2 C@18:0x100");
	want_tasks("  A\n&&\tB.Omitted ", "A@2:0x100 B@7:0x10");
	want_tasks("A.Errored || A.Skipped || A.Daemoned || A.AllFailed", "A@0:0xac");
	want_tasks("!!A", "A@2:0x100");
	want_tasks("and", "and@0:0x100");  /* a task name, as in Argo's pattern */
}

static void test_errors(void **state)
{
	want_error("(task-1.DoeNotExist || task-2.Succeeded)", 8,
		   "unknown task result 'DoeNotExist' for task 'task-1'");
	want_error("A.Sucess", 2,
		   "unknown task result 'Sucess' for task 'A'; did you mean 'Succeeded'?");
	want_error("A.succeeded", 2, "did you mean 'Succeeded'?");
	want_error("A.Anysucceeded", 2, "did you mean 'AnySucceeded'?");
	want_error("B && A.AllFail", 7, "did you mean 'AllFailed'?");
	want_error("A.Error", 2, "did you mean 'Errored'?");
	want_error("A.Fail", 2, "did you mean 'Failed'?");
	want_error("A.", 2, "expected a task result after 'A.'");
	want_error("A.Succeeded.Failed", 11, "unexpected '.' after 'A.Succeeded'");
	want_error("", 0, "empty depends expression");
	want_error(" \n ", 3, "empty depends expression");
	want_error("A &&", 2, "missing operand after '&&'");
	want_error("A && || B", 5, "unexpected '||' after '&&'");
	want_error("|| B", 0, "unexpected '||' at the start of the expression");
	want_error("(A", 0, "unclosed '('");
	want_error("A && (B || (C)", 5, "unclosed '('");
	want_error("A)", 1, "unexpected ')' after 'A'");
	want_error("()", 1, "unexpected ')' after '('");
	want_error("A & B", 2, "unexpected '&'; did you mean '&&'?");
	want_error("A | B", 2, "unexpected '|'; did you mean '||'?");
	want_error("A == B", 2, "unexpected '=='");
	want_error("A != B", 2, "unexpected '!='");
	want_error("A - B", 2, "unexpected '-'");
	want_error("A B", 2, "unexpected 'B' after 'A'");
	want_error("A(B)", 1, "unexpected '(' after 'A'");
	want_error("a_b", 1, "invalid character '_' in task name 'a'");
	want_error("A && 1st", 5, "task name '1st' starts with a digit");
	want_error("-A", 0, "unexpected '-'");
	want_error("A && {{x}}", 5, "unexpected '{'");
	want_error("A \x01", 2, "unexpected character in depends expression");
}

static void test_nesting_limit(void **state)
{
	char text[2 * WFC_DEPENDS_MAX_NESTING + 8];
	size_t n = 0;
	for (int i = 0; i < WFC_DEPENDS_MAX_NESTING; i++)
		text[n++] = '(';
	text[n++] = 'A';
	for (int i = 0; i < WFC_DEPENDS_MAX_NESTING; i++)
		text[n++] = ')';
	text[n] = '\0';
	wfc_depends_free(parse_ok(text));

	n = 0;
	for (int i = 0; i <= WFC_DEPENDS_MAX_NESTING; i++)
		text[n++] = i % 2 ? '(' : '!';
	text[n++] = 'A';
	for (int i = 0; i <= WFC_DEPENDS_MAX_NESTING; i++)
		if (i % 2)
			text[n++] = ')';
	text[n] = '\0';
	want_error(text, WFC_DEPENDS_MAX_NESTING, "depends expression nested too deeply (limit 128)");

	/* long chains are flat */
	char *big = malloc(8 * 5000 + 8);
	assert_non_null(big);
	n = 0;
	for (int i = 0; i < 5000; i++)
		n += (size_t)sprintf(big + n, "%sT%d", i ? "&&" : "", i);
	wfc_depends_free(parse_ok(big));
	free(big);
}

static void test_closest(void **state)
{
	assert_string_equal(wfc_depends_closest_result("Succeded", 8), "Succeeded");
	assert_string_equal(wfc_depends_closest_result("failed", 6), "Failed");
	assert_string_equal(wfc_depends_closest_result("Skiped", 6), "Skipped");
	assert_string_equal(wfc_depends_closest_result("omited", 6), "Omitted");
	assert_string_equal(wfc_depends_closest_result("Daemon", 6), "Daemoned");
	assert_string_equal(wfc_depends_closest_result("AnySuccess", 10), "AnySucceeded");
	assert_string_equal(wfc_depends_closest_result("Errored", 7), "Errored");
}

/* ------------------------------------------------------------- evaluation */

struct world {
	const char *names[4];
	struct wfc_depends_state st[4];
	int ret[4];     /* callback result per task */
	unsigned calls; /* lookups made */
};

static int lookup(void *user, const char *task, struct wfc_depends_state *out)
{
	struct world *w = user;
	w->calls++;
	for (int i = 0; i < 4 && w->names[i]; i++)
		if (strcmp(w->names[i], task) == 0) {
			*out = w->st[i];
			return w->ret[i];
		}
	return -1;
}

static bool eval(const char *text, struct world *w)
{
	struct wfc_gv_error err;
	bool out = false;
	struct wfc_depends *d = parse_ok(text);
	int r = wfc_depends_eval(d, lookup, w, &out, &err);
	wfc_depends_free(d);
	if (r != 0)
		fail_msg("'%s': eval returned %d: %s", text, r, err.message);
	return out;
}

static const enum wfc_depends_phase phases[] = {
	WFC_DEPENDS_PHASE_SUCCEEDED, WFC_DEPENDS_PHASE_FAILED, WFC_DEPENDS_PHASE_ERROR,
	WFC_DEPENDS_PHASE_SKIPPED, WFC_DEPENDS_PHASE_OMITTED,
};
static const char *const phase_names[] = { "Succeeded", "Failed", "Error", "Skipped", "Omitted" };

/* ancestry.go expandDependency: A means
 * (A.Succeeded || A.Skipped || A.Daemoned [|| A.Errored] [|| A.Failed]) */
static void test_bare_truth_table(void **state)
{
	for (size_t p = 0; p < 5; p++)
		for (int coe = 0; coe < 2; coe++)
			for (int cof = 0; cof < 2; cof++)
				for (int daemon = 0; daemon < 2; daemon++) {
					struct world w = { .names = { "A" } };
					w.st[0].phase = phases[p];
					w.st[0].continue_on_error = coe;
					w.st[0].continue_on_failed = cof;
					w.st[0].daemoned = daemon;
					bool want = phases[p] == WFC_DEPENDS_PHASE_SUCCEEDED ||
						    phases[p] == WFC_DEPENDS_PHASE_SKIPPED || daemon ||
						    (coe && phases[p] == WFC_DEPENDS_PHASE_ERROR) ||
						    (cof && phases[p] == WFC_DEPENDS_PHASE_FAILED);
					if (eval("A", &w) != want)
						fail_msg("A %s coe=%d cof=%d daemoned=%d: want %d",
							 phase_names[p], coe, cof, daemon, want);
				}
	/* spot checks spelled out */
	struct world w = { .names = { "A" } };
	w.st[0].phase = WFC_DEPENDS_PHASE_OMITTED;
	assert_false(eval("A", &w));
	assert_true(eval("A.Omitted", &w));
	w.st[0].phase = WFC_DEPENDS_PHASE_FAILED;
	assert_false(eval("A", &w));
	w.st[0].continue_on_failed = true;
	assert_true(eval("A", &w));
	w.st[0].phase = WFC_DEPENDS_PHASE_ERROR;
	assert_false(eval("A", &w));
	assert_true(eval("A.Errored", &w));
	assert_false(eval("A.Failed", &w));
}

static void test_result_words(void **state)
{
	static const char *const words[] = { "Succeeded", "Failed", "Errored", "Skipped", "Omitted" };
	for (size_t p = 0; p < 5; p++)
		for (size_t k = 0; k < 5; k++) {
			struct world w = { .names = { "task-1" } };
			char text[64];
			w.st[0].phase = phases[p];
			snprintf(text, sizeof(text), "task-1.%s", words[k]);
			if (eval(text, &w) != (p == k))
				fail_msg("%s with phase %s: want %d", text, phase_names[p], p == k);
			snprintf(text, sizeof(text), "!task-1.%s", words[k]);
			if (eval(text, &w) != (p != k))
				fail_msg("%s with phase %s: want %d", text, phase_names[p], p != k);
		}
	struct world w = { .names = { "A" } };
	w.st[0].phase = WFC_DEPENDS_PHASE_OTHER;
	w.st[0].daemoned = true;
	assert_true(eval("A.Daemoned", &w));
	assert_true(eval("A", &w));
	assert_false(eval("A.Succeeded", &w));
}

/* "A && (B.Failed || C)" over every combination */
static void test_combination_truth_table(void **state)
{
	for (size_t a = 0; a < 5; a++)
		for (size_t b = 0; b < 5; b++)
			for (size_t c = 0; c < 5; c++) {
				struct world w = { .names = { "A", "B", "C" } };
				w.st[0].phase = phases[a];
				w.st[1].phase = phases[b];
				w.st[2].phase = phases[c];
				bool A = phases[a] == WFC_DEPENDS_PHASE_SUCCEEDED ||
					 phases[a] == WFC_DEPENDS_PHASE_SKIPPED;
				bool C = phases[c] == WFC_DEPENDS_PHASE_SUCCEEDED ||
					 phases[c] == WFC_DEPENDS_PHASE_SKIPPED;
				bool BF = phases[b] == WFC_DEPENDS_PHASE_FAILED;
				bool want = A && (BF || C);
				if (eval("A && (B.Failed || C)", &w) != want)
					fail_msg("A=%s B=%s C=%s: want %d", phase_names[a],
						 phase_names[b], phase_names[c], want);
				/* precedence: && binds tighter than ||, ! tighter than && */
				bool want2 = A || (BF && !C);
				if (eval("A || B.Failed && !C", &w) != want2)
					fail_msg("A || B.Failed && !C, A=%s B=%s C=%s: want %d",
						 phase_names[a], phase_names[b], phase_names[c], want2);
			}
}

static void test_loop_results(void **state)
{
	static const struct {
		bool group;
		size_t children, succeeded, failed;
		bool any_succeeded, all_failed;
	} cases[] = {
		{ true, 3, 1, 2, true, false },
		{ true, 3, 0, 3, false, true },
		{ true, 3, 0, 2, false, false }, /* one child unknown or running */
		{ true, 0, 0, 0, false, false }, /* no children: AllFailed is false */
		{ true, 2, 2, 0, true, false },
		{ false, 3, 3, 0, false, false }, /* not a TaskGroup node */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct world w = { .names = { "loop" } };
		w.st[0].phase = WFC_DEPENDS_PHASE_FAILED;
		w.st[0].is_group = cases[i].group;
		w.st[0].children = cases[i].children;
		w.st[0].children_succeeded = cases[i].succeeded;
		w.st[0].children_failed = cases[i].failed;
		if (eval("loop.AnySucceeded", &w) != cases[i].any_succeeded ||
		    eval("loop.AllFailed", &w) != cases[i].all_failed)
			fail_msg("case %zu", i);
	}
}

static void test_lookup_results(void **state)
{
	struct wfc_gv_error err;
	bool out = true;
	struct wfc_depends *d = parse_ok("A && (B || nope)");

	/* every task is looked up once, in order; a missing one is an error */
	struct world w = { .names = { "A", "B" } };
	w.st[0].phase = WFC_DEPENDS_PHASE_FAILED;
	assert_int_equal(wfc_depends_eval(d, lookup, &w, &out, &err), -1);
	assert_int_equal(w.calls, 3);
	assert_int_equal(err.offset, 11);
	assert_string_equal(err.message, "unknown task 'nope'");

	/* not fulfilled yet: 1, and out is left alone */
	struct world w2 = { .names = { "A", "B", "nope" }, .ret = { 0, 1, 0 } };
	out = true;
	assert_int_equal(wfc_depends_eval(d, lookup, &w2, &out, &err), 1);
	assert_true(out);
	assert_int_equal(w2.calls, 2);

	struct world w3 = { .names = { "A", "B", "nope" } };
	w3.st[0].phase = WFC_DEPENDS_PHASE_SUCCEEDED;
	w3.st[1].phase = WFC_DEPENDS_PHASE_FAILED;
	w3.st[2].phase = WFC_DEPENDS_PHASE_SKIPPED;
	assert_int_equal(wfc_depends_eval(d, lookup, &w3, &out, &err), 0);
	assert_true(out);
	assert_int_equal(w3.calls, 3);
	wfc_depends_free(d);
	wfc_depends_free(NULL);

	assert_null(wfc_depends_task(d = parse_ok("A"), 1));
	wfc_depends_free(d);
}

/* The legacy `dependencies: [A, B]` means A && B with bare names. */
static void test_dependencies_equivalent(void **state)
{
	struct world w = { .names = { "task-1", "task-2" } };
	w.st[0].phase = WFC_DEPENDS_PHASE_SUCCEEDED;
	w.st[1].phase = WFC_DEPENDS_PHASE_SKIPPED;
	assert_true(eval("task-1 && task-2", &w));
	assert_true(eval("(task-1.Succeeded || task-1.Skipped || task-1.Daemoned) && "
			 "(task-2.Succeeded || task-2.Skipped || task-2.Daemoned)", &w));
	w.st[1].phase = WFC_DEPENDS_PHASE_FAILED;
	assert_false(eval("task-1 && task-2", &w));
	w.st[1].continue_on_failed = true;
	assert_true(eval("task-1 && task-2", &w));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tasks),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_closest),
		cmocka_unit_test(test_bare_truth_table),
		cmocka_unit_test(test_result_words),
		cmocka_unit_test(test_combination_truth_table),
		cmocka_unit_test(test_loop_results),
		cmocka_unit_test(test_lookup_results),
		cmocka_unit_test(test_dependencies_equivalent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
