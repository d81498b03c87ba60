/* Job names shared by the compiler and the coordinator (support/names.h). */
#include "support/names.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "support/xalloc.h"

uint64_t wfc_fnv1a(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

void wfc_name_sanitize(struct wfc_buf *b, const char *s)
{
	bool dash = b->len > 0 && b->s[b->len - 1] != '-';
	for (; *s; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b->len)
				wfc_buf_putc(b, '-');
			dash = false;
			wfc_buf_putc(b, c);
		} else {
			dash = true;
		}
	}
}

void wfc_name_hash_suffix(struct wfc_buf *b, size_t max, uint64_t h)
{
	size_t keep = max > 9 ? max - 9 : 0;
	if (b->len < keep)
		keep = b->len;
	while (keep > 0 && b->s[keep - 1] == '-')
		keep--;
	b->len = keep;
	wfc_buf_printf(b, "-%08x", (unsigned)(h ^ (h >> 32)));
}

void wfc_name_cut(struct wfc_buf *b, size_t max, uint64_t h)
{
	if (b->len > max)
		wfc_name_hash_suffix(b, max, h);
}

char *wfc_name_fit(const char *s, size_t max)
{
	struct wfc_buf b = { 0 };
	wfc_name_sanitize(&b, s);
	if (!b.len)
		wfc_buf_puts(&b, "wfc");
	wfc_name_cut(&b, max, wfc_fnv1a(s, strlen(s), WFC_FNV_SEED));
	char *r = wfc_xstrdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	return r;
}

/* "<base>--<part sanitized>", cut with a hash of the joined text. */
static char *joined(const char *base, const char *part)
{
	struct wfc_buf key = { 0 }, b = { 0 }, p = { 0 };
	wfc_buf_printf(&key, "%s--%s", base, part);
	wfc_buf_puts(&b, *base ? base : "wfc");
	wfc_name_sanitize(&p, part);
	wfc_buf_printf(&b, "--%s", p.len ? wfc_buf_str(&p) : "x");
	wfc_name_cut(&b, WFC_NAME_MAX, wfc_fnv1a(key.s, key.len, WFC_FNV_SEED));
	char *r = wfc_xstrdup(wfc_buf_str(&b));
	wfc_buf_free(&key);
	wfc_buf_free(&b);
	wfc_buf_free(&p);
	return r;
}

char *wfc_name_attempt(const char *job, unsigned k)
{
	char part[16];
	snprintf(part, sizeof(part), "%u", k);
	return joined(job, part);
}

char *wfc_name_child(const char *parent, const char *part)
{
	return joined(parent, part);
}
