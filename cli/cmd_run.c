/* wfc run --local: compiles the workflows like `wfc compile` and runs each
 * plan's steps as host processes with the scheduler of runtime/. Progress
 * goes to standard error, the final Workflow (-o) to standard output. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "backend/emit.h"
#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "cli/params.h"
#include "cli/run_cluster.h"
#include "cli/run_view.h"
#include "runtime/control.h"
#include "runtime/local.h"
#include "runtime/plan.h"
#include "runtime/proc.h"
#include "runtime/scheduler.h"
#include "wfc.h"

#define WFC_EXIT_INTERRUPTED 130

struct run_opts {
	struct wfc_cfg cfg;
	bool local;
	int output;                    /* 0 none, 1 json, 2 yaml */
	bool logs;
	const char *name;
	bool detach;
	const char *resume;
	const char *runtime_image;
	const char *coordinator_sa;
	int job_creation;
	struct wfc_cli_kube kube;
	struct wfc_cli_list params;
	struct wfc_cli_list param_files;
	struct wfc_cli_list templates;
};

static const char *const output_names[] = { "none", "json", "yaml", NULL };

#define OFF(field) offsetof(struct run_opts, field)

static const struct wfc_cli_opt run_opts[] = {
	{ .name = "local", .type = WFC_CLI_FLAG, .offset = OFF(local),
	  .help = "run the steps as processes on this host (images are ignored)" },
	{ .name = "output", .short_name = 'o', .type = WFC_CLI_CHOICE, .offset = OFF(output),
	  .metavar = "FORMAT", .help = "print the final Workflow (Argo's shape) on standard output",
	  .choices = output_names },
	{ .name = "logs", .type = WFC_CLI_FLAG, .offset = OFF(logs),
	  .help = "show each step's output and error output on standard error as it is "
		  "written, each line prefixed with the step's name" },
	{ .name = "name", .type = WFC_CLI_STRING, .offset = OFF(name), .metavar = "NAME",
	  .help = "name of the run (default: metadata.name, or generateName and a hash "
		  "of the input)" },
	{ .name = "detach", .type = WFC_CLI_FLAG, .offset = OFF(detach),
	  .help = "apply the coordinator Job too and return at once, printing the run's "
		  "name; the cluster runs the workflow" },
	{ .name = "resume", .type = WFC_CLI_STRING, .offset = OFF(resume), .metavar = "NAME",
	  .help = "carry on run NAME from its objects on the cluster (after Ctrl-C or a "
		  "crash); no FILE then" },
	WFC_CLI_KUBE_OPTS(struct run_opts),
	WFC_CLI_BUNDLE_OPTS(struct run_opts),
	WFC_CLI_INPUT_OPTS(struct run_opts),
};

const struct wfc_cli_spec wfc_run_spec = {
	.name = "run",
	.operands = "FILE...",
	.summary = "run the workflows (--local: as processes on this host)",
	.description =
		"Checks and compiles the inputs as 'wfc compile' does, then runs every\n"
		"Workflow: with --local, each container or script step is a process\n"
		"tree on this host (its image ignored) with a private /tmp, sequenced\n"
		"as Argo would (steps, DAG depends, when, continueOn, outputs, exit\n"
		"handlers, withParam, recursion, retries, daemons, suspend, hooks).\n"
		"Progress goes to standard error: on a terminal a tree of the nodes\n"
		"redrawn in place (coloured unless NO_COLOR is set), else one line per\n"
		"change. While it runs, 'wfc resume NAME' resumes its suspended steps\n"
		"and 'wfc stop NAME' stops it (exit handlers still run).\n"
		"\n"
		"Without --local it runs on the cluster of the kubeconfig (as kubectl\n"
		"picks it): applies the objects 'wfc compile' prints, except the\n"
		"coordinator Job, and coordinates the run from here, with the same\n"
		"progress; Ctrl-C stops coordinating and says how to carry on. A\n"
		"workflow with only generateName gets a new name each run.\n",
	.opts = run_opts,
	.nopts = sizeof(run_opts) / sizeof(run_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc run --local hello.yaml\n"
		"  wfc run --local -p message=hi -o json hello.yaml\n"
		"  wfc run -n ci hello.yaml                    # on the cluster\n"
		"  wfc run --detach hello.yaml                 # the cluster coordinates\n"
		"  wfc run --resume hello-x7k2p                # carry on after Ctrl-C\n"
		"\n"
		"exit status:\n"
		"  0    every workflow Succeeded\n"
		"  1    a workflow Failed or ended in Error, or errors in the inputs\n"
		"  2    wrong options, or an input could not be read\n"
		"  130  interrupted (Ctrl-C)\n",
};

struct plans {
	char **v;
	size_t n, cap;
};

static int take_plan(void *user, const char *text)
{
	struct plans *p = user;
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 4;
		p->v = realloc(p->v, p->cap * sizeof(*p->v));
		if (!p->v)
			abort();
	}
	p->v[p->n] = strdup(text);
	if (!p->v[p->n])
		abort();
	p->n++;
	return 0;
}

