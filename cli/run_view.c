/* Live progress of `wfc run` (cli/run_view.h). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli/run_view.h"
#include "support/buf.h"
#include "support/clock.h"

#define TICK_MS 100                 /* redraws and log looks at most this often */
#define READ_MAX (256 * 1024)       /* bytes read from one log file per look */
#define PARTIAL_MAX (64 * 1024)     /* a longer unfinished line is shown as it is */
#define PENDING_MAX (64 * 1024)     /* log text held back for the next redraw */
#define DEFAULT_ROWS 24
#define DEFAULT_COLS 80

#define SGR_RESET "\033[0m"
#define SGR_GREEN "\033[32m"
#define SGR_RED "\033[31m"
#define SGR_YELLOW "\033[33m"
#define SGR_GREY "\033[90m"

/* One log file followed from where it was last read. */
struct tail {
	int fd;
	struct wfc_buf part;        /* an unfinished line */
};

/* A job of the inner executor, as the scheduler holds it. */
struct vjob {
	void *inner;
	size_t node;
	const char *label;          /* the node's display name */
	size_t slot;                /* index in view->jobs */
	struct tail t[2];           /* stdout, stderr */
};

/* What the tree knows of a node. */
struct vnode {
	enum wfc_rt_phase phase;
	double t0, t1;              /* monotonic start and end; 0: not yet */
};

struct wfc_run_view {
	const struct wfc_rt_plan *p;
	struct wfc_executor in;
	struct wfc_run_view_opts o;
	const struct wfc_sched *s;
	struct vnode *n;
	struct vjob **jobs;         /* the ones followed */
	size_t njobs, cap;
	struct wfc_buf pending;     /* log text to print above the next tree */
	struct wfc_buf frame;
	size_t *shown;              /* scratch: nodes in tree order */
	size_t *depth;
	size_t ncap;                /* of n, shown, depth */
	unsigned long seen;         /* the scheduler's changes at the last scan */
	size_t drawn;               /* lines of the tree on screen */
	double last_draw;
	bool dirty;                 /* a change not drawn yet */
	bool said_interrupt;
	bool utf8;
};

bool wfc_run_view_tty(FILE *f)
{
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(f)) == 1;
}

bool wfc_run_view_color(void)
{
	const char *no_color = getenv("NO_COLOR");
	return !(no_color && *no_color);
}

static bool has_utf8(const char *v)
{
	for (; *v; v++)
		if (strncasecmp(v, "utf-8", 5) == 0 || strncasecmp(v, "utf8", 4) == 0)
			return true;
	return false;
}

bool wfc_run_view_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return has_utf8(v);
	}
	return false;
}

/* ---- logs ---- */

static void tail_open(struct tail *t, const char *path)
{
	t->fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
}

static void emit_line(struct wfc_run_view *v, const char *label, const char *s, size_t len)
{
	struct wfc_buf *b = &v->pending;   /* printed by the next draw */
	wfc_buf_puts(b, label);
	wfc_buf_add(b, ": ", 2);
	wfc_buf_add(b, s, len);
	wfc_buf_putc(b, '\n');
}

/* Reads what the step wrote since the last look; at_end: the step ended,
 * read to the end and show an unfinished last line too. */
static void tail_read(struct wfc_run_view *v, const char *node, struct tail *t, bool at_end)
{
	if (t->fd < 0)
		return;
	char chunk[8192];
	size_t total = 0;
	for (;;) {
		ssize_t got = read(t->fd, chunk, sizeof(chunk));
		if (got <= 0)
			break;
		wfc_buf_add(&t->part, chunk, (size_t)got);
		total += (size_t)got;
		if (!at_end && total >= READ_MAX)
			break;
	}
	const char *s = wfc_buf_str(&t->part);
	size_t start = 0;
	for (size_t i = 0; i < t->part.len; i++)
		if (s[i] == '\n') {
			emit_line(v, node, s + start, i - start);
			start = i + 1;
		}
	if (start < t->part.len && (at_end || t->part.len - start >= PARTIAL_MAX)) {
		emit_line(v, node, s + start, t->part.len - start);
		start = t->part.len;
	}
	if (start) {
		size_t rest = t->part.len - start;
		memmove(t->part.s, t->part.s + start, rest);
		t->part.len = rest;
		t->part.s[rest] = '\0';
	}
}

