/* The compilation context: inputs, one arena, the findings, and the
 * pipeline frontend -> graph -> passes. */
#include <stdlib.h>
#include <string.h>

#include "frontend/ast.h"
#include "frontend/input.h"
#include "frontend/schema.h"
#include "ir/ir.h"
#include "ir/subst.h"
#include "wfc.h"

struct wfc_ctx {
	struct wfc_cfg cfg;
	struct wfc_arena *arena;
	struct wfc_diags diags;
	struct wfc_sources sources;
	char **real;                   /* realpath of each source, or NULL */
	struct wfc_doc **docs;
	bool *library;
	size_t *doc_source;
	size_t ndocs, cap;
	size_t read_failures;
	bool adding_library;
	struct wfc_graph *graph;       /* built by wfc_validate */
};

void wfc_cfg_default(struct wfc_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	wfc_limits_default(&cfg->limits);
}

struct wfc_ctx *wfc_ctx_create(const struct wfc_cfg *cfg)
{
	struct wfc_ctx *ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return NULL;
	if (cfg)
		ctx->cfg = *cfg;
	else
		wfc_cfg_default(&ctx->cfg);
	ctx->arena = wfc_arena_create();
	return ctx;
}

static void graph_free(struct wfc_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->ndocs; i++) {
		struct wfc_gdoc *gd = &g->docs[i];
		wfc_strmap_free(&gd->by_name);
		wfc_strmap_free(&gd->globals);
		for (size_t j = 0; j < gd->ntmpls; j++)
			wfc_strmap_free(&gd->tmpls[j].tasks);
		for (size_t j = 0; j < gd->nextra; j++)
			wfc_strmap_free(&gd->extra[j]->tasks);
	}
	wfc_strmap_free(&g->wftmpls);
	wfc_strmap_free(&g->cwftmpls);
}

void wfc_ctx_destroy(struct wfc_ctx *ctx)
{
	if (!ctx)
		return;
	for (size_t i = 0; i < ctx->sources.n; i++) {
		free((char *)ctx->sources.v[i].name);
		free((char *)ctx->sources.v[i].text);
	}
	for (size_t i = 0; i < ctx->sources.n; i++)
		free(ctx->real[i]);
	free(ctx->real);
	free(ctx->sources.v);
	free(ctx->docs);
	free(ctx->doc_source);
	free(ctx->library);
	graph_free(ctx->graph);
	wfc_diags_free(&ctx->diags);
	wfc_arena_destroy(ctx->arena);
	free(ctx);
}

static void add_doc(struct wfc_ctx *ctx, struct wfc_doc *doc)
{
	if (ctx->ndocs == ctx->cap) {
		ctx->cap = ctx->cap ? ctx->cap * 2 : 16;
		struct wfc_doc **d = realloc(ctx->docs, ctx->cap * sizeof(*d));
		bool *l = realloc(ctx->library, ctx->cap * sizeof(*l));
		size_t *src = realloc(ctx->doc_source, ctx->cap * sizeof(*src));
		if (!d || !l || !src)
			abort();
		ctx->docs = d;
		ctx->library = l;
		ctx->doc_source = src;
	}
	ctx->library[ctx->ndocs] = ctx->adding_library;
	ctx->doc_source[ctx->ndocs] = ctx->sources.n - 1;
	ctx->docs[ctx->ndocs++] = doc;
}

/* Keeps a text among the sources, for the printers, without reading it as
 * workflows (parameter files). */
static void keep_text(void *user, const char *name, char *text, size_t len)
{
	struct wfc_ctx *ctx = user;
	struct wfc_sources *s = &ctx->sources;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->v = realloc(s->v, s->cap * sizeof(*s->v));
		ctx->real = realloc(ctx->real, s->cap * sizeof(*ctx->real));
		if (!s->v || !ctx->real)
			abort();
	}
	ctx->real[s->n] = NULL;
	char *kept = strdup(name);
	if (!kept)
		abort();
	s->v[s->n].name = kept;
	s->v[s->n].text = text;
	s->v[s->n].len = len;
	s->n++;
}

/* One input's text: keep it for the printers, parse it, check it, build the AST. */
static void take_input(void *user, const char *name, char *text, size_t len)
{
	struct wfc_ctx *ctx = user;
	struct wfc_sources *s = &ctx->sources;
	/* the same file given twice (say as FILE and inside -t DIR) is read
	 * once; given as FILE it is checked in full */
	char *real = strcmp(name, "<stdin>") == 0 ? NULL : realpath(name, NULL);
	for (size_t i = 0; real && i < s->n; i++)
		if (ctx->real[i] && strcmp(ctx->real[i], real) == 0) {
			for (size_t k = 0; k < ctx->ndocs; k++)
				if (ctx->doc_source[k] == i && !ctx->adding_library)
					ctx->library[k] = false;
			free(real);
			free(text);
			return;
		}
	keep_text(ctx, name, text, len);
	ctx->real[s->n - 1] = real;
	const char *kept = s->v[s->n - 1].name;

	struct wfc_ydoc *ydocs = NULL;
	size_t nydocs = 0;
	wfc_yaml_load(ctx->arena, &ctx->diags, kept, text, len, &ctx->cfg.limits,
		      &ydocs, &nydocs);
	for (size_t i = 0; i < nydocs; i++) {
		struct wfc_doc *doc = wfc_ast_build(ctx->arena, &ctx->diags, &ydocs[i]);
		if (!doc)
			continue;
		wfc_schema_check(&ctx->diags, ydocs[i].root,
				 wfc_schema_for_kind(wfc_doc_kind_name(doc->kind)));
		add_doc(ctx, doc);
	}
	free(ydocs);
}

