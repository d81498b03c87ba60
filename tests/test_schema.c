/* The schema check: unknown fields with suggestions, type errors with YAML 1.1
 * hints, the table's special cases, and Argo's own examples checking clean. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "frontend/schema.h"
#include "frontend/yaml.h"
#include "support/arena.h"
#include "support/diag.h"

#define WF_HEAD                                                               \
	"apiVersion: argoproj.io/v1alpha1\n"                                  \
	"kind: Workflow\n"                                                    \
	"metadata:\n"                                                         \
	"  generateName: t-\n"                                                \
	"spec:\n"                                                             \
	"  entrypoint: main\n"                                                \
	"  templates:\n"

struct fixture {
	struct wfc_arena *a;
	struct wfc_diags d;
	struct wfc_ydoc *docs;
	size_t ndocs;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	f->a = wfc_arena_create();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	wfc_diags_free(&f->d);
	free(f->docs);
	wfc_arena_destroy(f->a);
	free(f);
	return 0;
}

static void dump(const struct wfc_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  %s:%u:%u: [%s] %s\n",
			d->v[i].pos.file ? d->v[i].pos.file : "-",
			d->v[i].pos.line, d->v[i].pos.col,
			wfc_rule_id(d->v[i].rule), d->v[i].message);
}

/* Loads one document (which must parse cleanly) and checks it against the
 * schema of its kind, or of the definition def when def is not NULL.
 * Returns the number of errors the check added. */
static size_t check_as(struct fixture *f, const char *text, const char *def)
{
	size_t nd = f->ndocs;
	size_t e = wfc_yaml_load(f->a, &f->d, "wf.yaml", text, strlen(text),
				 NULL, &f->docs, &f->ndocs);
	if (e)
		dump(&f->d);
	assert_int_equal(e, 0);
	assert_int_equal(f->ndocs, nd + 1);
	const struct wfc_ynode *root = f->docs[nd].root;
	assert_non_null(root);
	const struct wfc_stype *t;
	if (def) {
		t = wfc_schema_type(def);
	} else {
		const struct wfc_ynode *k = wfc_ymap_get(root, "kind");
		assert_non_null(k);
		t = wfc_schema_for_kind(k->s.text);
	}
	assert_non_null(t);
	size_t before = f->d.n;
	size_t n = wfc_schema_check(&f->d, root, t);
	assert_int_equal(n, f->d.n - before);
	return n;
}

static size_t check(struct fixture *f, const char *text)
{
	return check_as(f, text, NULL);
}

/* The check added want errors. */
static void expect_n(struct fixture *f, size_t got, size_t want)
{
	if (got != want)
		dump(&f->d);
	assert_int_equal(got, want);
}

static void expect_clean(struct fixture *f, const char *text)
{
	size_t n = check(f, text);
	if (n)
		dump(&f->d);
	assert_int_equal(n, 0);
}

/* Diagnostic i has this rule, message and position (col 0: any column,
 * for quoted scalars, whose column the loader gives as the text's). */
static void expect_diag(struct fixture *f, size_t i, enum wfc_rule rule,
			unsigned line, unsigned col, const char *msg)
{
	if (i >= f->d.n)
		dump(&f->d);
	assert_true(i < f->d.n);
	const struct wfc_diag *dg = &f->d.v[i];
	if (strcmp(dg->message, msg) != 0 || dg->pos.line != line ||
	    (col && dg->pos.col != col))
		dump(&f->d);
	assert_string_equal(dg->message, msg);
	assert_int_equal(dg->rule, rule);
	assert_int_equal(dg->severity, WFC_ERROR);
	assert_string_equal(dg->pos.file, "wf.yaml");
	assert_int_equal(dg->pos.line, line);
	if (col)
		assert_int_equal(dg->pos.col, col);
}

/* ---- the API ---- */

