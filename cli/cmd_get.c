/* wfc get: a run on the cluster as `argo get` shows a Workflow: its
 * status kept by the coordinator in ConfigMap `<run>-status`, the node
 * tree, and the pods its Jobs made. */
#include <math.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "backend/emit.h"
#include "cli/commands.h"
#include "cli/kube_cli.h"
#include "cli/run_view.h"
#include "runtime/kube_run.h"
#include "runtime/kube_store.h"
#include "support/buf.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"

enum { OUT_TEXT = -1, OUT_JSON, OUT_YAML, OUT_WIDE };

struct get_opts {
	struct wfc_cli_kube kube;
	int output;
};

static const char *const output_names[] = { "json", "yaml", "wide", NULL };

#define OFF(field) offsetof(struct get_opts, field)

static const struct wfc_cli_opt get_opts[] = {
	{ .name = "output", .short_name = 'o', .type = WFC_CLI_CHOICE, .offset = OFF(output),
	  .metavar = "FORMAT",
	  .help = "the Workflow as stored (json, yaml), or the summary and the tree with "
		  "more columns (wide); without it, the summary and the tree",
	  .choices = output_names },
	WFC_CLI_KUBE_OPTS(struct get_opts),
};

const struct wfc_cli_spec wfc_get_spec = {
	.name = "get",
	.operands = "NAME",
	.summary = "show a run on the cluster: its status and node tree, as 'argo get'",
	.description =
		"Reads the status the run's coordinator keeps in ConfigMap NAME-status\n"
		"and prints it as 'argo get' does: name, namespace, phase, message,\n"
		"times, parameters, then the tree of nodes with the pod each ran. A run\n"
		"whose coordinator has not written a status yet shows as Pending.\n",
	.opts = get_opts,
	.nopts = sizeof(get_opts) / sizeof(get_opts[0]),
	.epilogue =
		"examples:\n"
		"  wfc get hello-world\n"
		"  wfc get -n ci -o json build-42 | jq .status.phase\n"
		"\n"
		"exit status:\n"
		"  0  the run was shown (whatever its phase)\n"
		"  1  no such run, or the cluster could not be read\n"
		"  2  wrong options\n",
};

/* ---- times, as Argo's humanize package words them ---- */

struct magnitude {
	double below;        /* seconds */
	const char *fmt;     /* %d: the count; %s: the suffix */
	double div;          /* 0: no count */
};

#define MIN 60.0
#define HOUR 3600.0
#define DAY 86400.0
#define WEEK (7 * DAY)
#define MONTH (30 * DAY)
#define YEAR (12 * MONTH)

static const struct magnitude rel_time[] = {
	{ 1, "now", 0 },
	{ 2, "1 second %s", 0 },
	{ MIN, "%d seconds %s", 1 },
	{ 2 * MIN, "1 minute %s", 0 },
	{ HOUR, "%d minutes %s", MIN },
	{ 2 * HOUR, "1 hour %s", 0 },
	{ DAY, "%d hours %s", HOUR },
	{ 2 * DAY, "1 day %s", 0 },
	{ WEEK, "%d days %s", DAY },
	{ 2 * WEEK, "1 week %s", 0 },
	{ MONTH, "%d weeks %s", WEEK },
	{ 2 * MONTH, "1 month %s", 0 },
	{ YEAR, "%d months %s", MONTH },
	{ 18 * MONTH, "1 year %s", 0 },
	{ 2 * YEAR, "2 years %s", 0 },
	{ 37 * YEAR, "%d years %s", YEAR },
	{ INFINITY, "a long while %s", 0 },
};

static const struct magnitude long_units[] = {
	{ 1, "0 seconds", 0 },
	{ 2, "1 second", 0 },
	{ MIN, "%d seconds", 1 },
	{ 2 * MIN, "1 minute", 0 },
	{ HOUR, "%d minutes", MIN },
	{ 2 * HOUR, "1 hour", 0 },
	{ DAY, "%d hours", HOUR },
	{ 2 * DAY, "1 day", 0 },
	{ INFINITY, "%d days", DAY },
};

static const struct magnitude short_units[] = {
	{ 1, "0s", 0 },
	{ 2, "1s", 0 },
	{ MIN, "%ds", 1 },
	{ 2 * MIN, "1m", 0 },
	{ HOUR, "%dm", MIN },
	{ 2 * HOUR, "1h", 0 },
	{ DAY, "%dh", HOUR },
	{ 2 * DAY, "1d", 0 },
	{ INFINITY, "%dd", DAY },
};

