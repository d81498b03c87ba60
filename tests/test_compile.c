/* wfc compile, in-process, against what the objects must be:
 * - round trip: for every testdata/compile/NAME.yaml and every workflow of the
 *   shared corpus that compiles, the YAML output read back through libyaml
 *   (YAML 1.1, as Kubernetes reads it) and through libfyaml equals the
 *   "-o json" List's items, which equal the objects compiled;
 * - determinism: two compiles of the same input, byte-identical YAML and JSON;
 * - injection: a hostile value bound with -p lands verbatim where it is
 *   substituted and changes nothing else; every object stays within 1 MiB;
 * - names: Job names are distinct DNS-1123 labels, stable across compiles.
 * Findings are counted (not asserted one by one) so that every run reports
 * all of them and frees everything before the test fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <regex.h>
#include <sys/stat.h>

#include "backend/emit.h"
#include "frontend/input.h"
#include "helpers/yaml_read.h"
#include "wfc.h"

#define TESTDATA WFC_SOURCE_DIR "/testdata/compile"
#define CORPUS WFC_SHARED_DIR "/corpus/argo"
#define MIB ((size_t)1 << 20)
/* backend/objects.c keeps plan ConfigMaps under client-side apply's limit
 * (the last-applied-configuration annotation holds at most 256 KiB) */
#define PLAN_CM_MAX ((size_t)256 << 10)

/* ---- findings ---- */

struct check {
	size_t failures;
};

__attribute__((format(printf, 3, 4)))
static bool check(struct check *ck, bool ok, const char *fmt, ...)
{
	if (ok)
		return true;
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	print_error("FAIL: %s\n", msg);
	ck->failures++;
	return false;
}

/* s for a message: control characters escaped, cut after 40 bytes. */
static const char *shown(const char *s, char *buf, size_t size)
{
	size_t k = 0, n = strlen(s);
	for (size_t i = 0; i < n && i < 40 && k + 8 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			k += (size_t)snprintf(buf + k, size - k, "\\n");
		else if (c < 0x20 || c == 0x7f)
			k += (size_t)snprintf(buf + k, size - k, "\\x%02x", c);
		else
			buf[k++] = (char)c;
	}
	if (n > 40)
		k += (size_t)snprintf(buf + k, size - k, "... (%zu bytes)", n);
	buf[k] = '\0';
	return buf;
}

/* ---- compiling ---- */

struct source {
	const char *name;         /* a path, or the name given to text */
	const char *text;         /* NULL: read the file at name */
	char *const *libs;        /* library inputs (-t) */
	size_t nlibs;
};

struct run {
	bool compiled;            /* read, validated and compiled without errors */
	size_t errors;
	char *diags;              /* the findings, as text */
	cJSON *objs;              /* every object handed over, in order */
	char *yaml, *json;        /* what the emitters wrote */
	size_t ylen, jlen;
};

struct sink {
	struct wfc_emitter *yaml, *json;
	cJSON *keep;
	bool failed;
};

/* As the program does: each object out as it comes, here to both formats. */
static int sink_object(void *user, cJSON *obj)
{
	struct sink *s = user;
	if (wfc_emit_object(s->yaml, obj) != 0 || wfc_emit_object(s->json, obj) != 0)
		s->failed = true;
	cJSON_AddItemToArray(s->keep, obj);
	return s->failed ? -1 : 0;
}

/* One fresh context: read, validate and (without errors) compile. */
static void run_compile(const struct source *src, const struct wfc_compile_cfg *cc,
			struct run *r)
{
	struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT, .color = false };
	size_t dlen = 0;

	memset(r, 0, sizeof(*r));
	r->objs = cJSON_CreateArray();
	struct wfc_ctx *ctx = wfc_ctx_create(NULL);
	assert_non_null(r->objs);
	assert_non_null(ctx);
	int rc = 0;
	for (size_t i = 0; i < src->nlibs; i++)
		rc |= wfc_add_path(ctx, src->libs[i], true);
	rc |= src->text ? wfc_add_text(ctx, src->name, src->text, strlen(src->text), false)
			: wfc_add_path(ctx, src->name, false);
	size_t errors = wfc_validate(ctx);
	if (rc == 0 && errors == 0 && wfc_ctx_read_failures(ctx) == 0) {
		FILE *yf = open_memstream(&r->yaml, &r->ylen);
		FILE *jf = open_memstream(&r->json, &r->jlen);
		assert_true(yf && jf);
		struct sink s = { .yaml = wfc_emitter_create(yf, WFC_EMIT_YAML),
				  .json = wfc_emitter_create(jf, WFC_EMIT_JSON),
				  .keep = r->objs };
		assert_true(s.yaml && s.json);
		errors += wfc_compile(ctx, cc, sink_object, &s);
		if (wfc_emitter_finish(s.yaml) != 0 || wfc_emitter_finish(s.json) != 0)
			s.failed = true;
		wfc_emitter_destroy(s.yaml);
		wfc_emitter_destroy(s.json);
		assert_int_equal(fclose(yf), 0);
		assert_int_equal(fclose(jf), 0);
		r->compiled = errors == 0 && !s.failed;
		if (s.failed)
			print_error("%s: the emitter refused an object\n", src->name);
	}
	r->errors = errors + wfc_ctx_read_failures(ctx) + (rc != 0);
	FILE *df = open_memstream(&r->diags, &dlen);
	assert_non_null(df);
	wfc_diags_print(df, wfc_ctx_diags(ctx), wfc_ctx_sources(ctx), &po);
	assert_int_equal(fclose(df), 0);
	wfc_ctx_destroy(ctx);
}

