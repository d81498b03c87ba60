/* govaluate `when` expressions: cases from Argo's tests and examples and
 * from govaluate's own test suite (evaluation_test.go, parsingFailure_test.go). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/govaluate.h"

/* ---------------------------------------------------------------- helpers */

static struct wfc_gv_expr *parse_when(const char *text, struct wfc_gv_error *err)
{
	return wfc_gv_parse(text, strlen(text), WFC_GV_BARE_STRINGS, err);
}

/* Evaluates a `when` (bare words are strings); fails the test on error. */
static void eval_when(const char *text, struct wfc_gv_value *v)
{
	struct wfc_gv_error err;
	struct wfc_gv_expr *e = parse_when(text, &err);
	if (!e)
		fail_msg("'%s': parse error at %zu: %s", text, err.offset, err.message);
	if (wfc_gv_eval(e, NULL, NULL, v, &err) != 0) {
		wfc_gv_free(e);
		fail_msg("'%s': evaluation error at %zu: %s", text, err.offset, err.message);
	}
	wfc_gv_free(e);
}

static void want_bool(const char *text, bool want)
{
	bool got = !want;
	struct wfc_gv_error err;
	if (wfc_gv_eval_bool(text, &got, &err) != 0)
		fail_msg("'%s': error at %zu: %s", text, err.offset, err.message);
	if (got != want)
		fail_msg("'%s': got %s, want %s", text, got ? "true" : "false", want ? "true" : "false");
}

static void want_number(const char *text, double want)
{
	struct wfc_gv_value v;
	eval_when(text, &v);
	if (v.type != WFC_GV_NUMBER || v.number != want) {
		char buf[64];
		wfc_gv_format(&v, buf, sizeof(buf));
		wfc_gv_value_clear(&v);
		fail_msg("'%s': got %s, want %g", text, buf, want);
	}
	wfc_gv_value_clear(&v);
}

/* The value printed with Go's %v, and its type. */
static void want_value(const char *text, enum wfc_gv_type type, const char *want)
{
	struct wfc_gv_value v;
	char buf[256];
	eval_when(text, &v);
	wfc_gv_format(&v, buf, sizeof(buf));
	enum wfc_gv_type got = v.type;
	wfc_gv_value_clear(&v);
	if (got != type || strcmp(buf, want) != 0)
		fail_msg("'%s': got %s %s, want %s %s", text, wfc_gv_type_name(got), buf,
			 wfc_gv_type_name(type), want);
}

static void want_parse_error(const char *text, size_t offset, const char *msg)
{
	struct wfc_gv_error err;
	struct wfc_gv_expr *e = parse_when(text, &err);
	if (e) {
		wfc_gv_free(e);
		fail_msg("'%s': parsed, want an error at %zu containing '%s'", text, offset, msg);
	}
	if (err.offset != offset || !strstr(err.message, msg))
		fail_msg("'%s': error at %zu: %s; want at %zu: ...%s...", text, err.offset,
			 err.message, offset, msg);
}

static void want_eval_error(const char *text, size_t offset, const char *msg)
{
	struct wfc_gv_error err;
	struct wfc_gv_value v;
	struct wfc_gv_expr *e = parse_when(text, &err);
	if (!e)
		fail_msg("'%s': parse error at %zu: %s", text, err.offset, err.message);
	int r = wfc_gv_eval(e, NULL, NULL, &v, &err);
	wfc_gv_free(e);
	if (r == 0) {
		wfc_gv_value_clear(&v);
		fail_msg("'%s': evaluated, want an error", text);
	}
	if (err.offset != offset || strcmp(err.message, msg) != 0)
		fail_msg("'%s': error at %zu: %s; want at %zu: %s", text, err.offset, err.message,
			 offset, msg);
}

static void want_template_ok(const char *text)
{
	struct wfc_gv_error err;
	if (wfc_gv_check_template(text, &err) != 0)
		fail_msg("'%s': error at %zu: %s", text, err.offset, err.message);
}

static void want_template_error(const char *text, size_t offset, const char *msg)
{
	struct wfc_gv_error err;
	if (wfc_gv_check_template(text, &err) == 0)
		fail_msg("'%s': accepted, want an error at %zu", text, offset);
	if (err.offset != offset || !strstr(err.message, msg))
		fail_msg("'%s': error at %zu: %s; want at %zu: ...%s...", text, err.offset,
			 err.message, offset, msg);
}

/* ------------------------------------------------------- Argo's `when` use */