/* Commands from `wfc resume` and `wfc stop`, read after each wait. */
static void take_commands(void *user, struct wfc_sched *s)
{
	struct wfc_control *c = user;
	enum wfc_control_cmd cmd;
	while ((cmd = wfc_control_read(c)) != WFC_CONTROL_NONE) {
		if (cmd == WFC_CONTROL_RESUME) {
			size_t n = wfc_sched_resume(s);
			fprintf(stderr, "wfc: resumed %zu suspended node%s\n", n, n == 1 ? "" : "s");
		} else if (cmd == WFC_CONTROL_STOP) {
			fprintf(stderr, "wfc: stop asked: running steps end, exit handlers run\n");
			wfc_sched_stop(s);
		}
	}
}

/* Runs one plan; returns the exit status it stands for. */
static int run_plan(const struct run_opts *o, const char *text, bool *said_image)
{
	char err[256];
	struct wfc_rt_plan *plan = wfc_rt_plan_parse(text, err, sizeof(err));
	if (!plan) {
		wfc_cli_error("%s", err);
		return WFC_EXIT_FINDINGS;
	}
	if (!*said_image) {
		fprintf(stderr, "wfc: running locally: container images are ignored, "
				"each step runs on this host\n");
		*said_image = true;
	}
	/* where `wfc resume NAME` and `wfc stop NAME` reach this run */
	bool busy = false;
	struct wfc_control *ctl = wfc_control_open(plan->name, &busy, err, sizeof(err));
	if (busy) {
		/* as a cluster refuses a second workflow of the same name */
		wfc_cli_error("%s; give this one another name with --name", err);
		wfc_rt_plan_free(plan);
		return WFC_EXIT_FINDINGS;
	}
	if (!ctl)
		wfc_cli_error("%s; 'wfc resume %s' and 'wfc stop %s' cannot reach this run", err,
			      plan->name, plan->name);
	int ctl_fd = wfc_control_fd(ctl);
	char hint[300];
	snprintf(hint, sizeof(hint), "wfc resume %s", plan->name);
	struct wfc_local_opts lo = { .watch_signals = true, .watch_fds = ctl ? &ctl_fd : NULL,
				     .nwatch_fds = ctl ? 1 : 0 };
	struct wfc_local *l = wfc_local_create(&lo);
	struct wfc_executor lex, ex;
	wfc_local_executor(l, &lex);
	bool tty = wfc_run_view_tty(stderr);
	struct wfc_run_view_opts vo = {
		.out = stderr,
		.tty = tty,
		.color = tty && wfc_run_view_color(),
		.logs = o->logs,
		.log_path = wfc_local_job_log,
	};
	struct wfc_run_view *v = wfc_run_view_create(plan, &lex, &vo);
	wfc_run_view_executor(v, &ex);
	/* on a terminal the view draws the progress; else the scheduler's
	 * lines are it */
	struct wfc_sched_opts so = {
		.progress = tty ? NULL : stderr,
		.control = ctl ? take_commands : NULL,
		.control_user = ctl,
		.resume_hint = ctl ? hint : NULL,
	};
	struct wfc_sched *s = wfc_sched_create(plan, &ex, &so);
	wfc_run_view_attach(v, s);
	enum wfc_rt_phase ph = wfc_sched_run(s);
	wfc_run_view_end(v);
	fprintf(stderr, "%s  %s\n", plan->name, wfc_rt_phase_name(ph));
	int rc = wfc_sched_interrupted(s) ? WFC_EXIT_INTERRUPTED
		 : ph == WFC_PHASE_SUCCEEDED ? WFC_EXIT_OK : WFC_EXIT_FINDINGS;
	if (o->output) {
		cJSON *wf = wfc_sched_workflow_json(s);
		char *t = wfc_emit_to_string(wf, o->output == 1 ? WFC_EMIT_JSON : WFC_EMIT_YAML);
		if (t)
			fputs(t, stdout);
		else
			wfc_cli_error("cannot print the workflow");
		free(t);
		cJSON_Delete(wf);
	}
	wfc_sched_destroy(s);
	wfc_run_view_destroy(v);
	wfc_local_destroy(l);
	wfc_control_close(ctl);
	wfc_rt_plan_free(plan);
	return rc;
}

