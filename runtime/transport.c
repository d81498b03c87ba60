/* The libcurl transport (runtime/transport.h): blocking requests on one
 * reused easy handle (its connections stay open between requests),
 * streams on a multi handle driven through the socket API so an outside
 * poll() loop can wait on them. */
#include <curl/curl.h>
#include <openssl/ssl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/transport.h"
#include "support/buf.h"
#include "support/text.h"
#include "support/xalloc.h"

/* the most of a body (or of a stream's error body) kept in memory */
#define BODY_MAX ((size_t)512 << 20)
#define ERRBODY_MAX ((size_t)1 << 20)

void wfc_http_response_clear(struct wfc_http_response *rs)
{
	free(rs->body);
	memset(rs, 0, sizeof(*rs));
	rs->retry_after_s = -1;
}

struct sock {
	curl_socket_t fd;
	int what;            /* CURL_POLL_IN / OUT / INOUT */
};

struct cstream {
	struct cstream *next;
	struct curl_tp *t;
	CURL *easy;
	struct curl_slist *hdrs;
	char *url;
	struct wfc_http_stream_cb cb;
	struct wfc_buf pending;   /* 2xx body bytes not yet handed over */
	struct wfc_buf errbody;   /* a non-2xx body */
	long status;
	bool done, closed;
	CURLcode result;
	char errbuf[CURL_ERROR_SIZE];
};

struct curl_tp {
	struct wfc_transport base;
	char *url_base;           /* the URL requests are made to, no final '/' */
	char *connect_to;         /* "name:port:host:port" for tls_server_name */
	char *host_header;        /* "Host: host:port" for tls_server_name */
	char *ca;                 /* copies of the config's strings */
	size_t ca_len;
	bool insecure, no_compression;
	char *proxy, *user_agent;
	struct curl_slist *connect_to_list;

	CURL *easy;               /* blocking requests */
	CURLM *multi;             /* streams */
	struct cstream *streams;
	struct sock *socks;
	size_t nsocks, capsocks;
	long timer_ms;            /* -1: none; else deadline (monotonic ms) */
	bool in_dispatch;
};

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static size_t collect(char *p, size_t size, size_t n, void *ud)
{
	struct wfc_buf *b = ud;
	size_t len = size * n;
	if (b->len + len > BODY_MAX)
		return 0;
	wfc_buf_add(b, p, len);
	return len;
}

/* libcurl asks OpenSSL to free a connection's record buffers whenever
 * they are drained (SSL_MODE_RELEASE_BUFFERS); a watch drains them at
 * every event, so each event cost a 17 KiB malloc and free, and with them
 * malloc's consolidation of its fast bins: 5 % of the coordinator's CPU.
 * A few long-lived connections keep theirs. (Another TLS backend than
 * OpenSSL does not call this.) */
static CURLcode keep_tls_buffers(CURL *h, void *ssl_ctx, void *ud)
{
	(void)h;
	(void)ud;
	SSL_CTX_clear_mode((SSL_CTX *)ssl_ctx, SSL_MODE_RELEASE_BUFFERS);
	return CURLE_OK;
}

