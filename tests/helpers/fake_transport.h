/* An in-process transport (runtime/transport.h) for tests: replies are
 * queued in order, every request is recorded. Streams get their body in
 * chunks of fake->chunk bytes from dispatch; a held stream stays open
 * until fake_finish. */
#ifndef WFC_TEST_FAKE_TRANSPORT_H
#define WFC_TEST_FAKE_TRANSPORT_H
#include <stdbool.h>
#include <stddef.h>

#include "runtime/transport.h"

struct fake_call {
	char *method, *path, *body;
	char *auth;          /* the Authorization value, or NULL */
	char *ctype;         /* Content-Type, or NULL */
	char *accept;        /* Accept, or NULL */
	bool stream;
	bool has_cert;
};

struct fake_reply;
struct fake_stream;

struct fake {
	struct wfc_transport base;
	struct fake_reply *q;
	size_t nq, head, capq;
	struct fake_call *calls;
	size_t ncalls;
	unsigned unexpected;     /* requests nothing was queued for, or that differed */
	char why[512];           /* the first of them */
	size_t chunk;            /* stream bodies in pieces this big; 0: whole */
	struct fake_stream *streams;
	struct fake_stream *held; /* the last held stream, for fake_feed/finish */
};

struct fake *fake_create(void);
void fake_destroy(struct fake *f);
/* method and path_prefix checked when not NULL; status 0: no response,
 * -1: no response and permanent (a certificate that does not verify) */
void fake_push(struct fake *f, const char *method, const char *path_prefix,
	       long status, const char *body);
void fake_push_retry_after(struct fake *f, const char *method, const char *path_prefix,
			   long status, const char *body, double retry_after);
/* a stream that stays open after body */
void fake_push_held(struct fake *f, const char *method, const char *path_prefix,
		    const char *body);
/* more bytes for the held stream; its end (status 200: clean) */
void fake_feed(struct fake *f, const char *data);
void fake_finish(struct fake *f, long status, const char *body);
size_t fake_pending(const struct fake *f);
const struct fake_call *fake_last(const struct fake *f);
/* the request before the last (n = 1), and so on */
const struct fake_call *fake_back(const struct fake *f, size_t n);
/* whether the held stream is still open (not closed by the client) */
bool fake_held_open(const struct fake *f);

#endif