static void magnitude(const struct magnitude *m, double d, const char *suffix, char *buf,
		      size_t size)
{
	if (d < 0)
		d = 0;
	while (d >= m->below)
		m++;
	char tmp[64];
	if (m->div > 0)
		snprintf(tmp, sizeof(tmp), m->fmt, (int)(d / m->div), suffix);
	else
		snprintf(tmp, sizeof(tmp), m->fmt, suffix);
	/* "now" and "1 second " alike: no trailing space */
	size_t n = strlen(tmp);
	while (n && tmp[n - 1] == ' ')
		tmp[--n] = 0;
	snprintf(buf, size, "%s", tmp);
}

/* "Mon Jan 02 15:04:05 -0700 (2 minutes ago)" */
static void timestamp(double t, double now, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char when[48], rel[48];
	localtime_r(&tt, &tm);
	strftime(when, sizeof(when), "%a %b %d %H:%M:%S %z", &tm);
	if (t > now)
		magnitude(rel_time, t - now, "from now", rel, sizeof(rel));
	else
		magnitude(rel_time, now - t, "ago", rel, sizeof(rel));
	snprintf(buf, size, "%s (%s)", when, rel);
}

/* "20 seconds", "3 minutes 12 seconds", "2 hours 5 minutes" */
static void duration_long(double d, char *buf, size_t size)
{
	char a[64];
	if (d < 0)
		d = 0;
	magnitude(long_units, d, "", a, sizeof(a));
	if (d < MIN)
		snprintf(buf, size, "%s", a);
	else if (d < HOUR)
		snprintf(buf, size, "%s %d seconds", a, (int)fmod(d, MIN));
	else if (d < DAY)
		snprintf(buf, size, "%s %d minutes", a, (int)fmod(d / MIN, 60));
	else
		snprintf(buf, size, "%s %d hours", a, (int)fmod(d / HOUR, 24));
}

static double time_of(const char *s)
{
	double t = 0;
	if (!s || !*s || wfc_rfc3339_parse(s, &t) != 0)
		return 0;
	return t;
}

/* ---- the node tree, as Argo draws it ---- */

struct node {
	const cJSON *obj;
	const char *id, *name, *display, *type, *phase;
	double started;
	size_t order;          /* in the status: ties of everything else */
	struct node *parent;   /* where it is drawn */
	bool hidden;
	struct node **kids;
	size_t nkids;
};

struct table {
	struct wfc_buf *cells;  /* rows * ncols */
	size_t *width;          /* visible columns of each cell */
	size_t rows, ncols, cap;
};

struct get {
	const struct get_opts *o;
	struct node *nodes;
	size_t n;
	struct wfc_run_index *index;
	const char *wf_name;
	double now;
	bool utf8, color;
	struct table t;
};

static bool type_is(const struct node *n, const char *t)
{
	return n->type && !strcmp(n->type, t);
}

static bool boundary_type(const struct node *n)
{
	return type_is(n, "DAG") || type_is(n, "Steps");
}

static bool group_type(const struct node *n)
{
	return type_is(n, "StepGroup") || type_is(n, "Retry");
}

/* Argo's RecoverIndexFromNodeName: N of "name(N...)", else -1. */
static long item_index(const char *display)
{
	const char *open = display ? strrchr(display, '(') : NULL;
	if (!open || open[1] < '0' || open[1] > '9')
		return -1;
	char *end;
	long v = strtol(open + 1, &end, 10);
	return *end == ':' || *end == ')' ? v : -1;
}

static int by_start(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;
	if (x->started != y->started)
		return x->started < y->started ? -1 : 1;
	long ix = item_index(x->display), iy = item_index(y->display);
	if (ix >= 0 && iy >= 0 && ix != iy)
		return ix < iy ? -1 : 1;
	if (ix < 0 || iy < 0) {
		int c = strcmp(x->display, y->display);
		if (c)
			return c;
	}
	return x->order < y->order ? -1 : x->order > y->order;
}

static struct node *find_id(struct get *g, const char *id)
{
	for (size_t i = 0; id && i < g->n; i++)
		if (!strcmp(g->nodes[i].id, id))
			return &g->nodes[i];
	return NULL;
}

