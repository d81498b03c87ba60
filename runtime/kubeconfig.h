/*
 * Which cluster to talk to and as whom: kubeconfig files read as kubectl
 * reads them, or the in-cluster service-account config.
 *
 * Files: the explicit path (--kubeconfig) alone when given (it must
 * exist); else every file of $KUBECONFIG (':'-separated; empty entries and
 * missing files skipped); else ~/.kube/config. Several files merge as
 * kubectl merges them: the first file to name a cluster, user or context
 * supplies all of it (entries are never merged field by field), and the
 * first file to set current-context wins. Relative paths (certificate
 * files, tokenFile, an exec command containing '/') resolve against the
 * directory of the file that holds them.
 *
 * The context is opts.context (--context), else current-context; the
 * namespace opts.namespace (-n), else the context's, else "default".
 *
 * In-cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, the
 * service account's token (re-read as it rotates), ca.crt and namespace
 * (POD_NAMESPACE first, as client-go does). WFC_KUBECONFIG_AUTO falls back
 * to it, as kubectl does, when no kubeconfig file exists.
 *
 * Certificate and key files and data are read into memory here; a
 * tokenFile is only named (runtime/kubeauth.h reads it when used).
 */
#ifndef WFC_RUNTIME_KUBECONFIG_H
#define WFC_RUNTIME_KUBECONFIG_H
#include <stdbool.h>
#include <stddef.h>

#define WFC_INCLUSTER_DIR "/var/run/secrets/kubernetes.io/serviceaccount"

enum wfc_kubeconfig_mode {
	WFC_KUBECONFIG_AUTO,       /* kubeconfig files, else in-cluster */
	WFC_KUBECONFIG_FILES,      /* kubeconfig files only */
	WFC_KUBECONFIG_IN_CLUSTER, /* in-cluster only */
};

struct wfc_kubeconfig_opts {
	enum wfc_kubeconfig_mode mode;
	const char *kubeconfig;    /* --kubeconfig: this file only */
	const char *context;       /* --context */
	const char *namespace;     /* -n */
	const char *incluster_dir; /* NULL: WFC_INCLUSTER_DIR */
	const char *home;          /* NULL: $HOME */
	/* NULL: getenv("KUBECONFIG"); "" counts as unset */
	const char *kubeconfig_env;
};

enum wfc_exec_interactive {
	WFC_EXEC_NEVER,
	WFC_EXEC_IF_AVAILABLE,
	WFC_EXEC_ALWAYS,
};

/* users[].user.exec: a client-go credential plugin */
struct wfc_kube_exec {
	char *api_version;         /* client.authentication.k8s.io/v1 or v1beta1 */
	char *command;             /* resolved as described above */
	char **args;               /* NULL-terminated */
	char **env;                /* "NAME=VALUE", NULL-terminated */
	enum wfc_exec_interactive interactive;
	char *install_hint;        /* NULL: none */
	bool provide_cluster_info;
	/* clusters[].cluster.extensions[client.authentication.k8s.io/exec]
	 * as JSON text (spec.cluster.config), or NULL */
	char *cluster_config_json;
};

/* The chosen context resolved; every field owned, read-only for users. */
struct wfc_kubeconfig {
	bool in_cluster;
	char *origin;              /* "kubeconfig '/path'" or "in-cluster config": for messages */
	char *context, *cluster, *user;  /* names; NULL in-cluster */
	char *namespace;
	/* cluster */
	char *server;              /* scheme://host:port[/prefix] */
	char *ca_pem;              /* NULL: the system's CAs */
	size_t ca_len;
	bool insecure;             /* insecure-skip-tls-verify */
	char *tls_server_name;
	char *proxy_url;
	bool disable_compression;
	/* user */
	char *token;               /* NULL: none */
	char *token_file;          /* NULL: none; in-cluster: the SA token */
	char *username, *password; /* basic auth, or NULL */
	char *cert_pem, *key_pem;  /* client certificate, or NULL */
	size_t cert_len, key_len;
	struct wfc_kube_exec *exec; /* NULL: none */
};

/* 0, or -1 with a message in err (lowercase, naming the file and line). */
int wfc_kubeconfig_load(const struct wfc_kubeconfig_opts *opts,
			struct wfc_kubeconfig **out, char *err, size_t errlen);
void wfc_kubeconfig_free(struct wfc_kubeconfig *kc);

#endif
