/* The diagnostic printers: exact text, JSON, SARIF and GitHub output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/buf.h"
#include "support/diag.h"

#define WF_TEXT                                                               \
	"apiVersion: argoproj.io/v1alpha1\n"                                  \
	"kind: Workflow\n"                                                    \
	"        dependecies: [A]\n"                                          \
	"\t\tname: x\n"                                                       \
	"name: \xC3\xA9 x\n"                                                  \
	"emoji: \xF0\x9F\x98\x80 y\n"

struct fixture {
	struct wfc_diags d;
	struct wfc_source src[2];
	struct wfc_sources s;
	char *out;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	f->src[0].name = "wf.yaml";
	f->src[0].text = WF_TEXT;
	f->src[0].len = strlen(WF_TEXT);
	f->s.v = f->src;
	f->s.n = f->s.cap = 1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	wfc_diags_free(&f->d);
	free(f->out);
	free(f);
	return 0;
}

static void add_source(struct fixture *f, const char *name, const char *text,
		       size_t len)
{
	f->src[1].name = name;
	f->src[1].text = text;
	f->src[1].len = len;
	f->s.n = f->s.cap = 2;
}

static struct wfc_pos at(const char *file, unsigned line, unsigned col)
{
	struct wfc_pos p = { file, line, col };
	return p;
}

/* Prints f->d in one format; the output stays in f->out (freed by teardown). */
static const char *render(struct fixture *f, enum wfc_format fmt, bool color)
{
	size_t len = 0;
	struct wfc_print_opts o = { .format = fmt, .color = color,
				    .tool_version = "1.2.3" };

	free(f->out);
	f->out = NULL;
	FILE *fp = open_memstream(&f->out, &len);
	assert_non_null(fp);
	assert_int_equal(wfc_diags_print(fp, &f->d, &f->s, &o), 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(strlen(f->out), len);
	return f->out;
}

static struct wfc_diag *add_unknown_field(struct fixture *f)
{
	struct wfc_diag *dg = wfc_diag_add(
		&f->d, WFC_ERROR, WFC_RULE_unknown_field, at("wf.yaml", 3, 9),
		"unknown field 'dependecies'; did you mean 'dependencies'?");
	wfc_diag_set_suggestion(dg, "dependencies");
	return dg;
}

static void test_text_caret(void **state)
{
	struct fixture *f = *state;
	add_unknown_field(f);
	assert_string_equal(
		render(f, WFC_FORMAT_TEXT, false),
		"wf.yaml:3:9: error: unknown field 'dependecies'; did you mean "
		"'dependencies'? [unknown-field]\n"
		"    3 |         dependecies: [A]\n"
		"      |         ^\n");
}

static void test_text_range(void **state)
{
	struct fixture *f = *state;
	struct wfc_diag *dg = add_unknown_field(f);
	dg->end = at("wf.yaml", 3, 19);
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "wf.yaml:3:9: error: unknown field 'dependecies'; "
			    "did you mean 'dependencies'? [unknown-field]\n"
			    "    3 |         dependecies: [A]\n"
			    "      |         ^~~~~~~~~~~\n");

	/* An end on another line draws the caret alone. */
	dg->end = at("wf.yaml", 4, 3);
	assert_non_null(strstr(render(f, WFC_FORMAT_TEXT, false),
			       "\n      |         ^\n"));
}

static void test_text_tab(void **state)
{
	struct fixture *f = *state;
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_name, at("wf.yaml", 4, 3),
		     "bad name");
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "wf.yaml:4:3: warning: bad name [name]\n"
			    "    4 | \t\tname: x\n"
			    "      | \t\t^\n");
}

static void test_text_utf8(void **state)
{
	struct fixture *f = *state;
	/* 'x' is byte column 10 but the 9th character. */
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_name, at("wf.yaml", 5, 10),
		     "here");
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "wf.yaml:5:10: note: here [name]\n"
			    "    5 | name: \xC3\xA9 x\n"
			    "      |         ^\n");
}

