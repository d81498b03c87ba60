/* -p NAME=VALUE and --parameter-file FILE as workflow arguments. */
#include "cli/params.h"

#include <stdlib.h>
#include <string.h>

int wfc_cli_params_parse(struct wfc_cli_params *a, const struct wfc_cli_list *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *eq = strchr(p->v[i], '=');
		if (!eq || eq == p->v[i]) {
			wfc_cli_error("-p '%s': expected NAME=VALUE", p->v[i]);
			return -1;
		}
		struct wfc_arg *v = realloc(a->p, (a->np + 1) * sizeof(*v));
		if (!v)
			abort();
		a->p = v;
		v[a->np].name = strndup(p->v[i], (size_t)(eq - p->v[i]));
		if (!v[a->np].name)
			abort();
		v[a->np].value = eq + 1;
		v[a->np].origin = "-p";
		a->np++;
	}
	return 0;
}

void wfc_cli_params_read(struct wfc_cli_params *a, struct wfc_ctx *ctx,
			 const struct wfc_cli_list *files)
{
	for (size_t i = 0; i < files->n; i++)
		wfc_read_parameter_file(ctx, files->v[i], &a->v, &a->n);
	/* -p on top: the later value of a name wins */
	if (a->np) {
		struct wfc_arg *v = realloc(a->v, (a->n + a->np) * sizeof(*v));
		if (!v)
			abort();
		a->v = v;
		memcpy(a->v + a->n, a->p, a->np * sizeof(*a->p));
		a->n += a->np;
	}
}

void wfc_cli_params_free(struct wfc_cli_params *a)
{
	for (size_t i = 0; i < a->np; i++)
		free((char *)a->p[i].name);
	free(a->p);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

struct wfc_ctx *wfc_cli_load(const struct wfc_cfg *cfg, const struct wfc_cli_list *templates,
			     char **files, int nfiles, struct wfc_cli_params *params,
			     const struct wfc_cli_list *param_files, int *rc)
{
	struct wfc_ctx *ctx = wfc_ctx_create(cfg);
	*rc = WFC_EXIT_USAGE;
	if (!ctx) {
		wfc_cli_error("cannot create a compilation context");
		return NULL;
	}
	for (size_t i = 0; i < templates->n; i++)
		wfc_add_path(ctx, templates->v[i], true);
	for (int i = 0; i < nfiles; i++)
		wfc_add_path(ctx, files[i], false);
	wfc_cli_params_read(params, ctx, param_files);
	struct wfc_diags *d = wfc_ctx_diags(ctx);
	wfc_validate(ctx);
	if (wfc_ctx_read_failures(ctx) > 0 || d->errors > 0) {
		struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT,
					     .tool_version = WFC_VERSION };
		wfc_diags_print(stderr, d, wfc_ctx_sources(ctx), &po);
		*rc = wfc_ctx_read_failures(ctx) > 0 ? WFC_EXIT_USAGE : WFC_EXIT_FINDINGS;
		wfc_ctx_destroy(ctx);
		return NULL;
	}
	*rc = WFC_EXIT_OK;
	return ctx;
}

const char *const wfc_cli_job_creation_names[] = { "eager", "lazy", NULL };
