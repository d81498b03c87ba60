/* The object emitter: exact YAML, round trips of hostile strings through two
 * independent readers (libyaml with go-yaml v2's YAML 1.1 resolution, as
 * Kubernetes reads YAML, and libfyaml), no document injection, the JSON List
 * and determinism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "backend/emit.h"
#include "helpers/yaml_read.h"

/* ---- helpers ---- */

/* Everything an emitter writes to a FILE, as a malloc'd string. */
static char *emit_all(cJSON *const *objs, size_t n, enum wfc_emit_format f,
		      size_t *lenp)
{
	char *s = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&s, &len);
	assert_non_null(out);
	struct wfc_emitter *e = wfc_emitter_create(out, f);
	assert_non_null(e);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(wfc_emit_object(e, objs[i]), 0);
	assert_int_equal(wfc_emitter_finish(e), 0);
	wfc_emitter_destroy(e);
	assert_int_equal(fclose(out), 0);
	if (lenp)
		*lenp = len;
	return s;
}

/* Both readers give back exactly objs; so does the JSON List. */
static void assert_round_trip(cJSON *const *objs, size_t n)
{
	size_t ylen;
	char *y = emit_all(objs, n, WFC_EMIT_YAML, &ylen);
	char *j = emit_all(objs, n, WFC_EMIT_JSON, NULL);
	cJSON *a = test_yaml11_read(y, ylen);
	cJSON *b = test_fyaml_read(y, ylen);
	cJSON *list = cJSON_Parse(j);

	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(list);
	cJSON *items = cJSON_GetObjectItemCaseSensitive(list, "items");
	assert_int_equal(cJSON_GetArraySize(a), n);
	assert_int_equal(cJSON_GetArraySize(b), n);
	assert_int_equal(cJSON_GetArraySize(items), n);
	for (size_t i = 0; i < n; i++) {
		assert_true(cJSON_Compare(cJSON_GetArrayItem(a, (int)i), objs[i], 1));
		assert_true(cJSON_Compare(cJSON_GetArrayItem(b, (int)i), objs[i], 1));
		assert_true(cJSON_Compare(cJSON_GetArrayItem(items, (int)i), objs[i], 1));
	}
	cJSON_Delete(a);
	cJSON_Delete(b);
	cJSON_Delete(list);
	free(y);
	free(j);
}

static size_t count_char(const char *s, char c)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

static const char *const hostile[] = {
	"yes", "No", "on", "OFF", "y", "Y", "n", "~", "null", "NULL", "", " ",
	"0755", "0o17", "0x1F", "0b101", "-0b1", "1e3", "1E-3", "1_000", "+_1",
	".inf", "-.Inf", ".nan", "-.5", ".5", "1.", "+1", "-0", "0", "08", "089",
	"99999999999999999999999", "0x123456789abcdef0123", "2024-01-01",
	"2001-12-14t21:59:43.10-05:00", "2024-1-2 3:04:05", "true", "False",
	"12:30", "-1:20:30.5", "<<", "=", "a: b", "- x", "-", "?", ":", "x:",
	"#c", "x #c", "a#b", "{{inputs.parameters.x}}", "$(VAR)", "'", "\"",
	"\\", "'quoted'", "\"dq\"", "line1\nline2", "trailing\n", "\n", "\n\n",
	"a\n\n", "\nlead break", "  lead", "trailing ", "  both  ", " \n",
	"a \nb", "tab\there", "\t", "multi\n  indented\n\ttabbed\n", "\r\n",
	"cr\rx", "\x01" "ctrl", "\x7f" "del", "ümlaut", "emoji \xf0\x9f\x98\x80",
	"nel\xc2\x85x", "ls\xe2\x80\xa8x", "ps\xe2\x80\xa9", "\xe2\x80\xa8",
	"\xef\xbb\xbf" "bom", "nbsp\xc2\xa0", "%TAG", "@at", "`tick", "!tag",
	"&anchor", "*alias", "|", ">", "| x", "? q", ", c", "[x]", "{x: y}",
	"---", "...", "--- x", "a\n---\nb", "a\n...\nb", "key: |",
	"x\n---\nkind: Secret\n", "yes please", "1.2.3", "v1", "_1",
};

