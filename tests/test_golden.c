/* Golden tests, run in-process:
 * - testdata/validate/NAME.yaml: the findings in text format (no colour)
 *   followed by "exit: N", the status "wfc validate" would exit with;
 * - testdata/compile/NAME.yaml: the objects "wfc compile" prints (YAML, or
 *   JSON with -o json), then the findings, then "exit: N";
 * - testdata/graph/NAME.yaml: the graphs "wfc graph" prints (DOT, or
 *   Mermaid with --format mermaid), then the findings, then "exit: N";
 * each must equal NAME.expected beside it byte for byte.
 *
 * NAME.args, when present, holds extra flags: --strict,
 * --allow-missing-templates, -t DIR (DIR relative to the source tree), and
 * for compile and graph -p NAME=VALUE, --name NAME; for compile -n NS,
 * -o json, --job-creation lazy, --coordinator-service-account NAME,
 * --runtime-image IMAGE; for graph --format dot|mermaid.
 * With WFC_UPDATE_GOLDEN=1 in the environment the actual output is written to
 * the .expected files instead (review the change with git diff). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/emit.h"
#include "wfc.h"

#define MAX_TEMPLATE_DIRS 16
#define MAX_PARAMS 32
#define DIFF_MAX_CELLS ((size_t)4 << 20)  /* larger texts: no diff, both texts */

/* What a case prints before its findings and exit status. */
enum golden_mode {
	GOLDEN_VALIDATE,  /* nothing */
	GOLDEN_COMPILE,   /* the objects */
	GOLDEN_GRAPH,     /* the graphs */
};

static const struct {
	const char *dir;
	enum golden_mode mode;
} golden_dirs[] = {
	{ "testdata/validate", GOLDEN_VALIDATE },
	{ "testdata/compile", GOLDEN_COMPILE },
	{ "testdata/graph", GOLDEN_GRAPH },
};

struct golden {
	const char *dir;  /* one of golden_dirs */
	char *name;       /* "dag-cycle", from dag-cycle.yaml */
	enum golden_mode mode;
	bool update;
};

/* The flags of NAME.args. */
struct golden_args {
	bool strict;
	bool allow_missing_templates;
	const char *templates[MAX_TEMPLATE_DIRS];
	size_t ntemplates;
	struct wfc_arg params[MAX_PARAMS];
	size_t nparams;
	struct wfc_compile_cfg cc;
	bool json;
	enum wfc_graph_format graph_format;
};

static char *path_of(const char *dir, const char *name, const char *ext)
{
	size_t n = strlen(dir) + strlen(name) + strlen(ext) + 2;
	char *p = malloc(n);
	if (!p)
		abort();
	snprintf(p, n, "%s/%s%s", dir, name, ext);
	return p;
}

/* The whole file, NUL-terminated; NULL (errno set) when it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			char *nb = realloc(buf, cap = cap * 2 + 4096);
			if (!nb)
				goto err_out;
			buf = nb;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f))
		goto err_out;
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
err_out:
	free(buf);
	fclose(f);
	return NULL;
}

static bool write_all(const char *path, const char *s, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return false;
	bool ok = fwrite(s, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}

/* Splits the text of NAME.args (kept in text) into a; returns false with a
 * message for anything else than the few flags supported. */
