/* The IR pipeline in-process: resolution across documents, library
 * documents, the dump after a pass, and a finding per rule with its place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wfc.h"

static struct wfc_ctx *run(const char *yaml, const char *library, struct wfc_cfg *cfg)
{
	struct wfc_ctx *ctx = wfc_ctx_create(cfg);
	assert_non_null(ctx);
	if (library)
		assert_int_equal(wfc_add_text(ctx, "lib.yaml", library, strlen(library), true), 0);
	assert_int_equal(wfc_add_text(ctx, "wf.yaml", yaml, strlen(yaml), false), 0);
	wfc_validate(ctx);
	return ctx;
}

/* The one finding of rule r, at line:col. */
static void expect_one(struct wfc_ctx *ctx, enum wfc_rule r, unsigned line, unsigned col,
		       const char *msg_part)
{
	const struct wfc_diags *d = wfc_ctx_diags(ctx);
	size_t found = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].rule != r)
			continue;
		found++;
		if (d->v[i].pos.line != line || d->v[i].pos.col != col ||
		    !strstr(d->v[i].message, msg_part))
			fail_msg("got %u:%u %s", d->v[i].pos.line, d->v[i].pos.col, d->v[i].message);
	}
	assert_int_equal(found, 1);
}

static const char *const lib =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: ClusterWorkflowTemplate\n"
	"metadata:\n"
	"  name: shared\n"
	"spec:\n"
	"  templates:\n"
	"  - name: say\n"
	"    inputs:\n"
	"      parameters:\n"
	"      - name: msg\n"
	"    container:\n"
	"      image: busybox\n"
	"      args: [\"{{inputs.parameters.msg}}\"]\n"
	"  - name: broken\n"
	"    container:\n"
	"      args: [\"{{inputs.parameters.nothing}}\"]\n";

static const char *const wf =
	"apiVersion: argoproj.io/v1alpha1\n"
	"kind: Workflow\n"
	"metadata:\n"
	"  generateName: t-\n"
	"spec:\n"
	"  entrypoint: main\n"
	"  templates:\n"
	"  - name: main\n"
	"    steps:\n"
	"    - - name: a\n"
	"        templateRef: {name: shared, template: say, clusterScope: true}\n";

static void cluster_template_ref_supplies_inputs(void **state)
{
	(void)state;
	struct wfc_ctx *ctx = run(wf, lib, NULL);
	/* the library's unused broken template is not the user's problem */
	assert_int_equal(wfc_ctx_diags(ctx)->errors, 1);
	expect_one(ctx, WFC_RULE_argument, 10, 15, "inputs.parameters.msg was not supplied");
	wfc_ctx_destroy(ctx);
}

static void missing_template_is_warning_when_allowed(void **state)
{
	(void)state;
	struct wfc_cfg cfg;
	wfc_cfg_default(&cfg);
	struct wfc_ctx *ctx = run(wf, NULL, &cfg);
	expect_one(ctx, WFC_RULE_template_ref, 11, 29, "no ClusterWorkflowTemplate 'shared'");
	assert_int_equal(wfc_ctx_diags(ctx)->v[0].severity, WFC_ERROR);
	wfc_ctx_destroy(ctx);

	cfg.allow_missing_templates = true;
	ctx = run(wf, NULL, &cfg);
	assert_int_equal(wfc_ctx_diags(ctx)->errors, 0);
	assert_int_equal(wfc_ctx_diags(ctx)->warnings, 1);
	wfc_ctx_destroy(ctx);
}

/* The graph dumped after pass (--dump-ir=PASS) for yaml; malloc'd. */
static char *dump_after(const char *yaml, const char *library, const char *pass)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct wfc_cfg cfg;
	wfc_cfg_default(&cfg);
	cfg.dump_ir = pass;
	cfg.dump_out = out;
	struct wfc_ctx *ctx = run(yaml, library, &cfg);
	fclose(out);
	wfc_ctx_destroy(ctx);
	return buf;
}

static void dump_after_resolve(void **state)
{
	(void)state;
	char *buf = dump_after(wf, lib, "resolve");
	assert_non_null(strstr(buf, "# graph after pass 'resolve'\n"));
	assert_non_null(strstr(buf, "Workflow t- (wf.yaml:1)\n  entrypoint main\n"));
	assert_non_null(strstr(buf, "    step a [group 0] -> shared/say\n"));
	assert_non_null(strstr(buf, "ClusterWorkflowTemplate shared (lib.yaml:1) library\n"));
	free(buf);
	const char *const *names = wfc_pass_names();
	assert_string_equal(names[0], "index");
	assert_string_equal(names[1], "resolve");
}

/* Pass "results": a call is marked when the template that makes it names
 * its outputs.result in any form (tag, expression, brackets); an owner
 * that cannot be read marks every call of that template. */