static void tail_close(struct tail *t)
{
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	wfc_buf_free(&t->part);
}

/* ---- the tree ---- */

static const char *phase_color(enum wfc_rt_phase ph)
{
	switch (ph) {
	case WFC_PHASE_SUCCEEDED: return SGR_GREEN;
	case WFC_PHASE_FAILED:
	case WFC_PHASE_ERROR: return SGR_RED;
	case WFC_PHASE_RUNNING:
	case WFC_PHASE_DAEMONED: return SGR_YELLOW;
	case WFC_PHASE_SKIPPED:
	case WFC_PHASE_OMITTED: return SGR_GREY;
	case WFC_PHASE_NONE: break;
	}
	return NULL;
}

static const char *phase_glyph(enum wfc_rt_phase ph, bool utf8)
{
	switch (ph) {
	case WFC_PHASE_SUCCEEDED: return utf8 ? "\u2714" : "+";
	case WFC_PHASE_FAILED:
	case WFC_PHASE_ERROR: return utf8 ? "\u2716" : "x";
	case WFC_PHASE_RUNNING:
	case WFC_PHASE_DAEMONED: return utf8 ? "\u25cf" : "*";
	case WFC_PHASE_SKIPPED:
	case WFC_PHASE_OMITTED: return utf8 ? "\u25cb" : "-";
	case WFC_PHASE_NONE: break;
	}
	return utf8 ? "\u25f7" : ".";
}

/* One line of the tree, cut at the terminal's width. */
struct line {
	struct wfc_buf *b;
	size_t left;                /* columns left */
	bool color;
};

/* Appends s (control characters as spaces), in colour sgr when set. */
static void put(struct line *l, const char *s, const char *sgr)
{
	if (!l->left || !*s)
		return;
	if (sgr && l->color)
		wfc_buf_puts(l->b, sgr);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xc0) != 0x80) {   /* a character starts: one column */
			if (!l->left)
				break;
			l->left--;
		}
		wfc_buf_putc(l->b, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	if (sgr && l->color)
		wfc_buf_puts(l->b, SGR_RESET);
}

static void fmt_duration(double d, char *buf, size_t size)
{
	if (d < 0)
		d = 0;
	if (d < 60)
		snprintf(buf, size, "%.1fs", d);
	else if (d < 3600)
		snprintf(buf, size, "%dm%02ds", (int)d / 60, (int)d % 60);
	else
		snprintf(buf, size, "%dh%02dm", (int)d / 3600, (int)d / 60 % 60);
}

static void draw_node(struct wfc_run_view *v, size_t id, size_t depth, size_t cols, double now)
{
	const struct wfc_rt_node *n = wfc_sched_node(v->s, id);
	const struct vnode *vn = &v->n[id];
	struct line l = { .b = &v->frame, .left = cols ? cols - 1 : 0, .color = v->o.color };
	const char *sgr = phase_color(vn->phase);
	char tmp[64];
	for (size_t i = 0; i < depth; i++)
		put(&l, "  ", NULL);
	put(&l, phase_glyph(vn->phase, v->utf8), sgr);
	put(&l, " ", NULL);
	put(&l, n->display ? n->display : n->name, NULL);
	put(&l, "  ", NULL);
	put(&l, wfc_rt_phase_name(vn->phase), sgr);
	size_t natt = n->retry.set ? wfc_sched_node_attempts(v->s, id) : 0;
	if (natt > 1) {
		snprintf(tmp, sizeof(tmp), " (attempt %zu)", natt);
		put(&l, tmp, NULL);
	}
	if (vn->t0 > 0) {
		fmt_duration((vn->t1 > 0 ? vn->t1 : now) - vn->t0, tmp, sizeof(tmp));
		put(&l, "  ", NULL);
		put(&l, tmp, NULL);
	}
	const char *msg = wfc_sched_node_message(v->s, id);
	if (msg && *msg) {
		put(&l, "  ", NULL);
		put(&l, msg, NULL);
	}
	wfc_buf_putc(&v->frame, '\n');
}