#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

/* ---- tests ---- */

static void yaml_exact_text(void **state)
{
	cJSON *o = cJSON_Parse(
		"{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\","
		"\"metadata\":{\"name\":\"wf-a\",\"labels\":{\"wfc.dev/workflow\":\"wf\","
		"\"on\":\"yes\"},\"annotations\":{}},"
		"\"spec\":{\"suspend\":true,\"backoffLimit\":0,\"ttl\":null,"
		"\"ratio\":0.25,\"big\":9007199254740992,\"neg\":-3,"
		"\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"volumes\":[],"
		"\"containers\":[{\"name\":\"main\",\"image\":\"alpine:3.19\","
		"\"command\":[\"sh\",\"-c\"],\"args\":[\"echo hi\\nexit 0\\n\",\"0755\",\"\"],"
		"\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"x y\"}]}]}}}}");
	const char *want =
		"---\n"
		"apiVersion: batch/v1\n"
		"kind: Job\n"
		"metadata:\n"
		"  name: wf-a\n"
		"  labels:\n"
		"    wfc.dev/workflow: wf\n"
		"    \"on\": \"yes\"\n"
		"  annotations: {}\n"
		"spec:\n"
		"  suspend: true\n"
		"  backoffLimit: 0\n"
		"  ttl: null\n"
		"  ratio: 0.25\n"
		"  big: 9007199254740992\n"
		"  neg: -3\n"
		"  template:\n"
		"    spec:\n"
		"      restartPolicy: Never\n"
		"      volumes: []\n"
		"      containers:\n"
		"      - name: main\n"
		"        image: alpine:3.19\n"
		"        command:\n"
		"        - sh\n"
		"        - -c\n"
		"        args:\n"
		"        - |\n"
		"          echo hi\n"
		"          exit 0\n"
		"        - \"0755\"\n"
		"        - \"\"\n"
		"        env:\n"
		"        - name: A\n"
		"          value: \"1\"\n"
		"        - name: B\n"
		"          value: x y\n";
	assert_non_null(o);
	char *s = wfc_emit_to_string(o, WFC_EMIT_YAML);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);

	/* the stream: one "---" document per object, in order */
	cJSON *objs[2] = { o, o };
	char *two = emit_all(objs, 2, WFC_EMIT_YAML, NULL);
	size_t wl = strlen(want);
	assert_int_equal(strlen(two), 2 * wl);
	assert_memory_equal(two, want, wl);
	assert_memory_equal(two + wl, want, wl);
	free(two);
	assert_round_trip(objs, 2);
	cJSON_Delete(o);
}

static void numbers(void **state)
{
	static const struct {
		double d;
		const char *yaml;
	} cases[] = {
		{ 0, "0" }, { -1, "-1" }, { 3, "3" }, { 1e15, "1000000000000000" },
		{ 9007199254740992.0, "9007199254740992" }, { 0.1, "0.1" },
		{ -0.25, "-0.25" }, { 1e-7, "1e-07" }, { 1.5e300, "1.5e+300" },
		{ 123456789.125, "123456789.125" }, { 1e21, "1e+21" },
		{ 2.0 / 3.0, "0.6666666666666666" }, { 0.1 + 0.2, "0.30000000000000004" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "x", cases[i].d);
		char *s = wfc_emit_to_string(o, WFC_EMIT_YAML);
		char want[64];
		snprintf(want, sizeof(want), "---\nx: %s\n", cases[i].yaml);
		assert_string_equal(s, want);
		free(s);
		assert_round_trip(&o, 1);
		cJSON_Delete(o);
	}
}