int wfc_add_path(struct wfc_ctx *ctx, const char *path, bool library)
{
	ctx->adding_library = library;
	size_t fails = wfc_read_path(&ctx->diags, path, ctx->cfg.limits.max_file_size,
				     take_input, ctx);
	ctx->read_failures += fails;
	return fails ? -1 : 0;
}

int wfc_add_text(struct wfc_ctx *ctx, const char *name, const char *text,
		 size_t len, bool library)
{
	ctx->adding_library = library;
	if (len > ctx->cfg.limits.max_file_size) {
		struct wfc_pos p = { NULL, 0, 0 };
		wfc_diag_add(&ctx->diags, WFC_ERROR, WFC_RULE_limit, p,
			     "'%s' is larger than the input limit of %zu bytes", name,
			     ctx->cfg.limits.max_file_size);
		ctx->read_failures++;
		return -1;
	}
	char *copy = malloc(len + 1);
	if (!copy)
		abort();
	memcpy(copy, text, len);
	copy[len] = '\0';
	take_input(ctx, name, copy, len);
	return 0;
}

size_t wfc_validate(struct wfc_ctx *ctx)
{
	graph_free(ctx->graph);
	struct wfc_graph *g = WFC_NEW(ctx->arena, struct wfc_graph);
	g->a = ctx->arena;
	g->d = &ctx->diags;
	g->src = &ctx->sources;
	g->allow_missing_templates = ctx->cfg.allow_missing_templates;
	g->ndocs = ctx->ndocs;
	g->docs = WFC_NEWN(ctx->arena, struct wfc_gdoc, ctx->ndocs ? ctx->ndocs : 1);
	for (size_t i = 0; i < ctx->ndocs; i++) {
		g->docs[i].doc = ctx->docs[i];
		g->docs[i].library = ctx->library[i];
	}
	ctx->graph = g;
	wfc_pipeline_run(g, ctx->cfg.dump_ir, ctx->cfg.dump_out ? ctx->cfg.dump_out : stderr);
	wfc_diags_sort(&ctx->diags);
	return ctx->diags.errors;
}

struct wfc_graph *wfc_ctx_graph(struct wfc_ctx *ctx)
{
	return ctx->graph;
}

struct wfc_arena *wfc_ctx_arena(struct wfc_ctx *ctx)
{
	return ctx->arena;
}

int wfc_read_parameter_file(struct wfc_ctx *ctx, const char *path,
			    struct wfc_arg **args, size_t *nargs)
{
	size_t before = ctx->sources.n;
	bool lib = ctx->adding_library;
	/* read it like any input, but keep its documents out of the workflow */
	struct wfc_ydoc *ydocs = NULL;
	size_t nydocs = 0;
	size_t fails = wfc_read_path(&ctx->diags, path, ctx->cfg.limits.max_file_size,
				     keep_text, ctx);
	ctx->adding_library = lib;
	if (fails || ctx->sources.n == before) {
		ctx->read_failures += fails ? fails : 1;
		return -1;
	}
	const struct wfc_source *src = &ctx->sources.v[ctx->sources.n - 1];
	size_t errs = wfc_yaml_load(ctx->arena, &ctx->diags, src->name, src->text, src->len,
				    &ctx->cfg.limits, &ydocs, &nydocs);
	const struct wfc_ynode *root = nydocs ? ydocs[0].root : NULL;
	int rc = 0;
	if (errs || !root || root->kind != WFC_YMAP) {
		if (!errs) {
			struct wfc_pos p = { src->name, root ? root->line : 1, root ? root->col : 1 };
			wfc_diag_add(&ctx->diags, WFC_ERROR, WFC_RULE_argument, p,
				     "a parameter file holds a mapping of parameter names to values");
		}
		ctx->read_failures++;
		rc = -1;
		goto out;
	}
	struct wfc_arg *v = realloc(*args, (*nargs + root->map.n) * sizeof(*v));
	if (!v)
		abort();
	*args = v;
	for (size_t i = 0; i < root->map.n; i++) {
		const struct wfc_ynode *val = root->map.v[i].val;
		const char *value;
		if (val->kind == WFC_YSCALAR) {
			value = wfc_yscalar_value(ctx->arena, val);
		} else {
			/* lists and mappings are passed as JSON, as Argo does */
			cJSON *j = wfc_ynode_to_json(ctx->arena, val, NULL, NULL, 0);
			char *t = cJSON_PrintUnformatted(j);
			value = wfc_arena_strdup(ctx->arena, t ? t : "");
			cJSON_free(t);
			cJSON_Delete(j);
		}
		struct wfc_arg *a = &(*args)[(*nargs)++];
		a->name = root->map.v[i].key->s.text;
		a->value = value;
		a->origin = src->name;
	}
out:
	free(ydocs);
	return rc;
}

size_t wfc_ctx_read_failures(const struct wfc_ctx *ctx)
{
	return ctx->read_failures;
}

size_t wfc_ctx_documents(const struct wfc_ctx *ctx)
{
	return ctx->ndocs;
}

struct wfc_diags *wfc_ctx_diags(struct wfc_ctx *ctx)
{
	return &ctx->diags;
}

const struct wfc_sources *wfc_ctx_sources(const struct wfc_ctx *ctx)
{
	return &ctx->sources;
}