/* --resume anywhere before "--" */
static bool has_resume(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--resume") == 0 || strncmp(argv[i], "--resume=", 9) == 0)
			return true;
	}
	return false;
}

int wfc_cmd_run(int argc, char **argv)
{
	struct run_opts o = { 0 };
	struct wfc_ctx *ctx = NULL;
	struct wfc_cli_params params = { 0 };
	struct plans plans = { 0 };
	int nfiles = 0, rc = WFC_EXIT_USAGE;

	wfc_cfg_default(&o.cfg);
	struct run_opts defaults = o;
	struct wfc_run_cluster_opts rco = { .kube = &o.kube, .output = 0 };
	if (has_resume(argc, argv)) {
		/* no files: parse as a command without operands */
		int nops = 0;
		switch (wfc_cli_parse(&wfc_run_spec, argc, argv, &o, &nops)) {
		case WFC_CLI_HELP:
			wfc_cli_help(stdout, &wfc_run_spec, &defaults);
			rc = WFC_EXIT_OK;
			goto err_out;
		case WFC_CLI_ERROR:
			wfc_cli_usage_hint(stderr, &wfc_run_spec);
			goto err_out;
		case WFC_CLI_OK:
			break;
		}
		if (nops || o.local || o.detach) {
			wfc_cli_error("'--resume' takes no FILE, '--local' or '--detach'");
			wfc_cli_usage_hint(stderr, &wfc_run_spec);
			goto err_out;
		}
		rco.output = o.output;
		rc = wfc_run_cluster_resume(o.resume, &rco);
		goto err_out;
	}
	if (!wfc_cli_parse_files(&wfc_run_spec, argc, argv, &o, &defaults, &nfiles, &rc))
		goto err_out;
	if (!o.local && o.logs) {
		wfc_cli_error("'--logs' follows the processes of 'wfc run --local'; on a cluster, "
			      "follow the steps with 'wfc logs -f NAME' from another terminal");
		rc = WFC_EXIT_USAGE;
		goto err_out;
	}
	if (o.local && (o.detach || o.kube.kubeconfig || o.kube.context)) {
		wfc_cli_error("'--local' runs on this host: '--detach', '--kubeconfig' and "
			      "'--context' are for a cluster");
		rc = WFC_EXIT_USAGE;
		goto err_out;
	}
	if (wfc_cli_params_parse(&params, &o.params) != 0)
		goto err_out;
	ctx = wfc_cli_load(&o.cfg, &o.templates, argv, nfiles, &params, &o.param_files, &rc);
	if (!ctx)
		goto err_out;
	if (!o.local) {
		struct wfc_compile_cfg kc = {
			.name = o.name, .namespace = o.kube.namespace, .args = params.v,
			.nargs = params.n, .runtime_image = o.runtime_image,
			.coordinator_sa = o.coordinator_sa, .lazy_jobs = o.job_creation == 1,
		};
		rco.detach = o.detach;
		rco.output = o.output;
		rc = wfc_run_cluster(ctx, &kc, &rco);
		goto err_out;
	}
	struct wfc_print_opts po = { .format = WFC_FORMAT_TEXT, .tool_version = WFC_VERSION };
	struct wfc_compile_cfg cc = {
		.name = o.name,
		.namespace = o.kube.namespace,
		.args = params.v,
		.nargs = params.n,
	};
	size_t errors = wfc_local_plans(ctx, &cc, take_plan, &plans);
	wfc_diags_print(stderr, wfc_ctx_diags(ctx), wfc_ctx_sources(ctx), &po);
	if (errors) {
		rc = WFC_EXIT_FINDINGS;
		goto err_out;
	}
	if (!plans.n) {
		wfc_cli_error("no Workflow to run in the input");
		rc = WFC_EXIT_FINDINGS;
		goto err_out;
	}
	if (wfc_proc_signals_install() != 0)
		wfc_cli_error("cannot catch Ctrl-C: steps may outlive wfc");
	rc = WFC_EXIT_OK;
	bool said = false;
	for (size_t i = 0; i < plans.n; i++) {
		int r = run_plan(&o, plans.v[i], &said);
		if (r > rc || r == WFC_EXIT_INTERRUPTED)
			rc = r;
		if (r == WFC_EXIT_INTERRUPTED)
			break;
	}
err_out:
	for (size_t i = 0; i < plans.n; i++)
		free(plans.v[i]);
	free(plans.v);
	wfc_cli_params_free(&params);
	if (ctx)
		wfc_ctx_destroy(ctx);
	wfc_cli_free(&wfc_run_spec, &o);
	return rc;
}