/* workflow/controller TestShouldExecute */
static void test_argo_should_execute(void **state)
{
	static const char *const yes[] = {
		"foo == foo", "'ref/branch/master' == 'ref/branch/master'", "foo != bar",
		"1 == 1", "1 != 2", "1 < 2", "1 <= 1", "1/2 == 0.5", "a < b",
		"(foo == bar) || (foo == foo)", "(1 > 0) && (1 < 2)",
		"Error in (Failed, Error)", "!(Succeeded in (Failed, Error))", "true == true",
	};
	static const char *const no[] = {
		"foo != foo", "'ref/branch/master' != 'ref/branch/master'", "foo == bar",
		"1 != 1", "1 == 2", "1 > 2", "1 <= 0", "1/2 != 0.5", "a > b",
		"(foo == bar) || (bar == foo)", "(1 > 0) && (11 < 2)",
		"Succeeded in (Failed, Error)", "!(Error in (Failed, Error))", "false == true",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		want_bool(yes[i], true);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		want_bool(no[i], false);
}

static void test_bare_words_are_strings(void **state)
{
	want_bool("odd == even", false);
	want_bool("even == even", true);
	want_bool("even == 'even'", true);
	want_bool("even == \"even\"", true);
	want_bool("odd != even", true);
	want_bool("", true); /* no condition */
	/* a word is a string: it concatenates, it is not a number */
	want_value("Succeeded + 1", WFC_GV_STRING, "Succeeded1");
	want_eval_error("a - 1", 2,
			  "value 'a' cannot be used with the modifier '-', it is not a number");
	/* a dash splits a bare word: my - value */
	want_eval_error("my-value == my-value", 2,
			  "value 'my' cannot be used with the modifier '-', it is not a number");
	/* [escaped] names are bare words too */
	want_bool("[my value] == 'my value'", true);
	/* govaluate's prefixes take no strings after the conversion */
	want_parse_error("!foo", 1, "prefix '!' cannot be applied to the bare word 'foo'");
	want_parse_error("-foo == 1", 1, "prefix '-' cannot be applied to the bare word 'foo'");
	want_bool("!(foo == bar)", true);
}

/* examples/coinflip.yaml, conditionals-complex.yaml, after substitution */
static void test_examples_after_substitution(void **state)
{
	want_bool("heads == heads", true);
	want_bool("tails == heads", false);
	want_bool("tails == tails", true);
	static const char *const complex =
		"( %s == heads &&\n  %s == tails\n) ||\n( %s == tails &&\n  %s == tails )";
	static const struct {
		const char *first, *second;
		bool want;
	} flips[] = {
		{ "heads", "heads", false }, { "heads", "tails", true },
		{ "tails", "heads", false }, { "tails", "tails", true },
	};
	for (size_t i = 0; i < sizeof(flips) / sizeof(flips[0]); i++) {
		char text[256];
		snprintf(text, sizeof(text), complex, flips[i].first, flips[i].second,
			 flips[i].first, flips[i].second);
		want_bool(text, flips[i].want);
	}
	want_bool("heads =~ hea", true);
	want_bool("tails =~ hea", false);
	want_bool("tails =~ tai", true);
	want_bool("Failed != Succeeded", true);          /* {{workflow.status}} != Succeeded */
	want_bool("Succeeded == Succeeded", true);
	want_bool("true == true", true);                 /* {{inputs.parameters.should-print}} == true */
	want_bool("false == true", false);
	want_bool("even == even", true);                 /* {{item.evenness}} == even */
	want_bool("YES == YES", true);
	want_bool("'hello world' == 'hello world'", true);
}

static void test_numbers_and_strings(void **state)
{
	want_bool("5 > 3", true);
	want_bool("5 == 5.0", true);
	want_bool("\"5\" == 5", false);   /* string and number never equal */
	want_bool("'5' != 5", true);
	want_eval_error("\"5\" < 10", 4,
			  "value '5' cannot be used with the comparator '<', it is not a number");
	want_eval_error("10 < '5'", 3,
			  "value '10' cannot be used with the comparator '<', it is not a number");
	want_bool("'ab' < 'abc'", true);  /* lexicographic between strings */
	want_bool("'aba' >= 'abc'", false);
	want_bool("'10' < '9'", true);
	want_bool("-1 < 0", true);
	want_bool("0.5 == .5", true);
	want_bool("1. == 1", true);
	want_bool("0x1F == 31", true);
	want_bool("true != false", true);
	want_bool("true == 'true'", false);
	want_eval_error("true < false", 5,
			  "value 'true' cannot be used with the comparator '<', it is not a number");
}

/* govaluate evaluation_test.go TestNoParameterEvaluation */
static void test_govaluate_evaluation(void **state)
{
	static const struct {
		const char *text;
		double want;
	} nums[] = {
		{ "51 + 49", 100 }, { "100 - 51", 49 }, { "100 & 50", 32 }, { "100 | 50", 118 },
		{ "100 ^ 50", 86 }, { "2 << 1", 4 }, { "2 >> 1", 1 }, { "~10", -11 },
		{ "5 * 20", 100 }, { "100 / 20", 5 }, { "100 % 2", 0 }, { "101 % 2", 1 },
		{ "10 ** 2", 100 }, { "20 + 30 + 50", 100 }, { "20 & 30 & 50", 16 },
		{ "20 * 5 - 49", 51 }, { "100 - (5 * 10)", 50 }, { "50 + (5 * (15 - 5))", 100 },
		{ "100 ^ (23 * (2 | 5))", 197 }, { "5 + 10 * 2", 25 }, { "10 * 10 * 10", 1000 },
		{ "10 * 10 * 10 + 1 * 10 * 10", 1100 }, { "1 + 101 % 2 * 5", 6 },
		{ "1 + 5 ** 3 % 2 * 5", 6 }, { "50 << 1 & 90", 64 }, { "90 & 50 << 1", 64 },
		{ "90 + 50 << 1 * 5", 4480 }, { "1 - 2 - 4 - 8", -13 }, { "1 * 4 / 2 * 8", 16 },
		{ "true ?? true ? 100 + 200 : 400", 300 }, { "10 * -10", -100 },
		{ "true ? 10", 10 }, { "10 > 5 ? 35.50", 35.5 }, { "(5 * (15 - 5)) > 5 ? 35.50", 35.5 },
		{ "false ? 35.50 : 50", 50 }, { "true ? 1 : 5 > 10", 1 },
		{ "(2 == 2) ? 1 : (true ? 2 : 3)", 1 }, { "false ? 1 : (true ? 2 : 3)", 2 },
		{ "true ? (false ? 1 : (false ? 2 : 3)) : (false ? 4 : 5)", 3 }, { "1 ?? 2", 1 },
		{ "2 ** 3 ** 2", 64 },  /* left-associative like every level */
		{ "-2 ** 2", 4 },       /* the prefix binds tightest */
		{ "2 - -2", 4 }, { "7 % -3", 1 }, { "-7 % 3", -1 },
	};
	static const struct {
		const char *text;
		bool want;
	} bools[] = {
		{ "(1 == 1) || (true == true)", true }, { "(1 == 1) && (true == true)", true },
		{ "2 > 1", true }, { "5 < 10 && 1 < 5", true }, { "1 > 10 && 11 > 10", false },
		{ "true == true && false == true", false }, { "10 < 50 && (1 != 2 && 1 > 0)", true },
		{ "'foo' == 'foo'", true }, { "'foo' != 'bar'", true }, { "'foobar' =~ 'oba'", true },
		{ "'foo' !~ 'bar'", true }, { "'ab' <= 'abc'", true }, { "'aba' > 'abc'", false },
		{ "!true == false", true }, { "!(10 < 0)", true }, { "(false ? 5 : 35.50) > 10", true },
		{ "(true ? 1 : 5) < 10", true }, { "'foo' + 'bar' == 'foobar'", true },
		{ "'foo' + 123 == 'foo123'", true }, { "123 + 'bar' == '123bar'", true },
		{ "'foo' + '02/05/1970' == 'foobar'", false }, { "'foo' + true == 'footrue'", true },
		{ "true + 'bar' == 'truebar'", true }, { "1 in (1, 2, 3)", true },
		{ "\"CDP\" in (\"CDP\", \"ABC\")", true }, { "!(1 in (1, 2, 3))", false },
		{ "(true && true) || (true && false)", true }, { "true && true || true && false", true },
		{ "false || true && true || false", true }, { "(10 * 10 * 10) > 10", true },
		{ "false && true || true", true }, { "true || false && true", true },
		{ "true && true || false && false", true },
		{ "'2014-01-02 14:12:22' == '2014-01-02 14:12:22'", true },
		{ "'2014-01-02 14:12:22' > '2014-01-02 12:12:22'", true },
		{ "'2014-01-02 14:12:22' > '2014-01-02 16:12:22'", false },
		{ "'2014-01-02 14:12:22' >= '2014-01-02 12:12:22'", true },
		{ "'2014-01-02 14:12:22' < '2014-01-02 16:12:22'", true },
		{ "'2014-01-02 09:12:22' <= '2014-01-02 12:12:22'", true },
		{ "1 < 2 == true", true }, { "(1, 2) == (1, 2)", true }, { "(1, 2) == (2, 1)", false },
	};
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		want_number(nums[i].text, nums[i].want);
	for (size_t i = 0; i < sizeof(bools) / sizeof(bools[0]); i++)
		want_bool(bools[i].text, bools[i].want);
	want_value("false ? 10", WFC_GV_NIL, "<nil>");
	want_value("1 > 5 ? 35.50", WFC_GV_NIL, "<nil>");
	want_value("(1, 'a', true)", WFC_GV_ARRAY, "[1 a true]");
	want_value("(1, (2, 3))", WFC_GV_ARRAY, "[1 [2 3]]");
	want_value("((1, 2), 3)", WFC_GV_ARRAY, "[1 2 3]");
	want_value("'a' + (1 > 0)", WFC_GV_STRING, "atrue");
}

static void test_short_circuit_and_types(void **state)
{
	want_bool("false && 1", false);   /* right side not evaluated, not checked */
	want_bool("true || 'x'", true);
	want_eval_error("true && 1", 5,
			  "value '1' cannot be used with the logical operator '&&', it is not a bool");
	want_eval_error("1 || true", 2,
			  "value '1' cannot be used with the logical operator '||', it is not a bool");
	want_eval_error("1 ? 2 : 3", 2,
			  "value '1' cannot be used with the ternary operator '?', it is not a bool");
	want_eval_error("-(1 == 1)", 0, "value 'true' cannot be used with the prefix '-'");
	want_eval_error("!(1)", 0, "value '1' cannot be used with the prefix '!'");
	want_eval_error("true + false", 5,
			  "value 'true' cannot be used with the modifier '+', it is not a number");
	want_eval_error("1 in (1)", 2,
			  "value '1' cannot be used with the comparator 'in', it is not a number");
	want_eval_error("1 =~ '1'", 2,
			  "value '1' cannot be used with the comparator '=~', it is not a number");
	want_eval_error("x =~ ('[' + 'a')", 2,
			  "unable to compile regexp pattern '[a': missing closing ]");
	want_value("1 / 0", WFC_GV_NUMBER, "+Inf");
	want_value("-1 / 0", WFC_GV_NUMBER, "-Inf");
	want_value("0 / 0", WFC_GV_NUMBER, "NaN");
	want_bool("(0 / 0) == (0 / 0)", false);
	want_value("5 % 0", WFC_GV_NUMBER, "NaN");
}

static void test_in(void **state)
{
	want_bool("Failed in (Failed, Error)", true);
	want_bool("Running in (Failed, Error)", false);
	want_bool("2 in (1, 2, 3)", true);
	want_bool("'2' in (1, 2, 3)", false);  /* types must match */
	want_bool("a IN (b, a)", true);
	want_bool("(1 in (1, 2)) == true", true);
	want_bool("true in (false, true)", true);
}

/* =~ uses POSIX extended regular expressions; see govaluate.h */
static void test_regex(void **state)
{
	want_bool("heads =~ '^h'", true);
	want_bool("heads =~ 'ads$'", true);
	want_bool("heads !~ '^t'", true);
	want_bool("'a.b' =~ 'a[.]b'", true);
	want_bool("'axb' =~ 'a[.]b'", false);
	want_bool("'ABC' =~ '(?i)abc'", true);
	want_bool("'abc' =~ '(?:ab)+c'", true);
	want_bool("'abc' =~ 'a.*?c'", true);
	/* a backslash in a govaluate string escapes the next character, so
	 * '\d' is the pattern "d" and '\\d' is the pattern \d */
	want_bool("'1abc' =~ '^\\d'", false);
	want_bool("'dabc' =~ '^\\d'", true);
	want_bool("'1abc' =~ '^\\\\d+[a-c]+$'", true);
	want_bool("'a1' =~ '^\\\\w\\\\d$'", true);
	want_bool("'a 1' =~ '^a\\\\s1$'", true);
	want_bool("'x-y' =~ '^[\\\\w\\\\-]+$'", true);
	want_bool("'x]' =~ '^x[\\\\]]$'", true);
	/* a non-constant pattern is compiled when evaluated */
	want_bool("'abc' =~ ('a' + 'b')", true);
	want_parse_error("foo =~ '[abc'", 7, "invalid regular expression '[abc': missing closing ]");
	want_parse_error("foo =~ 'a('", 7, "invalid regular expression 'a('");
}

static void test_dates(void **state)
{
	/* quoted dates are Unix seconds (UTC) */
	want_number("'2014-01-02' + 0", 1388620800);
	want_number("'2014-01-02 14:12:22' + 0", 1388671942);
	want_number("'2014-01-02T14:12:22Z' + 0", 1388671942);
	want_number("'2014-01-02T14:12:22+01:00' + 0", 1388668342);
	want_number("'2014-01-02T14:12:22.5-02:30' + 0", 1388680942);
	want_number("'2014-01-02 14:12:22-07:00' + 0", 1388697142);
	want_number("'2014-01-02T14Z' + 0", 1388671200);
	want_number("'Thu Jan  2 14:12:22 2014' + 0", 1388671942);
	want_number("'Thu Jan 02 14:12:22 +0100 2014' + 0", 1388668342);
	want_number("'Thu Jan  2 14:12:22 UTC 2014' + 0", 1388671942);
	want_number("'3:04PM' + 0", -62167164960.0);
	want_number("'1970-01-01' + 0", 0);
	want_number("'2000-02-29' + 0", 951782400);
	want_bool("'2014-01-02' == '2014-01-02T00:00:00Z'", true);
	/* not dates: stay strings */
	want_value("'2014-02-30'", WFC_GV_STRING, "2014-02-30");
	want_value("'2014-1-02'", WFC_GV_STRING, "2014-1-02");
	want_value("'2014-01-02 25:00'", WFC_GV_STRING, "2014-01-02 25:00");
	want_value("'02/05/1970'", WFC_GV_STRING, "02/05/1970");
	/* a date may not follow a modifier (lexerState.go) */
	want_parse_error("1 + '2014-01-02'", 4, "unexpected ''2014-01-02'' after '+'");
}

static void test_format(void **state)
{
	static const struct {
		double d;
		const char *want;
	} cases[] = {
		{ 0, "0" }, { 1, "1" }, { -2.5, "-2.5" }, { 0.1, "0.1" }, { 100000, "100000" },
		{ 123456, "123456" }, { 1e6, "1e+06" }, { 1234567, "1.234567e+06" },
		{ 0.0001, "0.0001" }, { 0.00001, "1e-05" }, { 1.0 / 3, "0.3333333333333333" },
		{ 1e21, "1e+21" }, { 1e100, "1e+100" }, { 5e-324, "5e-324" },
		{ 1388620801, "1.388620801e+09" }, { 123456.789, "123456.789" },
	};
	char buf[64];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		wfc_gv_format_number(cases[i].d, buf, sizeof(buf));
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%.17g: got %s, want %s", cases[i].d, buf, cases[i].want);
	}
	wfc_gv_format_number(-0.0, buf, sizeof(buf));
	assert_string_equal(buf, "-0");
	wfc_gv_format_number(INFINITY, buf, sizeof(buf));
	assert_string_equal(buf, "+Inf");
	wfc_gv_format_number(NAN, buf, sizeof(buf));
	assert_string_equal(buf, "NaN");
	/* truncation reports the full length like snprintf */
	assert_int_equal(wfc_gv_format_number(1234567, buf, 4), 12);
	assert_string_equal(buf, "1.2");
	want_value("'x' + 1000000", WFC_GV_STRING, "x1e+06");
	want_value("'x' + 0.5", WFC_GV_STRING, "x0.5");
	want_value("'x' + (false ? 1)", WFC_GV_STRING, "x<nil>");
}