static void run_free(struct run *r)
{
	cJSON_Delete(r->objs);
	free(r->diags);
	free(r->yaml);
	free(r->json);
	memset(r, 0, sizeof(*r));
}

/* ---- trees ---- */

static const cJSON *get(const cJSON *j, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(j, key);
}

static const char *str_of(const cJSON *j, const char *key)
{
	const cJSON *v = get(j, key);
	return cJSON_IsString(v) ? v->valuestring : "";
}

static const char *kind_of(const cJSON *obj)
{
	return str_of(obj, "kind");
}

static const char *name_of(const cJSON *obj)
{
	return str_of(get(obj, "metadata"), "name");
}

/* A copy of s with every occurrence of from replaced by to (malloc'd). */
static char *replace_all(const char *s, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0;
	for (const char *p = strstr(s, from); p; p = strstr(p + fl, from))
		n++;
	char *r = malloc(strlen(s) + n * tl + 1);
	assert_non_null(r);
	char *w = r;
	for (const char *p = s, *q; ; p = q + fl) {
		q = strstr(p, from);
		size_t k = q ? (size_t)(q - p) : strlen(p);
		memcpy(w, p, k);
		w += k;
		if (!q)
			break;
		memcpy(w, to, tl);
		w += tl;
	}
	*w = '\0';
	return r;
}

static void path_add(char *path, size_t size, const char *key, int index)
{
	size_t n = strlen(path);
	if (key)
		snprintf(path + n, size - n, ".%s", key);
	else
		snprintf(path + n, size - n, "[%d]", index);
}

/* Whether b is a, key order included, with every occurrence of from in a's
 * string values (not keys) replaced by to; from NULL: exactly a. path gets
 * where the first difference is. */
static bool same_but(const cJSON *a, const cJSON *b, const char *from, const char *to,
		     char *path, size_t size)
{
	if (!a || !b || (a->type & 0xff) != (b->type & 0xff))
		return false;
	if (cJSON_IsString(a)) {
		if (!from || !strstr(a->valuestring, from))
			return strcmp(a->valuestring, b->valuestring) == 0;
		char *want = replace_all(a->valuestring, from, to);
		bool eq = strcmp(want, b->valuestring) == 0;
		free(want);
		return eq;
	}
	if (cJSON_IsNumber(a))
		return a->valuedouble == b->valuedouble;
	if (!cJSON_IsArray(a) && !cJSON_IsObject(a))
		return true;  /* true, false, null: the type says it all */
	const cJSON *x = a->child, *y = b->child;
	int i = 0;
	size_t len = strlen(path);
	for (; x && y; x = x->next, y = y->next, i++) {
		path_add(path, size, cJSON_IsObject(a) ? x->string : NULL, i);
		if (cJSON_IsObject(a) && strcmp(x->string, y->string) != 0)
			return false;
		if (!same_but(x, y, from, to, path, size))
			return false;
		path[len] = '\0';
	}
	if (x || y) {
		path_add(path, size, x && cJSON_IsObject(a) ? x->string :
				     y && cJSON_IsObject(a) ? y->string : NULL, i);
		return false;
	}
	return true;
}

/* ---- round trip, determinism, sizes ---- */

static void compare_items(struct check *ck, const char *what, const char *reader,
			  const cJSON *got, const cJSON *want)
{
	int n = cJSON_GetArraySize(want);
	if (!check(ck, cJSON_GetArraySize(got) == n,
		   "%s: %s reads %d documents, the JSON List has %d items", what, reader,
		   cJSON_GetArraySize(got), n))
		return;
	for (int i = 0; i < n; i++) {
		const cJSON *g = cJSON_GetArrayItem(got, i), *w = cJSON_GetArrayItem(want, i);
		char path[512] = "";
		bool same = cJSON_Compare(g, w, true);
		bool ordered = same_but(w, g, NULL, NULL, path, sizeof(path));
		check(ck, same && ordered, "%s: object %d (%s %s): %s and the JSON List differ at '%s'%s",
		      what, i, kind_of(w), name_of(w), reader, path,
		      same ? " (key order only)" : "");
	}
}

/* The YAML read back by both readers equals the JSON List's items, which
 * equal the objects handed to the callback. */
static void check_round_trip(struct check *ck, const char *what, const struct run *r)
{
	cJSON *a = test_yaml11_read(r->yaml, r->ylen);
	cJSON *b = test_fyaml_read(r->yaml, r->ylen);
	cJSON *list = cJSON_ParseWithLength(r->json, r->jlen);
	const cJSON *items = get(list, "items");

	if (check(ck, list && cJSON_IsArray(items) &&
			      strcmp(str_of(list, "kind"), "List") == 0 &&
			      strcmp(str_of(list, "apiVersion"), "v1") == 0,
		  "%s: the JSON output is not a v1 List", what)) {
		compare_items(ck, what, "the objects compiled", r->objs, items);
		if (check(ck, a != NULL, "%s: libyaml (YAML 1.1) cannot read the YAML back", what))
			compare_items(ck, what, "libyaml (YAML 1.1)", a, items);
		if (check(ck, b != NULL, "%s: libfyaml cannot read the YAML back", what))
			compare_items(ck, what, "libfyaml", b, items);
	}
	cJSON_Delete(a);
	cJSON_Delete(b);
	cJSON_Delete(list);
}

