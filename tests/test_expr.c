/* expr-lang expressions: cases from Argo's examples and docs
 * (docs/variables.md, the examples) and expr-lang's language definition. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/expr.h"

/* ---------------------------------------------------------------- helpers */

/* The environment is itself an expr map literal, evaluated once. */
static const char env_text[] =
	"{"
	" inputs: {parameters: {x: '5', 'my-param': 'hello', 'should-print': 'true',"
	"   'my-int-param': '42', 'my-float-param': '2.5', list: '[1, 2, 3]'}},"
	" workflow: {status: 'Running', parameters: {"
	"   config: '{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}',"
	"   json: '[{\"value\": \"true\"}]',"
	"   complex: '{\"employees\": [{\"name\": \"Baris\", \"age\":43},{\"name\": \"Mo\", \"age\": 42},"
	"     {\"name\": \"Jai\", \"age\" :44}]}'}},"
	" steps: {'step-1': {status: 'Running'}, step2: {status: 'Succeeded'},"
	"   'flip-coin': {outputs: {result: 'heads'}},"
	"   heads: {outputs: {artifacts: {result: 'heads-art'}}},"
	"   tails: {outputs: {artifacts: {result: 'tails-art'}}}},"
	" retries: 2,"
	" lastRetry: {exitCode: '1', status: 'Failed', duration: '12'},"
	" cronworkflow: {lastScheduledTime: nil},"
	" 'flat.a.b': 'flat-value',"
	" pi: 3.5, n: nil, arr: [1, 2, 3], m: {a: 1, b: 'x'}"
	"}";

struct env {
	struct wfc_ex_value root;
};

static int lookup(void *user, const char *name, struct wfc_ex_value *out)
{
	const struct env *env = user;
	for (size_t i = 0; i < env->root.count; i++) {
		if (!strcmp(env->root.keys[i], name)) {
			*out = env->root.items[i];
			return 0;
		}
	}
	return -1;
}

static int setup(void **state)
{
	struct wfc_gv_error err;
	struct env *env = calloc(1, sizeof(*env));
	struct wfc_expr *e = wfc_expr_parse(env_text, strlen(env_text), &err);
	if (!e) {
		fprintf(stderr, "env parse error at %zu: %s\n", err.offset, err.message);
		free(env);
		return -1;
	}
	int rc = wfc_expr_eval(e, NULL, NULL, &env->root, &err);
	wfc_expr_free(e);
	if (rc || env->root.type != WFC_EX_MAP) {
		fprintf(stderr, "env eval error: %s\n", err.message);
		free(env);
		return -1;
	}
	*state = env;
	return 0;
}

static int teardown(void **state)
{
	struct env *env = *state;
	wfc_ex_value_clear(&env->root);
	free(env);
	return 0;
}

static struct env *g_env(void **state)
{
	return *state;
}

/* Evaluates text in env (NULL: no variables); fails the test on error. */
static void eval_ok(struct env *env, const char *text, struct wfc_ex_value *v)
{
	struct wfc_gv_error err;
	struct wfc_expr *e = wfc_expr_parse(text, strlen(text), &err);
	if (!e)
		fail_msg("'%s': parse error at %zu: %s", text, err.offset, err.message);
	int rc = wfc_expr_eval(e, env ? lookup : NULL, env, v, &err);
	wfc_expr_free(e);
	if (rc)
		fail_msg("'%s': evaluation error at %zu: %s", text, err.offset, err.message);
}

/* The result's type and the text Argo substitutes. */
static void want_t(struct env *env, const char *text, enum wfc_ex_type type, const char *want)
{
	struct wfc_ex_value v;
	char buf[512];
	eval_ok(env, text, &v);
	wfc_ex_format(&v, buf, sizeof(buf));
	enum wfc_ex_type got = v.type;
	wfc_ex_value_clear(&v);
	if (strcmp(buf, want) || got != type)
		fail_msg("'%s': got %s '%s', want %s '%s'", text, wfc_ex_type_name(got), buf,
			 wfc_ex_type_name(type), want);
}

static void want_json(struct env *env, const char *text, const char *want)
{
	struct wfc_ex_value v;
	char buf[512];
	eval_ok(env, text, &v);
	wfc_ex_format_json(&v, buf, sizeof(buf));
	wfc_ex_value_clear(&v);
	if (strcmp(buf, want))
		fail_msg("'%s': got json '%s', want '%s'", text, buf, want);
}