/* govaluate parsingFailure_test.go, with offsets */
static void test_syntax_errors(void **state)
{
	want_parse_error("1 = 1", 2, "invalid token '='");
	want_parse_error("1 === 1", 2, "invalid token '==='");
	want_parse_error("true &&& false", 5, "invalid token '&&&'");
	want_parse_error("true ||| false", 5, "invalid token '|||'");
	want_parse_error("heads == @tails", 9,
			   "invalid token '@' (hint: try wrapping the affected expression in quotes)");
	want_parse_error("10 > 5 +", 7, "missing operand after '+'");
	want_parse_error("10 + 5 >", 7, "missing operand after '>'");
	want_parse_error("10 > 5 &&", 7, "missing operand after '&&'");
	want_parse_error("true ?", 5, "missing operand after '?'");
	want_parse_error("'wat' =~", 6, "missing operand after '=~'");
	want_parse_error(" / =~", 1, "unexpected '/' at the start of the expression");
	want_parse_error("> 10", 0, "unexpected '>' at the start of the expression");
	want_parse_error("+ 5", 0, "unexpected '+' at the start of the expression");
	want_parse_error("&& 5 < 10", 0, "unexpected '&&' at the start of the expression");
	want_parse_error("10 10", 3, "unexpected '10' after '10'");
	want_parse_error("'foo' 'foo'", 6, "unexpected ''foo'' after ''foo''");
	want_parse_error("10 > < 10", 5, "unexpected '<' after '>'");
	want_parse_error(" ) ( arg2", 1, "unmatched ')'");
	want_parse_error("[foo bar", 0, "unclosed parameter bracket");
	want_parse_error("foo == 'responseTime", 7, "unterminated string literal");
	want_parse_error("10 > (1 + 50", 5, "unclosed '('");
	want_parse_error("((a == b) && c", 0, "unclosed '('");
	want_parse_error("(a == b))", 8, "unmatched ')'");
	want_parse_error("127.0.0.1", 0, "invalid number '127.0.0.1'");
	want_parse_error("foobar()", 0, "undefined function 'foobar'");
	want_parse_error("foo.Bar.", 0, "hanging accessor on token 'foo.Bar.'");
	want_parse_error("foo.bar", 0, "unable to access unexported field 'bar' in token 'foo.bar'");
	want_parse_error("steps.flip.outputs.result == heads", 0,
			   "unable to access unexported field 'flip'");
	want_parse_error("0x", 1, "unexpected 'x' after '0'");
	want_parse_error("0x > 0", 0, "invalid hexadecimal number '0x'");
	want_parse_error("0x1.1", 3, "unexpected '.1' after '0x1'");
	want_parse_error("0x12g1", 4, "unexpected 'g1' after '0x12'");
	/* govaluate quotes end at either quote character */
	want_parse_error("\"it's\" == x", 5, "unterminated string literal");
	want_parse_error("", 0, "empty expression");
	want_parse_error("  \n ", 0, "empty expression");
	/* after the bare word conversion a pattern may not precede '?' */
	want_parse_error("x =~ 'a' ? 1 : 2", 9, "unexpected '?' after ''a''");
	want_value("x =~ a ? 1 : 2", WFC_GV_NUMBER, "2");
	/* accepted by govaluate by accident, rejected here (see govaluate.h) */
	want_parse_error("(a) b", 4, "unexpected 'b' after ')'");
	want_parse_error("()", 1, "unexpected ')' after '('");
	want_parse_error("(1 ==)", 5, "unexpected ')' after '=='");
	want_parse_error("a ? , b", 4, "unexpected ',' after '?'");
	want_parse_error("(a)) || ((b)", 3, "unmatched ')'");
}

