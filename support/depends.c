/* The `depends` language of DAG tasks (see depends.h). Argo's side:
 * workflow/common/ancestry.go (task pattern, result words, expansion of bare
 * names) and workflow/controller/dag.go evaluateDependsLogic (task results
 * from node phases, '-' to '_', expr-lang evaluation). */
#include "support/depends.h"
#include "support/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLIP WFC_GV_CLIP

static const struct {
	const char *word;
	unsigned bit;
} results[] = {
	{ "Succeeded", WFC_DEPENDS_SUCCEEDED },
	{ "Failed", WFC_DEPENDS_FAILED },
	{ "Errored", WFC_DEPENDS_ERRORED },
	{ "Skipped", WFC_DEPENDS_SKIPPED },
	{ "Omitted", WFC_DEPENDS_OMITTED },
	{ "Daemoned", WFC_DEPENDS_DAEMONED },
	{ "AnySucceeded", WFC_DEPENDS_ANY_SUCCEEDED },
	{ "AllFailed", WFC_DEPENDS_ALL_FAILED },
};

#define NRESULTS (sizeof(results) / sizeof(results[0]))

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Levenshtein distance ignoring case; word is cut at 64 bytes. */
static size_t distance(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b), row[65];
	if (n > 64)
		n = 64;
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (lower(a[i - 1]) != lower(b[j - 1]));
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[m];
}

const char *wfc_depends_closest_result(const char *word, size_t n)
{
	size_t best = (size_t)-1;
	const char *w = results[0].word;
	for (size_t i = 0; i < NRESULTS; i++) {
		size_t d = distance(word, n, results[i].word);
		if (d < best) {
			best = d;
			w = results[i].word;
		}
	}
	return w;
}

/* ------------------------------------------------------------------ model */

enum dkind { D_REF, D_NOT, D_AND, D_OR };

/* AND and OR nodes hold their operands as a list (first, then next), so a
 * long chain is flat and only parentheses and '!' add depth. */
struct dnode {
	enum dkind kind;
	size_t task;     /* D_REF */
	unsigned result; /* D_REF: one enum wfc_depends_result bit */
	size_t first, last, next; /* child list; NONE when empty */
};

#define NONE ((size_t)-1)

struct dtask {
	char *name;
	size_t off;
	unsigned results;
};

struct wfc_depends {
	struct dnode *nodes;
	size_t nnodes, capnodes;
	struct dtask *tasks;
	size_t ntasks, captasks;
	size_t root;
};

static size_t add_node(struct wfc_depends *d, enum dkind kind)
{
	if (d->nnodes == d->capnodes) {
		d->capnodes = d->capnodes ? d->capnodes * 2 : 16;
		d->nodes = wfc_xrealloc(d->nodes, d->capnodes * sizeof(*d->nodes));
	}
	struct dnode *n = &d->nodes[d->nnodes];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->first = n->last = n->next = NONE;
	return d->nnodes++;
}

static void add_child(struct wfc_depends *d, size_t parent, size_t child)
{
	if (d->nodes[parent].first == NONE)
		d->nodes[parent].first = child;
	else
		d->nodes[d->nodes[parent].last].next = child;
	d->nodes[parent].last = child;
}

static size_t add_task(struct wfc_depends *d, const char *name, size_t n, size_t off)
{
	for (size_t i = 0; i < d->ntasks; i++)
		if (strlen(d->tasks[i].name) == n && memcmp(d->tasks[i].name, name, n) == 0)
			return i;
	if (d->ntasks == d->captasks) {
		d->captasks = d->captasks ? d->captasks * 2 : 8;
		d->tasks = wfc_xrealloc(d->tasks, d->captasks * sizeof(*d->tasks));
	}
	struct dtask *t = &d->tasks[d->ntasks];
	t->name = wfc_xmalloc(n + 1);
	memcpy(t->name, name, n);
	t->name[n] = '\0';
	t->off = off;
	t->results = 0;
	return d->ntasks++;
}

/* ------------------------------------------------------------------ lexer */

enum tkind { T_END, T_NAME, T_AND, T_OR, T_NOT, T_LP, T_RP };

struct tok {
	enum tkind kind;
	size_t off, end;
	size_t name_end; /* T_NAME: end of the task name */
	unsigned result; /* T_NAME: result bit or WFC_DEPENDS_BARE */
};