/* The text a {{=EXPR}} tag becomes (Argo 3.4+: strings raw, else JSON). */
static void want_tag(struct env *env, const char *text, const char *want)
{
	struct wfc_ex_value v;
	char buf[512];
	eval_ok(env, text, &v);
	wfc_ex_format_tag(&v, buf, sizeof(buf));
	wfc_ex_value_clear(&v);
	if (strcmp(buf, want))
		fail_msg("'%s': got tag text '%s', want '%s'", text, buf, want);
}

static void want_eval_error(struct env *env, const char *text, size_t off, const char *msg)
{
	struct wfc_gv_error err;
	struct wfc_ex_value v;
	struct wfc_expr *e = wfc_expr_parse(text, strlen(text), &err);
	if (!e)
		fail_msg("'%s': parse error at %zu: %s", text, err.offset, err.message);
	int rc = wfc_expr_eval(e, env ? lookup : NULL, env, &v, &err);
	wfc_expr_free(e);
	if (rc == 0) {
		char buf[128];
		wfc_ex_format(&v, buf, sizeof(buf));
		wfc_ex_value_clear(&v);
		fail_msg("'%s': evaluated to '%s', want error '%s'", text, buf, msg);
	}
	if (err.offset != off || !strstr(err.message, msg))
		fail_msg("'%s': error at %zu '%s', want at %zu '%s'", text, err.offset, err.message,
			 off, msg);
}

static void want_syntax_error(const char *text, size_t off, const char *msg)
{
	struct wfc_gv_error err;
	if (wfc_expr_check(text, &err) == 0)
		fail_msg("'%s': parsed, want error '%s'", text, msg);
	if (err.offset != off || !strstr(err.message, msg))
		fail_msg("'%s': error at %zu '%s', want at %zu '%s'", text, err.offset, err.message,
			 off, msg);
}

#define WANT(text, type, want) want_t(env, text, WFC_EX_##type, want)

/* ------------------------------------------------------------------ tests */

static void test_literals(void **state)
{
	struct env *env = NULL;
	WANT("1", INT, "1");
	WANT("1_000_000", INT, "1000000");
	WANT("0x1F", INT, "31");
	WANT("0o17", INT, "15");
	WANT("0b101", INT, "5");
	WANT("1.5", FLOAT, "1.5");
	WANT("1e3", FLOAT, "1000");
	WANT("1e6", FLOAT, "1e+06");
	WANT("'a\\tb'", STRING, "a\tb");
	WANT("\"it's \\\"q\\\"\"", STRING, "it's \"q\"");
	WANT("'\\u00e9\\x41\\101'", STRING, "\xc3\xa9" "AA");
	WANT("`raw\\n`", STRING, "raw\\n");
	WANT("true", BOOL, "true");
	WANT("false", BOOL, "false");
	WANT("nil", NIL, "<nil>");
	WANT("[1, 'a', 2.5, [true]]", ARRAY, "[1 a 2.5 [true]]");
	WANT("[1, 2,]", ARRAY, "[1 2]");
	WANT("{b: 1, a: 'x', 'c-d': [1]}", MAP, "map[a:x b:1 c-d:[1]]");
	WANT("{}", MAP, "map[]");
	WANT("[]", ARRAY, "[]");
	(void)state;
}

static void test_arithmetic(void **state)
{
	struct env *env = NULL;
	WANT("1 + 2 * 3", INT, "7");
	WANT("(1 + 2) * 3", INT, "9");
	WANT("7 / 2", FLOAT, "3.5");
	WANT("6 / 2", FLOAT, "3");
	WANT("7 % 3", INT, "1");
	WANT("-7 % 3", INT, "-1");
	WANT("2 ** 10", FLOAT, "1024");
	WANT("2 ^ 3 ^ 2", FLOAT, "512");
	WANT("-2 ** 2", FLOAT, "-4");
	WANT("1 + 2.5", FLOAT, "3.5");
	WANT("10 - 2 - 3", INT, "5");
	WANT("2 * 3.0", FLOAT, "6");
	WANT("9223372036854775807 + 1", INT, "-9223372036854775808");
	WANT("-(3)", INT, "-3");
	WANT("+3", INT, "3");
	WANT("1 / 0", FLOAT, "+Inf");
	WANT("'a' + 'b' + \"c\"", STRING, "abc");
	WANT("[1] + [2]", ARRAY, "[1 2]");
	WANT("1..3", ARRAY, "[1 2 3]");
	(void)state;
}