static void check_same_text(struct check *ck, const char *what, const char *format,
			    const char *x, size_t xl, const char *y, size_t yl)
{
	size_t i = 0;
	while (i < xl && i < yl && x[i] == y[i])
		i++;
	if (i == xl && i == yl)
		return;
	size_t line = 1;
	for (size_t k = 0; k < i; k++)
		line += x[k] == '\n';
	check(ck, false, "%s: two compiles give different %s (%zu and %zu bytes), first at byte %zu, line %zu",
	      what, format, xl, yl, i, line);
}

static void check_deterministic(struct check *ck, const char *what, const struct run *r1,
				const struct run *r2)
{
	if (!check(ck, r1->compiled == r2->compiled && r1->errors == r2->errors,
		   "%s: two compiles disagree on errors (%zu, %zu)", what, r1->errors,
		   r2->errors))
		return;
	check_same_text(ck, what, "YAML", r1->yaml, r1->ylen, r2->yaml, r2->ylen);
	check_same_text(ck, what, "JSON", r1->json, r1->jlen, r2->json, r2->jlen);
	check_same_text(ck, what, "findings", r1->diags, strlen(r1->diags), r2->diags,
			strlen(r2->diags));
}

/* A ConfigMap holding the plan, or a part of it. */
static bool is_plan_cm(const cJSON *obj)
{
	const cJSON *k;
	if (strcmp(kind_of(obj), "ConfigMap") != 0)
		return false;
	cJSON_ArrayForEach(k, get(obj, "data"))
		if (strncmp(k->string, "plan.json", 9) == 0)
			return true;
	return false;
}

/* Kubernetes refuses objects over 1 MiB; plan ConfigMaps are meant to fit
 * client-side apply's annotation as well. */
static void check_sizes(struct check *ck, const char *what, const cJSON *objs)
{
	const cJSON *o;
	cJSON_ArrayForEach(o, objs) {
		size_t n = wfc_emit_size(o);
		check(ck, n > 0 && n <= MIB, "%s: %s %s is %zu bytes of JSON: over 1 MiB", what,
		      kind_of(o), name_of(o), n);
		if (n <= MIB && is_plan_cm(o))
			check(ck, n <= PLAN_CM_MAX,
			      "%s: plan ConfigMap %s is %zu bytes of JSON: over the 256 KiB of client-side apply",
			      what, name_of(o), n);
	}
}

/* Round trip and sizes of r, and r2 (the same input compiled again) the same. */
static void check_compiled(struct check *ck, const char *what, const struct run *r,
			   const struct run *r2)
{
	check_round_trip(ck, what, r);
	check_sizes(ck, what, r->objs);
	check_deterministic(ck, what, r, r2);
}

/* ---- 1. round trip and 2. determinism: testdata/compile ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_yaml(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;

	*n = 0;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		v = realloc(v, (*n + 1) * sizeof(*v));
		assert_non_null(v);
		size_t pl = strlen(dir) + len + 2;
		v[*n] = malloc(pl);
		assert_non_null(v[*n]);
		snprintf(v[(*n)++], pl, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void testdata_round_trip(void **state)
{
	/* the defaults, and the other flags of the golden cases' .args */
	static const struct wfc_compile_cfg cfgs[] = {
		{ 0 },
		{ .lazy_jobs = true, .coordinator_sa = "wfc-runner", .namespace = "batch",
		  .runtime_image = "registry.example/wfc:test" },
	};
	struct check ck = { 0 };
	size_t n, compiled = 0, objects = 0;
	char **files = list_yaml(TESTDATA, &n);

	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(files[i], '/') + 1;
		for (size_t c = 0; c < sizeof(cfgs) / sizeof(cfgs[0]); c++) {
			struct source src = { .name = files[i] };
			struct run r1, r2;
			char what[256];
			snprintf(what, sizeof(what), "%s%s", base, c ? " (lazy jobs, -n, SA)" : "");
			run_compile(&src, &cfgs[c], &r1);
			run_compile(&src, &cfgs[c], &r2);
			if (r1.compiled) {
				compiled++;
				objects += (size_t)cJSON_GetArraySize(r1.objs);
				check_compiled(&ck, what, &r1, &r2);
			} else {
				print_message("%s: does not compile (%zu errors): skipped\n", what,
					      r1.errors);
				check_deterministic(&ck, what, &r1, &r2);
			}
			run_free(&r1);
			run_free(&r2);
		}
	}
	print_message("testdata/compile: %zu cases, %zu compiles, %zu objects checked\n", n,
		      compiled, objects);
	free_list(files, n);
	check(&ck, compiled > 0 && objects > 0, "nothing in testdata/compile compiled");
	assert_int_equal(ck.failures, 0);
}

/* ---- 1. and 2.: the corpus ---- */

struct corpus {
	char **files;
	char **libs;               /* those defining (Cluster)WorkflowTemplates */
	size_t nfiles, nlibs;
};

static void collect(void *user, const char *name, char *text, size_t len)
{
	struct corpus *c = user;
	char *copy = strdup(name);
	assert_non_null(copy);
	c->files = realloc(c->files, (c->nfiles + 1) * sizeof(*c->files));
	assert_non_null(c->files);
	c->files[c->nfiles++] = copy;
	if (strstr(text, "kind: WorkflowTemplate") ||
	    strstr(text, "kind: ClusterWorkflowTemplate")) {
		c->libs = realloc(c->libs, (c->nlibs + 1) * sizeof(*c->libs));
		assert_non_null(c->libs);
		c->libs[c->nlibs++] = copy;
	}
	free(text);
}