struct parser {
	const char *s;
	size_t pos;
	struct tok cur, prev;
	struct wfc_depends *d;
	unsigned nest;
	struct wfc_gv_error *err;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int lex_name(struct parser *p, struct tok *t)
{
	const char *s = p->s;
	char q[CLIP + 4], q2[CLIP + 4];
	size_t i = t->off;

	while (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '-')
		i++;
	t->kind = T_NAME;
	t->name_end = i;
	t->result = WFC_DEPENDS_BARE;
	if (s[i] == '_') {
		wfc_gv_set_error(p->err, i, "invalid character '_' in task name '%s' (task names "
			  "contain only letters, digits and '-')", wfc_gv_clip(q, s + t->off, i - t->off));
		return -1;
	}
	if (is_digit(s[t->off])) {
		wfc_gv_set_error(p->err, t->off, "task name '%s' starts with a digit, which depends "
			  "cannot reference", wfc_gv_clip(q, s + t->off, i - t->off));
		return -1;
	}
	if (s[i] == '.') {
		size_t w = ++i;
		while (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '_')
			i++;
		if (i == w) {
			wfc_gv_set_error(p->err, w, "expected a task result after '%s.'",
				  wfc_gv_clip(q, s + t->off, t->name_end - t->off));
			return -1;
		}
		unsigned bit = 0;
		for (size_t k = 0; k < NRESULTS; k++)
			if (strlen(results[k].word) == i - w &&
			    memcmp(results[k].word, s + w, i - w) == 0)
				bit = results[k].bit;
		if (!bit) {
			char q3[CLIP + 4];
			wfc_gv_set_error(p->err, w, "unknown task result '%s' for task '%s'; did you mean '%s'?",
				  wfc_gv_clip(q, s + w, i - w), wfc_gv_clip(q2, s + t->off, t->name_end - t->off),
				  wfc_gv_clip(q3, wfc_depends_closest_result(s + w, i - w),
				       strlen(wfc_depends_closest_result(s + w, i - w))));
			return -1;
		}
		t->result = bit;
		if (s[i] == '.' || s[i] == '-') {
			wfc_gv_set_error(p->err, i, "unexpected '%c' after '%s'", s[i],
				  wfc_gv_clip(q, s + t->off, i - t->off));
			return -1;
		}
	}
	t->end = i;
	return 0;
}

static int lex(struct parser *p, struct tok *t)
{
	const char *s = p->s;
	char q[CLIP + 4];

	while (is_space(s[p->pos]))
		p->pos++;
	memset(t, 0, sizeof(*t));
	t->off = p->pos;
	t->end = p->pos + 1;
	char c = s[p->pos];
	if (c == '\0') {
		t->kind = T_END;
		t->end = p->pos;
		return 0;
	}
	if (is_alpha(c) || is_digit(c)) {
		if (lex_name(p, t) < 0)
			return -1;
	} else if ((c == '&' || c == '|') && s[p->pos + 1] == c) {
		t->kind = c == '&' ? T_AND : T_OR;
		t->end = p->pos + 2;
	} else if (c == '!' && s[p->pos + 1] != '=') {
		t->kind = T_NOT;
	} else if (c == '(') {
		t->kind = T_LP;
	} else if (c == ')') {
		t->kind = T_RP;
	} else {
		size_t n = 1;
		while (s[p->pos + n] && n < 3 && strchr("&|!=<>~+-*/%^?:.,_", s[p->pos + n]) &&
		       strchr("&|!=<>~+-*/%^?:.,_", c))
			n++;
		if (c == '&' || c == '|')
			wfc_gv_set_error(p->err, t->off, "unexpected '%c'; did you mean '%c%c'?", c, c, c);
		else if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
			wfc_gv_set_error(p->err, t->off, "unexpected character in depends expression");
		else
			wfc_gv_set_error(p->err, t->off, "unexpected '%s' (depends combines task results "
				  "with &&, || and !)", wfc_gv_clip(q, s + t->off, n));
		return -1;
	}
	p->pos = t->end;
	return 0;
}

static int advance(struct parser *p)
{
	p->prev = p->cur;
	return lex(p, &p->cur);
}

static const char *tok_text(const struct parser *p, const struct tok *t, char q[CLIP + 4])
{
	if (t->kind == T_END)
		return "end of expression";
	return wfc_gv_clip(q, p->s + t->off, t->end - t->off);
}

/* p->cur does not belong where it stands. */
static int unexpected(struct parser *p)
{
	char q[CLIP + 4], q2[CLIP + 4];
	bool start = p->prev.kind == T_END;
	if (p->cur.kind == T_END && start)
		wfc_gv_set_error(p->err, p->cur.off, "empty depends expression");
	else if (p->cur.kind == T_END)
		wfc_gv_set_error(p->err, p->prev.off, "missing operand after '%s'", tok_text(p, &p->prev, q));
	else if (start)
		wfc_gv_set_error(p->err, p->cur.off, "unexpected '%s' at the start of the expression",
			  tok_text(p, &p->cur, q));
	else
		wfc_gv_set_error(p->err, p->cur.off, "unexpected '%s' after '%s'", tok_text(p, &p->cur, q),
			  tok_text(p, &p->prev, q2));
	return -1;
}

/* ----------------------------------------------------------------- parser */

static int parse_or(struct parser *p, size_t *out);

static int enter(struct parser *p)
{
	if (++p->nest > WFC_DEPENDS_MAX_NESTING) {
		wfc_gv_set_error(p->err, p->cur.off, "depends expression nested too deeply (limit %d)",
			  WFC_DEPENDS_MAX_NESTING);
		return -1;
	}
	return 0;
}

static int parse_unary(struct parser *p, size_t *out)
{
	struct wfc_depends *d = p->d;
	size_t n;

	switch (p->cur.kind) {
	case T_NOT:
		if (enter(p) < 0 || advance(p) < 0)
			return -1;
		n = add_node(d, D_NOT);
		size_t child;
		if (parse_unary(p, &child) < 0)
			return -1;
		add_child(d, n, child);
		p->nest--;
		*out = n;
		return 0;
	case T_LP: {
		size_t open = p->cur.off;
		if (enter(p) < 0 || advance(p) < 0)
			return -1;
		if (parse_or(p, out) < 0)
			return -1;
		if (p->cur.kind == T_END) {
			wfc_gv_set_error(p->err, open, "unclosed '('");
			return -1;
		}
		if (p->cur.kind != T_RP)
			return unexpected(p);
		p->nest--;
		return advance(p);
	}
	case T_NAME: {
		size_t task = add_task(d, p->s + p->cur.off, p->cur.name_end - p->cur.off, p->cur.off);
		d->tasks[task].results |= p->cur.result;
		n = add_node(d, D_REF);
		d->nodes[n].task = task;
		d->nodes[n].result = p->cur.result;
		*out = n;
		return advance(p);
	}
	default:
		return unexpected(p);
	}
}

/* A chain of one operator becomes one node holding all operands. */
static int parse_chain(struct parser *p, enum tkind op, size_t *out)
{
	size_t first, n = NONE;
	int r = op == T_OR ? parse_chain(p, T_AND, &first) : parse_unary(p, &first);
	if (r < 0)
		return -1;
	while (p->cur.kind == op) {
		if (advance(p) < 0)
			return -1;
		size_t next;
		r = op == T_OR ? parse_chain(p, T_AND, &next) : parse_unary(p, &next);
		if (r < 0)
			return -1;
		if (n == NONE) {
			n = add_node(p->d, op == T_OR ? D_OR : D_AND);
			add_child(p->d, n, first);
		}
		add_child(p->d, n, next);
	}
	*out = n == NONE ? first : n;
	return 0;
}

static int parse_or(struct parser *p, size_t *out)
{
	return parse_chain(p, T_OR, out);
}

struct wfc_depends *wfc_depends_parse(const char *text, struct wfc_gv_error *err)
{
	struct wfc_depends *d = wfc_xmalloc(sizeof(*d));
	memset(d, 0, sizeof(*d));
	struct parser p = { .s = text ? text : "", .d = d, .err = err };

