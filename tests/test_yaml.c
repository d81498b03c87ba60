/* The YAML loader: positions, YAML 1.1 scalars as Kubernetes reads them,
 * merge keys, duplicate keys, and every limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frontend/yaml.h"

struct loaded {
	struct wfc_arena *a;
	struct wfc_diags d;
	struct wfc_ydoc *docs;
	size_t ndocs;
};

static void load_lim(struct loaded *l, const char *text, const struct wfc_limits *lim)
{
	memset(l, 0, sizeof(*l));
	l->a = wfc_arena_create();
	wfc_yaml_load(l->a, &l->d, "t.yaml", text, strlen(text), lim, &l->docs, &l->ndocs);
}

static void load(struct loaded *l, const char *text)
{
	load_lim(l, text, NULL);
}

static void unload(struct loaded *l)
{
	free(l->docs);
	wfc_diags_free(&l->d);
	wfc_arena_destroy(l->a);
}

static void positions_are_one_based(void **state)
{
	(void)state;
	struct loaded l;
	load(&l, "a: 1\nb:\n  - x\n  - \"y\"\n");
	assert_int_equal(l.d.n, 0);
	assert_int_equal(l.ndocs, 1);
	const struct wfc_ynode *r = l.docs[0].root;
	assert_int_equal(r->line, 1);
	assert_int_equal(r->col, 1);
	const struct wfc_ynode *b = wfc_ymap_get(r, "b");
	assert_int_equal(b->kind, WFC_YSEQ);
	assert_int_equal(b->seq.v[0]->line, 3);
	assert_int_equal(b->seq.v[0]->col, 5);
	/* a quoted scalar is reported at its opening quote */
	assert_int_equal(b->seq.v[1]->line, 4);
	assert_int_equal(b->seq.v[1]->col, 5);
	assert_int_equal(wfc_ymap_pair(r, "b")->key->col, 1);
	unload(&l);
}

static void check_scalar(const char *yaml, enum wfc_ytype type, const char *value)
{
	struct loaded l;
	load(&l, yaml);
	assert_int_equal(l.d.n, 0);
	const struct wfc_ynode *v = wfc_ymap_get(l.docs[0].root, "v");
	assert_non_null(v);
	if (v->type != type)
		fail_msg("%s: type %d, want %d", yaml, v->type, type);
	assert_string_equal(wfc_yscalar_value(l.a, v), value);
	unload(&l);
}

static void yaml11_scalars(void **state)
{
	(void)state;
	check_scalar("v: yes", WFC_YBOOL, "true");
	check_scalar("v: On", WFC_YBOOL, "true");
	check_scalar("v: n", WFC_YBOOL, "false");
	check_scalar("v: OFF", WFC_YBOOL, "false");
	check_scalar("v: 'yes'", WFC_YSTR, "yes");
	check_scalar("v: ~", WFC_YNULL, "");
	check_scalar("v:", WFC_YNULL, "");
	check_scalar("v: 0755", WFC_YINT, "493");
	check_scalar("v: 0x1F", WFC_YINT, "31");
	check_scalar("v: 1_000", WFC_YINT, "1000");
	check_scalar("v: -12", WFC_YINT, "-12");
	check_scalar("v: 08", WFC_YFLOAT, "8");
	check_scalar("v: 1e3", WFC_YFLOAT, "1000");
	check_scalar("v: 1.10", WFC_YFLOAT, "1.1");
	check_scalar("v: 0.5", WFC_YFLOAT, "0.5");
	check_scalar("v: .inf", WFC_YFLOAT, "+Inf");
	check_scalar("v: 1e21", WFC_YFLOAT, "1e+21");
	check_scalar("v: 1.2.3", WFC_YSTR, "1.2.3");
	check_scalar("v: nope", WFC_YSTR, "nope");
	check_scalar("v: !!str 12", WFC_YSTR, "12");
	check_scalar("v: \"0755\"", WFC_YSTR, "0755");
}