static void corpus_round_trip(void **state)
{
	struct stat st;
	if (stat(CORPUS, &st) != 0) {
		print_message("corpus not found at %s: skipped\n", CORPUS);
		skip();
	}
	struct check ck = { 0 };
	struct corpus c = { 0 };
	struct wfc_diags d = { 0 };
	wfc_read_path(&d, CORPUS, WFC_DEFAULT_MAX_FILE_SIZE, collect, &c);
	check(&ck, d.n == 0, "cannot read the corpus");
	size_t compiled = 0, objects = 0, failed = 0;
	for (size_t i = 0; i < c.nfiles; i++) {
		struct source src = { .name = c.files[i], .libs = c.libs, .nlibs = c.nlibs };
		struct wfc_compile_cfg cc = { 0 };
		struct run r1, r2;
		const char *what = c.files[i];
		if (strncmp(what, CORPUS "/", strlen(CORPUS "/")) == 0)
			what += strlen(CORPUS "/");
		run_compile(&src, &cc, &r1);
		run_compile(&src, &cc, &r2);
		if (r1.compiled) {
			compiled++;
			objects += (size_t)cJSON_GetArraySize(r1.objs);
			check_compiled(&ck, what, &r1, &r2);
		} else {
			failed++;
			check_deterministic(&ck, what, &r1, &r2);
		}
		run_free(&r1);
		run_free(&r2);
	}
	print_message("corpus: %zu files, %zu compile (%zu objects checked), %zu do not\n",
		      c.nfiles, compiled, objects, failed);
	check(&ck, compiled > 0 && objects > 0, "nothing in the corpus compiled");
	free_list(c.files, c.nfiles);
	free(c.libs);
	wfc_diags_free(&d);
	assert_int_equal(ck.failures, 0);
}

/* ---- 3. injection ---- */

/* The parameter x reaches a container's args and env directly, another
 * container's args and env through an input, and a script's source. */
static const char inj_yaml[] =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: Workflow\n"
	"metadata:\n"
	"  name: inj\n"
	"  labels: {team: fixed}\n"
	"spec:\n"
	"  entrypoint: main\n"
	"  arguments:\n"
	"    parameters:\n"
	"    - name: x\n"
	"      value: the-default\n"
	"  templates:\n"
	"  - name: main\n"
	"    steps:\n"
	"    - - name: direct\n"
	"        template: direct\n"
	"      - name: passed\n"
	"        template: passed\n"
	"        arguments:\n"
	"          parameters:\n"
	"          - name: msg\n"
	"            value: \"{{workflow.parameters.x}}\"\n"
	"      - name: script\n"
	"        template: script\n"
	"  - name: direct\n"
	"    metadata:\n"
	"      labels: {fixed: label}\n"
	"    container:\n"
	"      image: busybox:1.36\n"
	"      command: [echo]\n"
	"      args: [\"{{workflow.parameters.x}}\", \"<{{workflow.parameters.x}}>\"]\n"
	"      env:\n"
	"      - name: X\n"
	"        value: \"{{workflow.parameters.x}}\"\n"
	"  - name: passed\n"
	"    inputs:\n"
	"      parameters:\n"
	"      - name: msg\n"
	"    container:\n"
	"      image: busybox:1.36\n"
	"      command: [echo]\n"
	"      args: [\"{{inputs.parameters.msg}}\"]\n"
	"      env:\n"
	"      - name: MSG\n"
	"        value: \"{{inputs.parameters.msg}}\"\n"
	"  - name: script\n"
	"    script:\n"
	"      image: python:3.12\n"
	"      command: [python]\n"
	"      source: \"{{workflow.parameters.x}}\"\n";

/* Only the plan holds x: no pod uses it. */
static const char plan_only_yaml[] =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: Workflow\n"
	"metadata:\n"
	"  name: inj\n"
	"spec:\n"
	"  entrypoint: main\n"
	"  arguments:\n"
	"    parameters:\n"
	"    - name: x\n"
	"  templates:\n"
	"  - name: main\n"
	"    container:\n"
	"      image: busybox:1.36\n"
	"      command: [\"true\"]\n";

#define PLAIN "plain-value-7"
#define WF "inj"

static const char *const hostile[] = {
	"'", "\"", "'\"", "it's \"quoted\"", "line1\nline2", "\n", "trailing\n",
	"\n---\nkind: Secret\n", "x\n---\nkind: Secret\nmetadata: {name: s}\n",
	"\n...\n---\n", "{{workflow.name}}", "{{inputs.parameters.x}}",
	"{{inputs.parameters.msg}}", "{{workflow.parameters.x}}", "{{=1+1}}", "{{", "}}",
	"$(HOME)", "$(WFC_IN_0)", "$$(HOME)", "- ", "- x", ": ", "a: b", "#", "# c", "&a",
	"*a", "!tag", "!!str", "|", ">", "%", "%YAML 1.1", "@", "`", "`tick`", "yes", "no",
	"on", "0755", "0x1F", "1e3", "~", "null", "", " ", "\t", "[a]", "{a: b}", "? k",
	"\xc3\xbc" "mlaut", "\\", "\\n", "\r\n",
};

#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