/* Hangs k under p, unless that would make a loop (a status that lists a
 * node among its own descendants). */
static void add_kid(struct node *p, struct node *k)
{
	for (const struct node *a = p; a; a = a->parent)
		if (a == k)
			return;
	p->kids = wfc_xrealloc(p->kids, (p->nkids + 1) * sizeof(*p->kids));
	p->kids[p->nkids++] = k;
	k->parent = p;
}

/* Where each node is drawn: under the step group or retry node that
 * lists it, else its boundary (a DAG or Steps node), else the node that
 * lists it among its children (wfc's status has no boundaryID). */
static void build_tree(struct get *g, const cJSON *nodes)
{
	const cJSON *o;
	size_t n = 0;
	cJSON_ArrayForEach(o, nodes)
		n++;
	g->nodes = calloc(n ? n : 1, sizeof(*g->nodes));
	if (!g->nodes)
		abort();
	cJSON_ArrayForEach(o, nodes) {
		if (!cJSON_IsObject(o) || !o->string)
			continue;
		struct node *x = &g->nodes[g->n];
		x->obj = o;
		x->id = o->string;
		x->name = wfc_kobj_str(o, "name", NULL);
		if (!x->name)
			x->name = x->id;
		x->display = wfc_kobj_str(o, "displayName", NULL);
		if (!x->display)
			x->display = wfc_run_display_name(x->name);
		x->type = wfc_kobj_str(o, "type", NULL);
		x->phase = wfc_kobj_str(o, "phase", NULL);
		x->started = time_of(wfc_kobj_str(o, "startedAt", NULL));
		x->order = g->n++;
	}
	struct node **grp = calloc(g->n + 1, sizeof(*grp));      /* its step group or retry */
	struct node **lister = calloc(g->n + 1, sizeof(*lister)); /* another that lists it */
	if (!grp || !lister)
		abort();
	struct wfc_strmap ids = { 0 };
	for (size_t i = 0; i < g->n; i++)
		wfc_strmap_put(&ids, g->nodes[i].id, strlen(g->nodes[i].id), &g->nodes[i]);
	for (size_t i = 0; i < g->n; i++) {
		struct node *p = &g->nodes[i];
		const cJSON *c;
		cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(p->obj, "children")) {
			struct node *k = cJSON_IsString(c)
					 ? wfc_strmap_get(&ids, c->valuestring, strlen(c->valuestring))
					 : NULL;
			if (!k || k == p)
				continue;
			size_t ki = (size_t)(k - g->nodes);
			if (group_type(p))
				grp[ki] = p;
			else if (!lister[ki])
				lister[ki] = p;
		}
	}
	for (size_t i = 0; i < g->n; i++) {
		struct node *x = &g->nodes[i];
		const char *bid = wfc_kobj_str(x->obj, "boundaryID", NULL);
		if (!strcmp(x->id, g->wf_name))
			continue;   /* the root hangs from nothing */
		/* Omitted nodes are not drawn (as Argo): not counted among
		 * their siblings either, so the last one drawn ends the branch */
		if (type_is(x, "Skipped") && x->phase && !strcmp(x->phase, "Omitted")) {
			x->hidden = true;
			continue;
		}
		struct node *b = bid ? wfc_strmap_get(&ids, bid, strlen(bid)) : NULL;
		if (grp[i])
			add_kid(grp[i], x);
		else if (bid && b && boundary_type(b) && b != x)
			add_kid(b, x);
		else if (!bid && lister[i])
			add_kid(lister[i], x);
	}
	wfc_strmap_free(&ids);
	free(grp);
	free(lister);
	for (size_t i = 0; i < g->n; i++)
		if (g->nodes[i].nkids > 1)
			qsort(g->nodes[i].kids, g->nodes[i].nkids, sizeof(struct node *), by_start);
}

static void table_row(struct table *t)
{
	if (t->rows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->cells = wfc_xrealloc(t->cells, t->cap * t->ncols * sizeof(*t->cells));
		t->width = wfc_xrealloc(t->width, t->cap * t->ncols * sizeof(*t->width));
	}
	memset(&t->cells[t->rows * t->ncols], 0, t->ncols * sizeof(*t->cells));
	memset(&t->width[t->rows * t->ncols], 0, t->ncols * sizeof(*t->width));
	t->rows++;
}