static bool parse_args(char *text, struct golden_args *a, char *why,
		       size_t whylen)
{
	static const char *const ws = " \t\r\n";
	char *save = NULL;

	for (char *t = strtok_r(text, ws, &save); t;
	     t = strtok_r(NULL, ws, &save)) {
		if (strcmp(t, "--strict") == 0) {
			a->strict = true;
		} else if (strcmp(t, "--allow-missing-templates") == 0) {
			a->allow_missing_templates = true;
		} else if (strcmp(t, "-t") == 0 ||
			   strcmp(t, "--templates") == 0) {
			char *dir = strtok_r(NULL, ws, &save);
			if (!dir || a->ntemplates == MAX_TEMPLATE_DIRS) {
				snprintf(why, whylen, "'%s' needs a directory", t);
				return false;
			}
			a->templates[a->ntemplates++] = dir;
		} else if (strcmp(t, "-p") == 0 && a->nparams < MAX_PARAMS) {
			char *kv = strtok_r(NULL, ws, &save);
			char *eq = kv ? strchr(kv, '=') : NULL;
			if (!eq) {
				snprintf(why, whylen, "-p needs NAME=VALUE");
				return false;
			}
			*eq = '\0';
			a->params[a->nparams].name = kv;
			a->params[a->nparams].value = eq + 1;
			a->params[a->nparams++].origin = "-p";
		} else if (strcmp(t, "--name") == 0) {
			a->cc.name = strtok_r(NULL, ws, &save);
		} else if (strcmp(t, "-n") == 0) {
			a->cc.namespace = strtok_r(NULL, ws, &save);
		} else if (strcmp(t, "--runtime-image") == 0) {
			a->cc.runtime_image = strtok_r(NULL, ws, &save);
		} else if (strcmp(t, "--coordinator-service-account") == 0) {
			a->cc.coordinator_sa = strtok_r(NULL, ws, &save);
		} else if (strcmp(t, "-o") == 0) {
			const char *f = strtok_r(NULL, ws, &save);
			a->json = f && strcmp(f, "json") == 0;
		} else if (strcmp(t, "--format") == 0) {
			const char *f = strtok_r(NULL, ws, &save);
			if (f && strcmp(f, "dot") == 0) {
				a->graph_format = WFC_GRAPH_DOT;
			} else if (f && strcmp(f, "mermaid") == 0) {
				a->graph_format = WFC_GRAPH_MERMAID;
			} else {
				snprintf(why, whylen, "--format needs dot or mermaid");
				return false;
			}
		} else if (strcmp(t, "--job-creation") == 0) {
			const char *f = strtok_r(NULL, ws, &save);
			a->cc.lazy_jobs = f && strcmp(f, "lazy") == 0;
		} else {
			snprintf(why, whylen, "unsupported flag '%s'", t);
			return false;
		}
	}
	return true;
}

static int emit_to(void *user, cJSON *obj)
{
	int rc = wfc_emit_object(user, obj);
	cJSON_Delete(obj);
	return rc;
}

/* Runs yaml as "wfc validate|compile|graph [args] yaml" would; returns
 * what it prints, the findings and the exit line, malloc'd. */
static char *run_case(const char *yaml, const struct golden_args *a,
		      enum golden_mode mode, size_t *len)
{
	struct wfc_cfg cfg;
	struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT,
				     .color = false };
	char *out = NULL;
	FILE *f = open_memstream(&out, len);

	assert_non_null(f);
	wfc_cfg_default(&cfg);
	cfg.allow_missing_templates = a->allow_missing_templates;
	struct wfc_ctx *ctx = wfc_ctx_create(&cfg);
	assert_non_null(ctx);
	for (size_t i = 0; i < a->ntemplates; i++)
		wfc_add_path(ctx, a->templates[i], true);
	wfc_add_path(ctx, yaml, false);
	wfc_validate(ctx);

	const struct wfc_diags *d = wfc_ctx_diags(ctx);
	struct wfc_compile_cfg cc = a->cc;
	cc.args = a->params;
	cc.nargs = a->nparams;
	bool clean = d->errors == 0 && wfc_ctx_read_failures(ctx) == 0;
	if (clean && mode == GOLDEN_COMPILE) {
		struct wfc_emitter *e = wfc_emitter_create(f, a->json ? WFC_EMIT_JSON
								      : WFC_EMIT_YAML);
		assert_non_null(e);
		wfc_compile(ctx, &cc, emit_to, e);
		assert_int_equal(wfc_emitter_finish(e), 0);
		wfc_emitter_destroy(e);
	} else if (clean && mode == GOLDEN_GRAPH) {
		wfc_graph(ctx, &cc, a->graph_format, f);
	}
	int rc = wfc_diags_print(f, d, wfc_ctx_sources(ctx), &po);
	int status = wfc_ctx_read_failures(ctx) > 0 ? 2 :
		     d->errors > 0 || (a->strict && d->warnings > 0) ? 1 :
								      0;
	fprintf(f, "exit: %d\n", status);
	wfc_ctx_destroy(ctx);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(rc, 0);
	return out;
}

