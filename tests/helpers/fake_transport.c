#include "helpers/fake_transport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "support/buf.h"
#include "support/xalloc.h"

struct fake_reply {
	char *method, *path, *body;
	long status;
	double retry_after;
	bool hold;
};

struct fake_stream {
	struct fake_stream *next;
	struct wfc_http_stream_cb cb;
	struct wfc_buf pending;
	long status;
	char *errbody;
	bool hold, closed, done;
};

static char *dup_or_null(const char *s)
{
	return s ? wfc_xstrdup(s) : NULL;
}

static void queue(struct fake *f, const char *method, const char *path, long status,
		  const char *body, double ra, bool hold)
{
	if (f->nq == f->capq) {
		f->capq = f->capq ? f->capq * 2 : 16;
		f->q = wfc_xrealloc(f->q, f->capq * sizeof(*f->q));
	}
	f->q[f->nq++] = (struct fake_reply){ dup_or_null(method), dup_or_null(path),
					     dup_or_null(body), status, ra, hold };
}

void fake_push(struct fake *f, const char *method, const char *path, long status,
	       const char *body)
{
	queue(f, method, path, status, body, -1, false);
}

void fake_push_retry_after(struct fake *f, const char *method, const char *path,
			   long status, const char *body, double ra)
{
	queue(f, method, path, status, body, ra, false);
}

void fake_push_held(struct fake *f, const char *method, const char *path,
		    const char *body)
{
	queue(f, method, path, 200, body, -1, true);
}

size_t fake_pending(const struct fake *f)
{
	return f->nq - f->head;
}

const struct fake_call *fake_back(const struct fake *f, size_t n)
{
	return n < f->ncalls ? &f->calls[f->ncalls - 1 - n] : NULL;
}

const struct fake_call *fake_last(const struct fake *f)
{
	return fake_back(f, 0);
}

static const char *header(const struct wfc_http_request *rq, const char *name)
{
	size_t n = strlen(name);
	for (const char *const *h = rq->headers; h && *h; h++)
		if (!strncasecmp(*h, name, n) && (*h)[n] == ':')
			return *h + n + 2;
	return NULL;
}

/* records the call; the reply for it, or NULL (unexpected) */
static struct fake_reply *take(struct fake *f, const struct wfc_http_request *rq,
			       bool stream)
{
	f->calls = wfc_xrealloc(f->calls, (f->ncalls + 1) * sizeof(*f->calls));
	struct fake_call *c = &f->calls[f->ncalls++];
	c->method = wfc_xstrdup(rq->method);
	c->path = wfc_xstrdup(rq->path);
	if (rq->body) {
		c->body = wfc_xmalloc(rq->body_len + 1);
		memcpy(c->body, rq->body, rq->body_len);
		c->body[rq->body_len] = '\0';
	} else {
		c->body = NULL;
	}
	c->auth = dup_or_null(header(rq, "Authorization"));
	c->ctype = dup_or_null(header(rq, "Content-Type"));
	c->accept = dup_or_null(header(rq, "Accept"));
	c->stream = stream;
	c->has_cert = rq->cert_pem != NULL;

	if (f->head == f->nq) {
		if (!f->unexpected++)
			snprintf(f->why, sizeof(f->why), "nothing queued for %s %s",
				 rq->method, rq->path);
		return NULL;
	}
	struct fake_reply *r = &f->q[f->head++];
	if ((r->method && strcmp(r->method, rq->method)) ||
	    (r->path && strncmp(r->path, rq->path, strlen(r->path)))) {
		if (!f->unexpected++)
			snprintf(f->why, sizeof(f->why), "expected %s %s, got %s %s",
				 r->method ? r->method : "*", r->path ? r->path : "*",
				 rq->method, rq->path);
		return NULL;
	}
	return r;
}

static int f_request(struct wfc_transport *t, const struct wfc_http_request *rq,
		     struct wfc_http_response *rs)
{
	struct fake *f = (struct fake *)t;
	struct fake_reply *r = take(f, rq, false);
	memset(rs, 0, sizeof(*rs));
	rs->retry_after_s = -1;
	if (!r || r->status <= 0) {
		snprintf(rs->error, sizeof(rs->error), "fake: %s",
			 !r ? "unexpected request" : r->status ? "certificate does not verify"
							       : "connection refused");
		rs->permanent = r && r->status < 0;
		rs->body = wfc_xstrdup("");
		return -1;
	}
	rs->status = r->status;
	rs->retry_after_s = r->retry_after;
	rs->body = wfc_xstrdup(r->body ? r->body : "");
	rs->body_len = strlen(rs->body);
	return 0;
}