static void needs_quotes(void **state)
{
	static const char *const quoted[] = {
		"", "yes", "No", "on", "OFF", "y", "N", "~", "null", "Null", "true",
		"FALSE", "0755", "0o17", "0x1F", "0b101", "-0b1", "1e3", "1_000",
		".inf", "-.INF", ".NaN", "-.5", "+1", "08", "089", "1.", "0",
		"99999999999999999999999", "2024-01-01", "2024-1-2 3:04:05",
		"12:30", "-1:20:30.5", "<<", "=", "+_1",
	};
	static const char *const plain[] = {
		"a", "yess", "onion", "v1", "1.2.3", "1e", "0x", "0b2", "_1",
		"2024-01", "12:70", "x: y", "- x", "nope", ".", "-", "+", "1-2",
		"0o8", "1_000x",
	};
	for (size_t i = 0; i < sizeof(quoted) / sizeof(quoted[0]); i++)
		if (!wfc_yaml11_needs_quotes(quoted[i], strlen(quoted[i])))
			fail_msg("'%s' should need quotes", quoted[i]);
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (wfc_yaml11_needs_quotes(plain[i], strlen(plain[i])))
			fail_msg("'%s' should not need quotes", plain[i]);
	/* the library agrees with the test's own go-yaml resolver */
	for (size_t i = 0; i < NHOSTILE; i++) {
		cJSON *v = test_yaml11_resolve(hostile[i]);
		bool str = v && cJSON_IsString(v) &&
			   strcmp(v->valuestring, hostile[i]) == 0;
		if (!str && !wfc_yaml11_needs_quotes(hostile[i], strlen(hostile[i])))
			fail_msg("'%s' resolves to a non-string", hostile[i]);
		cJSON_Delete(v);
	}
}

static char *big_string(size_t n, size_t line)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	for (size_t i = line; line && i < n; i += line)
		s[i - 1] = '\n';
	s[n] = '\0';
	return s;
}

static void hostile_round_trip(void **state)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *vals = cJSON_AddArrayToObject(o, "values");
	cJSON *keys = cJSON_AddObjectToObject(o, "keys");
	cJSON *pairs = cJSON_AddArrayToObject(o, "pairs");

	for (size_t i = 0; i < NHOSTILE; i++) {
		cJSON_AddItemToArray(vals, cJSON_CreateString(hostile[i]));
		cJSON_AddStringToObject(keys, hostile[i], hostile[i]);
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, hostile[i], "v");
		cJSON_AddItemToArray(pairs, p);
	}
	cJSON_AddStringToObject(o, "yes", "on");
	cJSON_AddStringToObject(o, "on", "1");
	cJSON_AddStringToObject(o, "1", "null");
	cJSON_AddStringToObject(o, "null", "");
	cJSON_AddNumberToObject(o, "int", 42);
	cJSON_AddBoolToObject(o, "bool", 0);
	cJSON_AddNullToObject(o, "nothing");
	cJSON_AddItemToObject(o, "emptyMap", cJSON_CreateObject());
	cJSON_AddItemToObject(o, "emptyList", cJSON_CreateArray());

	char *b1 = big_string(1 << 20, 0);
	char *b2 = big_string(1 << 20, 80);
	char *b3 = big_string(1 << 20, 0);
	for (size_t i = 5; i < (1 << 20) - 1; i += 6)
		b3[i] = ' ';
	cJSON_AddStringToObject(o, "big", b1);
	cJSON_AddStringToObject(o, "bigLines", b2);
	cJSON_AddStringToObject(o, "bigWords", b3);
	assert_round_trip(&o, 1);

	/* long lines are never folded: 3 big strings, 3 lines */
	cJSON *only = cJSON_CreateObject();
	cJSON_AddStringToObject(only, "a", b1);
	cJSON_AddStringToObject(only, "b", b3);
	char *s = wfc_emit_to_string(only, WFC_EMIT_YAML);
	assert_int_equal(count_char(s, '\n'), 3);
	free(s);
	cJSON_Delete(only);

	/* each hostile string alone as a document's only value */
	for (size_t i = 0; i < NHOSTILE; i++) {
		cJSON *d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "v", hostile[i]);
		assert_round_trip(&d, 1);
		cJSON_Delete(d);
	}
	free(b1);
	free(b2);
	free(b3);
	cJSON_Delete(o);
}