/* Lists the nodes reached under id in tree order; step groups are not
 * shown (their steps are at the group's depth). */
static void collect(struct wfc_run_view *v, size_t id, size_t depth, size_t *k)
{
	const struct wfc_rt_node *n = wfc_sched_node(v->s, id);
	if (v->n[id].phase == WFC_PHASE_NONE)
		return;
	bool group = n->type == WFC_RT_STEP_GROUP;
	if (!group) {
		v->shown[*k] = id;
		v->depth[*k] = depth;
		(*k)++;
	}
	size_t nk;
	const size_t *kids = wfc_sched_children(v->s, id, &nk);
	for (size_t i = 0; i < nk; i++)
		if (kids[i] < v->ncap && kids[i] != id)
			collect(v, kids[i], group ? depth : depth + 1, k);
}

static bool important(enum wfc_rt_phase ph)
{
	return ph == WFC_PHASE_RUNNING || ph == WFC_PHASE_FAILED || ph == WFC_PHASE_ERROR;
}

static void term_size(FILE *f, size_t *rows, size_t *cols)
{
	struct winsize ws;
	*rows = DEFAULT_ROWS;
	*cols = DEFAULT_COLS;
	if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0) {
		if (ws.ws_row)
			*rows = ws.ws_row;
		if (ws.ws_col)
			*cols = ws.ws_col;
	}
}

/* Builds the tree into v->frame; returns its number of lines. The final
 * one is never redrawn: it is shown whole, however tall. */
static size_t build_tree(struct wfc_run_view *v, double now, bool final)
{
	size_t k = 0, rows, cols;
	size_t nn = wfc_sched_nnodes(v->s);
	for (size_t i = 0; i < nn && i < v->ncap; i++)
		if (wfc_sched_node(v->s, i)->parent == WFC_RT_NONE)
			collect(v, i, 0, &k);
	term_size(v->o.out, &rows, &cols);
	size_t room = rows > 3 ? rows - 2 : 1;  /* keep the first line in view */
	if (k <= room || final) {
		for (size_t i = 0; i < k; i++)
			draw_node(v, v->shown[i], v->depth[i], cols, now);
		return k;
	}
	/* too tall: the first node, the running and failed ones, a count of
	 * the rest */
	size_t lines = 0, hidden[WFC_PHASE_OMITTED + 1] = { 0 }, nhidden = 0;
	for (size_t i = 0; i < k; i++) {
		size_t id = v->shown[i];
		if ((i == 0 || important(v->n[id].phase)) && lines + 1 < room) {
			draw_node(v, id, v->depth[i], cols, now);
			lines++;
		} else {
			hidden[v->n[id].phase]++;
			nhidden++;
		}
	}
	struct line l = { .b = &v->frame, .left = cols ? cols - 1 : 0, .color = v->o.color };
	char tmp[64];
	snprintf(tmp, sizeof(tmp), "%s %zu more", v->utf8 ? "\u2026" : "...", nhidden);
	put(&l, tmp, SGR_GREY);
	const char *sep = " (";
	for (int ph = 0; ph <= WFC_PHASE_OMITTED; ph++) {
		if (!hidden[ph])
			continue;
		snprintf(tmp, sizeof(tmp), "%s%zu %s", sep, hidden[ph],
			 wfc_rt_phase_name((enum wfc_rt_phase)ph));
		put(&l, tmp, NULL);
		sep = ", ";
	}
	put(&l, ")", NULL);
	wfc_buf_putc(&v->frame, '\n');
	return lines + 1;
}

/* Prints the held log lines and, on a terminal, the tree in place of the
 * last one. */
static void draw(struct wfc_run_view *v, bool final)
{
	double now = wfc_now_mono();
	wfc_buf_reset(&v->frame);
	if (v->o.tty && v->drawn)
		wfc_buf_printf(&v->frame, "\r\033[%zuA\033[J", v->drawn);
	wfc_buf_add(&v->frame, wfc_buf_str(&v->pending), v->pending.len);
	wfc_buf_reset(&v->pending);
	if (v->o.tty && v->s)
		v->drawn = build_tree(v, now, final);
	if (v->frame.len) {
		fwrite(v->frame.s, 1, v->frame.len, v->o.out);
		fflush(v->o.out);
	}
	v->last_draw = now;
	v->dirty = false;
}

