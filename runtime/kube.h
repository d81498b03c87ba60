/*
 * A Kubernetes API client for the kube executor and the coordinator:
 * objects are cJSON trees, every failure is a struct wfc_kube_error
 * (nothing is printed), and everything runs on one thread.
 *
 * Two kinds of call:
 *
 * Blocking (get, list, create, apply, patch, delete, logs without follow,
 * discovery): each returns when done. A 429 waits for its Retry-After;
 * 5xx (but 501) and connection failures (but a certificate that does not
 * verify, or a bad client certificate) are retried with exponential
 * backoff (backoff_initial_s doubling up to backoff_max_s, Retry-After
 * honoured when the server sends one), until retry_budget_s is spent; a
 * call takes at most about retry_budget_s + request_timeout_s. A 401 fetches
 * credentials again once (token file, exec plugin) before it is an error.
 * Retries include POST: a create whose response was lost comes back as
 * WFC_KUBE_EALREADY_EXISTS, which callers treat as "someone got there first".
 *
 * Asynchronous (wfc_kube_merge_patch_start): the first attempt goes out
 * without waiting, at most WFC_KUBE_CALLS_MAX at once (the others wait
 * their turn, in order), and its done callback fires from
 * wfc_kube_dispatch. What a blocking call would try again (a 401 with
 * fresh credentials, 429, 5xx, a lost connection) is then made again as
 * a blocking call, with the same retries.
 *
 * Non-blocking (informers, followed logs): driven by the caller's event
 * loop. wfc_kube_pollfds gives the descriptors and the longest wait,
 * wfc_kube_dispatch runs what is ready (callbacks fire from there only);
 * wfc_kube_step does both with poll(). Callbacks may make blocking calls,
 * create informers and streams, and destroy or close any of them
 * (themselves included: freeing is deferred to the end of dispatch);
 * they must not call wfc_kube_dispatch, wfc_kube_step or
 * wfc_kube_destroy.
 *
 * Namespaces: ns NULL is the client's namespace (kubeconfig / -n);
 * for list and informers "" means all namespaces. Cluster-scoped
 * resources ignore ns.
 */
#ifndef WFC_RUNTIME_KUBE_H
#define WFC_RUNTIME_KUBE_H
#include <cjson/cJSON.h>
#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "runtime/kubeauth.h"
#include "runtime/kubeconfig.h"
#include "runtime/transport.h"

enum wfc_kube_errkind {
	WFC_KUBE_OK = 0,
	WFC_KUBE_ETRANSPORT,      /* no HTTP answer (connect, TLS, timeout) after the retries */
	WFC_KUBE_EAUTH,           /* no credentials: token file, exec plugin */
	WFC_KUBE_EUNAUTHORIZED,   /* 401 */
	WFC_KUBE_EFORBIDDEN,      /* 403 */
	WFC_KUBE_ENOTFOUND,       /* 404; also a kind discovery does not know */
	WFC_KUBE_EALREADY_EXISTS, /* 409 AlreadyExists: someone got there first */
	WFC_KUBE_ECONFLICT,       /* 409 otherwise: resourceVersion or apply conflict */
	WFC_KUBE_EGONE,           /* 410: resourceVersion or continue token expired */
	WFC_KUBE_EINVALID,        /* 422: message is the server's, with the causes */
	WFC_KUBE_ETOO_MANY,       /* 429 after the retries */
	WFC_KUBE_ESERVER,         /* 5xx after the retries */
	WFC_KUBE_EOTHER,          /* another status */
	WFC_KUBE_EBAD_RESPONSE,   /* a body that is not the JSON expected */
	WFC_KUBE_EUSAGE,          /* a bad argument */
};

struct wfc_kube_error {
	enum wfc_kube_errkind kind;
	long code;                /* HTTP status; 0: none */
	char reason[64];          /* Status.reason ("AlreadyExists", "Invalid", ...) or "" */
	char message[1024];       /* Status.message verbatim, or what went wrong */
	unsigned attempts;        /* requests made */
};

/* "already-exists", "invalid", ...: stable names for messages and tests. */
const char *wfc_kube_errkind_name(enum wfc_kube_errkind k);