static void test_nesting_limits(void **state)
{
	char text[4096];
	size_t n = 0;
	for (int i = 0; i < WFC_GV_MAX_NESTING; i++)
		text[n++] = '(';
	text[n++] = '1';
	for (int i = 0; i < WFC_GV_MAX_NESTING; i++)
		text[n++] = ')';
	memcpy(text + n, " == 1", 6);
	want_bool(text, true);

	n = 0;
	for (int i = 0; i <= WFC_GV_MAX_NESTING; i++)
		text[n++] = '(';
	text[n++] = '1';
	for (int i = 0; i <= WFC_GV_MAX_NESTING; i++)
		text[n++] = ')';
	text[n] = '\0';
	want_parse_error(text, WFC_GV_MAX_NESTING, "parentheses nested too deeply (limit 128)");

	/* long flat chains are fine up to the tree limit */
	n = 0;
	for (int i = 0; i < 500; i++) {
		memcpy(text + n, "1 + ", 4);
		n += 4;
	}
	memcpy(text + n, "1", 2);
	want_number(text, 501);

	char *big = malloc(8 * WFC_GV_MAX_TREE + 16);
	assert_non_null(big);
	n = 0;
	for (int i = 0; i < WFC_GV_MAX_TREE; i++) {
		memcpy(big + n, "1 + ", 4);
		n += 4;
	}
	memcpy(big + n, "1", 2);
	want_parse_error(big, 4 * (WFC_GV_MAX_TREE - 1) + 2,
			   "expression nested too deeply (limit 1024)");
	free(big);
}