static void run_with(const char *yaml, const char *value, struct run *r)
{
	struct wfc_arg arg = { .name = "x", .value = value, .origin = "-p" };
	struct wfc_compile_cfg cc = { .args = &arg, .nargs = 1 };
	struct source src = { .name = "inj.yaml", .text = yaml };
	run_compile(&src, &cc, r);
}

static const cJSON *find(const cJSON *objs, const char *kind, const char *name)
{
	const cJSON *o;
	cJSON_ArrayForEach(o, objs)
		if (strcmp(kind_of(o), kind) == 0 && strcmp(name_of(o), name) == 0)
			return o;
	return NULL;
}

static const cJSON *main_container(const cJSON *job)
{
	return cJSON_GetArrayItem(get(get(get(get(job, "spec"), "template"), "spec"),
				      "containers"), 0);
}

static const cJSON *env_value(const cJSON *container, const char *name)
{
	const cJSON *e;
	cJSON_ArrayForEach(e, get(container, "env"))
		if (strcmp(str_of(e, "name"), name) == 0)
			return get(e, "value");
	return NULL;
}

static bool is_str(const cJSON *j, const char *want)
{
	return cJSON_IsString(j) && strcmp(j->valuestring, want) == 0;
}

/* The objects other than the plan ConfigMaps (as references), and the plan
 * text put back together from its parts. */
struct split {
	cJSON *rest;
	cJSON *plan_cms;           /* references */
	char *plan;                /* NULL when the parts do not fit together */
};

static void split_plan(struct check *ck, const char *what, const cJSON *objs, struct split *s)
{
	const cJSON *o;
	size_t len = 0, parts = 0;

	s->rest = cJSON_CreateArray();
	s->plan_cms = cJSON_CreateArray();
	s->plan = NULL;
	cJSON_ArrayForEach(o, objs)
		cJSON_AddItemReferenceToArray(strcmp(kind_of(o), "ConfigMap") == 0 &&
					      strncmp(name_of(o), WF "-plan", strlen(WF "-plan")) == 0
					      ? s->plan_cms : s->rest, (cJSON *)o);
	size_t n = (size_t)cJSON_GetArraySize(s->plan_cms);
	if (!check(ck, n > 0, "%s: no plan ConfigMap", what))
		return;
	const cJSON *first = get(cJSON_GetArrayItem(s->plan_cms, 0), "data");
	if (n == 1 && cJSON_IsString(get(first, "plan.json"))) {
		s->plan = strdup(get(first, "plan.json")->valuestring);
		assert_non_null(s->plan);
		check(ck, cJSON_GetArraySize(first) == 1, "%s: plan ConfigMap: other keys than plan.json",
		      what);
		return;
	}
	parts = (size_t)strtoul(str_of(first, "parts"), NULL, 10);
	if (!check(ck, parts == n, "%s: plan in %zu ConfigMaps, 'parts' says %zu", what, n,
		   parts))
		return;
	s->plan = calloc(1, 1);
	assert_non_null(s->plan);
	for (size_t k = 0; k < n; k++) {
		const cJSON *cm = cJSON_GetArrayItem(s->plan_cms, (int)k);
		char key[32], name[64];
		snprintf(key, sizeof(key), "plan.json.%zu", k);
		snprintf(name, sizeof(name), k ? WF "-plan-%zu" : WF "-plan", k);
		const cJSON *part = get(get(cm, "data"), key);
		if (!check(ck, strcmp(name_of(cm), name) == 0 && cJSON_IsString(part) &&
				       cJSON_GetArraySize(get(cm, "data")) == (k ? 1 : 2),
			   "%s: plan part %zu: ConfigMap %s, expected %s with only %s%s", what, k,
			   name_of(cm), name, key, k ? "" : " and parts")) {
			free(s->plan);
			s->plan = NULL;
			return;
		}
		size_t pl = strlen(part->valuestring);
		s->plan = realloc(s->plan, len + pl + 1);
		assert_non_null(s->plan);
		memcpy(s->plan + len, part->valuestring, pl + 1);
		len += pl;
	}
}

static void split_free(struct split *s)
{
	cJSON_Delete(s->rest);
	cJSON_Delete(s->plan_cms);
	free(s->plan);
}

/* The plan ConfigMaps are the plain compile's but for name and data. */
static void check_plan_cms(struct check *ck, const char *what, const struct split *plain,
			   const struct split *got)
{
	cJSON *want = cJSON_Duplicate(cJSON_GetArrayItem(plain->plan_cms, 0), true);
	const cJSON *cm;
	cJSON_DeleteItemFromObjectCaseSensitive(want, "data");
	cJSON_ArrayForEach(cm, got->plan_cms) {
		cJSON *c = cJSON_Duplicate(cm, true);
		cJSON_DeleteItemFromObjectCaseSensitive(c, "data");
		cJSON_ReplaceItemInObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(c, "metadata"),
						       "name", cJSON_CreateString(WF "-plan"));
		char path[512] = "";
		check(ck, same_but(want, c, NULL, NULL, path, sizeof(path)),
		      "%s: plan ConfigMap %s differs from the plain one at '%s'", what, name_of(cm),
		      path);
		cJSON_Delete(c);
	}
	cJSON_Delete(want);
}