static void results_marks_referenced_calls(void **state)
{
	(void)state;
	const char *y =
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: Workflow\n"
		"metadata:\n"
		"  name: results\n"
		"spec:\n"
		"  entrypoint: main\n"
		"  templates:\n"
		"  - name: main\n"
		"    steps:\n"
		"    - - {name: tag, template: c}\n"
		"      - {name: expr, template: c}\n"
		"      - {name: quoted-name, template: c}\n"
		"      - {name: unused, template: c}\n"
		"      - {name: results-only, template: c}\n"
		"    - - name: use\n"
		"        template: d\n"
		"        when: \"{{=steps.expr.outputs.result == 'x'}}\"\n"
		"        arguments:\n"
		"          parameters:\n"
		"          - {name: a, value: \"{{steps.tag.outputs.result}}\"}\n"
		"          - {name: b, value: \"{{=steps['quoted-name'].outputs.result}}\"}\n"
		"          - {name: c, value: \"{{steps.results-only.outputs.parameters.p}}\"}\n"
		"    - - {name: dag, template: graph}\n"
		"  - name: graph\n"
		"    dag:\n"
		"      tasks:\n"
		"      - {name: x, template: c}\n"
		"      - {name: w, template: c}\n"
		"      - name: z\n"
		"        depends: x && w\n"
		"        template: d\n"
		"        arguments:\n"
		"          parameters:\n"
		"          - {name: a, value: \"{{=tasks[name].outputs.result}}\"}\n"
		"          - {name: b, value: b}\n"
		"          - {name: c, value: c}\n"
		"  - name: c\n"
		"    outputs:\n"
		"      parameters:\n"
		"      - {name: p, valueFrom: {path: /tmp/p}}\n"
		"    container: {image: busybox}\n"
		"  - name: d\n"
		"    inputs:\n"
		"      parameters: [{name: a}, {name: b}, {name: c}]\n"
		"    container: {image: busybox}\n";
	char *buf = dump_after(y, NULL, "results");
	assert_non_null(strstr(buf, "    step tag [group 0] [result used] -> results/c\n"));
	assert_non_null(strstr(buf, "    step expr [group 0] [result used] -> results/c\n"));
	assert_non_null(strstr(buf, "    step quoted-name [group 0] [result used] -> results/c\n"));
	assert_non_null(strstr(buf, "    step unused [group 0] -> results/c\n"));
	assert_non_null(strstr(buf, "    step results-only [group 0] -> results/c\n"));
	assert_non_null(strstr(buf, "    step use [group 1] -> results/d\n"));
	/* tasks[name]: whose, nobody can tell: every task is kept */
	assert_non_null(strstr(buf, "    task x [result used] -> results/c\n"));
	assert_non_null(strstr(buf, "    task w [result used] -> results/c\n"));
	free(buf);
}

static void exit_handler_sees_status(void **state)
{
	(void)state;
	const char *y =
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: WorkflowTemplate\n"
		"metadata:\n"
		"  name: exit\n"
		"spec:\n"
		"  entrypoint: main\n"
		"  templates:\n"
		"  - name: main\n"
		"    steps:\n"
		"    - - name: a\n"
		"        template: report\n"
		"        hooks:\n"
		"          exit:\n"
		"            template: report\n"
		"    - - name: b\n"
		"        template: echo\n"
		"  - name: report\n"
		"    container: {image: busybox, args: [\"{{workflow.status}}\"]}\n"
		"  - name: echo\n"
		"    container: {image: busybox, args: [\"{{workflow.failures}}\"]}\n";
	struct wfc_ctx *ctx = run(y, NULL, NULL);
	expect_one(ctx, WFC_RULE_reference, 20, 41, "only available in exit handlers");
	wfc_ctx_destroy(ctx);
}

static void with_param_items_and_task_ancestors(void **state)
{
	(void)state;
	const char *y =
		"apiVersion: argoproj.io/v1alpha1\n"
		"kind: Workflow\n"
		"metadata:\n"
		"  name: fan\n"
		"spec:\n"
		"  entrypoint: main\n"
		"  templates:\n"
		"  - name: main\n"
		"    dag:\n"
		"      tasks:\n"
		"      - name: gen\n"
		"        template: gen\n"
		"      - name: use\n"
		"        template: echo\n"
		"        depends: gen\n"
		"        withParam: \"{{tasks.gen.outputs.result}}\"\n"
		"        arguments: {parameters: [{name: m, value: \"{{item.anything}}\"}]}\n"
		"      - name: side\n"
		"        template: echo\n"
		"        arguments: {parameters: [{name: m, value: \"{{tasks.use.outputs.result}}\"}]}\n"
		"  - name: gen\n"
		"    script: {image: python, command: [python], source: \"print([1])\"}\n"
		"  - name: echo\n"
		"    inputs: {parameters: [{name: m}]}\n"
		"    container: {image: busybox, args: [\"{{inputs.parameters.m}}\"]}\n";
	struct wfc_ctx *ctx = run(y, NULL, NULL);
	expect_one(ctx, WFC_RULE_reference, 20, 52, "not a dependency of this one");
	assert_int_equal(wfc_ctx_diags(ctx)->errors, 1);
	wfc_ctx_destroy(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cluster_template_ref_supplies_inputs),
		cmocka_unit_test(missing_template_is_warning_when_allowed),
		cmocka_unit_test(dump_after_resolve),
		cmocka_unit_test(results_marks_referenced_calls),
		cmocka_unit_test(exit_handler_sees_status),
		cmocka_unit_test(with_param_items_and_task_ancestors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
