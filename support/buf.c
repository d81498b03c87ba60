#include "support/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void grow(struct wfc_buf *b, size_t need)
{
	if (b->len + need + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		fputs("wfc: out of memory\n", stderr);
		abort();
	}
	b->s = s;
	b->cap = cap;
}

void wfc_buf_add(struct wfc_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void wfc_buf_puts(struct wfc_buf *b, const char *s)
{
	wfc_buf_add(b, s, strlen(s));
}

void wfc_buf_putc(struct wfc_buf *b, char c)
{
	wfc_buf_add(b, &c, 1);
}

void wfc_buf_printf(struct wfc_buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof(probe), fmt ? fmt : "", ap);
	va_end(ap);
	if (n > 0) {
		grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

const char *wfc_buf_str(struct wfc_buf *b)
{
	if (!b->s)
		grow(b, 0), b->s[0] = '\0';
	return b->s;
}

void wfc_buf_reset(struct wfc_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void wfc_buf_free(struct wfc_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