static void test_comparisons_and_logic(void **state)
{
	struct env *env = NULL;
	WANT("1 == 1.0", BOOL, "true");
	WANT("1 < 1.5", BOOL, "true");
	WANT("2.5 >= 2", BOOL, "true");
	WANT("'abc' < 'abd'", BOOL, "true");
	WANT("'a' == 'a'", BOOL, "true");
	WANT("1 == '1'", BOOL, "false");
	WANT("nil == nil", BOOL, "true");
	WANT("[1, 2] == [1, 2.0]", BOOL, "true");
	WANT("{a: 1} != {a: 2}", BOOL, "true");
	WANT("!true", BOOL, "false");
	WANT("not false", BOOL, "true");
	WANT("true && false || true", BOOL, "true");
	WANT("true or false and false", BOOL, "true");
	WANT("false && 1", BOOL, "false"); /* short-circuit */
	WANT("true || 1", BOOL, "true");
	WANT("1 < 2 ? 'yes' : 'no'", STRING, "yes");
	WANT("false ? 1 : true ? 2 : 3", INT, "2");
	WANT("nil ?? 'd'", STRING, "d");
	WANT("0 ?? 'd'", INT, "0");
	WANT("nil ?? nil ?? 3", INT, "3");
	(void)state;
}

static void test_not_precedence(void **state)
{
	/* expr parses `not 1 == 2` as `(not 1) == 2`: */
	want_eval_error(NULL, "not 1 == 2", 0, "invalid operation: ! (mismatched type int)");
	(void)state;
}

static void test_string_operators(void **state)
{
	struct env *env = NULL;
	WANT("'hello' contains 'ell'", BOOL, "true");
	WANT("'hello' startsWith 'he'", BOOL, "true");
	WANT("'hello' endsWith 'lo'", BOOL, "true");
	WANT("'hello' endsWith 'hello!'", BOOL, "false");
	WANT("'hello' not contains 'x'", BOOL, "true");
	WANT("'abc123' matches '^[a-z]+[0-9]+$'", BOOL, "true");
	WANT("'abc' matches '^[0-9]'", BOOL, "false");
	WANT("'abc' not matches '^[0-9]'", BOOL, "true");
	WANT("2 in [1, 2, 3]", BOOL, "true");
	WANT("2.0 in [1, 2, 3]", BOOL, "true");
	WANT("4 not in [1, 2, 3]", BOOL, "true");
	WANT("'a' in {a: 1}", BOOL, "true");
	WANT("'b' in {a: 1}", BOOL, "false");
	WANT("'x' in ['x', 'y']", BOOL, "true");
	(void)state;
}

static void test_member_index_slice(void **state)
{
	struct env *env = NULL;
	WANT("[1, 2, 3][0]", INT, "1");
	WANT("[1, 2, 3][-1]", INT, "3");
	WANT("[1, 2, 3][1:]", ARRAY, "[2 3]");
	WANT("[1, 2, 3][:2]", ARRAY, "[1 2]");
	WANT("[1, 2, 3][1:2]", ARRAY, "[2]");
	WANT("[1, 2, 3][:]", ARRAY, "[1 2 3]");
	WANT("'hello'[1:3]", STRING, "el");
	WANT("'hello'[0]", STRING, "h");
	WANT("{a: {b: 5}}.a.b", INT, "5");
	WANT("{a: {b: 5}}['a']['b']", INT, "5");
	WANT("{a: 1}.missing", NIL, "<nil>");
	WANT("{a: nil}.a?.b", NIL, "<nil>");
	WANT("{a: 1}.missing ?? 'dflt'", STRING, "dflt");
	WANT("nil?.[0]", NIL, "<nil>");
	WANT("true ?: 'x'", BOOL, "true");
	WANT("false ?: 'x'", STRING, "x");
	WANT("{(1 + 1 == 2 ? 'k' : 'j'): 1}", MAP, "map[k:1]");
	(void)state;
}