static void no_document_injection(void **state)
{
	static const char *const inject[] = {
		"\n---\nkind: Secret\n", "x\n---\nkind: Secret\n",
		"x\n---\nkind: Secret", "\n...\n---\nkind: Secret\n",
		"--- \nkind: Secret", "x\r\n---\r\nkind: Secret\r\n",
		"x\n\n", "\n---\n\n", "kind: Secret\n\n\n",
	};
	cJSON *objs[2];
	for (size_t i = 0; i < sizeof(inject) / sizeof(inject[0]); i++) {
		for (size_t k = 0; k < 2; k++) {
			objs[k] = cJSON_CreateObject();
			cJSON_AddStringToObject(objs[k], "kind", "ConfigMap");
			cJSON *data = cJSON_AddObjectToObject(objs[k], "data");
			cJSON_AddStringToObject(data, "value", inject[i]);
			cJSON_AddStringToObject(data, inject[i], "as a key");
			cJSON *args = cJSON_AddArrayToObject(objs[k], "args");
			cJSON_AddItemToArray(args, cJSON_CreateString(inject[i]));
		}
		/* assert_round_trip counts the documents each reader finds */
		assert_round_trip(objs, 2);
		for (size_t k = 0; k < 2; k++)
			cJSON_Delete(objs[k]);
	}
}

static void json_list(void **state)
{
	cJSON *objs[3];
	for (int k = 0; k < 3; k++) {
		objs[k] = cJSON_CreateObject();
		cJSON_AddStringToObject(objs[k], "apiVersion", "v1");
		cJSON_AddStringToObject(objs[k], "kind", "ConfigMap");
		cJSON *md = cJSON_AddObjectToObject(objs[k], "metadata");
		cJSON_AddStringToObject(md, "name", k == 0 ? "a" : k == 1 ? "b" : "c");
		cJSON_AddObjectToObject(md, "labels");
		cJSON *data = cJSON_AddObjectToObject(objs[k], "data");
		cJSON_AddStringToObject(data, "script", "line1\n\tline2\n");
		cJSON *l = cJSON_AddArrayToObject(objs[k], "list");
		cJSON_AddItemToArray(l, cJSON_CreateObject());
		cJSON_AddItemToArray(l, cJSON_CreateNumber(k));
		cJSON_AddArrayToObject(objs[k], "empty");
	}

	/* the List exactly as cJSON_Print prints it, items in order */
	for (size_t n = 0; n <= 3; n++) {
		cJSON *list = cJSON_CreateObject();
		cJSON_AddStringToObject(list, "apiVersion", "v1");
		cJSON_AddStringToObject(list, "kind", "List");
		cJSON *items = cJSON_AddArrayToObject(list, "items");
		for (size_t k = 0; k < n; k++)
			cJSON_AddItemToArray(items, cJSON_Duplicate(objs[k], 1));
		char *p = cJSON_Print(list);
		char *j = emit_all(objs, n, WFC_EMIT_JSON, NULL);
		assert_int_equal(strlen(j), strlen(p) + 1);
		assert_memory_equal(j, p, strlen(p));
		assert_int_equal(j[strlen(p)], '\n');

		cJSON *back = cJSON_Parse(j);
		assert_true(cJSON_Compare(back, list, 1));
		assert_string_equal(cJSON_GetObjectItemCaseSensitive(back, "kind")->valuestring,
				    "List");
		assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(back, "items")),
				 n);
		cJSON_Delete(back);
		free(j);
		cJSON_free(p);
		cJSON_Delete(list);
	}

	/* one object alone: the object, not a List */
	char *one = wfc_emit_to_string(objs[0], WFC_EMIT_JSON);
	cJSON *back = cJSON_Parse(one);
	assert_true(cJSON_Compare(back, objs[0], 1));
	assert_int_equal(one[strlen(one) - 1], '\n');
	cJSON_Delete(back);
	free(one);

	/* same input, byte-identical output, both formats */
	for (int f = WFC_EMIT_YAML; f <= WFC_EMIT_JSON; f++) {
		size_t l1, l2;
		char *a = emit_all(objs, 3, (enum wfc_emit_format)f, &l1);
		char *b = emit_all(objs, 3, (enum wfc_emit_format)f, &l2);
		assert_int_equal(l1, l2);
		assert_memory_equal(a, b, l1);
		free(a);
		free(b);
	}
	for (int k = 0; k < 3; k++)
		cJSON_Delete(objs[k]);
}

