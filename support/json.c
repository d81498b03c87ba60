/* Pruning JSON text (support/json.h). */
#include "support/json.h"

#include <stddef.h>
#include <string.h>

#include "support/buf.h"

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* The end of the string that opens at p, or NULL: memchr finds each
 * quote, which is the string's end unless an odd run of backslashes is
 * before it (most of a watch event is text that is skipped). */
static const char *string_end(const char *p, const char *e)
{
	const char *s = p + 1;
	for (const char *q = s; q < e; q++) {
		q = memchr(q, '"', (size_t)(e - q));
		if (!q)
			return NULL;
		size_t bs = 0;
		while (q - bs > s && q[-1 - (ptrdiff_t)bs] == '\\')
			bs++;
		if (!(bs & 1))
			return q + 1;
	}
	return NULL;
}

/* What ends a scalar (1), and what a skipped object or list has to look
 * at (2): a quote and the brackets. */
static const unsigned char cls[256] = {
	[','] = 1, ['}'] = 3, [']'] = 3, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
	['"'] = 2, ['{'] = 2, ['['] = 2,
};

/* The end of the value at p, or NULL. */
static const char *value_end(const char *p, const char *e)
{
	if (p >= e)
		return NULL;
	if (*p == '"')
		return string_end(p, e);
	if (*p != '{' && *p != '[') {
		const char *s = p;
		while (p < e && !(cls[(unsigned char)*p] & 1))
			p++;
		return p > s ? p : NULL;
	}
	size_t depth = 0;
	for (; p < e; p++) {
		while (p < e && !(cls[(unsigned char)*p] & 2))
			p++;
		if (p >= e)
			break;
		if (*p == '"') {
			p = string_end(p, e);
			if (!p)
				return NULL;
			p--;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if (--depth == 0) {
			return p + 1;
		}
	}
	return NULL;
}

static const struct wfc_json_keep *kept(const struct wfc_json_keep *keep, const char *k,
					size_t len)
{
	for (; keep->key; keep++)
		if (strlen(keep->key) == len && memcmp(keep->key, k, len) == 0)
			return keep;
	return NULL;
}

/* Copies the value at p into out as it is; its end, or NULL. */
static const char *copy_value(const char *p, const char *e, struct wfc_buf *out)
{
	const char *v = value_end(p, e);
	if (v)
		wfc_buf_add(out, p, (size_t)(v - p));
	return v;
}

/* After a member or an element at *p: 1 and *p at the next one after a
 * ',', 0 when close ends the object or list (written to out, *p after
 * it), -1 on anything else. */
static int next_member(const char **p, const char *e, char close, struct wfc_buf *out)
{
	const char *q = skip_ws(*p, e);
	if (q < e && *q == ',') {
		*p = skip_ws(q + 1, e);
		return 1;
	}
	if (q < e && *q == close) {
		wfc_buf_putc(out, close);
		*p = q + 1;
		return 0;
	}
	return -1;
}

/* Copies the value at p into out, an object with keep's members only (a
 * list: each of its objects so); the end of the value, or NULL. */
static const char *prune(const char *p, const char *e, const struct wfc_json_keep *keep,
			 struct wfc_buf *out)
{
	if (p >= e || (*p != '{' && *p != '['))
		return copy_value(p, e, out);
	bool list = *p == '[';
	char close = list ? ']' : '}';
	wfc_buf_putc(out, *p);
	p = skip_ws(p + 1, e);
	if (p < e && *p == close) {
		wfc_buf_putc(out, close);
		return p + 1;
	}
	for (bool first = true;;) {
		if (list) {
			if (!first)
				wfc_buf_putc(out, ',');
			first = false;
			p = prune(p, e, keep, out);
		} else {
			if (p >= e || *p != '"')
				return NULL;
			const char *ks = p, *ke = string_end(p, e);
			if (!ke)
				return NULL;
			p = skip_ws(ke, e);
			if (p >= e || *p != ':')
				return NULL;
			p = skip_ws(p + 1, e);
			const struct wfc_json_keep *k = kept(keep, ks + 1, (size_t)(ke - ks - 2));
			if (!k) {
				p = value_end(p, e);
			} else {
				if (!first)
					wfc_buf_putc(out, ',');
				first = false;
				wfc_buf_add(out, ks, (size_t)(ke - ks));
				wfc_buf_putc(out, ':');
				p = k->sub ? prune(p, e, k->sub, out) : copy_value(p, e, out);
			}
		}
		if (!p)
			return NULL;
		int r = next_member(&p, e, close, out);
		if (r <= 0)
			return r == 0 ? p : NULL;
	}
}

bool wfc_json_prune(const char *text, size_t len, const struct wfc_json_keep *keep,
		    struct wfc_buf *out)
{
	const char *e = text + len;
	const char *p = skip_ws(text, e);
	size_t mark = out->len;
	p = prune(p, e, keep, out);
	if (p && skip_ws(p, e) == e)
		return true;
	out->len = mark;
	if (out->s)
		out->s[mark] = '\0';
	return false;
}

void wfc_json_keep_only(cJSON *obj, const struct wfc_json_keep *keep)
{
	if (cJSON_IsArray(obj)) {
		cJSON *c;
		cJSON_ArrayForEach(c, obj)
			wfc_json_keep_only(c, keep);
		return;
	}
	if (!cJSON_IsObject(obj))
		return;
	cJSON *c = obj->child;
	while (c) {
		cJSON *next = c->next;
		const struct wfc_json_keep *k = c->string ? kept(keep, c->string, strlen(c->string))
							  : NULL;
		if (!k)
			cJSON_Delete(cJSON_DetachItemViaPointer(obj, c));
		else if (k->sub)
			wfc_json_keep_only(c, k->sub);
		c = next;
	}
}