/* The expressions of Argo's examples, with the inputs the examples give. */
static void test_argo_corpus(void **state)
{
	struct env *env = g_env(state);
	WANT("inputs.parameters[\"should-print\"] == 'true'", BOOL, "true");
	WANT(" inputs.parameters['my-param']", STRING, "hello");
	WANT("jsonpath(workflow.parameters.json, '$[0].value') == 'true'", BOOL, "true");
	WANT("jsonpath(workflow.parameters.config, '$.a')", STRING, "1");
	WANT("jsonpath(workflow.parameters.config, '$.b')", STRING, "2");
	WANT("jsonpath(workflow.parameters.config, '$.c')", STRING, "3");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[0:1]')", ARRAY,
	     "[map[age:43 name:Baris]]");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[*].name')", ARRAY, "[Baris Mo Jai]");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[1].age')", FLOAT, "42");
	WANT("jsonpath(workflow.parameters.complex, '$[\"employees\"][-1].name')", STRING, "Jai");
	/* examples/expression-destructure-json-complex.yaml: filters (PaesslerAG/jsonpath) */
	WANT("jsonpath(workflow.parameters.complex, '$.employees[?(@.name==\"Baris\")].age')",
	     ARRAY, "[43]");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[?(@.age>42 && @.age<44)].age')",
	     ARRAY, "[43]");
	want_tag(env, "jsonpath(workflow.parameters.complex, '$.employees[?(@.name==\"Baris\")].age')",
		 "[43]");
	want_tag(env, "jsonpath(workflow.parameters.complex, '$.employees[0:1]')",
		 "[{\"age\":43,\"name\":\"Baris\"}]");
	want_tag(env, "jsonpath(workflow.parameters.complex, '$.employees[*].name')",
		 "[\"Baris\",\"Mo\",\"Jai\"]");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[?(@.age >= 43)].name')", ARRAY,
	     "[Baris Jai]");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[?(@.name =~ \"^M\")].name')",
	     ARRAY, "[Mo]");
	WANT("jsonpath(workflow.parameters.complex, '$.employees[?(!(@.age == 42))].name')", ARRAY,
	     "[Baris Jai]");
	WANT("jsonpath('[{\"a\": 1}, {\"b\": 2}, {\"a\": null}]', '$[?(@.a)]')", ARRAY,
	     "[map[a:1]]");
	WANT("jsonpath('{\"x\": {\"v\": 1}, \"y\": {\"v\": 2}}', '$[?(@.v == 2)]')", ARRAY,
	     "[map[v:2]]");
	WANT("jsonpath('[{\"n\": \"a)]\"}]', '$[?(@.n == \"a)]\")].n')", ARRAY, "[a)]]");
	WANT("steps[\"step-1\"].status == \"Running\"", BOOL, "true");
	WANT("steps.step2.status == \"Succeeded\"", BOOL, "true");
	WANT("workflow.status == \"Running\"", BOOL, "true");
	WANT("steps['flip-coin'].outputs.result == 'heads' ? steps.heads.outputs.artifacts.result : "
	     "steps.tails.outputs.artifacts.result", STRING, "heads-art");
	WANT("cronworkflow.lastScheduledTime == nil", BOOL, "true");
	/* docs/variables.md and docs/retries.md */
	WANT("asInt(inputs.parameters['my-int-param'])", INT, "42");
	WANT("asFloat(inputs.parameters['my-float-param'])", FLOAT, "2.5");
	WANT("string(1)", STRING, "1");
	WANT("toJson([1, 2])", STRING, "[1,2]");
	WANT("toJson({b: 'x<y', a: 1.5})", STRING, "{\"a\":1.5,\"b\":\"x\\u003cy\"}");
	WANT("asInt(inputs.parameters.x) + 1", INT, "6");
	WANT("asInt(lastRetry.exitCode) > 1", BOOL, "false");
	WANT("lastRetry.status == \"Error\" or (lastRetry.status == \"Failed\" and "
	     "asInt(lastRetry.exitCode) not in [1, 2, 127])", BOOL, "false");
	WANT("asInt(lastRetry.duration) < 60", BOOL, "true");
	WANT("retries < 3", BOOL, "true");
	WANT("sprig.int(retries) + 1", INT, "3");
	WANT("sprig.upper(inputs.parameters['my-param'])", STRING, "HELLO");
	WANT("sprig.lower('HeLLo')", STRING, "hello");
	WANT("sprig.trim('  x y  ')", STRING, "x y");
	WANT("sprig.replace('-', '_', 'a-b-c')", STRING, "a_b_c");
	WANT("sprig.default('dflt', '')", STRING, "dflt");
	WANT("sprig.default('dflt', 'v')", STRING, "v");
	WANT("sprig.int('12')", INT, "12");
	WANT("sprig.int('junk')", INT, "0");
	WANT("flat.a.b", STRING, "flat-value");
	WANT("fromJSON(inputs.parameters.list)[2]", FLOAT, "3");
	WANT("len(fromJSON(inputs.parameters.list))", INT, "3");
	WANT("arr[1] * pi", FLOAT, "7");
	WANT("m.a + 1", INT, "2");
	WANT("n ?? 'none'", STRING, "none");
	WANT("'b' in m", BOOL, "true");
	WANT("m", MAP, "map[a:1 b:x]");
	want_json(env, "m", "{\"a\":1,\"b\":\"x\"}");
	want_json(env, "[0.000001, 1e21, 1e-7, 'a\"\\n']", "[0.000001,1e+21,1e-7,\"a\\\"\\n\"]");
}