/* Appends s to cell col of the last row (control characters as spaces);
 * sgr colours it on a terminal. */
static void table_put(struct get *g, size_t col, const char *s, const char *sgr)
{
	struct table *t = &g->t;
	size_t k = (t->rows - 1) * t->ncols + col;
	if (!s || !*s)
		return;
	if (sgr && g->color)
		wfc_buf_puts(&t->cells[k], sgr);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xc0) != 0x80)
			t->width[k]++;
		wfc_buf_putc(&t->cells[k], c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	if (sgr && g->color)
		wfc_buf_puts(&t->cells[k], "\033[0m");
}

static void table_print(struct table *t, FILE *f)
{
	size_t *w = calloc(t->ncols, sizeof(*w));
	if (!w)
		abort();
	for (size_t r = 0; r < t->rows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (t->width[r * t->ncols + c] > w[c])
				w[c] = t->width[r * t->ncols + c];
	struct wfc_buf line = { 0 };
	for (size_t r = 0; r < t->rows; r++) {
		wfc_buf_reset(&line);
		for (size_t c = 0; c < t->ncols; c++) {
			size_t k = r * t->ncols + c;
			wfc_buf_puts(&line, wfc_buf_str(&t->cells[k]));
			if (c + 1 < t->ncols)
				for (size_t i = t->width[k]; i < w[c] + 2; i++)
					wfc_buf_putc(&line, ' ');
		}
		size_t n = line.len;
		while (n && line.s[n - 1] == ' ')
			n--;
		fwrite(line.s, 1, n, f);
		putc('\n', f);
	}
	wfc_buf_free(&line);
	free(w);
	for (size_t i = 0; i < t->rows * t->ncols; i++)
		wfc_buf_free(&t->cells[i]);
	free(t->cells);
	free(t->width);
}

/* Argo's symbol of a node's phase; without UTF-8, its phase in words. */
static const char *glyph(const struct get *g, const struct node *n, const char **sgr)
{
	static const struct {
		const char *phase, *sym, *sgr;
	} syms[] = {
		{ "Succeeded", "\u2714", "\033[32m" },
		{ "Running", "\u25cf", "\033[36m" },
		{ "Failed", "\u2716", "\033[31m" },
		{ "Error", "\u26a0", "\033[31m" },
		{ "Skipped", "\u25cb", NULL },
		{ "Omitted", "\u25cb", NULL },
	};
	const char *ph = n->phase && *n->phase ? n->phase : "Pending";
	if (type_is(n, "Suspend") && !strcmp(ph, "Running")) {
		*sgr = "\033[36m";
		return g->utf8 ? "\u01c1" : "Suspend";
	}
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++)
		if (!strcmp(ph, syms[i].phase)) {
			*sgr = syms[i].sgr;
			return g->utf8 ? syms[i].sym : ph;
		}
	*sgr = "\033[33m";
	return g->utf8 ? "\u25f7" : ph;   /* Pending */
}

static void artifacts(const struct node *n, struct wfc_buf *b)
{
	const cJSON *a;
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(
				      cJSON_GetObjectItemCaseSensitive(n->obj, "outputs"), "artifacts")) {
		const char *name = wfc_kobj_str(a, "name", NULL);
		if (name)
			wfc_buf_printf(b, "%s%s", b->len ? "," : "", name);
	}
}

static void print_node(struct get *g, const struct node *n, const char *prefix)
{
	bool wide = g->o->output == OUT_WIDE;
	const char *sgr;
	const char *sym = glyph(g, n, &sgr);
	table_row(&g->t);
	table_put(g, 0, prefix, NULL);
	table_put(g, 0, sym, sgr);
	table_put(g, 0, " ", NULL);
	table_put(g, 0, n->display, NULL);
	const char *tr = wfc_kobj_str(n->obj, "templateRef", "name", NULL);
	const char *tt = wfc_kobj_str(n->obj, "templateRef", "template", NULL);
	if (tr && tt) {
		table_put(g, 1, tr, NULL);
		table_put(g, 1, "/", NULL);
		table_put(g, 1, tt, NULL);
	} else {
		table_put(g, 1, wfc_kobj_str(n->obj, "templateName", NULL), NULL);
	}
	const char *msg = wfc_kobj_str(n->obj, "message", NULL);
	if (type_is(n, "Pod")) {
		const cJSON *pod = g->index ? wfc_run_index_node_pod(g->index, n->name) : NULL;
		char d[32];
		double fin = time_of(wfc_kobj_str(n->obj, "finishedAt", NULL));
		table_put(g, 2, wfc_kobj_name(pod), NULL);
		if (n->started > 0) {
			magnitude(short_units, (fin > 0 ? fin : g->now) - n->started, "", d,
				  sizeof(d));
			table_put(g, 3, d, NULL);
		}
		if (wide) {
			const char *host = wfc_kobj_str(n->obj, "hostNodeName", NULL);
			table_put(g, 6, host ? host : wfc_kobj_str(pod, "spec", "nodeName", NULL),
				  NULL);
		}
	}
	if (wide) {
		struct wfc_buf a = { 0 };
		artifacts(n, &a);
		table_put(g, 4, wfc_buf_str(&a), NULL);
		wfc_buf_free(&a);
		table_put(g, 5, msg, NULL);
	} else {
		table_put(g, 4, msg, NULL);
	}
}