static void test_lookup(void **state)
{
	static const char *const kinds[] = { "Workflow", "WorkflowTemplate",
		"ClusterWorkflowTemplate", "CronWorkflow" };
	for (size_t i = 0; i < 4; i++) {
		const struct wfc_stype *t = wfc_schema_for_kind(kinds[i]);
		assert_non_null(t);
		const char *name = wfc_schema_type_name(t);
		assert_string_equal(name + strlen("io.argoproj.workflow.v1alpha1."),
				    kinds[i]);
		assert_non_null(wfc_schema_field(t, "apiVersion"));
		assert_non_null(wfc_schema_field(t, "kind"));
		assert_non_null(wfc_schema_field(t, "metadata"));
		assert_non_null(wfc_schema_field(t, "spec"));
	}
	assert_null(wfc_schema_for_kind("Pod"));
	assert_null(wfc_schema_for_kind("workflow"));
	assert_null(wfc_schema_for_kind("WorkflowEventBinding"));
	assert_null(wfc_schema_for_kind(NULL));

	const struct wfc_stype *wf = wfc_schema_for_kind("Workflow");
	assert_ptr_equal(wf, wfc_schema_type("io.argoproj.workflow.v1alpha1.Workflow"));
	const struct wfc_stype *spec = wfc_schema_field(wf, "spec");
	assert_string_equal(wfc_schema_type_name(spec),
			    "io.argoproj.workflow.v1alpha1.WorkflowSpec");
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(wf, "metadata")),
			    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(spec, "templates")),
			    "[]io.argoproj.workflow.v1alpha1.Template");
	assert_null(wfc_schema_field(spec, "template"));
	assert_null(wfc_schema_field(spec, ""));
	assert_null(wfc_schema_field(spec, "entrypoin"));
	assert_null(wfc_schema_field(spec, "entrypointx"));
	assert_null(wfc_schema_field(NULL, "x"));

	const struct wfc_stype *tmpl = wfc_schema_type("io.argoproj.workflow.v1alpha1.Template");
	assert_non_null(tmpl);
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(tmpl, "parallelism")),
			    "integer");
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(tmpl, "name")),
			    "string");
	/* the first and last field of a type are found */
	assert_non_null(wfc_schema_field(tmpl, "activeDeadlineSeconds"));
	assert_non_null(wfc_schema_field(tmpl, "volumes"));
	/* fields are not looked up in a non-object type */
	assert_null(wfc_schema_field(wfc_schema_field(tmpl, "name"), "x"));

	const struct wfc_stype *par = wfc_schema_type("io.argoproj.workflow.v1alpha1.Parameter");
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(par, "value")),
			    "AnyString");
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(par, "enum")),
			    "[]AnyString");

	const struct wfc_stype *res = wfc_schema_type("io.k8s.api.core.v1.ResourceRequirements");
	assert_string_equal(wfc_schema_type_name(wfc_schema_field(res, "limits")),
			    "map[string]io.k8s.apimachinery.pkg.api.resource.Quantity");

	/* unnamed types and unreachable definitions are not definitions */
	assert_null(wfc_schema_type("string"));
	assert_null(wfc_schema_type("AnyString"));
	assert_null(wfc_schema_type("io.argoproj.workflow.v1alpha1.WorkflowEventBinding"));
	assert_null(wfc_schema_type("io.argoproj.workflow.v1alpha1"));
	assert_null(wfc_schema_type(""));
	assert_null(wfc_schema_type(NULL));
	assert_non_null(wfc_schema_type("io.k8s.api.core.v1.Container"));
	assert_non_null(wfc_schema_type("io.k8s.api.core.v1.Affinity"));
	assert_non_null(wfc_schema_type("io.k8s.apimachinery.pkg.util.intstr.IntOrString"));
	assert_int_equal(wfc_schema_check(&((struct fixture *)*state)->d, NULL, wf), 0);
}

/* ---- unknown fields ---- */

static void test_unknown_field_suggestion(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    dag:\n"
		"      tasks:\n"
		"      - name: a\n"
		"        template: main\n"
		"      - name: b\n"
		"        template: main\n"
		"        dependecies: [a]\n"), 1);
	expect_diag(f, 0, WFC_RULE_unknown_field, 15, 9,
		    "unknown field 'dependecies'; did you mean 'dependencies'?");
	assert_string_equal(f->d.v[0].suggestion, "dependencies");
}

static void test_unknown_field_no_suggestion(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    steps:\n"
		"    - - name: a\n"
		"        template: main\n"
		"        foo: bar\n"
		"        whom: x\n"), 2);
	expect_diag(f, 0, WFC_RULE_unknown_field, 12, 9,
		    "unknown field 'foo' in WorkflowStep");
	assert_null(f->d.v[0].suggestion);
	/* 4 characters: only distance 1 counts, and 'when' is 2 away */
	expect_diag(f, 1, WFC_RULE_unknown_field, 13, 9,
		    "unknown field 'whom' in WorkflowStep");
	assert_null(f->d.v[1].suggestion);
}