/* Predicates (expr's builtins with a closure): Argo's docs/variables.md
 * examples and expr-lang's language definition. */
static void test_predicates(void **state)
{
	struct env *env = NULL;
	WANT("filter([1, 2], { # > 1})", ARRAY, "[2]");
	WANT("map([1, 2], { # * 2 })", ARRAY, "[2 4]");
	WANT("filter([1, 2, 3], # % 2 == 1)", ARRAY, "[1 3]");
	WANT("all([1, 2], {# > 0})", BOOL, "true");
	WANT("all([1, 2], {# > 1})", BOOL, "false");
	WANT("any([1, 2], {# > 1})", BOOL, "true");
	WANT("none([1, 2], {# > 2})", BOOL, "true");
	WANT("one([1, 2, 3], {# > 2})", BOOL, "true");
	WANT("one([1, 2, 3], {# > 1})", BOOL, "false");
	WANT("count([1, 2, 3], {# > 1})", INT, "2");
	WANT("find([1, 2, 3], {# > 1})", INT, "2");
	WANT("find([1, 2, 3], {# > 5})", NIL, "<nil>");
	WANT("findIndex([1, 2, 3], {# > 1})", INT, "1");
	WANT("findLast([1, 2, 3], {# > 1})", INT, "3");
	WANT("findLastIndex([1, 2, 3], {# > 5})", INT, "-1");
	WANT("map([{a: 1}, {a: 2}], .a)", ARRAY, "[1 2]");
	WANT("filter([{n: 'x', v: 1}, {n: 'y', v: 2}], .v > 1)[0].n", STRING, "y");
	WANT("map([[1, 2], [3]], {len(filter(#, {# > 1}))})", ARRAY, "[1 1]");
	WANT("len(filter([], # > 1))", INT, "0");
	want_json(env, "map([1, 2], {# * 2})", "[2,4]");
	want_eval_error(env, "filter(1, # > 1)", 7, "cannot iterate over int");
	want_eval_error(env, "filter([1], {# + 1})", 15, "predicate should return boolean (got int)");
	(void)state;
}

static void test_functions(void **state)
{
	struct env *env = NULL;
	WANT("len('héllo')", INT, "5");
	WANT("len([1, 2])", INT, "2");
	WANT("len({a: 1})", INT, "1");
	WANT("int('42')", INT, "42");
	WANT("int(3.9)", INT, "3");
	WANT("int(-3.9)", INT, "-3");
	WANT("float('1.25')", FLOAT, "1.25");
	WANT("float(2)", FLOAT, "2");
	WANT("string(2.5) + string(true)", STRING, "2.5true");
	WANT("string([1, 'a'])", STRING, "[1 a]");
	WANT("abs(-3)", INT, "3");
	WANT("abs(-2.5)", FLOAT, "2.5");
	WANT("upper('abc')", STRING, "ABC");
	WANT("lower('ABC')", STRING, "abc");
	WANT("trim('  x  ')", STRING, "x");
	WANT("trim('__x__', '_')", STRING, "x");
	WANT("split('a,b,c', ',')", ARRAY, "[a b c]");
	WANT("split('a,b,', ',')", ARRAY, "[a b ]");
	WANT("join(['a', 'b'], '-')", STRING, "a-b");
	WANT("toJSON({a: [1, nil, true]})", STRING, "{\"a\":[1,null,true]}");
	WANT("fromJSON('{\"a\": [1, \"x\"]}').a", ARRAY, "[1 x]");
	WANT("asInt(3.7)", INT, "3");
	WANT("asFloat(2)", FLOAT, "2");
	(void)state;
}

