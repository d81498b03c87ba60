/*
 * HTTP to one API server, behind a small interface so the Kubernetes
 * client (runtime/kube.h) can be tested against an in-process fake and
 * the coordinator against a fake server.
 *
 * Two kinds of request:
 *   request()      blocking: one exchange to completion (bounded by the
 *                  request's timeout), the whole body collected;
 *   stream_open()  non-blocking: the body is handed over as it arrives
 *                  (watch events, followed logs) from dispatch(), which an
 *                  event loop calls after poll() on the descriptors
 *                  pollfds() gave. A blocking request does not drive the
 *                  streams; their bytes wait in the socket meanwhile.
 *
 * Callbacks run from dispatch() only, never from inside the HTTP library:
 * they may open and close streams and make blocking requests.
 *
 * wfc_transport_curl_create is the libcurl implementation: TLS material is
 * handed to libcurl in memory (CAINFO/SSLCERT/SSLKEY blobs), never written
 * to a file.
 */
#ifndef WFC_RUNTIME_TRANSPORT_H
#define WFC_RUNTIME_TRANSPORT_H
#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

struct wfc_http_request {
	const char *method;          /* "GET", "POST", "PATCH", ... */
	const char *path;            /* absolute path and query, already escaped */
	const char *const *headers;  /* "Name: value", NULL-terminated, or NULL */
	const char *body;            /* NULL: none */
	size_t body_len;
	/* client certificate and key (PEM) for this request, or NULL */
	const char *cert_pem, *key_pem;
	size_t cert_len, key_len;
	/* seconds for the whole exchange (a stream: until it ends); <= 0: none */
	double timeout_s;
};

struct wfc_http_response {
	long status;         /* HTTP status; 0: no response, see error */
	char *body;          /* NUL-terminated, owned; "" when none */
	size_t body_len;
	double retry_after_s; /* Retry-After in seconds; < 0: none */
	char error[256];     /* what went wrong when status is 0 */
	/* status 0 and trying again cannot help: the server's certificate
	 * does not verify, the client's is unusable, the URL is bad */
	bool permanent;
};

void wfc_http_response_clear(struct wfc_http_response *rs);

struct wfc_http_stream;

struct wfc_http_stream_cb {
	/* Bytes of a 2xx body as they arrive; non-zero closes the stream
	 * (on_done is not called then). */
	int (*on_data)(void *ud, const char *p, size_t n);
	/* The end: status and error as in a response; for a non-2xx status
	 * rs->body holds the body (the server's Status). Called once; the
	 * stream is gone when it returns. Not called after stream_close. */
	void (*on_done)(void *ud, const struct wfc_http_response *rs);
	void *ud;
};

struct wfc_transport;

struct wfc_transport_ops {
	/* 0 when an HTTP response arrived (any status), -1 when none did
	 * (rs->error says why); rs is filled in both cases. */
	int (*request)(struct wfc_transport *t, const struct wfc_http_request *rq,
		       struct wfc_http_response *rs);
	/* NULL when the stream cannot even be started (err says why). The
	 * request is copied. */
	struct wfc_http_stream *(*stream_open)(struct wfc_transport *t,
					       const struct wfc_http_request *rq,
					       const struct wfc_http_stream_cb *cb,
					       char *err, size_t errlen);
	void (*stream_close)(struct wfc_transport *t, struct wfc_http_stream *s);
	/* Fills up to max descriptors to wait on and returns how many
	 * there are (more than max: call again with room for them);
	 * *timeout_ms is the longest wait before dispatch() must run anyway
	 * (-1: no limit). */
	int (*pollfds)(struct wfc_transport *t, struct pollfd *fds, int max,
		       int *timeout_ms);
	/* Runs ready I/O (fds as poll() returned them, may be n = 0) and the
	 * stream callbacks. */
	void (*dispatch)(struct wfc_transport *t, const struct pollfd *fds, int n);
	void (*destroy)(struct wfc_transport *t);
};

struct wfc_transport {
	const struct wfc_transport_ops *ops;
};

/* Where and how to connect. */
struct wfc_http_config {
	const char *server;          /* scheme://host[:port][/prefix] */
	const char *ca_pem;          /* CA bundle (PEM); NULL: the system's */
	size_t ca_len;
	bool insecure;               /* skip verification of the server */
	const char *tls_server_name; /* name to verify (and SNI); NULL: the host */
	const char *proxy_url;       /* NULL: libcurl's https_proxy, no_proxy */
	bool disable_compression;    /* no Accept-Encoding: gzip */
	const char *user_agent;      /* NULL: "wfc" */
};

struct wfc_transport *wfc_transport_curl_create(const struct wfc_http_config *cfg,
						char *err, size_t errlen);

static inline void wfc_transport_destroy(struct wfc_transport *t)
{
	if (t)
		t->ops->destroy(t);
}

#endif