static void render(struct get *g, const struct node *n, const char *prefix, const char *cprefix)
{
	bool filtered = false, indent = false;
	if (type_is(n, "Retry") && n->nkids == 1)
		filtered = true;
	else if (type_is(n, "StepGroup"))
		filtered = indent = true;
	else if (type_is(n, "Skipped") && n->phase && !strcmp(n->phase, "Omitted"))
		filtered = true;
	if (!filtered)
		print_node(g, n, prefix);
	struct wfc_buf np = { 0 }, cp = { 0 };
	for (size_t i = 0; i < n->nkids; i++) {
		size_t max = n->nkids - 1;
		const char *part = "", *subp = "";
		if (filtered && indent) {
			if (max == 0)
				part = g->utf8 ? "\u2500\u2500" : "--", subp = "  ";
			else if (i == 0)
				part = g->utf8 ? "\u252c\u2500" : "+-", subp = g->utf8 ? "\u2502 " : "| ";
			else if (i == max)
				part = g->utf8 ? "\u2514\u2500" : "`-", subp = "  ";
			else
				part = g->utf8 ? "\u251c\u2500" : "|-", subp = g->utf8 ? "\u2502 " : "| ";
		} else if (!filtered) {
			if (i == max)
				part = g->utf8 ? "\u2514\u2500" : "`-", subp = "  ";
			else
				part = g->utf8 ? "\u251c\u2500" : "|-", subp = g->utf8 ? "\u2502 " : "| ";
		}
		wfc_buf_reset(&np);
		wfc_buf_reset(&cp);
		wfc_buf_puts(&np, filtered && i == 0 ? prefix : cprefix);
		wfc_buf_puts(&np, part);
		wfc_buf_puts(&cp, cprefix);
		wfc_buf_puts(&cp, subp);
		render(g, n->kids[i], wfc_buf_str(&np), wfc_buf_str(&cp));
	}
	wfc_buf_free(&np);
	wfc_buf_free(&cp);
}

static void print_tree(struct get *g, FILE *f, const cJSON *wf)
{
	const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(wf, "status"), "nodes");
	build_tree(g, nodes);
	struct node *root = find_id(g, g->wf_name);
	if (!root)
		return;
	bool wide = g->o->output == OUT_WIDE;
	g->t.ncols = wide ? 7 : 5;
	table_row(&g->t);
	static const char *const head[] = { "STEP", "TEMPLATE", "PODNAME", "DURATION", "MESSAGE" };
	static const char *const whead[] = { "STEP", "TEMPLATE", "PODNAME", "DURATION",
					     "ARTIFACTS", "MESSAGE", "NODENAME" };
	for (size_t c = 0; c < g->t.ncols; c++)
		table_put(g, c, wide ? whead[c] : head[c], NULL);
	render(g, root, " ", " ");
	/* then the exit handler and any other tree, by start */
	struct node **more = calloc(g->n + 1, sizeof(*more));
	if (!more)
		abort();
	size_t k = 0;
	for (size_t i = 0; i < g->n; i++)
		if (!g->nodes[i].parent && !g->nodes[i].hidden && &g->nodes[i] != root)
			more[k++] = &g->nodes[i];
	qsort(more, k, sizeof(*more), by_start);
	for (size_t i = 0; i < k; i++) {
		table_row(&g->t);
		render(g, more[i], " ", " ");
	}
	free(more);
	fputc('\n', f);
	table_print(&g->t, f);
}