static void test_text_crlf(void **state)
{
	struct fixture *f = *state;
	static const char crlf[] = "a: 1\r\nbb: 2\r\nc: 3";
	add_source(f, "crlf.yaml", crlf, sizeof(crlf) - 1);
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_type, at("crlf.yaml", 2, 5),
		     "bad");
	/* The last line has no final newline. */
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_type, at("crlf.yaml", 3, 4),
		     "bad");
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "crlf.yaml:2:5: error: bad [type]\n"
			    "    2 | bb: 2\n"
			    "      |     ^\n"
			    "crlf.yaml:3:4: error: bad [type]\n"
			    "    3 | c: 3\n"
			    "      |    ^\n");
}

static void test_text_lone_cr_and_order(void **state)
{
	struct fixture *f = *state;
	static const char cr[] = "a: 1\rb: 2\rc: 3\r";
	add_source(f, "cr.yaml", cr, sizeof(cr) - 1);
	/* Out of order: the line cursor must rewind. */
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_yaml, at("cr.yaml", 3, 1), "x");
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_yaml, at("cr.yaml", 1, 4), "y");
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "cr.yaml:3:1: error: x [yaml]\n"
			    "    3 | c: 3\n"
			    "      | ^\n"
			    "cr.yaml:1:4: error: y [yaml]\n"
			    "    1 | a: 1\n"
			    "      |    ^\n");
}

static void test_text_no_position(void **state)
{
	struct fixture *f = *state;
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_io, at("wf.yaml", 0, 0),
		     "cannot read");
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_option, at(NULL, 0, 0),
		     "unknown option '--x'");
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_kind, at("other.yaml", 7, 2),
		     "no source");
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_kind, at("wf.yaml", 99, 1),
		     "past the end");
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_kind, at("wf.yaml", 2, 0),
		     "no column");
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "wf.yaml: error: cannot read [io]\n"
			    "wfc: error: unknown option '--x' [option]\n"
			    "other.yaml:7:2: warning: no source [kind]\n"
			    "wf.yaml:99:1: warning: past the end [kind]\n"
			    "wf.yaml:2: note: no column [kind]\n"
			    "    2 | kind: Workflow\n");
}

static void test_text_caret_past_end(void **state)
{
	struct fixture *f = *state;
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_yaml, at("wf.yaml", 2, 15),
		     "expected a value");
	assert_string_equal(render(f, WFC_FORMAT_TEXT, false),
			    "wf.yaml:2:15: error: expected a value [yaml]\n"
			    "    2 | kind: Workflow\n"
			    "      |               ^\n");
}

static void test_text_color(void **state)
{
	struct fixture *f = *state;
	struct wfc_diag *dg = add_unknown_field(f);
	dg->end = at("wf.yaml", 3, 19);
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_name, at("wf.yaml", 2, 1),
		     "w");
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_option, at(NULL, 0, 0), "n");
	assert_string_equal(
		render(f, WFC_FORMAT_TEXT, true),
		"\033[01m\033[Kwf.yaml:3:9:\033[m\033[K "
		"\033[01;31m\033[Kerror: \033[m\033[Kunknown field "
		"'dependecies'; did you mean 'dependencies'? "
		"[\033[01;31m\033[Kunknown-field\033[m\033[K]\n"
		"    3 |         \033[01;31m\033[Kdependecies\033[m\033[K"
		": [A]\n"
		"      |         \033[01;31m\033[K^~~~~~~~~~~\033[m\033[K\n"
		"\033[01m\033[Kwf.yaml:2:1:\033[m\033[K "
		"\033[01;35m\033[Kwarning: \033[m\033[Kw "
		"[\033[01;35m\033[Kname\033[m\033[K]\n"
		"    2 | \033[01;35m\033[Kk\033[m\033[Kind: Workflow\n"
		"      | \033[01;35m\033[K^\033[m\033[K\n"
		"\033[01m\033[Kwfc:\033[m\033[K "
		"\033[01;36m\033[Knote: \033[m\033[Kn "
		"[\033[01;36m\033[Koption\033[m\033[K]\n");
	/* Without colour there is no escape at all. */
	assert_null(strchr(render(f, WFC_FORMAT_TEXT, false), '\033'));
}