/* ----------------------------------------------------- unsubstituted text */

static void test_check_template(void **state)
{
	want_template_ok("{{steps.flip.outputs.result}} == heads");
	want_template_ok("{{steps.flip-coin.outputs.result}} == tails");
	want_template_ok("( {{steps.flip-coin.outputs.result}} == heads &&\n"
			   "  {{steps.flip-again.outputs.result}} == tails\n) ||\n"
			   "( {{steps.flip-coin.outputs.result}} == tails &&\n"
			   "  {{steps.flip-again.outputs.result}} == tails )");
	want_template_ok("{{steps.flip-again.outputs.result}} =~ hea");
	want_template_ok("{{workflow.status}} != Succeeded");
	want_template_ok("{{inputs.parameters.should-print}} == true");
	want_template_ok("{{= inputs.parameters[\"should-print\"] == 'true'}}");
	want_template_ok("{{=jsonpath(workflow.parameters.json, '$[0].value') == 'true'}}");
	want_template_ok("'{{steps.approval.outputs.parameters.approve}}' == 'YES'");
	want_template_ok("{{item.evenness}} == even");
	want_template_ok("-{{inputs.parameters.n}} < 0");   /* any type: may be a number */
	want_template_ok("!{{inputs.parameters.flag}}");
	want_template_ok("v{{x}}.Foo == 1");
	want_template_ok("{{x}}-suffix == a-suffix");
	want_template_ok("'{{x}}' =~ '^{{y}}['");            /* patterns with tags: not compiled */
	want_template_ok("{{x}} in (a, {{y}}, 'c')");
	want_template_ok("");

	want_template_error("{{x}} ==", 6, "missing operand after '=='");
	want_template_error("{{x}} {{y}}", 6, "unexpected '{{y}}' after '{{x}}'");
	want_template_error("{{x}} && (", 9, "unclosed '('");
	want_template_error("{{x}} =~ '['", 9, "invalid regular expression '['");
	want_template_error("{{steps.x.outputs.result == heads", 0, "invalid token '{{'");
	want_template_error("{{x}} == @{{y}}", 9, "invalid token '@'");
	want_template_error("'{{x}}' == 'a", 11, "unterminated string literal");
	want_template_error("   ", 0, "empty expression");
}