static void field(FILE *f, const char *label, const char *value)
{
	fprintf(f, "%-20s %s\n", label, value ? value : "");
}

static void parameters(FILE *f, const char *title, const cJSON *list)
{
	const cJSON *p;
	bool said = false;
	cJSON_ArrayForEach(p, list) {
		const char *name = wfc_kobj_str(p, "name", NULL);
		const char *value = wfc_kobj_str(p, "value", NULL);
		if (!name || !value)
			continue;
		if (!said)
			field(f, title, NULL);
		said = true;
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "  %s:", name);
		field(f, wfc_buf_str(&b), value);
		wfc_buf_free(&b);
	}
}

static void print_text(struct get *g, FILE *f, const cJSON *wf, const char *ns, double created)
{
	char buf[160];
	const char *phase = wfc_kobj_str(wf, "status", "phase", NULL);
	const char *wns = wfc_kobj_str(wf, "metadata", "namespace", NULL);
	field(f, "Name:", g->wf_name);
	field(f, "Namespace:", wns ? wns : ns);
	const char *sa = wfc_kobj_str(wf, "spec", "serviceAccountName", NULL);
	if (sa)
		field(f, "ServiceAccount:", sa);
	field(f, "Status:", phase && *phase ? phase : "Pending");
	const char *msg = wfc_kobj_str(wf, "status", "message", NULL);
	if (msg && *msg)
		field(f, "Message:", msg);
	double c = time_of(wfc_kobj_str(wf, "metadata", "creationTimestamp", NULL));
	if (c <= 0)
		c = created;
	if (c > 0) {
		timestamp(c, g->now, buf, sizeof(buf));
		field(f, "Created:", buf);
	}
	double st = time_of(wfc_kobj_str(wf, "status", "startedAt", NULL));
	double fin = time_of(wfc_kobj_str(wf, "status", "finishedAt", NULL));
	if (st > 0) {
		timestamp(st, g->now, buf, sizeof(buf));
		field(f, "Started:", buf);
	}
	if (fin > 0) {
		timestamp(fin, g->now, buf, sizeof(buf));
		field(f, "Finished:", buf);
	}
	if (st > 0) {
		duration_long((fin > 0 ? fin : g->now) - st, buf, sizeof(buf));
		field(f, "Duration:", buf);
	}
	const char *progress = wfc_kobj_str(wf, "status", "progress", NULL);
	if (progress)
		field(f, "Progress:", progress);
	const cJSON *spec = cJSON_GetObjectItemCaseSensitive(wf, "spec");
	parameters(f, "Parameters:", cJSON_GetObjectItemCaseSensitive(
				       cJSON_GetObjectItemCaseSensitive(spec, "arguments"), "parameters"));
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(wf, "status");
	parameters(f, "Output Parameters:", cJSON_GetObjectItemCaseSensitive(
				       cJSON_GetObjectItemCaseSensitive(status, "outputs"), "parameters"));
	print_tree(g, f, wf);
}

/* A run whose coordinator has not written its status: Argo shows a
 * Workflow not picked up yet as Pending. */
static cJSON *pending_workflow(const char *run, const char *ns, const cJSON *plan_cm)
{
	cJSON *wf = cJSON_CreateObject();
	cJSON_AddStringToObject(wf, "apiVersion", "argoproj.io/v1alpha1");
	cJSON_AddStringToObject(wf, "kind", "Workflow");
	cJSON *meta = cJSON_AddObjectToObject(wf, "metadata");
	cJSON_AddStringToObject(meta, "name", run);
	cJSON_AddStringToObject(meta, "namespace", ns);
	const char *ct = wfc_kobj_str(plan_cm, "metadata", "creationTimestamp", NULL);
	if (ct)
		cJSON_AddStringToObject(meta, "creationTimestamp", ct);
	cJSON_AddStringToObject(cJSON_AddObjectToObject(wf, "status"), "phase", "Pending");
	return wf;
}