	if (err) {
		err->offset = 0;
		err->message[0] = '\0';
	}
	p.prev.kind = T_END;
	if (lex(&p, &p.cur) < 0 || parse_or(&p, &d->root) < 0)
		goto fail;
	if (p.cur.kind != T_END) {
		unexpected(&p);
		goto fail;
	}
	return d;
fail:
	wfc_depends_free(d);
	return NULL;
}

void wfc_depends_free(struct wfc_depends *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->ntasks; i++)
		free(d->tasks[i].name);
	free(d->tasks);
	free(d->nodes);
	free(d);
}

size_t wfc_depends_ntasks(const struct wfc_depends *d)
{
	return d->ntasks;
}

const char *wfc_depends_task(const struct wfc_depends *d, size_t i)
{
	return i < d->ntasks ? d->tasks[i].name : NULL;
}

size_t wfc_depends_task_offset(const struct wfc_depends *d, size_t i)
{
	return i < d->ntasks ? d->tasks[i].off : 0;
}

unsigned wfc_depends_task_results(const struct wfc_depends *d, size_t i)
{
	return i < d->ntasks ? d->tasks[i].results : 0;
}

/* -------------------------------------------------------------- evaluation */

static bool ref_value(const struct wfc_depends_state *s, unsigned result)
{
	switch (result) {
	case WFC_DEPENDS_SUCCEEDED:
		return s->phase == WFC_DEPENDS_PHASE_SUCCEEDED;
	case WFC_DEPENDS_FAILED:
		return s->phase == WFC_DEPENDS_PHASE_FAILED;
	case WFC_DEPENDS_ERRORED:
		return s->phase == WFC_DEPENDS_PHASE_ERROR;
	case WFC_DEPENDS_SKIPPED:
		return s->phase == WFC_DEPENDS_PHASE_SKIPPED;
	case WFC_DEPENDS_OMITTED:
		return s->phase == WFC_DEPENDS_PHASE_OMITTED;
	case WFC_DEPENDS_DAEMONED:
		return s->daemoned;
	case WFC_DEPENDS_ANY_SUCCEEDED:
		return s->is_group && s->children_succeeded > 0;
	case WFC_DEPENDS_ALL_FAILED:
		return s->is_group && s->children > 0 && s->children_failed == s->children;
	default: /* bare: ancestry.go expandDependency */
		return ref_value(s, WFC_DEPENDS_SUCCEEDED) || ref_value(s, WFC_DEPENDS_SKIPPED) ||
		       ref_value(s, WFC_DEPENDS_DAEMONED) ||
		       (s->continue_on_error && ref_value(s, WFC_DEPENDS_ERRORED)) ||
		       (s->continue_on_failed && ref_value(s, WFC_DEPENDS_FAILED));
	}
}