/* A resource: where its objects live in the API. */
struct wfc_kube_res {
	const char *group;        /* "" for core */
	const char *version;
	const char *resource;     /* plural, lower case: "jobs" */
	const char *kind;         /* "Job" */
	bool namespaced;
};

enum wfc_kube_builtin {
	WFC_KUBE_CONFIGMAPS,
	WFC_KUBE_PODS,
	WFC_KUBE_SERVICES,
	WFC_KUBE_SERVICEACCOUNTS,
	WFC_KUBE_PVCS,
	WFC_KUBE_JOBS,
	WFC_KUBE_CRONJOBS,
	WFC_KUBE_ROLES,
	WFC_KUBE_ROLEBINDINGS,
	WFC_KUBE_LEASES,
	WFC_KUBE_BUILTIN_COUNT,
};

const struct wfc_kube_res *wfc_kube_builtin(enum wfc_kube_builtin b);

struct wfc_kube_opts {
	/* NULL: libcurl, configured from the kubeconfig, owned by the
	 * client; else borrowed (must outlive the client) */
	struct wfc_transport *transport;
	const struct wfc_kube_clock *clock;  /* NULL: the real one */
	double retry_budget_s;      /* 0: 30 */
	double backoff_initial_s;   /* 0: 0.25 */
	double backoff_max_s;       /* 0: 8 */
	double request_timeout_s;   /* one attempt; 0: 60 */
	const char *field_manager;  /* NULL: "wfc" */
	const char *user_agent;     /* NULL: "wfc/VERSION" */
};

struct wfc_kube;

/* cfg must outlive the client. NULL with a message in err. */
struct wfc_kube *wfc_kube_create(const struct wfc_kubeconfig *cfg,
				 const struct wfc_kube_opts *opts,
				 char *err, size_t errlen);
void wfc_kube_destroy(struct wfc_kube *c);
const char *wfc_kube_namespace(const struct wfc_kube *c);
/* How many times the exec credential plugin ran. */
unsigned wfc_kube_exec_runs(const struct wfc_kube *c);

/* apiVersion and kind to a resource: the built-in ones directly, others
 * by discovery (GET /apis/GROUP/VERSION, cached; fetched again at most
 * every 10 s for a kind it lacked). *out lives as long as the client. */
int wfc_kube_resolve(struct wfc_kube *c, const char *api_version, const char *kind,
		     const struct wfc_kube_res **out, struct wfc_kube_error *e);

/* Every call: 0 and *out (NULL allowed: not wanted) the server's object,
 * which the caller frees with cJSON_Delete; or -1 with e filled. */
int wfc_kube_get(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		 const char *name, cJSON **out, struct wfc_kube_error *e);

struct wfc_json_keep;

struct wfc_kube_list_opts {
	const char *label_selector;
	const char *field_selector;
	const char *resource_version;  /* NULL: most recent */
	const char *continue_token;
	long limit;                    /* 0: no limit */
	/* wfc_kube_list_all: called on each item as its page arrives, to cut
	 * it down to what the caller keeps (the whole list is never held) */
	void (*trim)(cJSON *item);
	/* the members of each item that trim may keep: the others are cut
	 * from a page's text before it is parsed (support/json.h), or NULL */
	const struct wfc_json_keep *keep;
	/* the items as meta.k8s.io/v1 PartialObjectMetadata: metadata only
	 * (a server that cannot sends them whole) */
	bool metadata_only;
};

/* One page: the List object, metadata.continue set when more follow. */
int wfc_kube_list(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		  const struct wfc_kube_list_opts *o, cJSON **out, struct wfc_kube_error *e);
/* Every page (o->limit per page, 500 when 0) in one List; an expired
 * continue token starts again unpaged, as client-go's pager does. */
int wfc_kube_list_all(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		      const struct wfc_kube_list_opts *o, cJSON **out,
		      struct wfc_kube_error *e);

int wfc_kube_create_object(struct wfc_kube *c, const struct wfc_kube_res *r,
			   const char *ns, const cJSON *obj, cJSON **out,
			   struct wfc_kube_error *e);
/* Server-side apply of obj (its metadata.name) as field manager
 * opts.field_manager; force takes over conflicting fields. */