static struct wfc_http_stream *f_open(struct wfc_transport *t,
				      const struct wfc_http_request *rq,
				      const struct wfc_http_stream_cb *cb,
				      char *err, size_t errlen)
{
	struct fake *f = (struct fake *)t;
	struct fake_reply *r = take(f, rq, true);
	struct fake_stream *s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	s->cb = *cb;
	if (!r) {
		s->status = 0;
	} else {
		s->status = r->status > 0 ? r->status : 0;
		s->hold = r->hold;
		if (r->status >= 200 && r->status < 300)
			wfc_buf_puts(&s->pending, r->body ? r->body : "");
		else
			s->errbody = dup_or_null(r->body);
	}
	if (s->hold)
		f->held = s;
	s->next = f->streams;
	f->streams = s;
	return (struct wfc_http_stream *)s;
}

static void f_close(struct wfc_transport *t, struct wfc_http_stream *hs)
{
	struct fake_stream *s = (struct fake_stream *)hs;
	s->closed = true;
}

bool fake_held_open(const struct fake *f)
{
	return f->held && !f->held->closed;
}

void fake_feed(struct fake *f, const char *data)
{
	if (f->held && !f->held->closed)
		wfc_buf_puts(&f->held->pending, data);
}

void fake_finish(struct fake *f, long status, const char *body)
{
	if (!f->held || f->held->closed)
		return;
	f->held->hold = false;
	f->held->status = status;
	f->held->errbody = dup_or_null(body);
}

static int f_pollfds(struct wfc_transport *t, struct pollfd *fds, int max, int *to)
{
	struct fake *f = (struct fake *)t;
	*to = -1;
	for (struct fake_stream *s = f->streams; s; s = s->next)
		if (!s->closed && (s->pending.len || !s->hold))
			*to = 0;
	return 0;
}

static void f_dispatch(struct wfc_transport *t, const struct pollfd *fds, int n)
{
	struct fake *f = (struct fake *)t;
	for (struct fake_stream *s = f->streams; s; s = s->next) {
		if (s->closed)
			continue;
		size_t off = 0;
		while (off < s->pending.len && !s->closed) {
			size_t k = s->pending.len - off;
			if (f->chunk && k > f->chunk)
				k = f->chunk;
			if (s->cb.on_data(s->cb.ud, s->pending.s + off, k))
				s->closed = true;
			off += k;
		}
		wfc_buf_reset(&s->pending);
		if (s->closed || s->hold)
			continue;
		struct wfc_http_response rs = { .status = s->status, .retry_after_s = -1 };
		rs.body = s->errbody ? s->errbody : "";
		rs.body_len = strlen(rs.body);
		if (!s->status)
			snprintf(rs.error, sizeof(rs.error), "fake: connection refused");
		s->closed = true;
		s->cb.on_done(s->cb.ud, &rs);
	}
}

static void f_destroy(struct wfc_transport *t)
{
	fake_destroy((struct fake *)t);
}

static const struct wfc_transport_ops fake_ops = {
	f_request, f_open, f_close, f_pollfds, f_dispatch, f_destroy,
};

struct fake *fake_create(void)
{
	struct fake *f = calloc(1, sizeof(*f));
	if (!f)
		abort();
	f->base.ops = &fake_ops;
	return f;
}

void fake_destroy(struct fake *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nq; i++) {
		free(f->q[i].method);
		free(f->q[i].path);
		free(f->q[i].body);
	}
	free(f->q);
	for (size_t i = 0; i < f->ncalls; i++) {
		free(f->calls[i].method);
		free(f->calls[i].path);
		free(f->calls[i].body);
		free(f->calls[i].auth);
		free(f->calls[i].ctype);
		free(f->calls[i].accept);
	}
	free(f->calls);
	while (f->streams) {
		struct fake_stream *s = f->streams;
		f->streams = s->next;
		wfc_buf_free(&s->pending);
		free(s->errbody);
		free(s);
	}
	free(f);
}