/* Recursion follows parentheses and '!' only, at most
 * WFC_DEPENDS_MAX_NESTING deep. */
static bool eval_node(const struct wfc_depends *d, const struct wfc_depends_state *st,
		      size_t i)
{
	const struct dnode *n = &d->nodes[i];
	switch (n->kind) {
	case D_REF:
		return ref_value(&st[n->task], n->result);
	case D_NOT:
		return !eval_node(d, st, n->first);
	case D_AND:
		for (size_t c = n->first; c != NONE; c = d->nodes[c].next)
			if (!eval_node(d, st, c))
				return false;
		return true;
	case D_OR:
		for (size_t c = n->first; c != NONE; c = d->nodes[c].next)
			if (eval_node(d, st, c))
				return true;
		return false;
	}
	return false;
}

int wfc_depends_eval(const struct wfc_depends *d, wfc_depends_state_fn state, void *user,
		     bool *out, struct wfc_gv_error *err)
{
	char q[CLIP + 4];
	struct wfc_depends_state *st = wfc_xmalloc(d->ntasks * sizeof(*st));
	int r = 0;

	for (size_t i = 0; i < d->ntasks && r == 0; i++) {
		memset(&st[i], 0, sizeof(st[i]));
		r = state(user, d->tasks[i].name, &st[i]);
		if (r < 0) {
			const char *name = d->tasks[i].name;
			wfc_gv_set_error(err, d->tasks[i].off, "unknown task '%s'", wfc_gv_clip(q, name, strlen(name)));
			r = -1;
		} else if (r > 0) {
			r = 1;
		}
	}
	if (r == 0)
		*out = eval_node(d, st, d->root);
	free(st);
	return r;
}