static void test_unknown_field_close_names(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    steps:\n"
		"    - - name: a\n"
		"        Template: main\n"
		"        tempalte: x\n"
		"        nme: x\n"
		"        WITHPARAM: x\n"
		"    paralelism: 2\n"
		"  entrypont: main\n"), 6);
	expect_diag(f, 0, WFC_RULE_unknown_field, 11, 9,
		    "unknown field 'Template'; did you mean 'template'?");
	assert_string_equal(f->d.v[0].suggestion, "template");
	expect_diag(f, 1, WFC_RULE_unknown_field, 12, 9,
		    "unknown field 'tempalte'; did you mean 'template'?");
	expect_diag(f, 2, WFC_RULE_unknown_field, 13, 9,
		    "unknown field 'nme'; did you mean 'name'?");
	expect_diag(f, 3, WFC_RULE_unknown_field, 14, 9,
		    "unknown field 'WITHPARAM'; did you mean 'withParam'?");
	expect_diag(f, 4, WFC_RULE_unknown_field, 15, 5,
		    "unknown field 'paralelism'; did you mean 'parallelism'?");
	expect_diag(f, 5, WFC_RULE_unknown_field, 16, 3,
		    "unknown field 'entrypont'; did you mean 'entrypoint'?");
	assert_string_equal(f->d.v[5].suggestion, "entrypoint");
}

static void test_unknown_top_level(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f,
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: WorkflowTemplate\n"
		"metadata:\n"
		"  name: x\n"
		"  lables: {a: b}\n"
		"spec: {}\n"
		"specs: {}\n"), 2);
	expect_diag(f, 0, WFC_RULE_unknown_field, 5, 3,
		    "unknown field 'lables'; did you mean 'labels'?");
	expect_diag(f, 1, WFC_RULE_unknown_field, 7, 1,
		    "unknown field 'specs'; did you mean 'spec'?");
}

/* ---- types ---- */

static void test_type_errors(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    parallelism: \"3\"\n"
		"    inputs: [a]\n"
		"    container:\n"
		"      image: alpine\n"
		"      args: [a, b, 3]\n"
		"      command: {a: b}\n"
		"    daemon: \"true\"\n"
		"  - name: on\n"
		"    container:\n"
		"      image: 0755\n"
		"      workingDir: 1.10\n"
		"      tty: 1\n"
		"  podGC: [x]\n"
		"  priority: \"{{workflow.parameters.p}}\"\n"
		"  metrics: {prometheus: [{name: m, help: h, histogram: {buckets: [1, 2.5, '3']}}]}\n"), 12);
	expect_diag(f, 0, WFC_RULE_type, 9, 0,
		    "'parallelism' must be an integer, not a string "
		    "(remove the quotes)");
	expect_diag(f, 1, WFC_RULE_type, 10, 13,
		    "'inputs' must be a mapping, not a list");
	expect_diag(f, 2, WFC_RULE_type, 13, 20,
		    "'args[2]' must be a string, not an integer");
	expect_diag(f, 3, WFC_RULE_type, 14, 16,
		    "'command' must be a list, not a mapping");
	expect_diag(f, 4, WFC_RULE_type, 15, 0,
		    "'daemon' must be a boolean, not a string (remove the quotes)");
	expect_diag(f, 5, WFC_RULE_type, 16, 11,
		    "'name' must be a string, not a boolean "
		    "(YAML 1.1 reads 'on' as a boolean; quote it)");
	expect_diag(f, 6, WFC_RULE_type, 18, 14,
		    "'image' must be a string, not an integer "
		    "(YAML 1.1 reads '0755' as the number 493; quote it)");
	expect_diag(f, 7, WFC_RULE_type, 19, 19,
		    "'workingDir' must be a string, not a number "
		    "(YAML 1.1 reads '1.10' as the number 1.1; quote it)");
	expect_diag(f, 8, WFC_RULE_type, 20, 12,
		    "'tty' must be a boolean, not an integer");
	expect_diag(f, 9, WFC_RULE_type, 21, 10,
		    "'podGC' must be a mapping, not a list");
	expect_diag(f, 10, WFC_RULE_type, 22, 0,
		    "'priority' must be an integer, not a string");
	expect_diag(f, 11, WFC_RULE_type, 23, 0,
		    "'buckets[2]' must be a number, not a string (remove the quotes)");
	for (size_t i = 0; i < f->d.n; i++)
		assert_null(f->d.v[i].suggestion);
}

