/* The cluster options of every command that talks to a cluster (run,
 * coordinate, get, logs, delete, resume, stop), as kubectl spells them, and
 * the one way those commands connect. */
#ifndef WFC_CLI_KUBE_CLI_H
#define WFC_CLI_KUBE_CLI_H
#include <stdbool.h>
#include <stddef.h>

#include "cli/options.h"
#include "runtime/kube.h"
#include "runtime/kubeconfig.h"

/* For the command's option table; its option struct has a field `kube`
 * of type struct wfc_cli_kube. */
struct wfc_cli_kube {
	const char *kubeconfig;
	const char *context;
	const char *namespace;
};

#define WFC_CLI_KUBE_OPTS(T)                                                      \
	{ .name = "kubeconfig", .type = WFC_CLI_STRING,                            \
	  .offset = offsetof(T, kube.kubeconfig), .metavar = "FILE",            \
	  .help = "the kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, " \
		  "else the in-cluster config)" },                                 \
	{ .name = "context", .type = WFC_CLI_STRING,                               \
	  .offset = offsetof(T, kube.context), .metavar = "NAME",               \
	  .help = "the kubeconfig context (default: its current-context)" },      \
	{ .name = "namespace", .short_name = 'n', .type = WFC_CLI_STRING,         \
	  .offset = offsetof(T, kube.namespace), .metavar = "NS",               \
	  .help = "the namespace (default: the context's, else 'default')" }

struct wfc_cli_cluster {
	struct wfc_kubeconfig *cfg;
	struct wfc_kube *client;
};

/* Loads the kubeconfig as kubectl would and makes a client; in_cluster
 * forces the in-cluster config (wfc coordinate). Returns 0, or prints
 * "wfc: MESSAGE" and returns -1. */
int wfc_cli_cluster_open(struct wfc_cli_cluster *cl, const struct wfc_cli_kube *o,
			 bool in_cluster);
void wfc_cli_cluster_close(struct wfc_cli_cluster *cl);

#endif
