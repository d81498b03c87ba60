/* Jobs the coordinator makes from the plan (runtime/jobtmpl.h) and the
 * names it gives them (support/names.h):
 * - rendering keeps the structure whatever the values (quotes, newlines,
 *   "{{", "$(VAR)", YAML indicators, 1 MiB) and never reads a value again;
 * - a tag without a value is an error naming the tag and where it is;
 * - a prototype of the plan rendered for a node equals the Job an eager
 *   compile emits for the same node, and a lazy node's pod + jobWrapper
 *   equal it too (but for spec.suspend);
 * - an attempt cloned from a Job as the API server returns it has none of
 *   the server's fields and reads its own <job>-in;
 * - names fit 63 characters, are stable, and what the runtime forms never
 *   collides with what the compiler forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "runtime/jobtmpl.h"
#include "support/names.h"
#include "wfc.h"

/* ---- a lookup over a fixed table, counting calls ---- */

struct table {
	const char *const *kv;  /* tag, value, tag, value, ..., NULL */
	size_t calls;
};

static int table_lookup(void *user, const char *tag, char **value)
{
	struct table *t = user;
	t->calls++;
	for (const char *const *p = t->kv; *p; p += 2)
		if (strcmp(p[0], tag) == 0) {
			*value = strdup(p[1]);
			return *value ? 0 : -1;
		}
	return -1;
}

static const char *str_at(const cJSON *j, const char *const *path)
{
	for (; *path; path++) {
		if (cJSON_IsArray(j))
			j = cJSON_GetArrayItem(j, atoi(*path));
		else
			j = cJSON_GetObjectItemCaseSensitive(j, *path);
	}
	return cJSON_IsString(j) ? j->valuestring : NULL;
}

#define AT(j, ...) str_at((j), (const char *const[]){ __VA_ARGS__, NULL })

static const char proto_json[] =
	"{\"job\": {\"apiVersion\": \"batch/v1\", \"kind\": \"Job\","
	" \"metadata\": {\"name\": \"{{wfc.job}}\", \"labels\": {\"wfc.dev/node\": \"{{wfc.job}}\"},"
	"  \"annotations\": {\"wfc.dev/node-name\": \"{{wfc.node}}\", \"note\": \"{{ inputs.parameters.note }}\"}},"
	" \"spec\": {\"backoffLimit\": 0, \"template\": {\"spec\": {\"containers\": [{"
	"  \"name\": \"main\", \"image\": \"{{inputs.parameters.image}}:{{inputs.parameters.tag}}\","
	"  \"command\": [\"echo\", \"[{{inputs.parameters.msg}}]\", \"{{wfc.lbrace}}{kept}}\"]}],"
	"  \"volumes\": [{\"name\": \"wfc-script\", \"configMap\": {\"name\": \"{{wfc.job}}-in\"}}]}}}},"
	" \"script\": \"print('{{inputs.parameters.msg}}')\\n\","
	" \"deadline\": {\"timeout\": \"{{inputs.parameters.limit}}\", \"activeDeadlineSeconds\": \"100\"}}";

