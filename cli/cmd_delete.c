/* wfc delete: removes every object of a run from the cluster, found by
 * its label, as `argo delete` removes a Workflow and what it owns. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "runtime/kube_run.h"

struct delete_opts {
	struct wfc_cli_kube kube;
	bool all;
	bool verbose;
};

#define OFF(field) offsetof(struct delete_opts, field)

static const struct wfc_cli_opt delete_opts[] = {
	{ .name = "all", .type = WFC_CLI_FLAG, .offset = OFF(all),
	  .help = "delete every run in the namespace" },
	{ .name = "verbose", .short_name = 'v', .type = WFC_CLI_FLAG, .offset = OFF(verbose),
	  .help = "name each object as it is deleted" },
	WFC_CLI_KUBE_OPTS(struct delete_opts),
};

const struct wfc_cli_spec wfc_delete_spec = {
	.name = "delete",
	.operands = "NAME... | --all",
	.summary = "delete runs from the cluster with all their objects",
	.description =
		"Deletes every object labelled wfc.dev/workflow for each run NAME: its\n"
		"coordinator first, so that nothing new starts, then CronJobs, Jobs\n"
		"(their pods with them), pods, Services, the PersistentVolumeClaims of\n"
		"its volumeClaimTemplates, ConfigMaps (plan, status, inputs), Leases and\n"
		"the coordinator's ServiceAccount, Role and RoleBinding. Claims and\n"
		"other objects the run only uses, made outside it, are left alone.\n",
	.opts = delete_opts,
	.nopts = sizeof(delete_opts) / sizeof(delete_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc delete hello-world\n"
		"  wfc delete -n ci --all\n"
		"\n"
		"exit status:\n"
		"  0  every run named was deleted (with --all: also when there was none)\n"
		"  1  a run was not found, or the cluster refused or could not be reached\n"
		"  2  wrong options\n",
};

static void said_deleted(void *ud, const struct wfc_kube_res *r, const char *name)
{
	const struct delete_opts *o = ud;
	if (!o->verbose)
		return;
	if (*r->group)
		printf("%s.%s '%s' deleted\n", r->resource, r->group, name);
	else
		printf("%s '%s' deleted\n", r->resource, name);
	fflush(stdout);
}

/* Deletes one run; returns its exit status. */
static int delete_run(struct wfc_kube *c, const struct delete_opts *o, const char *run,
		      const char *label)
{
	const char *ns = wfc_kube_namespace(c);
	struct wfc_kube_error e;
	char *own = NULL;
	if (!label) {
		own = wfc_run_label(c, NULL, run, &e);
		if (!own) {
			if (e.kind == WFC_KUBE_ENOTFOUND)
				wfc_cli_error("workflow '%s' not found in namespace '%s'", run, ns);
			else
				wfc_cli_error("cannot delete workflow '%s': %s", run, e.message);
			return WFC_EXIT_FINDINGS;
		}
		label = own;
	}
	long n = wfc_run_delete(c, NULL, label, said_deleted, (void *)o, &e);
	free(own);
	if (n < 0) {
		wfc_cli_error("cannot delete workflow '%s': %s", run, e.message);
		return WFC_EXIT_FINDINGS;
	}
	if (n == 0) {
		wfc_cli_error("workflow '%s' not found in namespace '%s'", run, ns);
		return WFC_EXIT_FINDINGS;
	}
	printf("workflow '%s' deleted\n", run);
	fflush(stdout);
	return WFC_EXIT_OK;
}

int wfc_cmd_delete(int argc, char **argv)
{
	struct delete_opts o = { 0 };
	struct wfc_cli_cluster cl = { 0 };
	int n = 0, rc = WFC_EXIT_USAGE;

	switch (wfc_cli_parse(&wfc_delete_spec, argc, argv, &o, &n)) {
	case WFC_CLI_OK:
		break;
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, &wfc_delete_spec, NULL);
		return WFC_EXIT_OK;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, &wfc_delete_spec);
		return WFC_EXIT_USAGE;
	}
	if (n == 0 && !o.all) {
		wfc_cli_error("no workflow name given (or '--all' for every run)");
		wfc_cli_usage_hint(stderr, &wfc_delete_spec);
		goto err_out;
	}
	if (n > 0 && o.all) {
		wfc_cli_error("'--all' deletes every run: give it no names");
		wfc_cli_usage_hint(stderr, &wfc_delete_spec);
		goto err_out;
	}
	rc = WFC_EXIT_FINDINGS;
	if (wfc_cli_cluster_open(&cl, &o.kube, false) != 0)
		goto err_out;
	rc = WFC_EXIT_OK;
	if (o.all) {
		struct wfc_run_ref *runs = NULL;
		size_t nruns = 0;
		struct wfc_kube_error e;
		if (wfc_run_find_all(cl.client, NULL, &runs, &nruns, &e) != 0) {
			wfc_cli_error("cannot list the runs in namespace '%s': %s",
				      wfc_kube_namespace(cl.client), e.message);
			rc = WFC_EXIT_FINDINGS;
		} else if (nruns == 0) {
			fprintf(stderr, "wfc: no workflows in namespace '%s'\n",
				wfc_kube_namespace(cl.client));
		}
		for (size_t i = 0; i < nruns; i++)
			if (delete_run(cl.client, &o, runs[i].name, runs[i].label) != WFC_EXIT_OK)
				rc = WFC_EXIT_FINDINGS;
		wfc_run_refs_free(runs, nruns);
	}
	for (int i = 0; i < n; i++)
		if (delete_run(cl.client, &o, argv[i], NULL) != WFC_EXIT_OK)
			rc = WFC_EXIT_FINDINGS;
err_out:
	if (cl.client)
		wfc_cli_cluster_close(&cl);
	wfc_cli_free(&wfc_delete_spec, &o);
	return rc;
}