static void test_eval_errors(void **state)
{
	struct env *env = g_env(state);
	want_eval_error(env, "1 + 'a'", 2, "invalid operation: + (mismatched types int and string)");
	want_eval_error(env, "1.5 % 2", 4, "invalid operation: % (mismatched types float64 and int)");
	want_eval_error(env, "5 % 0", 2, "integer divide by zero");
	want_eval_error(env, "'a' < 1", 4, "mismatched types string and int");
	want_eval_error(env, "1 && true", 2, "mismatched types int and bool");
	want_eval_error(env, "!'x'", 0, "invalid operation: ! (mismatched type string)");
	want_eval_error(env, "missing + 1", 0, "unknown name 'missing'");
	want_eval_error(env, "n.x", 1, "cannot fetch 'x' from nil");
	want_eval_error(env, "arr[5]", 3, "index out of range: 5 (array length is 3)");
	want_eval_error(env, "'x' ? 1 : 2", 4, "non-bool expression (type string) used as condition");
	want_eval_error(env, "asInt('abc')", 0, "strconv.ParseInt: parsing \"abc\": invalid syntax");
	want_eval_error(env, "int('1.5')", 0, "strconv.Atoi");
	want_eval_error(env, "len(1)", 0, "invalid argument for len (type int)");
	want_eval_error(env, "1 in 2", 2, "operator 'in' not defined on int");
	want_eval_error(env, "'a' matches '('", 4, "invalid regular expression");
	want_eval_error(env, "jsonpath('{\"a\": 1}', '$.b')", 0, "jsonpath: unknown key 'b'");
	want_eval_error(env, "jsonpath('[1]', '$[?(@ ==)]')", 0, "jsonpath: bad filter");
	want_eval_error(env, "jsonpath('[1]', '$[?(@ == 1]')", 0, "unsupported jsonpath");
	want_eval_error(env, "jsonpath('{', '$')", 0, "invalid json");
	want_eval_error(env, "now()", 0, "function 'now' is not supported");
	want_eval_error(env, "(now() - cronworkflow.lastScheduledTime).Seconds() > 360", 1,
			"function 'now' is not supported");
	want_eval_error(env, "workflow.Seconds()", 9, "method 'Seconds' is not supported");
}

static void test_syntax_errors(void **state)
{
	want_syntax_error("", 0, "empty expression");
	want_syntax_error("1 +", 3, "unexpected end of expression");
	want_syntax_error("1 + * 2", 4, "unexpected token '*'");
	want_syntax_error("(1 + 2", 6, "unexpected end of expression");
	want_syntax_error("1 2", 2, "unexpected token '2'");
	want_syntax_error("'abc", 0, "literal not terminated");
	want_syntax_error("'a\\qb'", 2, "invalid char escape");
	want_syntax_error("a @ b", 2, "unrecognized character '@'");
	want_syntax_error("asInnt(x)", 0, "unknown func 'asInnt' (did you mean 'asInt'?)");
	want_syntax_error("x + tojson(y)", 4, "did you mean 'toJson'?");
	want_syntax_error("frobnicate(x)", 0, "unknown func 'frobnicate'");
	want_syntax_error("sprig.uper(x)", 6, "did you mean 'sprig.upper'?");
	want_syntax_error("len(1, 2)", 0, "too many arguments to call 'len'");
	want_syntax_error("jsonpath(x)", 0, "not enough arguments to call 'jsonpath'");
	want_syntax_error("# > 1", 0, "'#' is only allowed in a predicate");
	want_syntax_error("filter([1, 2], {# > 1)", 21, "unexpected token ')'");
	want_syntax_error("1 not 2", 6, "unexpected token '2'");
	want_syntax_error("a ? b", 5, "unexpected end of expression");
	want_syntax_error("12abc", 2, "bad number syntax");
	want_syntax_error("99999999999999999999", 0, "invalid integer literal");
	assert_int_equal(wfc_expr_check("inputs.parameters['my-param'] == 'x'", NULL), 0);
	assert_int_equal(wfc_expr_check("cronworkflow.lastScheduledTime == nil || "
					"(now() - cronworkflow.lastScheduledTime).Seconds() > 360", NULL), 0);
	(void)state;
}