static void render_hostile(const char *msg)
{
	const char *const kv[] = {
		"inputs.parameters.image", "alpine", "inputs.parameters.tag", "3.20",
		"inputs.parameters.msg", msg, "inputs.parameters.note", msg,
		"inputs.parameters.limit", "1m30s", NULL
	};
	struct table t = { .kv = kv };
	cJSON *entry = cJSON_Parse(proto_json);
	assert_non_null(entry);
	char err[256] = "", *script = NULL;
	cJSON *job = wfc_rt_job_render(entry, "wf-each--0", "wf[1].each(0:a)", table_lookup, &t,
				       &script, err, sizeof(err));
	assert_non_null(job);
	assert_string_equal(AT(job, "metadata", "name"), "wf-each--0");
	assert_string_equal(AT(job, "metadata", "labels", "wfc.dev/node"), "wf-each--0");
	assert_string_equal(AT(job, "metadata", "annotations", "wfc.dev/node-name"),
			    "wf[1].each(0:a)");
	assert_string_equal(AT(job, "metadata", "annotations", "note"), msg);
	const cJSON *main = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(job, "spec"), "template"), "spec"),
		"containers"), 0);
	assert_string_equal(AT(main, "image"), "alpine:3.20");
	const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(main, "command");
	/* the structure is the template's: three strings, whatever msg holds */
	assert_int_equal(cJSON_GetArraySize(cmd), 3);
	char *want = malloc(strlen(msg) + 3);
	sprintf(want, "[%s]", msg);
	assert_string_equal(AT(cmd, "1"), want);
	free(want);
	assert_string_equal(AT(cmd, "2"), "{{kept}}");
	assert_string_equal(AT(job, "spec", "template", "spec", "volumes", "0", "configMap", "name"),
			    "wf-each--0-in");
	/* the smaller of 100 and 1m30s */
	const cJSON *dl = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(job, "spec"),
							  "activeDeadlineSeconds");
	assert_true(cJSON_IsNumber(dl) && dl->valuedouble == 90);
	assert_non_null(script);
	assert_int_equal(strncmp(script, "print('", 7), 0);
	assert_int_equal(strncmp(script + 7, msg, strlen(msg)), 0);
	/* every tag looked up once: a value is never read again for tags */
	assert_int_equal(t.calls, 6);
	/* and it survives a round trip through JSON text */
	char *text = cJSON_PrintUnformatted(job);
	cJSON *back = cJSON_Parse(text);
	assert_true(cJSON_Compare(job, back, true));
	cJSON_Delete(back);
	cJSON_free(text);
	free(script);
	cJSON_Delete(job);
	cJSON_Delete(entry);
}

static void test_render_hostile_values(void **state)
{
	(void)state;
	static const char *const values[] = {
		"plain",
		"\"quoted\" and 'single' \\ back",
		"line one\nline two\n---\nkind: Secret\n",
		"{{inputs.parameters.image}} {{wfc.job}} {{=1+1}} }} {{",
		"$(HOME) $(WFC_IN_0) $$(x)",
		"- a: b\n? c\n: d\n&anchor *alias !tag |\n> #comment %YAML",
		"",
	};
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		render_hostile(values[i]);
	/* 1 MiB */
	size_t n = (size_t)1 << 20;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "{}\"\n$( x"[i % 8];
	big[n] = '\0';
	render_hostile(big);
	free(big);
}

static void test_render_missing_value(void **state)
{
	(void)state;
	const char *const kv[] = { "inputs.parameters.image", "alpine", NULL };
	struct table t = { .kv = kv };
	cJSON *entry = cJSON_Parse(proto_json);
	char err[256] = "";
	char *script = (char *)"unset";
	cJSON *job = wfc_rt_job_render(entry, "j", "n", table_lookup, &t, &script, err, sizeof(err));
	assert_null(job);
	assert_null(script);
	assert_string_equal(err, "failed to resolve {{inputs.parameters.note}} in "
				 "'job.metadata.annotations.note'");
	/* a placeholder without a value, an unknown placeholder */
	cJSON *tmpl = cJSON_Parse("{\"a\": [\"x\", \"{{wfc.job}}\"]}");
	assert_null(wfc_rt_render(tmpl, NULL, "n", NULL, NULL, err, sizeof(err)));
	assert_string_equal(err, "no value for the placeholder {{wfc.job}} in 'a[1]'");
	cJSON_Delete(tmpl);
	tmpl = cJSON_Parse("{\"a\": \"{{wfc.jobs}}\"}");
	assert_null(wfc_rt_render(tmpl, "j", "n", NULL, NULL, err, sizeof(err)));
	assert_string_equal(err, "unknown placeholder {{wfc.jobs}} in 'a'");
	cJSON_Delete(tmpl);
	/* a deadline that is not one */
	const char *const kv2[] = { "inputs.parameters.image", "a", "inputs.parameters.tag", "b",
				    "inputs.parameters.msg", "m", "inputs.parameters.note", "n",
				    "inputs.parameters.limit", "soon", NULL };
	struct table t2 = { .kv = kv2 };
	assert_null(wfc_rt_job_render(entry, "j", "n", table_lookup, &t2, NULL, err, sizeof(err)));
	assert_string_equal(err, "timeout 'soon' of the template is not a duration (such as '30s', '2m', '1h')");
	/* text */
	char *s = wfc_rt_render_text("a {{x}} b", NULL, NULL, table_lookup, &t, err, sizeof(err));
	assert_null(s);
	assert_string_equal(err, "failed to resolve {{x}}");
	cJSON_Delete(entry);
}