static void test_type_error_labels(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    steps:\n"
		"    - - name: a\n"
		"        template: b\n"
		"    - [x]\n"
		"    - - name: c\n"
		"        template: 1\n"
		"    nodeSelector:\n"
		"      disk: yes\n"
		"      zone: 2\n"
		"  - name: other\n"
		"    container:\n"
		"      image: alpine\n"
		"      env:\n"
		"      - name: A\n"
		"        value: 1\n"), 5);
	expect_diag(f, 0, WFC_RULE_type, 12, 8,
		    "'steps[1][0]' must be a mapping, not a string");
	expect_diag(f, 1, WFC_RULE_type, 14, 19,
		    "'template' must be a string, not an integer");
	expect_diag(f, 2, WFC_RULE_type, 16, 13,
		    "'disk' must be a string, not a boolean "
		    "(YAML 1.1 reads 'yes' as a boolean; quote it)");
	expect_diag(f, 3, WFC_RULE_type, 17, 13,
		    "'zone' must be a string, not an integer");
	expect_diag(f, 4, WFC_RULE_type, 23, 16,
		    "'value' must be a string, not an integer");
}

static void test_root_not_mapping(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check_as(f, "- a\n- b\n",
				  "io.argoproj.workflow.v1alpha1.Workflow"), 1);
	expect_diag(f, 0, WFC_RULE_type, 1, 1,
		    "'Workflow' must be a mapping, not a list");
}

static void test_null_accepted(void **state)
{
	struct fixture *f = *state;
	expect_clean(f,
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: Workflow\n"
		"metadata: ~\n"
		"status: null\n"
		"spec:\n"
		"  entrypoint: main\n"
		"  parallelism: ~\n"
		"  arguments:\n"
		"  podGC: null\n"
		"  templates:\n"
		"  - name: main\n"
		"    inputs: {parameters: [{name: p, value: ~, enum: [~, a]}]}\n"
		"    container:\n"
		"      image: alpine\n"
		"      args: [~, a]\n"
		"      resources: {limits: {cpu: ~}}\n"
		"  - ~\n");
}

static void test_int_or_string(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: a\n"
		"    activeDeadlineSeconds: 30\n"
		"    retryStrategy: {limit: 3, backoff: {factor: \"2\"}}\n"
		"  - name: b\n"
		"    activeDeadlineSeconds: \"{{inputs.parameters.t}}\"\n"
		"    retryStrategy: {limit: \"3\"}\n"
		"  - name: c\n"
		"    retryStrategy: {limit: 1.5}\n"
		"  - name: d\n"
		"    retryStrategy: {limit: [1]}\n"
		"  - name: e\n"
		"    retryStrategy: {limit: on}\n"), 3);
	expect_diag(f, 0, WFC_RULE_type, 15, 28,
		    "'limit' must be an integer or a string, not a number");
	expect_diag(f, 1, WFC_RULE_type, 17, 28,
		    "'limit' must be an integer or a string, not a list");
	expect_diag(f, 2, WFC_RULE_type, 19, 28,
		    "'limit' must be an integer or a string, not a boolean "
		    "(YAML 1.1 reads 'on' as a boolean; quote it)");
}

static void test_quantity(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: a\n"
		"    container:\n"
		"      image: alpine\n"
		"      resources:\n"
		"        limits: {cpu: 1, memory: 1Gi, nvidia.com/gpu: \"1\"}\n"
		"        requests: {cpu: 0.5, memory: 64e6}\n"
		"  - name: b\n"
		"    container:\n"
		"      image: alpine\n"
		"      resources:\n"
		"        limits: {cpu: true, memory: [1]}\n"
		"        requests: [1]\n"
		"        limit: {}\n"), 4);
	expect_diag(f, 0, WFC_RULE_type, 18, 23,
		    "'cpu' must be a quantity (a string or a number), not a boolean");
	expect_diag(f, 1, WFC_RULE_type, 18, 37,
		    "'memory' must be a quantity (a string or a number), not a list");
	expect_diag(f, 2, WFC_RULE_type, 19, 19,
		    "'requests' must be a mapping, not a list");
	expect_diag(f, 3, WFC_RULE_unknown_field, 20, 9,
		    "unknown field 'limit'; did you mean 'limits'?");
}