struct lines {
	const char **v;  /* into the text */
	size_t *len;
	size_t n;
};

static void split_lines(const char *s, size_t len, struct lines *l)
{
	size_t cap = 1;
	for (size_t i = 0; i < len; i++)
		cap += s[i] == '\n';
	l->v = calloc(cap, sizeof(*l->v));
	l->len = calloc(cap, sizeof(*l->len));
	assert_true(l->v && l->len);
	l->n = 0;
	for (size_t i = 0; i < len;) {
		const char *e = memchr(s + i, '\n', len - i);
		size_t n = e ? (size_t)(e - (s + i)) : len - i;
		l->v[l->n] = s + i;
		l->len[l->n++] = n;
		i += n + 1;
	}
}

static bool line_eq(const struct lines *a, size_t i, const struct lines *b,
		    size_t j)
{
	return a->len[i] == b->len[j] &&
	       memcmp(a->v[i], b->v[j], a->len[i]) == 0;
}

/* A line diff from the longest common subsequence: "-" expected only,
 * "+" actual only, " " both. */
static void print_diff(const char *exp, size_t elen, const char *act,
		       size_t alen)
{
	struct lines a, b;
	split_lines(exp, elen, &a);
	split_lines(act, alen, &b);
	size_t w = b.n + 1;
	size_t *t = NULL;

	if ((a.n + 1) * w <= DIFF_MAX_CELLS)
		t = calloc((a.n + 1) * w, sizeof(*t));
	if (!t) {
		print_error("--- expected\n%.*s--- actual\n%.*s", (int)elen, exp,
			    (int)alen, act);
		goto out;
	}
	/* t[i][j]: common lines of a[i..] and b[j..] */
	for (size_t i = a.n; i-- > 0;)
		for (size_t j = b.n; j-- > 0;)
			t[i * w + j] = line_eq(&a, i, &b, j) ?
					       t[(i + 1) * w + j + 1] + 1 :
				       t[(i + 1) * w + j] > t[i * w + j + 1] ?
					       t[(i + 1) * w + j] :
					       t[i * w + j + 1];
	print_error("--- expected\n+++ actual\n");
	size_t i = 0, j = 0;
	while (i < a.n || j < b.n) {
		if (i < a.n && j < b.n && line_eq(&a, i, &b, j)) {
			print_error(" %.*s\n", (int)a.len[i], a.v[i]);
			i++, j++;
		} else if (i < a.n &&
			   (j == b.n || t[(i + 1) * w + j] >= t[i * w + j + 1])) {
			print_error("-%.*s\n", (int)a.len[i], a.v[i]);
			i++;
		} else {
			print_error("+%.*s\n", (int)b.len[j], b.v[j]);
			j++;
		}
	}
	if (elen && alen && (exp[elen - 1] == '\n') != (act[alen - 1] == '\n'))
		print_error("(one text ends without a newline)\n");
out:
	free(t);
	free(a.v);
	free(a.len);
	free(b.v);
	free(b.len);
}