/* The options every request has, on a fresh or reset handle. */
static struct curl_slist *setup(struct curl_tp *t, CURL *h,
				const struct wfc_http_request *rq, char **url,
				char *errbuf, bool copy_body)
{
	struct wfc_buf u = { 0 };
	struct curl_slist *hl = NULL;

	wfc_buf_puts(&u, t->url_base);
	if (rq->path[0] != '/')
		wfc_buf_putc(&u, '/');
	wfc_buf_puts(&u, rq->path);
	*url = u.s;
	curl_easy_setopt(h, CURLOPT_URL, u.s);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	errbuf[0] = '\0';
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 30000L);
	curl_easy_setopt(h, CURLOPT_USERAGENT, t->user_agent);
	curl_easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, keep_tls_buffers);
	if (!t->no_compression)
		curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
	if (rq->timeout_s > 0)
		curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)(rq->timeout_s * 1000));
	if (t->proxy)
		curl_easy_setopt(h, CURLOPT_PROXY, t->proxy);
	if (t->connect_to_list)
		curl_easy_setopt(h, CURLOPT_CONNECT_TO, t->connect_to_list);

	if (t->ca) {
		struct curl_blob b = { t->ca, t->ca_len, CURL_BLOB_COPY };
		curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &b);
	}
	if (t->insecure) {
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (rq->cert_pem && rq->key_pem) {
		struct curl_blob c = { (void *)rq->cert_pem, rq->cert_len, CURL_BLOB_COPY };
		struct curl_blob k = { (void *)rq->key_pem, rq->key_len, CURL_BLOB_COPY };
		curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &c);
		curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
		curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &k);
		curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
	}

	const char *m = rq->method;
	if (!strcmp(m, "GET") && !rq->body) {
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	} else if (!strcmp(m, "HEAD")) {
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	} else {
		if (rq->body || strcmp(m, "DELETE")) {
			curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
					 (curl_off_t)(rq->body ? rq->body_len : 0));
			if (copy_body)
				curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS,
						 rq->body ? rq->body : "");
			else
				curl_easy_setopt(h, CURLOPT_POSTFIELDS,
						 rq->body ? rq->body : "");
		}
		if (strcmp(m, "POST"))
			curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m);
	}

	hl = curl_slist_append(hl, "Expect:");
	if (t->host_header)
		hl = curl_slist_append(hl, t->host_header);
	for (const char *const *hp = rq->headers; hp && *hp; hp++)
		hl = curl_slist_append(hl, *hp);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
	return hl;
}

static void fail_message(char *out, size_t outlen, const char *url, CURLcode rc,
			 const char *errbuf)
{
	/* the URL without its query: the message names the server */
	size_t ulen = strcspn(url, "?");
	wfc_errf(out, outlen, "request to '%.*s' failed: %s", (int)ulen, url,
		 errbuf && errbuf[0] ? errbuf : curl_easy_strerror(rc));
}

static bool permanent(CURLcode rc)
{
	switch (rc) {
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_WRITE_ERROR:   /* our body limit */
		return true;
	default:
		return false;
	}
}

static double retry_after(CURL *h)
{
	curl_off_t ra = -1;
	if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &ra) != CURLE_OK || ra <= 0)
		return -1;
	return (double)ra;
}

static int tp_request(struct wfc_transport *base, const struct wfc_http_request *rq,
		      struct wfc_http_response *rs)
{
	struct curl_tp *t = (struct curl_tp *)base;
	struct wfc_buf body = { 0 };
	char errbuf[CURL_ERROR_SIZE];
	char *url = NULL;

	memset(rs, 0, sizeof(*rs));
	rs->retry_after_s = -1;
	curl_easy_reset(t->easy);
	struct curl_slist *hl = setup(t, t->easy, rq, &url, errbuf, false);
	curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, &body);
	CURLcode rc = curl_easy_perform(t->easy);
	long status = 0;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	if (rc == CURLE_OK && status > 0) {
		rs->status = status;
		rs->retry_after_s = retry_after(t->easy);
	} else {
		if (rc == CURLE_WRITE_ERROR)
			wfc_errf(rs->error, sizeof(rs->error),
				 "response body from '%s' larger than %zu bytes",
				 t->url_base, BODY_MAX);
		else
			fail_message(rs->error, sizeof(rs->error), url, rc, errbuf);
		rs->permanent = permanent(rc);
		wfc_buf_free(&body);
	}
	/* the handle must not point at this call's buffers any more */
	curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, NULL);
	curl_slist_free_all(hl);
	free(url);
	rs->body = body.s ? body.s : wfc_xstrdup("");
	rs->body_len = body.len;
	return rs->status ? 0 : -1;
}

/* --- streams --- */

