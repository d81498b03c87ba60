/* wfc compile: checks the inputs like validate, then prints every object the
 * workflows need, for kubectl apply, Argo CD or Flux. Objects go to standard
 * output (or one file each under --output-dir); findings to standard error. */
#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "backend/emit.h"
#include "cli/commands.h"
#include "cli/params.h"
#include "wfc.h"

struct compile_opts {
	struct wfc_cfg cfg;
	int output;                    /* 0 yaml, 1 json */
	const char *output_dir;
	const char *name;
	const char *namespace;
	struct wfc_cli_list params;    /* NAME=VALUE */
	struct wfc_cli_list param_files;
	struct wfc_cli_list templates;
	const char *runtime_image;
	const char *coordinator_sa;
	int job_creation;              /* 0 eager, 1 lazy */
};

static const char *const output_names[] = { "yaml", "json", NULL };

#define OFF(field) offsetof(struct compile_opts, field)

static const struct wfc_cli_opt compile_opts[] = {
	{ .name = "output", .short_name = 'o', .type = WFC_CLI_CHOICE, .offset = OFF(output),
	  .metavar = "FORMAT", .help = "yaml: a multi-document stream; json: one List",
	  .choices = output_names },
	{ .name = "output-dir", .type = WFC_CLI_STRING, .offset = OFF(output_dir),
	  .metavar = "DIR", .help = "write one file per object under DIR instead" },
	{ .name = "name", .type = WFC_CLI_STRING, .offset = OFF(name), .metavar = "NAME",
	  .help = "name of the run (default: metadata.name, or generateName and a hash "
		  "of the input)" },
	{ .name = "namespace", .short_name = 'n', .type = WFC_CLI_STRING,
	  .offset = OFF(namespace), .metavar = "NS",
	  .help = "namespace of every object (default: metadata.namespace, else none: "
		  "kubectl's current namespace)" },
	WFC_CLI_INPUT_OPTS(struct compile_opts),
	{ .name = "allow-missing-templates", .type = WFC_CLI_FLAG,
	  .offset = OFF(cfg.allow_missing_templates),
	  .help = "an unresolved templateRef is a warning (compile still needs every "
		  "template it runs)" },
	WFC_CLI_BUNDLE_OPTS(struct compile_opts),
};

const struct wfc_cli_spec wfc_compile_spec = {
	.name = "compile",
	.operands = "FILE...",
	.summary = "print the Kubernetes objects that run the workflows",
	.description =
		"Checks the inputs as 'wfc validate' does, then prints every object\n"
		"each Workflow and CronWorkflow needs to run on a cluster without Argo:\n"
		"a plan ConfigMap, the coordinator's ServiceAccount, Role and\n"
		"RoleBinding, a suspended Job per container or script step, and the\n"
		"coordinator Job (a CronJob for a CronWorkflow). The same input gives\n"
		"byte-identical output.\n",
	.opts = compile_opts,
	.nopts = sizeof(compile_opts) / sizeof(compile_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc compile hello.yaml | kubectl apply -f -\n"
		"  wfc compile -p message=hi --name hello-1 -n ci hello.yaml\n"
		"  wfc compile --output-dir deploy/ -t templates/ workflows/\n"
		"\n"
		"exit status:\n"
		"  0  objects printed\n"
		"  1  errors in the inputs, or a feature wfc cannot compile yet\n"
		"  2  wrong options, or an input could not be read\n",
};

struct sink {
	struct wfc_emitter *e;         /* stdout, or NULL with --output-dir */
	enum wfc_emit_format f;
	const char *dir;
	size_t count;
	int failed;
};

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int take_object(void *user, cJSON *obj)
{
	struct sink *s = user;
	int rc = 0;
	if (s->e) {
		rc = wfc_emit_object(s->e, obj);
	} else {
		const cJSON *kind = cJSON_GetObjectItemCaseSensitive(obj, "kind");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(obj, "metadata"), "name");
		char k[64];
		snprintf(k, sizeof(k), "%s", cJSON_IsString(kind) ? kind->valuestring : "object");
		lower(k);
		const char *nm = cJSON_IsString(name) ? name->valuestring : "unnamed";
		size_t plen = strlen(s->dir) + strlen(k) + strlen(nm) + 32;
		char *path = malloc(plen);
		if (!path)
			abort();
		snprintf(path, plen, "%s/%04zu-%s-%s.%s", s->dir, s->count, k, nm,
			 s->f == WFC_EMIT_JSON ? "json" : "yaml");
		char *text = wfc_emit_to_string(obj, s->f);
		FILE *f = fopen(path, "w");
		if (!f || !text || fputs(text, f) == EOF) {
			wfc_cli_error("cannot write '%s': %s", path, strerror(errno));
			rc = -1;
		}
		if (f && fclose(f) != 0 && rc == 0) {
			wfc_cli_error("cannot write '%s': %s", path, strerror(errno));
			rc = -1;
		}
		free(text);
		free(path);
	}
	s->count++;
	cJSON_Delete(obj);
	if (rc)
		s->failed = 1;
	return rc;
}

int wfc_cmd_compile(int argc, char **argv)
{
	struct compile_opts o = { 0 };
	struct wfc_ctx *ctx = NULL;
	struct wfc_cli_params params = { 0 };
	struct sink sink = { 0 };
	int nfiles = 0, rc = WFC_EXIT_USAGE;

	wfc_cfg_default(&o.cfg);
	struct compile_opts defaults = o;
	if (!wfc_cli_parse_files(&wfc_compile_spec, argc, argv, &o, &defaults, &nfiles, &rc))
		goto err_out;
	if (wfc_cli_params_parse(&params, &o.params) != 0)
		goto err_out;
	if (o.output_dir) {
		struct stat st;
		if (mkdir(o.output_dir, 0777) != 0 && errno != EEXIST) {
			wfc_cli_error("cannot create '%s': %s", o.output_dir, strerror(errno));
			goto err_out;
		}
		if (stat(o.output_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			wfc_cli_error("'%s' is not a directory", o.output_dir);
			goto err_out;
		}
	}

	ctx = wfc_cli_load(&o.cfg, &o.templates, argv, nfiles, &params, &o.param_files, &rc);
	if (!ctx)
		goto err_out;
	struct wfc_diags *d = wfc_ctx_diags(ctx);
	struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT, .tool_version = WFC_VERSION };
	sink.f = o.output == 1 ? WFC_EMIT_JSON : WFC_EMIT_YAML;
	sink.dir = o.output_dir;
	if (!o.output_dir)
		sink.e = wfc_emitter_create(stdout, sink.f);
	struct wfc_compile_cfg cc = {
		.name = o.name,
		.namespace = o.namespace,
		.args = params.v,
		.nargs = params.n,
		.runtime_image = o.runtime_image,
		.coordinator_sa = o.coordinator_sa,
		.lazy_jobs = o.job_creation == 1,
	};
	size_t errors = wfc_compile(ctx, &cc, take_object, &sink);
	if (sink.e && wfc_emitter_finish(sink.e) != 0)
		sink.failed = 1;
	/* warnings of validation and every finding of compilation */
	wfc_diags_print(stderr, d, wfc_ctx_sources(ctx), &po);
	if (sink.failed)
		wfc_cli_error("cannot write the objects");
	rc = errors || sink.failed ? WFC_EXIT_FINDINGS : WFC_EXIT_OK;
err_out:
	if (sink.e)
		wfc_emitter_destroy(sink.e);
	wfc_cli_params_free(&params);
	if (ctx)
		wfc_ctx_destroy(ctx);
	wfc_cli_free(&wfc_compile_spec, &o);
	return rc;
}
