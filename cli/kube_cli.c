/* Connecting to a cluster for the commands (cli/kube_cli.h). */
#include "cli/kube_cli.h"

int wfc_cli_cluster_open(struct wfc_cli_cluster *cl, const struct wfc_cli_kube *o,
			 bool in_cluster)
{
	char err[1024];
	struct wfc_kubeconfig_opts ko = {
		.mode = in_cluster ? WFC_KUBECONFIG_IN_CLUSTER : WFC_KUBECONFIG_AUTO,
		.kubeconfig = o->kubeconfig,
		.context = o->context,
		.namespace = o->namespace,
	};
	if (in_cluster && (o->kubeconfig || o->context))
		ko.mode = WFC_KUBECONFIG_AUTO;
	cl->cfg = NULL;
	cl->client = NULL;
	if (wfc_kubeconfig_load(&ko, &cl->cfg, err, sizeof(err)) != 0) {
		wfc_cli_error("%s", err);
		return -1;
	}
	struct wfc_kube_opts opts = { 0 };
	cl->client = wfc_kube_create(cl->cfg, &opts, err, sizeof(err));
	if (!cl->client) {
		wfc_cli_error("%s", err);
		wfc_kubeconfig_free(cl->cfg);
		cl->cfg = NULL;
		return -1;
	}
	return 0;
}

void wfc_cli_cluster_close(struct wfc_cli_cluster *cl)
{
	wfc_kube_destroy(cl->client);
	wfc_kubeconfig_free(cl->cfg);
	cl->client = NULL;
	cl->cfg = NULL;
}