static size_t stream_write(char *p, size_t size, size_t n, void *ud)
{
	struct cstream *s = ud;
	size_t len = size * n;

	if (s->closed)
		return 0;
	if (!s->status)
		curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &s->status);
	if (s->status >= 200 && s->status < 300) {
		if (s->pending.len + len > BODY_MAX)
			return 0;
		wfc_buf_add(&s->pending, p, len);
	} else if (s->errbody.len < ERRBODY_MAX) {
		size_t room = ERRBODY_MAX - s->errbody.len;
		wfc_buf_add(&s->errbody, p, len < room ? len : room);
	}
	return len;
}

static void stream_free(struct curl_tp *t, struct cstream *s)
{
	curl_multi_remove_handle(t->multi, s->easy);
	curl_easy_cleanup(s->easy);
	curl_slist_free_all(s->hdrs);
	wfc_buf_free(&s->pending);
	wfc_buf_free(&s->errbody);
	free(s->url);
	free(s);
}

static void sweep(struct curl_tp *t)
{
	struct cstream **pp = &t->streams;
	while (*pp) {
		struct cstream *s = *pp;
		if (s->closed) {
			*pp = s->next;
			stream_free(t, s);
		} else {
			pp = &s->next;
		}
	}
}

static struct wfc_http_stream *tp_stream_open(struct wfc_transport *base,
					      const struct wfc_http_request *rq,
					      const struct wfc_http_stream_cb *cb,
					      char *err, size_t errlen)
{
	struct curl_tp *t = (struct curl_tp *)base;
	struct cstream *s = calloc(1, sizeof(*s));

	if (!s)
		abort();
	s->t = t;
	s->cb = *cb;
	s->easy = curl_easy_init();
	if (!s->easy) {
		free(s);
		wfc_errf(err, errlen, "cannot start a request to '%s'", t->url_base);
		return NULL;
	}
	s->hdrs = setup(t, s->easy, rq, &s->url, s->errbuf, true);
	curl_easy_setopt(s->easy, CURLOPT_WRITEFUNCTION, stream_write);
	curl_easy_setopt(s->easy, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(s->easy, CURLOPT_PRIVATE, s);
	if (curl_multi_add_handle(t->multi, s->easy) != CURLM_OK) {
		wfc_errf(err, errlen, "cannot start a request to '%s'", t->url_base);
		curl_easy_cleanup(s->easy);
		curl_slist_free_all(s->hdrs);
		free(s->url);
		free(s);
		return NULL;
	}
	s->next = t->streams;
	t->streams = s;
	return (struct wfc_http_stream *)s;
}

static void tp_stream_close(struct wfc_transport *base, struct wfc_http_stream *hs)
{
	struct curl_tp *t = (struct curl_tp *)base;
	struct cstream *s = (struct cstream *)hs;
	if (!s)
		return;
	s->closed = true;
	if (!t->in_dispatch)
		sweep(t);
}

static int sock_cb(CURL *e, curl_socket_t fd, int what, void *ud, void *sp)
{
	struct curl_tp *t = ud;
	size_t i;

	for (i = 0; i < t->nsocks && t->socks[i].fd != fd; i++)
		;
	if (what == CURL_POLL_REMOVE) {
		if (i < t->nsocks)
			t->socks[i] = t->socks[--t->nsocks];
		return 0;
	}
	if (i == t->nsocks) {
		if (t->nsocks == t->capsocks) {
			t->capsocks = t->capsocks ? t->capsocks * 2 : 8;
			t->socks = wfc_xrealloc(t->socks, t->capsocks * sizeof(*t->socks));
		}
		t->socks[t->nsocks++].fd = fd;
	}
	t->socks[i].what = what;
	return 0;
}

static int timer_cb(CURLM *m, long timeout_ms, void *ud)
{
	struct curl_tp *t = ud;
	t->timer_ms = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	return 0;
}

static int tp_pollfds(struct wfc_transport *base, struct pollfd *fds, int max,
		      int *timeout_ms)
{
	struct curl_tp *t = (struct curl_tp *)base;
	int n = 0;

	for (size_t i = 0; i < t->nsocks; i++, n++) {
		if (n >= max)
			continue;
		fds[n].fd = t->socks[i].fd;
		fds[n].events = 0;
		fds[n].revents = 0;
		if (t->socks[i].what & CURL_POLL_IN)
			fds[n].events |= POLLIN;
		if (t->socks[i].what & CURL_POLL_OUT)
			fds[n].events |= POLLOUT;
	}
	long to = -1;
	if (t->timer_ms >= 0) {
		to = t->timer_ms - now_ms();
		if (to < 0)
			to = 0;
	}
	for (struct cstream *s = t->streams; s; s = s->next)
		if (!s->closed && (s->pending.len || s->done))
			to = 0;
	*timeout_ms = (int)(to > INT32_MAX ? INT32_MAX : to);
	return n;
}

static void tp_dispatch(struct wfc_transport *base, const struct pollfd *fds, int n)
{
	struct curl_tp *t = (struct curl_tp *)base;
	int running = 0;

	t->in_dispatch = true;
	for (int i = 0; i < n; i++) {
		if (!fds[i].revents)
			continue;
		bool known = false;
		for (size_t j = 0; j < t->nsocks && !known; j++)
			known = t->socks[j].fd == fds[i].fd;
		if (!known)
			continue;
		int mask = 0;
		if (fds[i].revents & (POLLIN | POLLHUP))
			mask |= CURL_CSELECT_IN;
		if (fds[i].revents & POLLOUT)
			mask |= CURL_CSELECT_OUT;
		if (fds[i].revents & (POLLERR | POLLNVAL))
			mask |= CURL_CSELECT_ERR;
		curl_multi_socket_action(t->multi, fds[i].fd, mask, &running);
	}
	if (t->timer_ms >= 0 && now_ms() >= t->timer_ms) {
		t->timer_ms = -1;
		curl_multi_socket_action(t->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	}
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(t->multi, &left))) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		struct cstream *s = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&s);
		if (!s)
			continue;
		s->done = true;
		s->result = msg->data.result;
		if (!s->status)
			curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &s->status);
	}

	/* hand over what arrived, outside libcurl */
	for (struct cstream *s = t->streams; s; s = s->next) {
		if (s->closed)
			continue;
		if (s->pending.len && s->cb.on_data) {
			/* the callback may close this stream; keep the bytes apart */
			struct wfc_buf b = s->pending;
			memset(&s->pending, 0, sizeof(s->pending));
			int stop = s->cb.on_data(s->cb.ud, b.s, b.len);
			/* nothing arrives during the callback: keep the buffer
			 * for the next bytes (a watch hands over an event or
			 * two at a time; a fresh one each time costs malloc's
			 * consolidation of its fast bins), unless it grew big */
			if (!s->pending.s && b.cap <= 64 * 1024) {
				wfc_buf_reset(&b);
				s->pending = b;
			} else {
				wfc_buf_free(&b);
			}
			if (stop) {
				s->closed = true;
				continue;
			}
		}
		if (s->closed || !s->done)
			continue;
		struct wfc_http_response rs = { .retry_after_s = -1 };
		if (s->result == CURLE_OK && s->status > 0) {
			rs.status = s->status;
			rs.retry_after_s = retry_after(s->easy);
			rs.body = s->errbody.s ? s->errbody.s : "";
			rs.body_len = s->errbody.len;
		} else {
			fail_message(rs.error, sizeof(rs.error), s->url, s->result,
				     s->errbuf);
			rs.permanent = permanent(s->result);
			rs.body = "";
		}
		s->closed = true;
		if (s->cb.on_done)
			s->cb.on_done(s->cb.ud, &rs);
	}
	t->in_dispatch = false;
	sweep(t);
}