static void test_nesting_limit(void **state)
{
	char buf[1200];
	struct wfc_gv_error err;
	size_t n = 0;

	/* 127 parentheses (plus the top level) are fine, 128 are not */
	for (int i = 0; i < 127; i++)
		buf[n++] = '(';
	buf[n++] = '1';
	for (int i = 0; i < 127; i++)
		buf[n++] = ')';
	buf[n] = '\0';
	assert_int_equal(wfc_expr_check(buf, &err), 0);
	memmove(buf + 1, buf, n + 1);
	buf[0] = '(';
	strcat(buf, ")");
	assert_int_equal(wfc_expr_check(buf, &err), -1);
	assert_int_equal(err.offset, 128);
	assert_non_null(strstr(err.message, "nested too deeply"));

	n = 0;
	for (int i = 0; i < 200; i++)
		buf[n++] = '!';
	strcpy(buf + n, "true");
	assert_int_equal(wfc_expr_check(buf, &err), -1);

	/* long flat chains: a deep tree, refused past WFC_EX_MAX_TREE */
	char *chain = malloc(4 * WFC_EX_MAX_TREE + 8);
	n = 0;
	for (int i = 0; i < WFC_EX_MAX_TREE + 5; i++) {
		memcpy(chain + n, "1+", 2);
		n += 2;
	}
	strcpy(chain + n, "1");
	assert_int_equal(wfc_expr_check(chain, &err), -1);
	assert_non_null(strstr(err.message, "nested too deeply"));
	n = 0;
	for (int i = 0; i < 500; i++) {
		memcpy(chain + n, "1+", 2);
		n += 2;
	}
	strcpy(chain + n, "1");
	struct wfc_ex_value v;
	eval_ok(NULL, chain, &v);
	assert_int_equal(v.type, WFC_EX_INT);
	assert_int_equal(v.integer, 501);
	wfc_ex_value_clear(&v);
	free(chain);
	(void)state;
}

static void test_format(void **state)
{
	char buf[8];
	struct wfc_ex_value v = { .type = WFC_EX_STRING, .string = "abcdefghij", .len = 10 };
	assert_int_equal(wfc_ex_format(&v, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "abcdefg");
	v = (struct wfc_ex_value){ .type = WFC_EX_FLOAT, .number = 0.1 };
	assert_int_equal(wfc_ex_format(&v, buf, sizeof(buf)), 3);
	assert_string_equal(buf, "0.1");
	v = (struct wfc_ex_value){ .type = WFC_EX_INT, .integer = -12 };
	wfc_ex_format_json(&v, buf, sizeof(buf));
	assert_string_equal(buf, "-12");
	/* a tag's text: strings raw, the rest JSON */
	v = (struct wfc_ex_value){ .type = WFC_EX_STRING, .string = "a\"b", .len = 3 };
	wfc_ex_format_tag(&v, buf, sizeof(buf));
	assert_string_equal(buf, "a\"b");
	v = (struct wfc_ex_value){ .type = WFC_EX_FLOAT, .number = 1e6 };
	wfc_ex_format_tag(&v, buf, sizeof(buf));
	assert_string_equal(buf, "1000000");
	v = (struct wfc_ex_value){ .type = WFC_EX_BOOL, .boolean = true };
	wfc_ex_format_tag(&v, buf, sizeof(buf));
	assert_string_equal(buf, "true");
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_comparisons_and_logic),
		cmocka_unit_test(test_not_precedence),
		cmocka_unit_test(test_string_operators),
		cmocka_unit_test(test_member_index_slice),
		cmocka_unit_test_setup_teardown(test_argo_corpus, setup, teardown),
		cmocka_unit_test(test_predicates),
		cmocka_unit_test(test_functions),
		cmocka_unit_test_setup_teardown(test_eval_errors, setup, teardown),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