/* Room for every node the run has now. */
static void grow(struct wfc_run_view *v, size_t n)
{
	if (n <= v->ncap)
		return;
	size_t cap = v->ncap ? v->ncap : 64;
	while (cap < n)
		cap *= 2;
	v->n = realloc(v->n, cap * sizeof(*v->n));
	v->shown = realloc(v->shown, cap * sizeof(*v->shown));
	v->depth = realloc(v->depth, cap * sizeof(*v->depth));
	if (!v->n || !v->shown || !v->depth)
		abort();
	memset(v->n + v->ncap, 0, (cap - v->ncap) * sizeof(*v->n));
	v->ncap = cap;
}

/* Notes the nodes whose phase changed since the last look. */
static void scan(struct wfc_run_view *v)
{
	if (!v->s || !v->o.tty)
		return;
	unsigned long changes = wfc_sched_changes(v->s);
	if (changes == v->seen && v->seen)
		return;
	v->seen = changes;
	size_t nn = wfc_sched_nnodes(v->s);
	grow(v, nn);
	double now = wfc_now_mono();
	for (size_t i = 0; i < nn; i++) {
		enum wfc_rt_phase ph = wfc_sched_node_phase(v->s, i);
		struct vnode *vn = &v->n[i];
		if (ph == vn->phase)
			continue;
		if (!vn->t0)
			vn->t0 = now;
		if (ph >= WFC_PHASE_SUCCEEDED && !vn->t1)
			vn->t1 = now;
		else if (ph == WFC_PHASE_RUNNING)
			vn->t1 = 0;
		vn->phase = ph;
		v->dirty = true;
	}
}

/* Draws when something is due: a change (or a clock tick on a terminal)
 * not more often than every TICK_MS, or too much log text held. */
static void maybe_draw(struct wfc_run_view *v)
{
	if (!v->o.tty) {
		if (v->pending.len)
			draw(v, false);
		return;
	}
	double since = wfc_now_mono() - v->last_draw;
	if (since * 1000 >= TICK_MS || v->pending.len >= PENDING_MAX)
		draw(v, false);
}

static void read_logs(struct wfc_run_view *v)
{
	for (size_t i = 0; i < v->njobs; i++)
		for (int k = 0; k < 2; k++)
			tail_read(v, v->jobs[i]->label, &v->jobs[i]->t[k], false);
}

/* ---- the executor in between ---- */

static int view_start(void *self, const struct wfc_exec_start *s, void **job, char *err,
		      size_t errlen)
{
	struct wfc_run_view *v = self;
	void *inner = NULL;
	if (v->in.start(v->in.self, s, &inner, err, errlen))
		return -1;
	struct vjob *j = calloc(1, sizeof(*j));
	if (!j)
		abort();
	j->inner = inner;
	j->node = s->node->id;
	j->label = s->node->display ? s->node->display : s->node->name;
	j->t[0].fd = j->t[1].fd = -1;
	grow(v, j->node + 1);
	if (!v->n[j->node].t0)
		v->n[j->node].t0 = wfc_now_mono();
	v->n[j->node].t1 = 0;
	if (v->o.logs && v->o.log_path) {
		tail_open(&j->t[0], v->o.log_path(inner, false));
		tail_open(&j->t[1], v->o.log_path(inner, true));
	}
	if (v->njobs == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 16;
		v->jobs = realloc(v->jobs, v->cap * sizeof(*v->jobs));
		if (!v->jobs)
			abort();
	}
	j->slot = v->njobs;
	v->jobs[v->njobs++] = j;
	*job = j;
	return 0;
}

static void job_free(struct wfc_run_view *v, struct vjob *j)
{
	v->jobs[j->slot] = v->jobs[--v->njobs];
	v->jobs[j->slot]->slot = j->slot;
	tail_close(&j->t[0]);
	tail_close(&j->t[1]);
	free(j);
}