/* Every single-line `when` of the example corpus passes the check. */
static void test_corpus_when(void **state)
{
#ifndef WFC_SHARED_DIR
	skip();
#else
	char dirpath[1024];
	snprintf(dirpath, sizeof(dirpath), "%s/corpus/argo", WFC_SHARED_DIR);
	DIR *dir = opendir(dirpath);
	if (!dir)
		skip();
	struct dirent *de;
	size_t checked = 0;
	while ((de = readdir(dir))) {
		size_t nl = strlen(de->d_name);
		if (nl < 5 || strcmp(de->d_name + nl - 5, ".yaml") != 0)
			continue;
		char path[2048], line[4096];
		snprintf(path, sizeof(path), "%s/%s", dirpath, de->d_name);
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		while (fgets(line, sizeof(line), f)) {
			char *w = strstr(line, "when: ");
			if (!w)
				continue;
			w += 6;
			char q = *w, out[4096];
			if (q != '"' && q != '\'')
				continue;
			char *end = strrchr(w + 1, q);
			if (!end)
				continue;
			size_t n = 0;
			for (char *p = w + 1; p < end; p++) {
				if (q == '"' && *p == '\\' && p + 1 < end)
					p++;
				else if (q == '\'' && *p == '\'' && p + 1 < end && p[1] == '\'')
					p++;
				out[n++] = *p;
			}
			out[n] = '\0';
			struct wfc_gv_error err;
			if (wfc_gv_check_template(out, &err) != 0)
				fail_msg("%s: when '%s': error at %zu: %s", de->d_name, out, err.offset,
					 err.message);
			checked++;
		}
		fclose(f);
	}
	closedir(dir);
	assert_true(checked > 10);
#endif
}