static void test_any_string(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    inputs:\n"
		"      parameters:\n"
		"      - {name: a, value: 1}\n"
		"      - {name: b, value: true}\n"
		"      - {name: c, value: 1.5}\n"
		"      - {name: d, value: x, default: 0755, description: yes}\n"
		"      - {name: e, enum: [1, true, 1.5, x], default: 1}\n"
		"      - {name: f, valueFrom: {default: 2, path: /tmp/x}}\n"
		"      - {name: g, value: [1]}\n"
		"      - {name: h, value: {a: b}, globalName: 1}\n"
		"    container: {image: alpine}\n"), 3);
	expect_diag(f, 0, WFC_RULE_type, 17, 26,
		    "'value' must be a string, a number or a boolean, not a list");
	expect_diag(f, 1, WFC_RULE_type, 18, 26,
		    "'value' must be a string, a number or a boolean, not a mapping");
	expect_diag(f, 2, WFC_RULE_type, 18, 46,
		    "'globalName' must be a string, not an integer");
}

static void test_free_form_and_empty(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    steps:\n"
		"    - - name: a\n"
		"        template: p\n"
		"        withItems: [1, x, {a: [b]}, [c], true, ~]\n"
		"  - name: p\n"
		"    plugin: {hello: {anything: [1, {x: y}]}}\n"
		"    outputs:\n"
		"      artifacts:\n"
		"      - name: out-x\n"
		"        path: /x\n"
		"        archive: {none: {}, zip: {}}\n"
		"      - name: out-y\n"
		"        path: /y\n"
		"        archive: {none: {level: 1}, tar: {compressionLevel: 1}}\n"
		"      parameters:\n"
		"      - {name: s, valueFrom: {supplied: {}}}\n"
		"  - name: q\n"
		"    plugin: hello\n"), 2);
	expect_diag(f, 0, WFC_RULE_unknown_field, 22, 26,
		    "unknown field 'level' in NoneStrategy");
	expect_diag(f, 1, WFC_RULE_type, 26, 13,
		    "'plugin' must be a mapping, not a string");
}

static void test_nested_k8s(void **state)
{
	struct fixture *f = *state;
	expect_clean(f, WF_HEAD
		"  - name: main\n"
		"    affinity:\n"
		"      nodeAffinity:\n"
		"        requiredDuringSchedulingIgnoredDuringExecution:\n"
		"          nodeSelectorTerms:\n"
		"          - matchExpressions:\n"
		"            - {key: zone, operator: In, values: [a, b]}\n"
		"      podAntiAffinity:\n"
		"        preferredDuringSchedulingIgnoredDuringExecution:\n"
		"        - weight: 100\n"
		"          podAffinityTerm:\n"
		"            topologyKey: kubernetes.io/hostname\n"
		"            labelSelector: {matchLabels: {app: x}}\n"
		"    container:\n"
		"      image: alpine\n"
		"      resources: {limits: {memory: 32Mi}}\n"
		"      ports: [{containerPort: 8080, protocol: TCP}]\n"
		"      readinessProbe: {httpGet: {path: /, port: 8080}}\n"
		"      livenessProbe: {tcpSocket: {port: http}}\n"
		"      securityContext: {runAsUser: 1000, privileged: false}\n"
		"      volumeMounts: [{name: w, mountPath: /w}]\n"
		"    volumes:\n"
		"    - name: w\n"
		"      persistentVolumeClaim: {claimName: c, readOnly: true}\n"
		"    - name: cm\n"
		"      configMap: {name: c, defaultMode: 0644, items: [{key: k, path: p}]}\n"
		"  volumeClaimTemplates:\n"
		"  - metadata: {name: w}\n"
		"    spec:\n"
		"      accessModes: [ReadWriteOnce]\n"
		"      resources: {requests: {storage: 1Gi}}\n");

	expect_n(f, check(f, WF_HEAD
		"  - name: main\n"
		"    affinity:\n"
		"      nodeAffinity:\n"
		"        requiredDuringSchedulingIgnoredDuringExecution:\n"
		"          nodeSelectorTerms:\n"
		"          - matchExpressions:\n"
		"            - {key: zone, operater: In, values: a}\n"
		"    container:\n"
		"      image: alpine\n"
		"      resources: {limits: {memory: 32Mi}, limts: {}}\n"
		"    volumes:\n"
		"    - name: w\n"
		"      persistentVolumeClaim: {claimNam: c}\n"), 4);
	expect_diag(f, 0, WFC_RULE_unknown_field, 14, 27,
		    "unknown field 'operater'; did you mean 'operator'?");
	expect_diag(f, 1, WFC_RULE_type, 14, 49,
		    "'values' must be a list, not a string");
	expect_diag(f, 2, WFC_RULE_unknown_field, 17, 43,
		    "unknown field 'limts'; did you mean 'limits'?");
	expect_diag(f, 3, WFC_RULE_unknown_field, 20, 31,
		    "unknown field 'claimNam'; did you mean 'claimName'?");
}