/* ---- compiled: a prototype rendered equals the eager Job ---- */

/* The template under test, called through withParam (-> a prototype) or
 * directly with the same values (-> an eager Job). */
static const char work_template[] =
	"  - name: work\n"
	"    inputs:\n"
	"      parameters: [{name: image}, {name: cpu}, {name: limit}]\n"
	"    timeout: \"{{inputs.parameters.limit}}\"\n"
	"    metadata:\n"
	"      annotations: {image: \"{{inputs.parameters.image}}\"}\n"
	"      labels: {size: \"{{inputs.parameters.cpu}}\"}\n"
	"    podSpecPatch: '{\"containers\": [{\"name\": \"main\", \"resources\": {\"limits\": {\"cpu\": \"{{inputs.parameters.cpu}}\"}}}]}'\n"
	"    sidecars:\n"
	"    - {name: proxy, image: \"envoy:{{workflow.parameters.v}}\", mirrorVolumeMounts: true}\n"
	"    container:\n"
	"      image: \"{{inputs.parameters.image}}\"\n"
	"      command: [sh, -c]\n"
	"      args: [\"echo {{workflow.parameters.v}} {{inputs.parameters.cpu}} > /tmp/a; echo {{workflow.name}} > /tmp/b\"]\n"
	"      env: [{name: CPU, value: \"{{inputs.parameters.cpu}}\"}]\n"
	"      volumeMounts: [{name: cache, mountPath: /cache}]\n"
	"    outputs:\n"
	"      parameters:\n"
	"      - {name: a, valueFrom: {path: /tmp/a}}\n"
	"      - {name: b, valueFrom: {path: /tmp/b}}\n";

static const char head[] =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: Workflow\n"
	"metadata:\n"
	"  name: eq\n"
	"spec:\n"
	"  entrypoint: main\n"
	"  serviceAccountName: runner\n"
	"  nodeSelector: {pool: \"{{workflow.parameters.pool}}\"}\n"
	"  podMetadata: {labels: {team: data}, annotations: {run: \"{{workflow.name}}\"}}\n"
	"  workflowMetadata: {labels: {owner: ml}}\n"
	"  volumes: [{name: cache, emptyDir: {}}]\n"
	"  arguments:\n"
	"    parameters: [{name: pool, value: batch}, {name: v, value: \"1.0\"}]\n"
	"  templates:\n"
	"  - name: main\n"
	"    steps:\n"
	"    - - name: s\n"
	"        template: work\n";

static const char expanded_args[] =
	"        arguments:\n"
	"          parameters:\n"
	"          - {name: image, value: \"{{item.image}}\"}\n"
	"          - {name: cpu, value: \"{{item.cpu}}\"}\n"
	"          - {name: limit, value: \"{{item.limit}}\"}\n"
	"        withParam: '[{\"image\": \"alpine:3\", \"cpu\": \"2\", \"limit\": \"90s\"}]'\n";

static const char eager_args[] =
	"        arguments:\n"
	"          parameters:\n"
	"          - {name: image, value: \"alpine:3\"}\n"
	"          - {name: cpu, value: \"2\"}\n"
	"          - {name: limit, value: \"90s\"}\n";

struct objects {
	cJSON *v[64];
	size_t n;
};

static int collect(void *user, struct cJSON *obj)
{
	struct objects *o = user;
	if (o->n == sizeof(o->v) / sizeof(o->v[0])) {
		cJSON_Delete(obj);
		return -1;
	}
	o->v[o->n++] = obj;
	return 0;
}

static void compile_text(const char *args, bool lazy, const struct wfc_arg *params,
			 size_t nparams, struct objects *out)
{
	char text[8192];
	snprintf(text, sizeof(text), "%s%s%s", head, args, work_template);
	struct wfc_ctx *ctx = wfc_ctx_create(NULL);
	assert_int_equal(wfc_add_text(ctx, "eq.yaml", text, strlen(text), false), 0);
	assert_int_equal(wfc_validate(ctx), 0);
	struct wfc_compile_cfg cc = { .lazy_jobs = lazy, .args = params, .nargs = nparams };
	out->n = 0;
	size_t errors = wfc_compile(ctx, &cc, collect, out);
	if (errors)
		for (size_t i = 0; i < wfc_ctx_diags(ctx)->n; i++)
			print_error("%s\n", wfc_ctx_diags(ctx)->v[i].message);
	assert_int_equal(errors, 0);
	wfc_ctx_destroy(ctx);
}