/* A 300- or 1000-byte line: the caret still points at the 'X'. */
static void check_long_line(struct fixture *f, size_t len, size_t x,
			    const char *expect_src, const char *expect_caret)
{
	char *line = malloc(len + 1);
	assert_non_null(line);
	for (size_t i = 0; i < len; i++)
		line[i] = (char)('a' + i % 26);
	line[x] = 'X';
	line[len] = '\0';
	add_source(f, "long.yaml", line, len);
	wfc_diags_free(&f->d);
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_limit, at("long.yaml", 1,
		     (unsigned)x + 1), "long");

	const char *out = render(f, WFC_FORMAT_TEXT, false);
	const char *src = strstr(out, "    1 | ");
	assert_non_null(src);
	src += 8;
	const char *nl = strchr(src, '\n');
	assert_non_null(nl);
	const char *caret = nl + 1 + 8;
	assert_memory_equal(nl + 1, "      | ", 8);
	assert_int_equal(strlen(caret), strlen(expect_caret) + 1);
	assert_memory_equal(src, expect_src, strlen(expect_src));
	assert_int_equal((size_t)(nl - src), strlen(expect_src));
	assert_memory_equal(caret, expect_caret, strlen(expect_caret));
	/* The caret is under the 'X'. */
	assert_int_equal(src[strlen(expect_caret) - 1], 'X');
	free(line);
}

static void test_text_long_line(void **state)
{
	struct fixture *f = *state;
	struct wfc_buf src = { 0 }, caret = { 0 };
	char line[1001];
	for (size_t i = 0; i < 1000; i++)
		line[i] = (char)('a' + i % 26);

	/* Caret near the start: the first 200 bytes, then "...". */
	line[4] = 'X';
	wfc_buf_add(&src, line, 200);
	wfc_buf_puts(&src, "...");
	wfc_buf_puts(&caret, "    ^");
	check_long_line(f, 300, 4, wfc_buf_str(&src), wfc_buf_str(&caret));
	line[4] = 'a' + 4;

	/* Caret near the end: "..." then the last 200 bytes. */
	wfc_buf_reset(&src);
	wfc_buf_reset(&caret);
	line[249] = 'X';
	wfc_buf_puts(&src, "...");
	wfc_buf_add(&src, line + 100, 200);
	wfc_buf_puts(&caret, "   ");
	for (int i = 0; i < 149; i++)
		wfc_buf_putc(&caret, ' ');
	wfc_buf_putc(&caret, '^');
	check_long_line(f, 300, 249, wfc_buf_str(&src), wfc_buf_str(&caret));
	line[249] = 'a' + 249 % 26;

	/* Caret in the middle: cut at both ends, 80 bytes before it. */
	wfc_buf_reset(&src);
	wfc_buf_reset(&caret);
	line[500] = 'X';
	wfc_buf_puts(&src, "...");
	wfc_buf_add(&src, line + 420, 200);
	wfc_buf_puts(&src, "...");
	wfc_buf_puts(&caret, "   ");
	for (int i = 0; i < 80; i++)
		wfc_buf_putc(&caret, ' ');
	wfc_buf_putc(&caret, '^');
	check_long_line(f, 1000, 500, wfc_buf_str(&src), wfc_buf_str(&caret));

	wfc_buf_free(&src);
	wfc_buf_free(&caret);
}