static void merge_keys_and_duplicates(void **state)
{
	(void)state;
	struct loaded l;
	load(&l, "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n");
	assert_int_equal(l.d.n, 0);
	const struct wfc_ynode *m = wfc_ymap_get(l.docs[0].root, "m");
	assert_int_equal(m->map.n, 2);
	assert_string_equal(wfc_ymap_get(m, "x")->s.text, "1");
	assert_string_equal(wfc_ymap_get(m, "y")->s.text, "3");
	unload(&l);

	load(&l, "a: 1\nb: 2\na: 3\n");
	assert_int_equal(l.d.n, 1);
	assert_int_equal(l.d.v[0].severity, WFC_WARNING);
	assert_int_equal(l.d.v[0].pos.line, 3);
	assert_string_equal(wfc_ymap_get(l.docs[0].root, "a")->s.text, "3");
	assert_int_equal(l.docs[0].root->map.n, 2);
	unload(&l);
}

static void syntax_errors_have_positions(void **state)
{
	(void)state;
	struct loaded l;
	load(&l, "a: 1\nb: [x, y\n");
	assert_true(l.d.errors >= 1);
	assert_int_equal(l.d.v[0].rule, WFC_RULE_yaml);
	assert_true(l.d.v[0].pos.line >= 2);
	unload(&l);

	load(&l, "a: *nope\n");
	assert_int_equal(l.d.errors, 1);
	assert_string_equal(l.d.v[0].message, "unknown alias 'nope'");
	assert_int_equal(l.d.v[0].pos.col, 4);
	unload(&l);
}

static void depth_limit(void **state)
{
	(void)state;
	char buf[2048] = "a: ";
	for (int i = 0; i < 300; i++)
		strcat(buf, "[");
	for (int i = 0; i < 300; i++)
		strcat(buf, "]");
	struct loaded l;
	load(&l, buf);
	assert_int_equal(l.d.errors, 1);
	assert_int_equal(l.d.v[0].rule, WFC_RULE_limit);
	assert_string_equal(l.d.v[0].message, "nesting deeper than 256 levels");
	unload(&l);

	struct wfc_limits lim;
	wfc_limits_default(&lim);
	lim.max_depth = 3;
	load_lim(&l, "a: {b: {c: 1}}", &lim);
	assert_int_equal(l.d.errors, 0);
	unload(&l);
	load_lim(&l, "a: {b: {c: [1]}}", &lim);
	assert_int_equal(l.d.errors, 1);
	unload(&l);
}

static void alias_expansion_limit(void **state)
{
	(void)state;
	const char *laughs =
		"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
	struct loaded l;
	load(&l, laughs);
	assert_int_equal(l.d.n, 1);
	assert_int_equal(l.d.v[0].rule, WFC_RULE_limit);
	assert_string_equal(l.d.v[0].message, "alias expansion exceeds 1000000 nodes in one document");
	assert_int_equal(l.d.v[0].pos.line, 6);  /* f: 10^6 nodes through aliases */
	unload(&l);
}

static void document_and_size_limits(void **state)
{
	(void)state;
	struct wfc_limits lim;
	wfc_limits_default(&lim);
	lim.max_documents = 2;
	struct loaded l;
	load_lim(&l, "a: 1\n---\nb: 2\n---\nc: 3\n", &lim);
	assert_int_equal(l.d.errors, 1);
	assert_int_equal(l.d.v[0].pos.line, 4);
	assert_int_equal(l.ndocs, 2);
	unload(&l);

	lim.max_documents = 10;
	lim.max_file_size = 4;
	load_lim(&l, "a: 12345\n", &lim);
	assert_int_equal(l.d.errors, 1);
	assert_int_equal(l.d.v[0].rule, WFC_RULE_limit);
	assert_int_equal(l.ndocs, 0);
	unload(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positions_are_one_based),
		cmocka_unit_test(yaml11_scalars),
		cmocka_unit_test(merge_keys_and_duplicates),
		cmocka_unit_test(syntax_errors_have_positions),
		cmocka_unit_test(depth_limit),
		cmocka_unit_test(alias_expansion_limit),
		cmocka_unit_test(document_and_size_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