int wfc_cmd_get(int argc, char **argv)
{
	struct get_opts o = { .output = OUT_TEXT };
	struct get_opts defaults = o;
	struct wfc_cli_cluster cl = { 0 };
	char *text = NULL, *label = NULL;
	cJSON *wf = NULL, *plan_cm = NULL, *jobs = NULL, *pods = NULL;
	struct get g = { .o = &o };
	int n = 0, rc = WFC_EXIT_USAGE;
	char err[1200];

	switch (wfc_cli_parse(&wfc_get_spec, argc, argv, &o, &n)) {
	case WFC_CLI_OK:
		break;
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, &wfc_get_spec, &defaults);
		return WFC_EXIT_OK;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, &wfc_get_spec);
		return WFC_EXIT_USAGE;
	}
	if (n != 1) {
		if (n == 0)
			wfc_cli_error("no workflow name given");
		else
			wfc_cli_error("'get' takes one workflow name, not %d", n);
		wfc_cli_usage_hint(stderr, &wfc_get_spec);
		goto err_out;
	}
	const char *run = argv[0];
	rc = WFC_EXIT_FINDINGS;
	if (wfc_cli_cluster_open(&cl, &o.kube, false) != 0)
		goto err_out;
	const char *ns = wfc_kube_namespace(cl.client);
	struct wfc_kube_error e;
	if (wfc_run_status_read(cl.client, NULL, run, &text, &wf, &e, err, sizeof(err)) != 0) {
		if (e.kind != WFC_KUBE_ENOTFOUND) {
			wfc_cli_error("cannot read workflow '%s': %s", run, err);
			goto err_out;
		}
		char *plan = wfc_store_plan_name(run);
		int got = wfc_kube_get(cl.client, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), NULL, plan,
				       &plan_cm, &e);
		free(plan);
		if (got != 0) {
			if (e.kind == WFC_KUBE_ENOTFOUND)
				wfc_cli_error("workflow '%s' not found in namespace '%s'", run, ns);
			else
				wfc_cli_error("cannot read workflow '%s': %s", run, e.message);
			goto err_out;
		}
		wf = pending_workflow(run, ns, plan_cm);
	} else if (!wfc_kobj_str(wf, "metadata", "creationTimestamp", NULL)) {
		/* created: when the run was submitted, with its plan */
		char *plan = wfc_store_plan_name(run);
		if (wfc_kube_get(cl.client, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), NULL, plan,
				 &plan_cm, &e) != 0)
			plan_cm = NULL;
		free(plan);
	}
	if (o.output == OUT_JSON || o.output == OUT_YAML) {
		char *t = o.output == OUT_YAML || !text ? wfc_emit_to_string(wf, o.output == OUT_YAML
									     ? WFC_EMIT_YAML
									     : WFC_EMIT_JSON)
							 : NULL;
		const char *s = text && o.output == OUT_JSON ? text : t;
		if (!s) {
			wfc_cli_error("cannot print workflow '%s'", run);
			goto err_out;
		}
		fputs(s, stdout);
		if (*s && s[strlen(s) - 1] != '\n')
			putchar('\n');
		free(t);
		rc = WFC_EXIT_OK;
		goto err_out;
	}
	/* the pods the nodes ran, for their names */
	label = wfc_run_label(cl.client, NULL, run, &e);
	if (label && (wfc_run_list(cl.client, WFC_KUBE_JOBS, NULL, label, &jobs, &e) != 0 ||
		      wfc_run_list(cl.client, WFC_KUBE_PODS, NULL, label, &pods, &e) != 0))
		fprintf(stderr, "wfc: warning: cannot list the pods of workflow '%s': %s\n", run,
			e.message);
	if (jobs && pods)
		g.index = wfc_run_index_create(jobs, pods);
	const char *wname = wfc_kobj_str(wf, "metadata", "name", NULL);
	g.wf_name = wname ? wname : run;
	g.now = (double)time(NULL);
	g.utf8 = wfc_run_view_utf8();
	g.color = wfc_run_view_tty(stdout) && wfc_run_view_color();
	print_text(&g, stdout, wf, ns, wfc_kobj_created(plan_cm));
	rc = WFC_EXIT_OK;
err_out:
	for (size_t i = 0; i < g.n; i++)
		free(g.nodes[i].kids);
	free(g.nodes);
	wfc_run_index_destroy(g.index);
	cJSON_Delete(jobs);
	cJSON_Delete(pods);
	cJSON_Delete(wf);
	cJSON_Delete(plan_cm);
	free(text);
	free(label);
	if (cl.client)
		wfc_cli_cluster_close(&cl);
	wfc_cli_free(&wfc_get_spec, &o);
	return rc;
}