/* --------------------------------------------------------------- variables */

struct var {
	const char *name;
	struct wfc_gv_value value;
};

static int lookup(void *user, const char *name, struct wfc_gv_value *out)
{
	for (const struct var *v = user; v->name; v++)
		if (strcmp(v->name, name) == 0) {
			*out = v->value;
			return 0;
		}
	return -1;
}

static void test_variables(void **state)
{
	static const struct wfc_gv_value items[] = {
		{ .type = WFC_GV_STRING, .string = "a", .len = 1 },
		{ .type = WFC_GV_NUMBER, .number = 2 },
	};
	const struct var vars[] = {
		{ "foo", { .type = WFC_GV_NUMBER, .number = 2 } },
		{ "bar", { .type = WFC_GV_STRING, .string = "baz", .len = 3 } },
		{ "obj.Field", { .type = WFC_GV_BOOL, .boolean = true } },
		{ "list", { .type = WFC_GV_ARRAY, .items = items, .count = 2 } },
		{ NULL, { 0 } },
	};
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{ "foo + 2", "4" }, { "foo * foo", "4" }, { "bar + foo", "baz2" },
		{ "bar == 'baz'", "true" }, { "-foo", "-2" }, { "obj.Field && true", "true" },
		{ "2 in list", "true" }, { "'a' in list", "true" }, { "list", "[a 2]" },
		{ "(foo, bar)", "[2 baz]" }, { "bar =~ '^b'", "true" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wfc_gv_error err;
		struct wfc_gv_value v;
		char buf[64];
		struct wfc_gv_expr *e = wfc_gv_parse(cases[i].text, strlen(cases[i].text), 0, &err);
		if (!e)
			fail_msg("'%s': %s", cases[i].text, err.message);
		int r = wfc_gv_eval(e, lookup, (void *)vars, &v, &err);
		wfc_gv_free(e);
		if (r != 0)
			fail_msg("'%s': %s", cases[i].text, err.message);
		wfc_gv_format(&v, buf, sizeof(buf));
		wfc_gv_value_clear(&v);
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("'%s': got %s, want %s", cases[i].text, buf, cases[i].want);
	}

	/* missing variables; accessors report their first part like govaluate */
	struct wfc_gv_error err;
	struct wfc_gv_value v;
	struct wfc_gv_expr *e = wfc_gv_parse("1 + nope", 8, 0, &err);
	assert_non_null(e);
	assert_int_equal(wfc_gv_eval(e, lookup, (void *)vars, &v, &err), -1);
	assert_int_equal(err.offset, 4);
	assert_string_equal(err.message, "no parameter 'nope' found");
	assert_int_equal(wfc_gv_eval(e, NULL, NULL, &v, &err), -1);
	wfc_gv_free(e);
	want_eval_error("a.B == 1", 0, "no parameter 'a' found");  /* Argo: never a string */
	/* a variable is allowed after a prefix */
	e = wfc_gv_parse("!flag", 5, 0, &err);
	assert_non_null(e);
	wfc_gv_free(e);
}