static void tp_destroy(struct wfc_transport *base)
{
	struct curl_tp *t = (struct curl_tp *)base;
	for (struct cstream *s = t->streams; s; s = s->next)
		s->closed = true;
	sweep(t);
	curl_multi_cleanup(t->multi);
	curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->connect_to_list);
	free(t->socks);
	free(t->url_base);
	free(t->connect_to);
	free(t->host_header);
	if (t->ca)
		memset(t->ca, 0, t->ca_len);
	free(t->ca);
	free(t->proxy);
	free(t->user_agent);
	free(t);
	curl_global_cleanup();
}

static const struct wfc_transport_ops curl_ops = {
	.request = tp_request,
	.stream_open = tp_stream_open,
	.stream_close = tp_stream_close,
	.pollfds = tp_pollfds,
	.dispatch = tp_dispatch,
	.destroy = tp_destroy,
};

/* Base URL, and for tls_server_name the URL's host swapped for that name
 * with CONNECT_TO sending the connection to the real host: the name is
 * then what TLS verifies and sends as SNI, while Host stays the server's
 * (as client-go does with tls.Config.ServerName). */
static int parse_server(struct curl_tp *t, const struct wfc_http_config *cfg,
			char *err, size_t errlen)
{
	const char *server = cfg->server;
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL;
	int rc = -1;

	if (!u)
		abort();
	if (!server || !*server) {
		wfc_errf(err, errlen, "no server address");
		goto err_out;
	}
	if (curl_url_set(u, CURLUPART_URL, server, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK) {
		wfc_errf(err, errlen, "server '%s' is not a valid URL", server);
		goto err_out;
	}
	if (strcmp(scheme, "https") && strcmp(scheme, "http")) {
		wfc_errf(err, errlen, "server '%s': scheme '%s' is not http or https",
			 server, scheme);
		goto err_out;
	}
	if (curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK)
		path = NULL;
	struct wfc_buf b = { 0 };
	const char *name = cfg->tls_server_name && *cfg->tls_server_name &&
			   !strcmp(scheme, "https") ? cfg->tls_server_name : NULL;
	wfc_buf_printf(&b, "%s://%s:%s", scheme, name ? name : host, port);
	if (path && strcmp(path, "/")) {
		size_t n = strlen(path);
		while (n && path[n - 1] == '/')
			n--;
		wfc_buf_add(&b, path, n);
	}
	t->url_base = b.s;
	if (name) {
		struct wfc_buf c = { 0 }, h = { 0 };
		wfc_buf_printf(&c, "%s:%s:%s:%s", name, port, host, port);
		wfc_buf_printf(&h, "Host: %s:%s", host, port);
		t->connect_to = c.s;
		t->host_header = h.s;
		t->connect_to_list = curl_slist_append(NULL, t->connect_to);
	}
	rc = 0;
err_out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_url_cleanup(u);
	return rc;
}

struct wfc_transport *wfc_transport_curl_create(const struct wfc_http_config *cfg,
						char *err, size_t errlen)
{
	struct curl_tp *t = calloc(1, sizeof(*t));

	if (!t)
		abort();
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		free(t);
		wfc_errf(err, errlen, "cannot initialise libcurl");
		return NULL;
	}
	t->base.ops = &curl_ops;
	t->timer_ms = -1;
	t->easy = curl_easy_init();
	t->multi = curl_multi_init();
	if (!t->easy || !t->multi) {
		wfc_errf(err, errlen, "cannot initialise libcurl");
		goto err_out;
	}
	if (parse_server(t, cfg, err, errlen))
		goto err_out;
	if (cfg->ca_pem) {
		t->ca = wfc_xmalloc(cfg->ca_len + 1);
		memcpy(t->ca, cfg->ca_pem, cfg->ca_len);
		t->ca[cfg->ca_len] = '\0';
		t->ca_len = cfg->ca_len;
	}
	t->insecure = cfg->insecure;
	t->no_compression = cfg->disable_compression;
	t->proxy = cfg->proxy_url && *cfg->proxy_url ? wfc_xstrdup(cfg->proxy_url) : NULL;
	t->user_agent = wfc_xstrdup(cfg->user_agent ? cfg->user_agent : "wfc");
	curl_multi_setopt(t->multi, CURLMOPT_SOCKETFUNCTION, sock_cb);
	curl_multi_setopt(t->multi, CURLMOPT_SOCKETDATA, t);
	curl_multi_setopt(t->multi, CURLMOPT_TIMERFUNCTION, timer_cb);
	curl_multi_setopt(t->multi, CURLMOPT_TIMERDATA, t);
	return &t->base;
err_out:
	tp_destroy(&t->base);
	return NULL;
}
