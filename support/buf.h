/* A growable byte buffer; the caller owns buf->s and frees it with wfc_buf_free. */
#ifndef WFC_BUF_H
#define WFC_BUF_H
#include <stddef.h>

struct wfc_buf {
	char *s;
	size_t len, cap;
};

void wfc_buf_add(struct wfc_buf *b, const char *s, size_t n);
void wfc_buf_puts(struct wfc_buf *b, const char *s);
void wfc_buf_putc(struct wfc_buf *b, char c);
void wfc_buf_printf(struct wfc_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Always NUL-terminated after any add; "" for an empty buffer. */
const char *wfc_buf_str(struct wfc_buf *b);
void wfc_buf_reset(struct wfc_buf *b);
void wfc_buf_free(struct wfc_buf *b);

#endif