static void empty_yaml_stream(void **state)
{
	char *s = emit_all(NULL, 0, WFC_EMIT_YAML, NULL);
	cJSON *a = test_yaml11_read(s, strlen(s));
	assert_non_null(a);
	assert_int_equal(cJSON_GetArraySize(a), 0);
	cJSON_Delete(a);
	free(s);
}

static void errors(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct wfc_emitter *e = wfc_emitter_create(f, WFC_EMIT_YAML);
	cJSON *bad = cJSON_CreateObject();
	cJSON_AddStringToObject(bad, "v", "\xff\xfe not UTF-8");
	cJSON *raw = cJSON_CreateObject();
	cJSON_AddRawToObject(raw, "r", "{}");
	cJSON *good = cJSON_CreateObject();

	assert_int_equal(wfc_emit_object(e, bad), -1);
	/* after a failure, nothing more */
	assert_int_equal(wfc_emit_object(e, good), -1);
	assert_int_equal(wfc_emitter_finish(e), -1);
	wfc_emitter_destroy(e);
	assert_null(wfc_emit_to_string(raw, WFC_EMIT_YAML));
	assert_null(wfc_emit_to_string(bad, WFC_EMIT_YAML));
	assert_null(wfc_emit_to_string(NULL, WFC_EMIT_JSON));

	e = wfc_emitter_create(f, WFC_EMIT_JSON);
	assert_int_equal(wfc_emit_object(e, good), 0);
	assert_int_equal(wfc_emitter_finish(e), 0);
	assert_int_equal(wfc_emitter_finish(e), -1);
	assert_int_equal(wfc_emit_object(e, good), -1);
	wfc_emitter_destroy(e);
	wfc_emitter_destroy(NULL);

	/* too deep to emit safely */
	cJSON *deep = cJSON_CreateArray(), *cur = deep;
	for (int i = 0; i < 1100; i++) {
		cJSON *c = cJSON_CreateArray();
		cJSON_AddItemToArray(cur, c);
		cur = c;
	}
	assert_null(wfc_emit_to_string(deep, WFC_EMIT_YAML));

	cJSON *sz = cJSON_Parse("{\"a\": 1, \"b\": [\"x\\n\"]}");
	assert_int_equal(wfc_emit_size(sz), strlen("{\"a\":1,\"b\":[\"x\\n\"]}"));
	assert_int_equal(wfc_emit_size(NULL), 0);

	cJSON_Delete(sz);
	cJSON_Delete(deep);
	cJSON_Delete(bad);
	cJSON_Delete(raw);
	cJSON_Delete(good);
	fclose(f);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_exact_text),
		cmocka_unit_test(numbers),
		cmocka_unit_test(needs_quotes),
		cmocka_unit_test(hostile_round_trip),
		cmocka_unit_test(no_document_injection),
		cmocka_unit_test(json_list),
		cmocka_unit_test(empty_yaml_stream),
		cmocka_unit_test(errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