int wfc_kube_apply(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		   const cJSON *obj, bool force, cJSON **out, struct wfc_kube_error *e);
/* JSON merge patch (RFC 7386); subresource "status" (or NULL). */
int wfc_kube_merge_patch(struct wfc_kube *c, const struct wfc_kube_res *r,
			 const char *ns, const char *name, const char *subresource,
			 const cJSON *patch, cJSON **out, struct wfc_kube_error *e);
/* Asynchronous calls (see the top): the client owns each until done was
 * called or it was forgotten. done gets NULL when the answer was 2xx
 * (its body is not kept), else the error. */
#define WFC_KUBE_CALLS_MAX 8
typedef void (*wfc_kube_done_fn)(void *ud, const struct wfc_kube_error *e);
struct wfc_kube_call;
/* wfc_kube_merge_patch without waiting; NULL with e when it cannot be
 * made at all (no name). */
struct wfc_kube_call *wfc_kube_merge_patch_start(struct wfc_kube *c, const struct wfc_kube_res *r,
						 const char *ns, const char *name,
						 const cJSON *patch, wfc_kube_done_fn done,
						 void *ud, struct wfc_kube_error *e);
/* done is not called for it any more (NULL: nothing). */
void wfc_kube_call_forget(struct wfc_kube_call *call);

/* propagation: "Background", "Foreground", "Orphan" or NULL (the
 * resource's default). *out: the object (being deleted) or a Status. */
int wfc_kube_delete(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		    const char *name, const char *propagation, cJSON **out,
		    struct wfc_kube_error *e);
/* Anything else: path with its query, body sent as content_type. */
int wfc_kube_request(struct wfc_kube *c, const char *method, const char *path,
		     const char *content_type, const cJSON *body, cJSON **out,
		     struct wfc_kube_error *e);

/* --- the event loop --- */

/* Fills up to max descriptors and returns how many there are (call again
 * with a larger array when that is more than max); *timeout_ms: the
 * longest poll() may wait before wfc_kube_dispatch (-1: no limit). */
int wfc_kube_pollfds(struct wfc_kube *c, struct pollfd *fds, int max, int *timeout_ms);
void wfc_kube_dispatch(struct wfc_kube *c, const struct pollfd *fds, int n);
/* pollfds, poll() for at most timeout_ms (-1: as long as needed), dispatch. */
void wfc_kube_step(struct wfc_kube *c, int timeout_ms);

/* --- informers: list, then watch, kept in sync --- */

enum wfc_kube_event {
	WFC_KUBE_ADDED,
	WFC_KUBE_MODIFIED,
	WFC_KUBE_DELETED,
};

struct wfc_kube_informer_cb {
	/* obj is valid during the call (for ADDED and MODIFIED, as long as
	 * the informer holds it: wfc_kube_informer_get) */
	void (*on_event)(void *ud, enum wfc_kube_event ev, const cJSON *obj);
	/* after each complete list: the cache matches the server */
	void (*on_synced)(void *ud);
	/* a failure the informer recovers from by itself (it retries) */
	void (*on_error)(void *ud, const struct wfc_kube_error *e);
	void *ud;
};

struct wfc_kube_informer_opts {
	const char *namespace;      /* as ns above: NULL the client's, "" all */
	const char *label_selector;
	const char *field_selector;
	long page_size;             /* 0: 500 */
	int watch_timeout_s;        /* server-side timeoutSeconds; 0: 300 */
	/* cuts each object down before it is cached and passed to on_event
	 * (listed or watched), as client-go's transform: what it removes is
	 * never seen by wfc_kube_informer_get */
	void (*trim)(cJSON *obj);
	/* the members of an object that trim may keep: the others are cut
	 * from an event's or a list's text before it is parsed
	 * (support/json.h), or NULL */
	const struct wfc_json_keep *keep;
	/* list and watch the objects' metadata only (PartialObjectMetadata):
	 * for an informer that reads labels and annotations of big objects */
	bool metadata_only;
};

struct wfc_kube_informer;

/* Lists (blocking; the ADDED events and on_synced fire before it
 * returns), then watches from the list's resourceVersion with bookmarks
 * (NULL with e->kind WFC_KUBE_OK when a callback destroyed it meanwhile).
 * A watch that ends is opened again from the last resourceVersion seen;
 * a 410 (status or ERROR event) lists again, and the differences come as
 * ADDED / MODIFIED / DELETED events before on_synced. r must outlive the
 * informer. NULL with e filled when the first list fails. */