static const cJSON *find(const struct objects *o, const char *kind, const char *name)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(AT(o->v[i], "kind"), kind) == 0 &&
		    strcmp(AT(o->v[i], "metadata", "name"), name) == 0)
			return o->v[i];
	return NULL;
}

static cJSON *plan_of(const struct objects *o)
{
	const cJSON *cm = find(o, "ConfigMap", "eq-plan");
	assert_non_null(cm);
	cJSON *plan = cJSON_Parse(AT(cm, "data", "plan.json"));
	assert_non_null(plan);
	return plan;
}

static void free_objects(struct objects *o)
{
	for (size_t i = 0; i < o->n; i++)
		cJSON_Delete(o->v[i]);
	o->n = 0;
}

static void test_prototype_equals_eager_job(void **state)
{
	(void)state;
	struct objects eager = { 0 }, expanded = { 0 };
	const struct wfc_arg v = { .name = "v", .value = "{{x}} $(y)", .origin = "-p" };
	for (int with_literal = 0; with_literal < 2; with_literal++) {
		compile_text(eager_args, false, &v, (size_t)with_literal, &eager);
		compile_text(expanded_args, false, &v, (size_t)with_literal, &expanded);
		const cJSON *want = find(&eager, "Job", "eq-s");
		assert_non_null(want);
		/* names the compiler forms never hold "--", which the runtime's join */
		for (size_t i = 0; i < eager.n; i++)
			assert_null(strstr(AT(eager.v[i], "metadata", "name"), "--"));
		cJSON *plan = plan_of(&expanded);
		const cJSON *entry = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(plan, "jobTemplates"), "work");
		assert_non_null(entry);
		const char *const kv[] = { "inputs.parameters.image", "alpine:3",
					   "inputs.parameters.cpu", "2",
					   "inputs.parameters.limit", "90s", NULL };
		struct table t = { .kv = kv };
		char err[256] = "";
		cJSON *got = wfc_rt_job_render(entry, "eq-s", "eq[0].s", table_lookup, &t, NULL,
					       err, sizeof(err));
		if (!got)
			fail_msg("%s", err);
		cJSON *w = cJSON_Duplicate(want, true);
		cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(w, "spec"),
							"suspend");
		if (!cJSON_Compare(got, w, true)) {
			char *a = cJSON_Print(got), *b = cJSON_Print(w);
			print_error("rendered:\n%s\neager:\n%s\n", a, b);
			cJSON_free(a);
			cJSON_free(b);
			fail_msg("the prototype rendered differs from the eager Job");
		}
		/* byte for byte too: the same key order */
		char *ga = cJSON_PrintUnformatted(got), *wa = cJSON_PrintUnformatted(w);
		assert_string_equal(ga, wa);
		cJSON_free(ga);
		cJSON_free(wa);
		cJSON_Delete(got);
		cJSON_Delete(w);
		cJSON_Delete(plan);

		/* lazy: the node's pod and jobWrapper make the same Job */
		struct objects lazy = { 0 };
		compile_text(eager_args, true, &v, (size_t)with_literal, &lazy);
		assert_null(find(&lazy, "Job", "eq-s"));
		plan = plan_of(&lazy);
		const cJSON *node = NULL, *it;
		cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(plan, "nodes"))
			if (AT(it, "k8sName") && strcmp(AT(it, "k8sName"), "eq-s") == 0)
				node = it;
		assert_non_null(node);
		got = wfc_rt_node_job(node, err, sizeof(err));
		assert_non_null(got);
		w = cJSON_Duplicate(want, true);
		cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(w, "spec"),
							"suspend");
		ga = cJSON_PrintUnformatted(got);
		wa = cJSON_PrintUnformatted(w);
		assert_string_equal(ga, wa);
		cJSON_free(ga);
		cJSON_free(wa);
		cJSON_Delete(got);
		cJSON_Delete(w);
		cJSON_Delete(plan);
		free_objects(&lazy);
		free_objects(&eager);
		free_objects(&expanded);
	}
	/* a node without them */
	cJSON *bare = cJSON_Parse("{\"name\": \"wf.a\"}");
	char err[128];
	assert_null(wfc_rt_node_job(bare, err, sizeof(err)));
	assert_string_equal(err, "node 'wf.a' has no 'jobWrapper' and 'pod' to make its Job from");
	cJSON_Delete(bare);
}

