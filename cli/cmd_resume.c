/* wfc resume NAME: resumes the suspended steps of a running workflow. A
 * local run (`wfc run --local`) is reached through its control point
 * (runtime/control.h); any other, on the cluster, through the annotations
 * of its status ConfigMap that its coordinator watches
 * (runtime/kube_store.h). */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "runtime/control.h"
#include "runtime/kube_store.h"
#include "support/buf.h"

static const struct wfc_cli_opt resume_opts[] = {
	WFC_CLI_KUBE_OPTS(struct wfc_cli_control_opts),
};

const struct wfc_cli_spec wfc_resume_spec = {
	.name = "resume",
	.operands = "NAME...",
	.summary = "resume the suspended steps of a running workflow",
	.description =
		"Resumes every suspended node of workflow NAME (a suspend template\n"
		"without a duration, or a workflow with spec.suspend), as 'argo resume'\n"
		"does. NAME is the run's name as 'wfc run' prints it: a run of 'wfc run\n"
		"--local' on this host by this user, else a run on the cluster.\n",
	.opts = resume_opts,
	.nopts = sizeof(resume_opts) / sizeof(resume_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc run --local approval.yaml &    # waits at its suspend step\n"
		"  wfc resume approval\n"
		"\n"
		"exit status:\n"
		"  0  resumed\n"
		"  1  no run of that name is running\n"
		"  2  wrong options\n",
};

/* Asks the coordinator of run `name` on the cluster: 0, 1 when there is no
 * such run, -1 when the cluster could not be asked (a message said why). */
static int cluster_send(struct wfc_cli_cluster *cl, const char *name, enum wfc_control_cmd cmd)
{
	char *status = wfc_store_status_name(name);
	const struct wfc_kube_res *cm = wfc_kube_builtin(WFC_KUBE_CONFIGMAPS);
	struct wfc_kube_error e;
	int rc = 0;
	if (wfc_kube_get(cl->client, cm, NULL, status, NULL, &e) != 0) {
		if (e.kind == WFC_KUBE_ENOTFOUND) {
			rc = 1;
		} else {
			wfc_cli_error("workflow '%s': %s", name, e.message);
			rc = -1;
		}
		free(status);
		return rc;
	}
	/* a new value each time: the coordinator acts on a change */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	char value[64];
	snprintf(value, sizeof(value), "%lld.%09ld", (long long)ts.tv_sec, ts.tv_nsec);
	cJSON *patch = cJSON_CreateObject();
	cJSON *ann = cJSON_AddObjectToObject(cJSON_AddObjectToObject(patch, "metadata"), "annotations");
	if (cmd == WFC_CONTROL_RESUME)
		cJSON_AddStringToObject(ann, WFC_RESUME_ANNOTATION, value);
	else
		cJSON_AddStringToObject(ann, WFC_STOP_ANNOTATION, "Stop");
	if (wfc_kube_merge_patch(cl->client, cm, NULL, status, NULL, patch, NULL, &e) != 0) {
		wfc_cli_error("workflow '%s': %s", name, e.message);
		rc = -1;
	}
	cJSON_Delete(patch);
	free(status);
	return rc;
}

/* Sends cmd to each named run; shared with `wfc stop`. */
int wfc_cli_control_runs(const struct wfc_cli_spec *spec, int argc, char **argv,
			 enum wfc_control_cmd cmd, const char *done)
{
	struct wfc_cli_control_opts o = { 0 };
	struct wfc_cli_cluster cl = { 0 };
	bool tried_cluster = false, have_cluster = false;
	int n = 0;
	switch (wfc_cli_parse(spec, argc, argv, &o, &n)) {
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, spec, NULL);
		return WFC_EXIT_OK;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, spec);
		return WFC_EXIT_USAGE;
	case WFC_CLI_OK:
		break;
	}
	if (!n) {
		wfc_cli_error("no workflow name given");
		wfc_cli_usage_hint(stderr, spec);
		return WFC_EXIT_USAGE;
	}
	int rc = WFC_EXIT_OK;
	for (int i = 0; i < n; i++) {
		char err[512] = "";
		/* a local run first, unless a cluster was named */
		int r = o.kube.kubeconfig || o.kube.context || o.kube.namespace
			? 1 : wfc_control_send(argv[i], cmd, err, sizeof(err));
		if (r == 0) {
			printf("workflow %s %s\n", argv[i], done);
			continue;
		}
		if (r < 0) {
			wfc_cli_error("workflow '%s': %s", argv[i], err);
			rc = WFC_EXIT_FINDINGS;
			continue;
		}
		if (!tried_cluster) {
			tried_cluster = true;
			have_cluster = wfc_cli_cluster_open(&cl, &o.kube, false) == 0;
		}
		int c = have_cluster ? cluster_send(&cl, argv[i], cmd) : -1;
		if (c == 0) {
			printf("workflow %s %s\n", argv[i], done);
			continue;
		}
		if (c > 0)
			wfc_cli_error("no run named '%s' is running on this host or in namespace '%s'",
				      argv[i], wfc_kube_namespace(cl.client));
		else if (!have_cluster)
			wfc_cli_error("no local run named '%s' is running on this host, and no "
				      "cluster to look for it on", argv[i]);
		rc = WFC_EXIT_FINDINGS;
	}
	wfc_cli_cluster_close(&cl);
	wfc_cli_free(spec, &o);
	return rc;
}

int wfc_cmd_resume(int argc, char **argv)
{
	return wfc_cli_control_runs(&wfc_resume_spec, argc, argv, WFC_CONTROL_RESUME, "resumed");
}