static void test_json(void **state)
{
	struct fixture *f = *state;
	struct wfc_diag *dg = add_unknown_field(f);
	dg->end = at("wf.yaml", 3, 19);
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_option, at(NULL, 0, 0),
		     "say \"hi\"\n");
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_io, at("wf.yaml", 0, 0), "n");

	const char *out = render(f, WFC_FORMAT_JSON, false);
	assert_string_equal(
		out,
		"{\n"
		"\t\"version\":\t1,\n"
		"\t\"diagnostics\":\t[{\n"
		"\t\t\t\"file\":\t\"wf.yaml\",\n"
		"\t\t\t\"line\":\t3,\n"
		"\t\t\t\"column\":\t9,\n"
		"\t\t\t\"endLine\":\t3,\n"
		"\t\t\t\"endColumn\":\t19,\n"
		"\t\t\t\"severity\":\t\"error\",\n"
		"\t\t\t\"rule\":\t\"unknown-field\",\n"
		"\t\t\t\"message\":\t\"unknown field 'dependecies'; did you "
		"mean 'dependencies'?\",\n"
		"\t\t\t\"suggestion\":\t\"dependencies\"\n"
		"\t\t}, {\n"
		"\t\t\t\"severity\":\t\"warning\",\n"
		"\t\t\t\"rule\":\t\"option\",\n"
		"\t\t\t\"message\":\t\"say \\\"hi\\\"\\n\"\n"
		"\t\t}, {\n"
		"\t\t\t\"file\":\t\"wf.yaml\",\n"
		"\t\t\t\"severity\":\t\"note\",\n"
		"\t\t\t\"rule\":\t\"io\",\n"
		"\t\t\t\"message\":\t\"n\"\n"
		"\t\t}],\n"
		"\t\"errors\":\t1,\n"
		"\t\"warnings\":\t1\n"
		"}\n");

	cJSON *root = cJSON_Parse(out);
	assert_non_null(root);
	cJSON *diags = cJSON_GetObjectItemCaseSensitive(root, "diagnostics");
	assert_int_equal(cJSON_GetArraySize(diags), 3);
	cJSON *d0 = cJSON_GetArrayItem(diags, 0);
	assert_int_equal(
		cJSON_GetObjectItemCaseSensitive(d0, "column")->valueint, 9);
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(d0, "suggestion")->valuestring,
		"dependencies");
	cJSON *d1 = cJSON_GetArrayItem(diags, 1);
	assert_null(cJSON_GetObjectItemCaseSensitive(d1, "file"));
	assert_null(cJSON_GetObjectItemCaseSensitive(d1, "line"));
	assert_null(cJSON_GetObjectItemCaseSensitive(d1, "suggestion"));
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(d1, "message")->valuestring,
		"say \"hi\"\n");
	assert_int_equal(
		cJSON_GetObjectItemCaseSensitive(root, "errors")->valueint, 1);
	cJSON_Delete(root);
}

static void test_json_empty_and_bad_utf8(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(render(f, WFC_FORMAT_JSON, false),
			    "{\n\t\"version\":\t1,\n\t\"diagnostics\":\t[],\n"
			    "\t\"errors\":\t0,\n\t\"warnings\":\t0\n}\n");

	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_yaml, at("b\xFFz.yaml", 1, 1),
		     "bad \xC3 byte \xC3\xA9");
	cJSON *root = cJSON_Parse(render(f, WFC_FORMAT_JSON, false));
	assert_non_null(root);
	cJSON *d0 = cJSON_GetArrayItem(
		cJSON_GetObjectItemCaseSensitive(root, "diagnostics"), 0);
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(d0, "file")->valuestring,
		"b\xEF\xBF\xBDz.yaml");
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(d0, "message")->valuestring,
		"bad \xEF\xBF\xBD byte \xC3\xA9");
	cJSON_Delete(root);
}

static cJSON *sarif_run(const char *out, cJSON **root)
{
	*root = cJSON_Parse(out);
	assert_non_null(*root);
	cJSON *runs = cJSON_GetObjectItemCaseSensitive(*root, "runs");
	assert_int_equal(cJSON_GetArraySize(runs), 1);
	return cJSON_GetArrayItem(runs, 0);
}

static cJSON *get(cJSON *o, const char *path)
{
	char key[64];
	while (o && *path) {
		size_t n = strcspn(path, ".");
		assert_true(n < sizeof(key));
		memcpy(key, path, n);
		key[n] = '\0';
		path += n + (path[n] == '.');
		if (key[0] >= '0' && key[0] <= '9')
			o = cJSON_GetArrayItem(o, atoi(key));
		else
			o = cJSON_GetObjectItemCaseSensitive(o, key);
	}
	return o;
}

static void assert_str_at(cJSON *o, const char *path, const char *want)
{
	cJSON *v = get(o, path);
	assert_non_null(v);
	assert_true(cJSON_IsString(v));
	assert_string_equal(v->valuestring, want);
}

