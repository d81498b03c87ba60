/* wfc_compile: after validation, the plan of each Workflow and CronWorkflow
 * given, turned into objects. */
#include "backend/compile.h"
#include "backend/objects.h"
#include "ir/compile.h"

#include <stdlib.h>

void wfc_each_plan(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		   wfc_plan_fn fn, void *user)
{
	struct wfc_graph *g = wfc_ctx_graph(ctx);
	if (!g)
		return;
	struct wfc_compile_opts co = {
		.name = cfg->name,
		.namespace = cfg->namespace,
		.args = cfg->args,
		.nargs = cfg->nargs,
		.name_salt = cfg->name_salt,
	};
	for (size_t i = 0; i < g->ndocs; i++) {
		struct wfc_gdoc *gd = &g->docs[i];
		enum wfc_doc_kind k = gd->doc->kind;
		if (gd->library || (k != WFC_WORKFLOW && k != WFC_CRON_WORKFLOW))
			continue;
		struct wfc_plan *p = wfc_plan_build(g, gd, &co, wfc_ctx_sources(ctx));
		if (!p)
			continue;
		fn(user, p);
		wfc_plan_destroy(p);
	}
}

struct objects_sink {
	const struct wfc_backend_opts *bo;
	struct wfc_diags *d;
	wfc_object_fn fn;
	void *user;
};

static void plan_objects(void *user, const struct wfc_plan *p)
{
	struct objects_sink *s = user;
	wfc_backend_objects(p, s->bo, s->d, s->fn, s->user);
}

/* what validate only warns about cannot be compiled: now it is an error */
static void unsupported_is_error(struct wfc_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].rule == WFC_RULE_unsupported && d->v[i].severity == WFC_WARNING) {
			d->v[i].severity = WFC_ERROR;
			d->warnings--;
			d->errors++;
		}
}

size_t wfc_compile(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		   wfc_object_fn fn, void *user)
{
	struct wfc_diags *d = wfc_ctx_diags(ctx);
	size_t before = d->errors;
	if (!wfc_ctx_graph(ctx))
		return 0;
	struct wfc_backend_opts bo = {
		.runtime_image = cfg->runtime_image,
		.coordinator_sa = cfg->coordinator_sa,
		.job_creation = cfg->lazy_jobs ? WFC_JOBS_LAZY : WFC_JOBS_EAGER,
	};
	unsupported_is_error(d);
	if (d->errors > before) {
		wfc_diags_sort(d);
		return d->errors - before;
	}
	struct objects_sink sink = { .bo = &bo, .d = d, .fn = fn, .user = user };
	wfc_each_plan(ctx, cfg, plan_objects, &sink);
	wfc_diags_sort(d);
	return d->errors - before;
}

struct local_sink {
	struct wfc_diags *d;
	wfc_plan_text_fn fn;
	void *user;
	int stop;
};

static void local_plan(void *user, const struct wfc_plan *p)
{
	struct local_sink *s = user;
	if (s->stop)
		return;
	char *text = wfc_backend_local_plan(p, s->d);
	if (text && s->fn(s->user, text) != 0)
		s->stop = 1;
	free(text);
}

size_t wfc_local_plans(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		       wfc_plan_text_fn fn, void *user)
{
	struct wfc_diags *d = wfc_ctx_diags(ctx);
	size_t before = d->errors;
	if (!wfc_ctx_graph(ctx))
		return 0;
	unsupported_is_error(d);
	if (d->errors > before) {
		wfc_diags_sort(d);
		return d->errors - before;
	}
	struct local_sink sink = { .d = d, .fn = fn, .user = user };
	wfc_each_plan(ctx, cfg, local_plan, &sink);
	wfc_diags_sort(d);
	return d->errors - before;
}
