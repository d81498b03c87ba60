/* Allocation that cannot fail: out of memory ends the program with a
 * message, as every caller would have to. */
#ifndef WFC_XALLOC_H
#define WFC_XALLOC_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void *wfc_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("wfc: out of memory\n", stderr);
		abort();
	}
	return p;
}

static inline void *wfc_xmalloc(size_t n)
{
	return wfc_xrealloc(NULL, n);
}

/* A copy of s (NULL reads as ""). */
static inline char *wfc_xstrdup(const char *s)
{
	if (!s)
		s = "";
	size_t n = strlen(s) + 1;
	return memcpy(wfc_xmalloc(n), s, n);
}

#endif