/* Where the value must be, verbatim. */
static void check_verbatim(struct check *ck, const char *what, const cJSON *objs,
			   const char *v)
{
	const cJSON *direct = main_container(find(objs, "Job", WF "-direct"));
	const cJSON *passed = main_container(find(objs, "Job", WF "-passed"));
	const cJSON *scripts = find(objs, "ConfigMap", WF "-scripts");
	size_t n = strlen(v);
	char *wrapped = malloc(n + 3);
	assert_non_null(wrapped);
	wrapped[0] = '<';
	memcpy(wrapped + 1, v, n);
	memcpy(wrapped + 1 + n, ">", 2);

	const cJSON *args = get(direct, "args");
	check(ck, cJSON_GetArraySize(args) == 2 && is_str(cJSON_GetArrayItem(args, 0), v) &&
			  is_str(cJSON_GetArrayItem(args, 1), wrapped),
	      "%s: Job " WF "-direct: args are not [value, <value>]", what);
	check(ck, is_str(env_value(direct, "X"), v), "%s: Job " WF "-direct: env X is not the value",
	      what);
	args = get(passed, "args");
	check(ck, cJSON_GetArraySize(args) == 1 && is_str(cJSON_GetArrayItem(args, 0), v),
	      "%s: Job " WF "-passed: args are not [value]", what);
	check(ck, is_str(env_value(passed, "MSG"), v),
	      "%s: Job " WF "-passed: env MSG is not the value", what);
	check(ck, is_str(get(get(scripts, "data"), WF "-script"), v),
	      "%s: ConfigMap " WF "-scripts does not hold the value as the script", what);
	free(wrapped);
}

static void check_plan_value(struct check *ck, const char *what, const cJSON *plan,
			     const char *v)
{
	const cJSON *p;
	bool found = false;
	cJSON_ArrayForEach(p, get(get(plan, "workflow"), "parameters"))
		found |= strcmp(str_of(p, "name"), "x") == 0 && is_str(get(p, "value"), v);
	check(ck, found, "%s: the plan's workflow.parameters do not hold x as the value", what);
}

/* r compiled with value v against plain, compiled with PLAIN: the same
 * objects but for v where PLAIN was, and every object within 1 MiB. A
 * value too large for an object may instead be refused with an error. */
static void check_injection(struct check *ck, const char *what, const struct run *plain,
			    const struct run *r, const char *v, bool verbatim, bool big)
{
	check_sizes(ck, what, r->objs);
	if (!r->compiled) {
		check(ck, big, "%s: does not compile:\n%s", what, r->diags);
		if (big)
			print_message("%s: refused (%zu errors, %d objects emitted before)\n", what,
				      r->errors, cJSON_GetArraySize(r->objs));
		return;
	}
	check_round_trip(ck, what, r);
	struct split ps, rs;
	split_plan(ck, what, plain->objs, &ps);
	split_plan(ck, what, r->objs, &rs);
	int n = cJSON_GetArraySize(ps.rest);
	if (!big)
		check(ck, cJSON_GetArraySize(rs.plan_cms) == cJSON_GetArraySize(ps.plan_cms),
		      "%s: %d plan ConfigMaps, %d with a plain value", what,
		      cJSON_GetArraySize(rs.plan_cms), cJSON_GetArraySize(ps.plan_cms));
	if (check(ck, cJSON_GetArraySize(rs.rest) == n,
		  "%s: %d objects besides the plan, %d with a plain value", what,
		  cJSON_GetArraySize(rs.rest), n)) {
		for (int i = 0; i < n; i++) {
			const cJSON *a = cJSON_GetArrayItem(ps.rest, i);
			const cJSON *b = cJSON_GetArrayItem(rs.rest, i);
			char path[512] = "";
			check(ck, same_but(a, b, PLAIN, v, path, sizeof(path)),
			      "%s: %s %s (%s %s with a plain value) differs at '%s'", what,
			      kind_of(b), name_of(b), kind_of(a), name_of(a), path);
		}
	}
	check_plan_cms(ck, what, &ps, &rs);
	cJSON *pp = ps.plan ? cJSON_Parse(ps.plan) : NULL;
	cJSON *rp = rs.plan ? cJSON_Parse(rs.plan) : NULL;
	if (check(ck, pp && rp, "%s: the plan is not JSON", what)) {
		char path[512] = "";
		check(ck, same_but(pp, rp, PLAIN, v, path, sizeof(path)),
		      "%s: the plan differs from the plain one at '%s'", what, path);
		check_plan_value(ck, what, rp, v);
	}
	if (verbatim)
		check_verbatim(ck, what, r->objs, v);
	cJSON_Delete(pp);
	cJSON_Delete(rp);
	split_free(&ps);
	split_free(&rs);
}

static void injection(void **state)
{
	struct check ck = { 0 };
	struct run plain;

	run_with(inj_yaml, PLAIN, &plain);
	assert_true(plain.compiled);
	/* the places checked hold the plain value: the checks can fail */
	check_verbatim(&ck, "plain value", plain.objs, PLAIN);
	check_round_trip(&ck, "plain value", &plain);
	check_sizes(&ck, "plain value", plain.objs);
	for (size_t i = 0; i < NHOSTILE; i++) {
		struct run r;
		char buf[128], what[160];
		snprintf(what, sizeof(what), "-p x='%s'", shown(hostile[i], buf, sizeof(buf)));
		run_with(inj_yaml, hostile[i], &r);
		check_injection(&ck, what, &plain, &r, hostile[i], true, false);
		run_free(&r);
	}
	run_free(&plain);
	assert_int_equal(ck.failures, 0);
}

/* n bytes of letters, or of '"' and '\\' (what JSON escapes), with a
 * newline every line bytes (0: none). */