static void test_other_kinds(void **state)
{
	struct fixture *f = *state;
	expect_clean(f,
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: CronWorkflow\n"
		"metadata: {name: c}\n"
		"spec:\n"
		"  schedules: [\"* * * * *\"]\n"
		"  concurrencyPolicy: Replace\n"
		"  startingDeadlineSeconds: 0\n"
		"  workflowSpec:\n"
		"    entrypoint: main\n"
		"    templates: [{name: main, suspend: {duration: \"10s\"}}]\n");
	expect_clean(f,
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: ClusterWorkflowTemplate\n"
		"metadata: {name: c, labels: {a: b}}\n"
		"spec:\n"
		"  templates:\n"
		"  - name: main\n"
		"    steps:\n"
		"    - - name: s\n"
		"        templateRef: {name: t, template: x, clusterScope: true}\n"
		"        inline: {container: {image: alpine}}\n");
	expect_n(f, check(f,
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: CronWorkflow\n"
		"metadata: {name: c}\n"
		"spec:\n"
		"  schedule: \"* * * * *\"\n"
		"  suspend: \"no\"\n"
		"  workflowSpec: {templates: [{name: main, containr: {}}]}\n"), 3);
	/* Argo 4's schema has only the list 'schedules'; the singular that
	 * Argo 3 files use is still read, with a warning */
	assert_string_equal(f->d.v[0].message,
			    "'schedule' was replaced by 'schedules' in Argo Workflows 4; wfc still reads it");
	assert_int_equal(f->d.v[0].severity, WFC_WARNING);
	assert_int_equal(f->d.v[0].pos.line, 5);
	assert_int_equal(f->d.v[0].pos.col, 3);
	expect_diag(f, 1, WFC_RULE_type, 6, 0,
		    "'suspend' must be a boolean, not a string");
	expect_diag(f, 2, WFC_RULE_unknown_field, 7, 43,
		    "unknown field 'containr'; did you mean 'container'?");
}

/* A node shared through aliases and merge keys is reported once. */
static void test_aliases(void **state)
{
	struct fixture *f = *state;
	expect_n(f, check(f, WF_HEAD
		"  - name: a\n"
		"    container: &c\n"
		"      image: alpine\n"
		"      foo: 1\n"
		"      tty: \"yes\"\n"
		"  - name: b\n"
		"    container: *c\n"
		"  - name: c\n"
		"    container:\n"
		"      <<: *c\n"
		"      image: other\n"
		"  - *c\n"), 5);
	/* the container's errors once, though it is checked three times */
	expect_diag(f, 0, WFC_RULE_unknown_field, 11, 7,
		    "unknown field 'foo' in Container");
	expect_diag(f, 1, WFC_RULE_type, 12, 0,
		    "'tty' must be a boolean, not a string");  /* "yes" stays a string */
	/* and as a template, which it is not */
	expect_diag(f, 2, WFC_RULE_unknown_field, 10, 7,
		    "unknown field 'image' in Template");
	expect_diag(f, 3, WFC_RULE_unknown_field, 11, 7,
		    "unknown field 'foo' in Template");
	expect_diag(f, 4, WFC_RULE_unknown_field, 12, 7,
		    "unknown field 'tty' in Template");
	assert_int_equal(f->d.errors, 5);
}