static void test_golden(void **state)
{
	const struct golden *g = *state;
	char *yaml = path_of(g->dir, g->name, ".yaml");
	char *exp_path = path_of(g->dir, g->name, ".expected");
	char *args_path = path_of(g->dir, g->name, ".args");
	struct golden_args args = { 0 };
	char why[256] = "";
	size_t alen = 0, elen = 0, arglen = 0;
	char *argtext = read_all(args_path, &arglen);
	bool ok = true;

	if (!argtext && errno != ENOENT) {
		snprintf(why, sizeof(why), "cannot read %s: %s", args_path,
			 strerror(errno));
		ok = false;
	} else if (argtext) {
		char msg[200];
		ok = parse_args(argtext, &args, msg, sizeof(msg));
		if (!ok)
			snprintf(why, sizeof(why), "%s: %s", args_path, msg);
	}
	char *actual = ok ? run_case(yaml, &args, g->mode, &alen) : NULL;
	char *expected = ok ? read_all(exp_path, &elen) : NULL;

	if (ok && g->update) {
		if (!expected || elen != alen || memcmp(expected, actual, alen)) {
			ok = write_all(exp_path, actual, alen);
			if (ok)
				print_message("updated %s\n", exp_path);
			else
				snprintf(why, sizeof(why), "cannot write %s: %s",
					 exp_path, strerror(errno));
		}
	} else if (ok && !expected) {
		snprintf(why, sizeof(why),
			 "cannot read %s (WFC_UPDATE_GOLDEN=1 creates it): %s",
			 exp_path, strerror(errno));
		ok = false;
	} else if (ok && (elen != alen || memcmp(expected, actual, alen))) {
		print_error("%s: output differs from %s\n", yaml, exp_path);
		print_diff(expected, elen, actual, alen);
		snprintf(why, sizeof(why),
			 "%s differs (WFC_UPDATE_GOLDEN=1 rewrites it)", exp_path);
		ok = false;
	}
	free(actual);
	free(expected);
	free(argtext);
	free(yaml);
	free(exp_path);
	free(args_path);
	if (!ok)
		fail_msg("%s", why);
}

/* The cases of every golden directory, each directory's sorted by name;
 * appended to *v. */
static void list_cases(const char *dirname, enum golden_mode mode, bool update,
		       struct golden **v, size_t *n)
{
	DIR *dir = opendir(dirname);
	struct dirent *e;
	size_t first = *n;

	if (!dir)
		return;
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		struct golden *nv = realloc(*v, (*n + 1) * sizeof(**v));
		if (!nv)
			abort();
		*v = nv;
		nv[*n].dir = dirname;
		nv[*n].mode = mode;
		nv[*n].update = update;
		if (!(nv[*n].name = strndup(e->d_name, len - 5)))
			abort();
		(*n)++;
	}
	closedir(dir);
	for (size_t i = first + 1; i < *n; i++)
		for (size_t j = i; j > first && strcmp((*v)[j - 1].name, (*v)[j].name) > 0; j--) {
			struct golden t = (*v)[j];
			(*v)[j] = (*v)[j - 1];
			(*v)[j - 1] = t;
		}
}

int main(void)
{
	const char *upd = getenv("WFC_UPDATE_GOLDEN");
	bool update = upd && strcmp(upd, "1") == 0;
	struct golden *cases = NULL;
	size_t n = 0;
	int rc = 1;

	if (chdir(WFC_SOURCE_DIR) != 0) {
		fprintf(stderr, "test_golden: cannot enter %s: %s\n",
			WFC_SOURCE_DIR, strerror(errno));
		return 1;
	}
	for (size_t k = 0; k < sizeof(golden_dirs) / sizeof(golden_dirs[0]); k++)
		list_cases(golden_dirs[k].dir, golden_dirs[k].mode, update, &cases, &n);
	if (n == 0) {
		fprintf(stderr, "test_golden: no golden cases\n");
		goto err_out;
	}
	struct CMUnitTest *tests = calloc(n, sizeof(*tests));
	char **test_names = calloc(n, sizeof(*test_names));
	if (tests && test_names) {
		for (size_t i = 0; i < n; i++) {
			test_names[i] = path_of(cases[i].dir, cases[i].name, ".yaml");
			tests[i].name = test_names[i];
			tests[i].test_func = test_golden;
			tests[i].initial_state = &cases[i];
		}
		rc = _cmocka_run_group_tests("golden", tests, n, NULL, NULL);
		for (size_t i = 0; i < n; i++)
			free(test_names[i]);
	}
	free(test_names);
	free(tests);
err_out:
	for (size_t i = 0; i < n; i++)
		free(cases[i].name);
	free(cases);
	return rc;
}