static char *big_value(size_t n, size_t line, bool escaped)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = escaped ? "\"\\"[i % 2] : (char)('a' + i % 26);
	for (size_t i = line; line && i <= n; i += line)
		s[i - 1] = '\n';
	s[n] = '\0';
	return s;
}

static const struct {
	size_t line;
	bool escaped;
	const char *name;
} bigs[] = {
	{ 0, false, "1 MiB of letters" },
	{ 80, false, "1 MiB of 80-byte lines" },
	{ 80, true, "1 MiB of quotes and backslashes in 80-byte lines" },
};

/* A 1 MiB value only the plan holds: the plan is split over ConfigMaps. */
static void big_parameter_plan_split(void **state)
{
	struct check ck = { 0 };
	struct run plain;

	run_with(plan_only_yaml, PLAIN, &plain);
	assert_true(plain.compiled);
	for (size_t i = 0; i < sizeof(bigs) / sizeof(bigs[0]); i++) {
		char *v = big_value(MIB, bigs[i].line, bigs[i].escaped);
		struct run r;
		run_with(plan_only_yaml, v, &r);
		check(&ck, r.compiled, "%s, plan only: does not compile:\n%s", bigs[i].name,
		      r.diags);
		check_injection(&ck, bigs[i].name, &plain, &r, v, false, true);
		struct split s;
		split_plan(&ck, bigs[i].name, r.objs, &s);
		check(&ck, cJSON_GetArraySize(s.plan_cms) >= 2,
		      "%s: the plan is in %d ConfigMap(s)", bigs[i].name,
		      cJSON_GetArraySize(s.plan_cms));
		print_message("%s, plan only: %d plan ConfigMaps\n", bigs[i].name,
			      cJSON_GetArraySize(s.plan_cms));
		split_free(&s);
		run_free(&r);
		free(v);
	}
	run_free(&plain);
	assert_int_equal(ck.failures, 0);
}

/* A 1 MiB value in a Job's args and env and a script: no object over 1 MiB
 * is emitted; compile either fits the value or reports an error. */
static void big_parameter_in_pods(void **state)
{
	struct check ck = { 0 };
	struct run plain;

	run_with(inj_yaml, PLAIN, &plain);
	assert_true(plain.compiled);
	for (size_t i = 0; i < sizeof(bigs) / sizeof(bigs[0]); i++) {
		char *v = big_value(MIB, bigs[i].line, bigs[i].escaped);
		struct run r;
		run_with(inj_yaml, v, &r);
		check_injection(&ck, bigs[i].name, &plain, &r, v, true, true);
		run_free(&r);
		free(v);
	}
	run_free(&plain);
	assert_int_equal(ck.failures, 0);
}

/* ---- 4. names ---- */

static const char names_yaml[] =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: Workflow\n"
	"metadata:\n"
	"  name: names\n"
	"spec:\n"
	"  entrypoint: main\n"
	"  templates:\n"
	"  - name: main\n"
	"    steps:\n"
	"    - - name: x\n"
	"        template: echo\n"
	"        withItems: [A, a, a-b, a_b, a b, A-B, a.b, \"\"]\n"
	"      - name: x-0-a\n"             /* x(0:A) sanitised */
	"        template: echo\n"
	"      - name: x-1-a\n"             /* x(1:a) sanitised */
	"        template: echo\n"
	"      - name: Hello\n"
	"        template: echo\n"
	"      - name: hello\n"
	"        template: echo\n"
	"      - name: HELLO\n"
	"        template: echo\n"
	"      - name: a--b\n"
	"        template: echo\n"
	"      - name: a-b\n"
	"        template: echo\n"
	"      - name: p\n"
	"        template: inner\n"
	"      - name: p-q\n"               /* p's q */
	"        template: echo\n"
	"      - name: d\n"
	"        template: dag\n"
	"    - - name: this-is-a-very-long-step-name-that-goes-on-and-on-past-the-limit-one\n"
	"        template: echo\n"
	"      - name: this-is-a-very-long-step-name-that-goes-on-and-on-past-the-limit-two\n"
	"        template: echo\n"
	"      - name: this-is-a-very-long-step-name-that-goes-on-and-on-past-the-limit\n"
	"        template: echo\n"
	"        withItems: [one, two]\n"
	"      - name: names\n"             /* the coordinator's name, prefixed */
	"        template: echo\n"
	"  - name: inner\n"
	"    steps:\n"
	"    - - name: q\n"
	"        template: echo\n"
	"  - name: dag\n"
	"    dag:\n"
	"      tasks:\n"
	"      - name: T\n"
	"        template: echo\n"
	"      - name: t\n"
	"        template: echo\n"
	"      - name: t-0-a\n"
	"        template: echo\n"
	"      - name: tt\n"
	"        template: echo\n"
	"        withItems: [A, a]\n"
	"  - name: echo\n"
	"    container:\n"
	"      image: busybox:1.36\n"
	"      command: [\"true\"]\n";

/* pods: 8 items, x-0-a, x-1-a, 3 hellos, a--b, a-b, q, p-q, T, t, t-0-a, 2 tt
 * items, 3 long steps (one a loop of 2), names; and the coordinator */
#define NAMES_JOBS (8 + 2 + 3 + 2 + 2 + 3 + 2 + 4 + 1 + 1)