/* ---- attempts ---- */

static const char live_job[] =
	"{\"apiVersion\": \"batch/v1\", \"kind\": \"Job\", \"metadata\": {"
	" \"name\": \"wf-a\", \"namespace\": \"ns\", \"uid\": \"5d3c\", \"resourceVersion\": \"812\","
	" \"generation\": 2, \"creationTimestamp\": \"2024-05-01T10:00:00Z\","
	" \"managedFields\": [{\"manager\": \"kubectl\"}],"
	" \"labels\": {\"wfc.dev/workflow\": \"wf\", \"wfc.dev/node\": \"wf-a\","
	"  \"controller-uid\": \"5d3c\", \"job-name\": \"wf-a\","
	"  \"batch.kubernetes.io/controller-uid\": \"5d3c\", \"batch.kubernetes.io/job-name\": \"wf-a\"},"
	" \"annotations\": {\"wfc.dev/node-name\": \"wf.a\","
	"  \"kubectl.kubernetes.io/last-applied-configuration\": \"{}\","
	"  \"batch.kubernetes.io/job-tracking\": \"\"},"
	" \"ownerReferences\": [{\"kind\": \"Job\", \"name\": \"wf\", \"uid\": \"11\"}]},"
	" \"spec\": {\"suspend\": false, \"backoffLimit\": 0, \"completions\": 1,"
	"  \"selector\": {\"matchLabels\": {\"batch.kubernetes.io/controller-uid\": \"5d3c\"}},"
	"  \"template\": {\"metadata\": {\"creationTimestamp\": null, \"labels\": {"
	"   \"wfc.dev/node\": \"wf-a\", \"controller-uid\": \"5d3c\", \"job-name\": \"wf-a\","
	"   \"batch.kubernetes.io/controller-uid\": \"5d3c\", \"batch.kubernetes.io/job-name\": \"wf-a\"}},"
	"   \"spec\": {\"restartPolicy\": \"Never\", \"containers\": [{\"name\": \"main\","
	"    \"image\": \"busybox\", \"env\": [{\"name\": \"WFC_IN_0\", \"valueFrom\": {"
	"     \"configMapKeyRef\": {\"name\": \"wf-a-in\", \"key\": \"WFC_IN_0\"}}}]}],"
	"    \"volumes\": [{\"name\": \"wfc-script\", \"configMap\": {\"name\": \"wf-a-in\"}},"
	"     {\"name\": \"other\", \"configMap\": {\"name\": \"settings\"}}]}}},"
	" \"status\": {\"failed\": 1, \"startTime\": \"2024-05-01T10:00:01Z\"}}";