struct wfc_kube_informer *wfc_kube_informer_create(struct wfc_kube *c,
						   const struct wfc_kube_res *r,
						   const struct wfc_kube_informer_opts *o,
						   const struct wfc_kube_informer_cb *cb,
						   struct wfc_kube_error *e);
void wfc_kube_informer_destroy(struct wfc_kube_informer *inf);
/* The cached object, or NULL. ns NULL: the informer's namespace. */
const cJSON *wfc_kube_informer_get(const struct wfc_kube_informer *inf,
				   const char *ns, const char *name);
/* Drops the cached object and every later event of it but DELETED: for an
 * object the caller is done with (a finished Job of a long run), so that
 * the cache does not grow with the run. wfc_kube_informer_get is then NULL
 * and wfc_kube_informer_forgotten true, until the object is deleted. It
 * may be called from on_event for the object being reported, which is
 * freed by it. */
void wfc_kube_informer_forget(struct wfc_kube_informer *inf, const char *ns, const char *name);
/* Caches obj (taken; as read with a GET) again for a forgotten object. */
void wfc_kube_informer_restore(struct wfc_kube_informer *inf, cJSON *obj);
bool wfc_kube_informer_forgotten(const struct wfc_kube_informer *inf, const char *ns,
				 const char *name);
/* An ownerReference to the Job `name` (uid), with blockOwnerDeletion, as
 * the objects of a run carry it to their coordinator Job. Caller owns it. */
cJSON *wfc_kube_job_owner_ref(const char *name, const char *uid);
/* Appends a copy of ref to obj's metadata.ownerReferences. */
void wfc_kube_add_owner(cJSON *obj, const cJSON *ref);
/* Deletes the members of obj whose names are not in keep (NULL-ended): for
 * the trim functions above. */
void wfc_kube_keep_only(cJSON *obj, const char *const *keep);
/* Calls fn for every cached object. */
void wfc_kube_informer_foreach(const struct wfc_kube_informer *inf,
			       void (*fn)(void *ud, const cJSON *obj), void *ud);
const char *wfc_kube_informer_resource_version(const struct wfc_kube_informer *inf);
/* Lists done (1 after create), watches opened: tests, diagnostics. */
unsigned wfc_kube_informer_lists(const struct wfc_kube_informer *inf);
unsigned wfc_kube_informer_watches(const struct wfc_kube_informer *inf);

/* --- pod logs --- */

struct wfc_kube_log_opts {
	const char *container;      /* NULL: the pod's only (or default) container */
	bool follow;                /* streams only */
	long tail_lines;            /* 0: all; < 0: none (with follow: only what comes) */
	long since_seconds;         /* 0: all */
	bool timestamps;
};

/* The log so far, blocking (follow is ignored). *text NUL-terminated. */
int wfc_kube_log_read(struct wfc_kube *c, const char *ns, const char *pod,
		      const struct wfc_kube_log_opts *o, char **text, size_t *len,
		      struct wfc_kube_error *e);

struct wfc_kube_stream_cb {
	/* bytes as they arrive; non-zero ends the stream (no on_end then) */
	int (*on_data)(void *ud, const char *p, size_t n);
	/* the end: e NULL for a clean end of the log */
	void (*on_end)(void *ud, const struct wfc_kube_error *e);
	void *ud;
};

struct wfc_kube_stream;

/* The log (followed when asked), opened from the next dispatch: every
 * outcome comes through cb, none before this returns (NULL only for a
 * missing pod name). Failures before the first byte are retried as
 * blocking calls are, from the event loop; a connection lost later ends
 * the stream with an error. The caller closes the stream, also after
 * on_end. */
struct wfc_kube_stream *wfc_kube_log_open(struct wfc_kube *c, const char *ns,
					  const char *pod,
					  const struct wfc_kube_log_opts *o,
					  const struct wfc_kube_stream_cb *cb,
					  struct wfc_kube_error *e);
void wfc_kube_stream_close(struct wfc_kube_stream *s);

#endif