static void assert_int_at(cJSON *o, const char *path, int want)
{
	cJSON *v = get(o, path);
	assert_non_null(v);
	assert_true(cJSON_IsNumber(v));
	assert_int_equal(v->valueint, want);
}

#define ART "locations.0.physicalLocation.artifactLocation"

static void test_sarif(void **state)
{
	struct fixture *f = *state;
	struct wfc_diag *dg = add_unknown_field(f);
	dg->end = at("wf.yaml", 3, 19);
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_dag_cycle,
		     at("wf.yaml", 0, 0), "cycle");
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_name,
		     at("my dir/a#1%.yaml", 2, 1), "spaces");
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_image,
		     at("/src/w f.yaml", 4, 2), "absolute");

	cJSON *root;
	cJSON *run = sarif_run(render(f, WFC_FORMAT_SARIF, false), &root);
	assert_str_at(root, "version", "2.1.0");
	assert_str_at(root, "$schema",
		      "https://json.schemastore.org/sarif-2.1.0.json");
	assert_str_at(run, "tool.driver.name", "wfc");
	assert_str_at(run, "tool.driver.version", "1.2.3");
	assert_str_at(run, "tool.driver.informationUri",
		      "https://github.com/wfc-dev/wfc");
	assert_str_at(run, "columnKind", "utf16CodeUnits");
	assert_null(get(run, "invocations"));

	cJSON *rules = get(run, "tool.driver.rules");
	assert_int_equal(cJSON_GetArraySize(rules), WFC_RULE_COUNT);
	for (int r = 0; r < WFC_RULE_COUNT; r++) {
		cJSON *rule = cJSON_GetArrayItem(rules, r);
		assert_str_at(rule, "id", wfc_rule_id((enum wfc_rule)r));
		assert_str_at(rule, "shortDescription.text",
			      wfc_rule_description((enum wfc_rule)r));
		assert_str_at(rule, "defaultConfiguration.level", "error");
	}
	assert_str_at(rules, "4.name", "UnknownField");
	assert_str_at(rules, "0.name", "Io");

	cJSON *res = get(run, "results");
	assert_int_equal(cJSON_GetArraySize(res), 4);
	assert_str_at(res, "0.ruleId", "unknown-field");
	assert_int_at(res, "0.ruleIndex", WFC_RULE_unknown_field);
	assert_str_at(res, "0.level", "error");
	assert_str_at(res, "0.message.text",
		      "unknown field 'dependecies'; did you mean "
		      "'dependencies'?");
	assert_str_at(res, "0.properties.suggestion", "dependencies");
	assert_str_at(res, "0." ART ".uri", "wf.yaml");
	assert_str_at(res, "0." ART ".uriBaseId", "%SRCROOT%");
	cJSON *reg = get(res, "0.locations.0.physicalLocation.region");
	assert_int_at(reg, "startLine", 3);
	assert_int_at(reg, "startColumn", 9);
	assert_int_at(reg, "endLine", 3);
	assert_int_at(reg, "endColumn", 20); /* the column after the range */
	assert_int_equal(cJSON_GetArraySize(get(res, "0.locations")), 1);

	/* Line 0: a location without region. */
	assert_str_at(res, "1.level", "warning");
	assert_int_at(res, "1.ruleIndex", WFC_RULE_dag_cycle);
	assert_null(get(res, "1.properties"));
	assert_non_null(get(res, "1." ART));
	assert_null(get(res, "1.locations.0.physicalLocation.region"));

	assert_str_at(res, "2.level", "note");
	assert_str_at(res, "2." ART ".uri", "my%20dir/a%231%25.yaml");
	/* No source: byte columns are used as they are. */
	assert_int_at(res, "2.locations.0.physicalLocation.region.startColumn",
		      1);
	assert_null(get(res, "2.locations.0.physicalLocation.region.endLine"));

	assert_str_at(res, "3." ART ".uri", "file:///src/w%20f.yaml");
	assert_null(get(res, "3." ART ".uriBaseId"));
	cJSON_Delete(root);
}