static void test_attempt_clone(void **state)
{
	(void)state;
	cJSON *live = cJSON_Parse(live_job);
	assert_non_null(live);
	char *name = wfc_name_attempt("wf-a", 1);
	char err[128];
	cJSON *a = wfc_rt_job_attempt(live, name, 1, err, sizeof(err));
	assert_non_null(a);
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(a, "metadata");
	assert_string_equal(AT(m, "name"), "wf-a--1");
	assert_string_equal(AT(m, "namespace"), "ns");
	static const char *const gone[] = { "uid", "resourceVersion", "generation",
					    "creationTimestamp", "managedFields", NULL };
	for (const char *const *g = gone; *g; g++)
		assert_null(cJSON_GetObjectItemCaseSensitive(m, *g));
	assert_null(cJSON_GetObjectItemCaseSensitive(a, "status"));
	const cJSON *spec = cJSON_GetObjectItemCaseSensitive(a, "spec");
	assert_null(cJSON_GetObjectItemCaseSensitive(spec, "selector"));
	assert_null(cJSON_GetObjectItemCaseSensitive(spec, "suspend"));
	const cJSON *labels[2] = {
		cJSON_GetObjectItemCaseSensitive(m, "labels"),
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(spec, "template"), "metadata"), "labels"),
	};
	for (int k = 0; k < 2; k++) {
		assert_int_equal(cJSON_GetArraySize(labels[k]), k == 0 ? 2 : 1);
		assert_string_equal(AT(labels[k], "wfc.dev/node"), "wf-a");
	}
	assert_null(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(spec, "template"), "metadata"), "creationTimestamp"));
	assert_string_equal(AT(m, "annotations", "wfc.dev/node-name"), "wf.a");
	assert_string_equal(AT(m, "annotations", "wfc.dev/attempt"), "1");
	assert_null(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(m, "annotations"),
						     "kubectl.kubernetes.io/last-applied-configuration"));
	assert_string_equal(AT(m, "ownerReferences", "0", "name"), "wf");
	const cJSON *ps = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(spec, "template"),
							  "spec");
	assert_string_equal(AT(ps, "containers", "0", "env", "0", "valueFrom", "configMapKeyRef", "name"),
			    "wf-a--1-in");
	assert_string_equal(AT(ps, "volumes", "0", "configMap", "name"), "wf-a--1-in");
	assert_string_equal(AT(ps, "volumes", "1", "configMap", "name"), "settings");
	assert_true(cJSON_GetObjectItemCaseSensitive(spec, "completions")->valuedouble == 1);
	/* an attempt of an attempt: the same again, attempt 2 */
	char *name2 = wfc_name_attempt("wf-a", 2);
	cJSON *b = wfc_rt_job_attempt(a, name2, 2, err, sizeof(err));
	assert_string_equal(AT(b, "metadata", "annotations", "wfc.dev/attempt"), "2");
	assert_string_equal(AT(b, "spec", "template", "spec", "volumes", "0", "configMap", "name"),
			    "wf-a--2-in");
	cJSON_Delete(b);
	free(name2);
	/* not a Job */
	cJSON *junk = cJSON_Parse("[1]");
	assert_null(wfc_rt_job_attempt(junk, name, 1, err, sizeof(err)));
	assert_string_equal(err, "not a Job with a name to make an attempt of");
	cJSON_Delete(junk);
	free(name);
	cJSON_Delete(a);
	cJSON_Delete(live);
}

/* ---- names ---- */

static bool dns_label(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool an = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!an && (c != '-' || i == 0 || i == n - 1))
			return false;
	}
	return true;
}

static void test_names(void **state)
{
	(void)state;
	char *s = wfc_name_fit("My_Workflow..Name", 63);
	assert_string_equal(s, "my-workflow-name");
	free(s);
	s = wfc_name_fit("!!!", 63);
	assert_string_equal(s, "wfc");
	free(s);
	char longer[200];
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	char *a = wfc_name_fit(longer, 63), *b = wfc_name_fit(longer, 63);
	assert_int_equal(strlen(a), 63);
	assert_string_equal(a, b);  /* stable */
	assert_true(dns_label(a));
	longer[150] = 'b';
	char *c = wfc_name_fit(longer, 63);
	assert_int_equal(strlen(c), 63);
	assert_string_not_equal(a, c);  /* the hash tells them apart */
	assert_int_equal(strncmp(a, c, 54), 0);
	free(a);
	free(b);
	free(c);

	s = wfc_name_attempt("wf-a", 3);
	assert_string_equal(s, "wf-a--3");
	free(s);
	s = wfc_name_child("wf-each", "0");
	assert_string_equal(s, "wf-each--0");
	free(s);
	s = wfc_name_child("wf-each--0", "Flip Coin(1)");
	assert_string_equal(s, "wf-each--0--flip-coin-1");
	free(s);
	/* long: cut to 63 with a hash, stable, different per attempt */
	memset(longer, 'x', 62);
	longer[62] = '\0';
	char *x1 = wfc_name_attempt(longer, 1), *x2 = wfc_name_attempt(longer, 2),
	     *x1b = wfc_name_attempt(longer, 1);
	assert_int_equal(strlen(x1), 63);
	assert_true(dns_label(x1) && dns_label(x2));
	assert_string_equal(x1, x1b);
	assert_string_not_equal(x1, x2);
	free(x1);
	free(x2);
	free(x1b);
	/* deep recursion stays a label */
	char *deep = strdup("wf-rec");
	for (int i = 0; i < 40; i++) {
		char *next = wfc_name_child(deep, "tails");
		assert_true(dns_label(next));
		free(deep);
		deep = next;
	}
	free(deep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_hostile_values),
		cmocka_unit_test(test_render_missing_value),
		cmocka_unit_test(test_prototype_equals_eager_job),
		cmocka_unit_test(test_attempt_clone),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