static void test_eval_bool_errors(void **state)
{
	struct wfc_gv_error err;
	bool b;
	assert_int_equal(wfc_gv_eval_bool("1 + 1", &b, &err), -1);
	assert_string_equal(err.message, "expected boolean evaluation for '1 + 1', got '2'");
	assert_int_equal(wfc_gv_eval_bool("heads", &b, &err), -1);
	assert_string_equal(err.message, "expected boolean evaluation for 'heads', got 'heads'");
	assert_int_equal(wfc_gv_eval_bool("false ? true", &b, &err), -1);
	assert_string_equal(err.message, "expected boolean evaluation for 'false ? true', got '<nil>'");
	assert_int_equal(wfc_gv_eval_bool("heads ==", &b, &err), -1);
	assert_int_equal(err.offset, 6);
	assert_int_equal(wfc_gv_eval_bool("true ? true", &b, &err), 0);
	assert_true(b);
}

static void test_result_ownership(void **state)
{
	/* results outlive the expression */
	struct wfc_gv_error err;
	struct wfc_gv_value v;
	struct wfc_gv_expr *e = parse_when("(a + b, ('c', 1), 'd' + 2)", &err);
	assert_non_null(e);
	assert_int_equal(wfc_gv_eval(e, NULL, NULL, &v, &err), 0);
	wfc_gv_free(e);
	assert_int_equal(v.type, WFC_GV_ARRAY);
	assert_int_equal(v.count, 2 + 1);
	assert_string_equal(v.items[0].string, "ab");
	assert_int_equal(v.items[1].type, WFC_GV_ARRAY);
	assert_string_equal(v.items[1].items[0].string, "c");
	assert_string_equal(v.items[2].string, "d2");
	assert_int_equal(v.items[2].len, 2);
	wfc_gv_value_clear(&v);
	assert_null(v.owned);
	wfc_gv_value_clear(&v);

	e = parse_when("heads", &err);
	assert_non_null(e);
	assert_int_equal(wfc_gv_eval(e, NULL, NULL, &v, &err), 0);
	wfc_gv_free(e);
	assert_int_equal(v.type, WFC_GV_STRING);
	assert_string_equal(v.string, "heads");
	wfc_gv_value_clear(&v);
	wfc_gv_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_argo_should_execute),
		cmocka_unit_test(test_bare_words_are_strings),
		cmocka_unit_test(test_examples_after_substitution),
		cmocka_unit_test(test_numbers_and_strings),
		cmocka_unit_test(test_govaluate_evaluation),
		cmocka_unit_test(test_short_circuit_and_types),
		cmocka_unit_test(test_in),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_nesting_limits),
		cmocka_unit_test(test_check_template),
		cmocka_unit_test(test_corpus_when),
		cmocka_unit_test(test_variables),
		cmocka_unit_test(test_eval_bool_errors),
		cmocka_unit_test(test_result_ownership),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