static const char cron_yaml[] =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: CronWorkflow\n"
	"metadata:\n"
	"  name: a-cron-workflow-with-a-name-longer-than-any-cronjob-may-have-0123456789\n"
	"spec:\n"
	"  schedules: [\"0 * * * *\", \"30 * * * *\"]\n"
	"  workflowSpec:\n"
	"    entrypoint: main\n"
	"    templates:\n"
	"    - name: main\n"
	"      container:\n"
	"        image: busybox:1.36\n"
	"        command: [\"true\"]\n";

static bool dns1123_label(const char *s, size_t max)
{
	regex_t re;
	assert_int_equal(regcomp(&re, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", REG_EXTENDED | REG_NOSUB),
			 0);
	bool ok = strlen(s) <= max && regexec(&re, s, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

static bool label_value(const char *s)
{
	regex_t re;
	assert_int_equal(regcomp(&re, "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$",
				 REG_EXTENDED | REG_NOSUB), 0);
	bool ok = strlen(s) <= 63 && regexec(&re, s, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

static void check_labels(struct check *ck, const char *what, const cJSON *obj,
			 const cJSON *labels)
{
	const cJSON *l;
	cJSON_ArrayForEach(l, labels)
		check(ck, cJSON_IsString(l) && label_value(l->valuestring),
		      "%s: %s %s: label %s is not a valid label value", what, kind_of(obj),
		      name_of(obj), l->string);
}

/* The names of the objects of a kind, in order (references). */
static cJSON *names_of(const cJSON *objs, const char *kind)
{
	cJSON *v = cJSON_CreateArray();
	const cJSON *o;
	cJSON_ArrayForEach(o, objs)
		if (strcmp(kind_of(o), kind) == 0)
			cJSON_AddItemToArray(v, cJSON_CreateString(name_of(o)));
	return v;
}

static void check_names(struct check *ck, const char *what, const struct run *r,
			const struct run *r2, const char *kind, size_t max, int expect)
{
	if (!check(ck, r->compiled && r2->compiled, "%s: does not compile:\n%s", what, r->diags))
		return;
	cJSON *names = names_of(r->objs, kind), *again = names_of(r2->objs, kind);
	int n = cJSON_GetArraySize(names);
	check(ck, n == expect, "%s: %d %s objects, expected %d", what, n, kind, expect);
	char path[512] = "";
	check(ck, same_but(names, again, NULL, NULL, path, sizeof(path)),
	      "%s: %s names differ between two compiles at %s", what, kind, path);
	for (int i = 0; i < n; i++) {
		const char *s = cJSON_GetArrayItem(names, i)->valuestring;
		check(ck, dns1123_label(s, max), "%s: %s name '%s' is not a DNS-1123 label of at most %zu",
		      what, kind, s, max);
		for (int k = 0; k < i; k++)
			check(ck, strcmp(s, cJSON_GetArrayItem(names, k)->valuestring) != 0,
			      "%s: two %s objects named '%s'", what, kind, s);
	}
	const cJSON *o;
	cJSON_ArrayForEach(o, r->objs) {
		const cJSON *meta = get(o, "metadata");
		check_labels(ck, what, o, get(meta, "labels"));
		const cJSON *tmeta = get(get(get(o, "spec"), "template"), "metadata");
		check_labels(ck, what, o, get(tmeta, "labels"));
		if (strcmp(kind_of(o), "Job") != 0 || !get(get(meta, "labels"), "wfc.dev/node"))
			continue;
		/* a node's Job, found by its label */
		check(ck, is_str(get(get(meta, "labels"), "wfc.dev/node"), name_of(o)) &&
				  is_str(get(get(tmeta, "labels"), "wfc.dev/node"), name_of(o)),
		      "%s: Job %s: wfc.dev/node labels are not its name", what, name_of(o));
	}
	cJSON_Delete(names);
	cJSON_Delete(again);
}

static void names(void **state)
{
	static const char long_name[] =
		"a-run-name-longer-than-sixty-three-characters-given-with-name-flag";
	struct check ck = { 0 };
	struct source src = { .name = "names.yaml", .text = names_yaml };
	struct source cron = { .name = "cron.yaml", .text = cron_yaml };
	struct wfc_compile_cfg plain = { 0 }, named = { .name = long_name };
	struct run r1, r2;

	run_compile(&src, &plain, &r1);
	run_compile(&src, &plain, &r2);
	check_names(&ck, "names", &r1, &r2, "Job", 63, NAMES_JOBS);
	check_compiled(&ck, "names", &r1, &r2);
	run_free(&r1);
	run_free(&r2);

	assert_true(strlen(long_name) > 63);
	run_compile(&src, &named, &r1);
	run_compile(&src, &named, &r2);
	check_names(&ck, "names --name LONG", &r1, &r2, "Job", 63, NAMES_JOBS);
	check_compiled(&ck, "names --name LONG", &r1, &r2);
	run_free(&r1);
	run_free(&r2);

	/* CronJob names leave 11 characters for the Jobs a CronJob creates */
	run_compile(&cron, &plain, &r1);
	run_compile(&cron, &plain, &r2);
	check_names(&ck, "long CronWorkflow name", &r1, &r2, "CronJob", 52, 2);
	check_compiled(&ck, "long CronWorkflow name", &r1, &r2);
	run_free(&r1);
	run_free(&r2);
	assert_int_equal(ck.failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(testdata_round_trip),
		cmocka_unit_test(corpus_round_trip),
		cmocka_unit_test(injection),
		cmocka_unit_test(big_parameter_plan_split),
		cmocka_unit_test(big_parameter_in_pods),
		cmocka_unit_test(names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