/* Many tasks: the check is linear and counts every error. */
static void test_large_dag(void **state)
{
	struct fixture *f = *state;
	enum { N = 2000 };
	size_t cap = 200 + (size_t)N * 160, len = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	len += (size_t)snprintf(text + len, cap - len, "%s", WF_HEAD
				"  - name: main\n    dag:\n      tasks:\n");
	for (int i = 0; i < N; i++)
		len += (size_t)snprintf(text + len, cap - len,
			"      - name: t%d\n        template: c\n"
			"        dependencies: [t%d]\n"
			"        arguments: {parameters: [{name: p, value: %d}]}\n"
			"%s",
			i, i ? i - 1 : 0, i, i % 100 == 99 ? "        bad: 1\n" : "");
	len += (size_t)snprintf(text + len, cap - len,
				"  - name: c\n    container: {image: alpine}\n");
	assert_true(len < cap);
	size_t n = check(f, text);
	assert_int_equal(n, N / 100);
	for (size_t i = 0; i < f->d.n; i++)
		assert_string_equal(f->d.v[i].message,
				    "unknown field 'bad' in DAGTask");
	free(text);
}

/* ---- Argo's own examples ---- */

struct paths {
	char **v;
	size_t n, cap;
};

static void collect_yaml(const char *dir, struct paths *p)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *path = malloc(len);
		assert_non_null(path);
		snprintf(path, len, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			collect_yaml(path, p);
			free(path);
			continue;
		}
		size_t nl = strlen(e->d_name);
		if (!(nl > 5 && strcmp(e->d_name + nl - 5, ".yaml") == 0) &&
		    !(nl > 4 && strcmp(e->d_name + nl - 4, ".yml") == 0)) {
			free(path);
			continue;
		}
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 64;
			p->v = realloc(p->v, p->cap * sizeof(*p->v));
			assert_non_null(p->v);
		}
		p->v[p->n++] = path;
	}
	closedir(dp);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += r;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(fp);
	*len = n;
	return buf;
}

static void test_corpus(void **state)
{
	(void)state;
	const char *dir = WFC_SHARED_DIR "/corpus/argo";
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		skip();
	struct paths p = { 0 };
	collect_yaml(dir, &p);
	qsort(p.v, p.n, sizeof(*p.v), cmp_str);
	size_t checked = 0, failed = 0, unloaded = 0;
	for (size_t i = 0; i < p.n; i++) {
		size_t len = 0;
		char *text = read_file(p.v[i], &len);
		assert_non_null(text);
		struct wfc_arena *a = wfc_arena_create();
		struct wfc_diags ld = { 0 }, d = { 0 };
		struct wfc_ydoc *docs = NULL;
		size_t ndocs = 0;
		/* the loader's findings are its own tests' business: shown, and
		 * the documents it could read are still checked */
		wfc_yaml_load(a, &ld, p.v[i], text, len, NULL, &docs, &ndocs);
		if (ld.n) {
			fprintf(stderr, "%s: note: the YAML loader reports:\n", p.v[i]);
			dump(&ld);
			unloaded++;
		}
		for (size_t j = 0; j < ndocs; j++) {
			const struct wfc_ynode *k = wfc_ymap_get(docs[j].root, "kind");
			const struct wfc_stype *t =
				wfc_yis_str(k) ? wfc_schema_for_kind(k->s.text) : NULL;
			if (!t)
				continue;
			wfc_schema_check(&d, docs[j].root, t);
			checked++;
		}
		if (d.n) {
			fprintf(stderr, "%s:\n", p.v[i]);
			dump(&d);
			failed++;
		}
		wfc_diags_free(&ld);
		wfc_diags_free(&d);
		free(docs);
		wfc_arena_destroy(a);
		free(text);
		free(p.v[i]);
	}
	free(p.v);
	fprintf(stderr, "schema: %zu files, %zu documents checked, %zu files "
		"with schema findings, %zu with YAML findings\n",
		p.n, checked, failed, unloaded);
	assert_int_equal(failed, 0);
	assert_true(checked >= 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lookup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_field_suggestion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_field_no_suggestion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_field_close_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_top_level, setup, teardown),
		cmocka_unit_test_setup_teardown(test_type_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_type_error_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_root_not_mapping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_int_or_string, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quantity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_any_string, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_form_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested_k8s, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_aliases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_dag, setup, teardown),
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
