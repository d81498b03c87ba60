/* Every workflow of Argo's own examples (../shared/corpus/argo, when it is
 * there) validates with zero errors, with the corpus's template libraries
 * given as -t so templateRefs between its files resolve. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "frontend/input.h"
#include "wfc.h"

#define CORPUS WFC_SHARED_DIR "/corpus/argo"

struct names {
	char **v;
	bool *defines_templates;  /* holds a WorkflowTemplate or ClusterWorkflowTemplate */
	size_t n;
};

static void collect(void *user, const char *name, char *text, size_t len)
{
	struct names *n = user;
	(void)len;
	n->v = realloc(n->v, (n->n + 1) * sizeof(*n->v));
	n->defines_templates = realloc(n->defines_templates, (n->n + 1) * sizeof(bool));
	n->defines_templates[n->n] = strstr(text, "kind: WorkflowTemplate") ||
				     strstr(text, "kind: ClusterWorkflowTemplate");
	n->v[n->n++] = strdup(name);
	free(text);
}

static void corpus_validates_clean(void **state)
{
	(void)state;
	struct stat st;
	if (stat(CORPUS, &st) != 0) {
		print_message("corpus not found at %s: skipped\n", CORPUS);
		skip();
	}
	struct wfc_diags d = { 0 };
	struct names files = { 0 };
	wfc_read_path(&d, CORPUS, WFC_DEFAULT_MAX_FILE_SIZE, collect, &files);
	assert_int_equal(d.n, 0);
	assert_true(files.n > 100);
	size_t failed = 0, docs = 0;
	for (size_t i = 0; i < files.n; i++) {
		struct wfc_ctx *ctx = wfc_ctx_create(NULL);
		assert_non_null(ctx);
		/* every template library of the corpus, so templateRefs resolve */
		for (size_t k = 0; k < files.n; k++)
			if (files.defines_templates[k])
				assert_int_equal(wfc_add_path(ctx, files.v[k], true), 0);
		assert_int_equal(wfc_add_path(ctx, files.v[i], false), 0);
		size_t errors = wfc_validate(ctx);
		docs += wfc_ctx_documents(ctx);
		if (errors) {
			failed++;
			print_message("%s: %zu errors\n", files.v[i], errors);
			struct wfc_print_opts o = { .format = WFC_FORMAT_TEXT };
			wfc_diags_print(stdout, wfc_ctx_diags(ctx), wfc_ctx_sources(ctx), &o);
		}
		wfc_ctx_destroy(ctx);
	}
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	free(files.defines_templates);
	wfc_diags_free(&d);
	print_message("%zu corpus files checked, %zu with errors\n", files.n, failed);
	assert_int_equal(failed, 0);
	assert_true(docs > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_validates_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