static void test_sarif_utf16_columns(void **state)
{
	struct fixture *f = *state;
	/* "emoji: " then a 4-byte emoji (2 UTF-16 units), " y": 'y' is
	 * byte column 13, UTF-16 column 11. */
	struct wfc_diag *dg = wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_type,
					   at("wf.yaml", 6, 8), "emoji");
	dg->end = at("wf.yaml", 6, 13);
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_type, at("wf.yaml", 6, 13),
		     "y");

	cJSON *root;
	cJSON *res = get(sarif_run(render(f, WFC_FORMAT_SARIF, false), &root),
			 "results");
	cJSON *r0 = get(res, "0.locations.0.physicalLocation.region");
	assert_int_at(r0, "startColumn", 8);
	assert_int_at(r0, "endColumn", 12);
	assert_int_at(res, "1.locations.0.physicalLocation.region.startColumn",
		      11);
	cJSON_Delete(root);
}

static void test_sarif_no_file(void **state)
{
	struct fixture *f = *state;
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_option, at(NULL, 0, 0),
		     "unknown option");
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_yaml, at("-", 3, 1), "stdin");
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_yaml, at("<stdin>", 1, 1), "s");

	cJSON *root;
	cJSON *run = sarif_run(render(f, WFC_FORMAT_SARIF, false), &root);
	assert_int_equal(cJSON_GetArraySize(get(run, "results")), 0);
	cJSON *inv = get(run, "invocations.0");
	assert_true(cJSON_IsFalse(get(inv, "executionSuccessful")));
	cJSON *notes = get(inv, "toolExecutionNotifications");
	assert_int_equal(cJSON_GetArraySize(notes), 3);
	assert_str_at(notes, "0.level", "error");
	assert_str_at(notes, "0.message.text", "unknown option");
	assert_str_at(notes, "0.associatedRule.id", "option");
	assert_int_at(notes, "0.associatedRule.index", WFC_RULE_option);
	assert_null(get(notes, "0.locations"));
	assert_str_at(notes, "1.level", "warning");
	assert_str_at(notes, "2.level", "note");
	cJSON_Delete(root);
}

static void test_github(void **state)
{
	struct fixture *f = *state;
	add_unknown_field(f);
	wfc_diag_add(&f->d, WFC_WARNING, WFC_RULE_name, at("a,b:c%.yaml", 2, 0),
		     "50%% done\r\nnext: a, b");
	wfc_diag_add(&f->d, WFC_NOTE, WFC_RULE_option, at(NULL, 0, 0), "n");
	wfc_diag_add(&f->d, WFC_ERROR, WFC_RULE_io, at("wf.yaml", 0, 0), "io");
	assert_string_equal(
		render(f, WFC_FORMAT_GITHUB, false),
		"::error file=wf.yaml,line=3,col=9,title=unknown-field::"
		"unknown field 'dependecies'; did you mean 'dependencies'?\n"
		"::warning file=a%2Cb%3Ac%25.yaml,line=2,title=name::50%25 "
		"done%0D%0Anext: a, b\n"
		"::notice title=option::n\n"
		"::error file=wf.yaml,title=io::io\n");
}

static void test_write_error(void **state)
{
	struct fixture *f = *state;
	char buf[64];
	struct wfc_print_opts o = { .format = WFC_FORMAT_TEXT };
	add_unknown_field(f);
	for (int fmt = WFC_FORMAT_TEXT; fmt <= WFC_FORMAT_GITHUB; fmt++) {
		/* A stream opened for reading fails every write. */
		FILE *fp = fmemopen(buf, sizeof(buf), "r");
		assert_non_null(fp);
		o.format = (enum wfc_format)fmt;
		assert_int_equal(wfc_diags_print(fp, &f->d, &f->s, &o), -1);
		fclose(fp);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_text_caret),
		T(test_text_range),
		T(test_text_tab),
		T(test_text_utf8),
		T(test_text_crlf),
		T(test_text_lone_cr_and_order),
		T(test_text_no_position),
		T(test_text_caret_past_end),
		T(test_text_color),
		T(test_text_long_line),
		T(test_json),
		T(test_json_empty_and_bad_utf8),
		T(test_sarif),
		T(test_sarif_utf16_columns),
		T(test_sarif_no_file),
		T(test_github),
		T(test_write_error),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
