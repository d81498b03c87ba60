/* Pruning JSON text (support/json.h). */
#include "support/json.h"

#include <string.h>

#include "support/buf.h"

static const char *skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* The end of the string that opens at p, or NULL. */
static const char *string_end(const char *p, const char *e)
{
	for (p++; p < e; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

/* The end of the value at p, or NULL. */
static const char *value_end(const char *p, const char *e)
{
	if (p >= e)
		return NULL;
	if (*p == '"')
		return string_end(p, e);
	if (*p != '{' && *p != '[') {
		const char *s = p;
		while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' &&
		       *p != '\n' && *p != '\r')
			p++;
		return p > s ? p : NULL;
	}
	size_t depth = 0;
	for (; p < e; p++) {
		if (*p == '"') {
			p = string_end(p, e);
			if (!p)
				return NULL;
			p--;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if ((*p == '}' || *p == ']') && --depth == 0) {
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

/* Copies the value at p into out, an object with keep's members only;
 * the end of the value, or NULL. */
static const char *prune(const char *p, const char *e, const struct wfc_json_keep *keep,
			 struct wfc_buf *out)
{
	if (p < e && *p == '[') {
		/* a list of objects: each cut the same way */
		wfc_buf_putc(out, '[');
		p = skip_ws(p + 1, e);
		if (p < e && *p == ']') {
			wfc_buf_putc(out, ']');
			return p + 1;
		}
		for (bool first = true;; first = false) {
			if (!first)
				wfc_buf_putc(out, ',');
			p = prune(p, e, keep, out);
			if (!p)
				return NULL;
			p = skip_ws(p, e);
			if (p < e && *p == ',') {
				p = skip_ws(p + 1, e);
				continue;
			}
			if (p < e && *p == ']') {
				wfc_buf_putc(out, ']');
				return p + 1;
			}
			return NULL;
		}
	}
	if (p >= e || *p != '{') {
		const char *v = value_end(p, e);
		if (v)
			wfc_buf_add(out, p, (size_t)(v - p));
		return v;
	}
	wfc_buf_putc(out, '{');
	bool first = true;
	p = skip_ws(p + 1, e);
	if (p < e && *p == '}') {
		wfc_buf_putc(out, '}');
		return p + 1;
	}
	for (;;) {
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
		if (k) {
			if (!first)
				wfc_buf_putc(out, ',');
			first = false;
			wfc_buf_add(out, ks, (size_t)(ke - ks));
			wfc_buf_putc(out, ':');
			if (k->sub) {
				p = prune(p, e, k->sub, out);
			} else {
				const char *v = value_end(p, e);
				if (v)
					wfc_buf_add(out, p, (size_t)(v - p));
				p = v;
			}
		} else {
			p = value_end(p, e);
		}
		if (!p)
			return NULL;
		p = skip_ws(p, e);
		if (p < e && *p == ',') {
			p = skip_ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}') {
			wfc_buf_putc(out, '}');
			return p + 1;
		}
		return NULL;
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