static int view_poll(void *self, void *job, struct wfc_exec_result *out)
{
	struct wfc_run_view *v = self;
	struct vjob *j = job;
	if (v->in.poll(v->in.self, j->inner, out) != 1)
		return 0;
	/* the descriptors still read the logs the job removed */
	tail_read(v, j->label, &j->t[0], true);
	tail_read(v, j->label, &j->t[1], true);
	v->n[j->node].t1 = wfc_now_mono();
	job_free(v, j);
	if (!v->o.tty && v->pending.len)
		draw(v, false);
	return 1;
}

static void view_kill(void *self, void *job)
{
	struct wfc_run_view *v = self;
	struct vjob *j = job;
	v->in.kill(v->in.self, j->inner);
}

static void view_wait(void *self, int timeout_ms)
{
	struct wfc_run_view *v = self;
	scan(v);
	if (v->dirty || v->pending.len)
		maybe_draw(v);
	int t = timeout_ms;
	bool follow = v->o.tty || (v->o.logs && v->njobs);
	if (follow && (t < 0 || t > TICK_MS))
		t = TICK_MS;
	v->in.wait(v->in.self, t);
	if (v->o.logs)
		read_logs(v);
	scan(v);
	if (v->o.tty || v->pending.len)
		maybe_draw(v);
}

/* The inner executor's news (the tags pass start through unchanged). */
static size_t view_news(void *self, const size_t **tags)
{
	struct wfc_run_view *v = self;
	return v->in.news(v->in.self, tags);
}

static int view_interrupted(void *self)
{
	struct wfc_run_view *v = self;
	int r = v->in.interrupted ? v->in.interrupted(v->in.self) : 0;
	if (r && v->o.tty && !v->said_interrupt) {
		/* the scheduler's own line goes nowhere on a terminal */
		v->said_interrupt = true;
		wfc_buf_puts(&v->pending, "interrupted: stopping every running step\n");
	}
	return r;
}

static int view_ready(void *self, void *job)
{
	struct wfc_run_view *v = self;
	struct vjob *j = job;
	return v->in.ready ? v->in.ready(v->in.self, j->inner) : 1;
}

static const char *view_address(void *self, void *job)
{
	struct wfc_run_view *v = self;
	struct vjob *j = job;
	return v->in.address ? v->in.address(v->in.self, j->inner) : NULL;
}

/* ---- life ---- */

struct wfc_run_view *wfc_run_view_create(const struct wfc_rt_plan *p,
					 const struct wfc_executor *inner,
					 const struct wfc_run_view_opts *o)
{
	struct wfc_run_view *v = calloc(1, sizeof(*v));
	if (!v)
		abort();
	v->p = p;
	v->in = *inner;
	v->o = *o;
	v->utf8 = wfc_run_view_utf8();
	grow(v, p->nnodes + 1);
	return v;
}

void wfc_run_view_destroy(struct wfc_run_view *v)
{
	if (!v)
		return;
	while (v->njobs)
		job_free(v, v->jobs[v->njobs - 1]);
	free(v->jobs);
	wfc_buf_free(&v->pending);
	wfc_buf_free(&v->frame);
	free(v->n);
	free(v->shown);
	free(v->depth);
	free(v);
}

void wfc_run_view_executor(struct wfc_run_view *v, struct wfc_executor *out)
{
	memset(out, 0, sizeof(*out));
	out->self = v;
	out->start = view_start;
	out->poll = view_poll;
	out->kill = view_kill;
	out->wait = view_wait;
	out->interrupted = view_interrupted;
	out->news = v->in.news ? view_news : NULL;
	out->ready = view_ready;
	out->address = view_address;
}

void wfc_run_view_attach(struct wfc_run_view *v, const struct wfc_sched *s)
{
	v->s = s;
}

void wfc_run_view_end(struct wfc_run_view *v)
{
	for (size_t i = 0; i < v->njobs; i++)
		for (int k = 0; k < 2; k++)
			tail_read(v, v->jobs[i]->label, &v->jobs[i]->t[k], true);
	scan(v);
	if (v->o.tty || v->pending.len)
		draw(v, true);
}
