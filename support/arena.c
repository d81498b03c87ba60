#include "support/arena.h"
#include "support/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_CHUNK (1024 * 1024)

struct chunk {
	struct chunk *next;
	size_t size, used, map;
	_Alignas(16) unsigned char data[];
};

struct wfc_arena {
	struct chunk *head;
	size_t total;
};

/* Chunks come straight from the kernel, populated in one go: a page fault
 * per 4 KiB page costs more than the parse itself on some virtual machines. */
static struct chunk *chunk_new(size_t bytes)
{
	size_t page = 4096;
	bytes = (bytes + page - 1) & ~(page - 1);
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (p == MAP_FAILED) {
		fputs("wfc: out of memory\n", stderr);
		abort();
	}
	struct chunk *c = p;
	c->map = bytes;
	return c;
}

struct wfc_arena *wfc_arena_create(void)
{
	struct wfc_arena *a = wfc_xmalloc(sizeof(*a));
	a->head = NULL;
	a->total = 0;
	return a;
}

void wfc_arena_destroy(struct wfc_arena *a)
{
	if (!a)
		return;
	for (struct chunk *c = a->head, *n; c; c = n) {
		n = c->next;
		munmap(c, c->map);
	}
	free(a);
}

void *wfc_arena_alloc(struct wfc_arena *a, size_t size)
{
	size = (size + 7) & ~(size_t)7;
	if (!size)
		size = 8;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		size_t cap = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
		c = chunk_new(sizeof(*c) + cap);
		c->size = cap;
		c->used = 0;
		if (size > ARENA_CHUNK / 4 && a->head) {
			/* big block: keep the current chunk on top for small ones */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = c->data + c->used;
	c->used += size;
	a->total += size;
	memset(p, 0, size);
	return p;
}

char *wfc_arena_strndup(struct wfc_arena *a, const char *s, size_t n)
{
	char *p = wfc_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *wfc_arena_strdup(struct wfc_arena *a, const char *s)
{
	return wfc_arena_strndup(a, s, strlen(s));
}

char *wfc_arena_printf(struct wfc_arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof(probe), fmt ? fmt : "", ap);
	va_end(ap);
	char *p = wfc_arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
	if (n > 0)
		vsnprintf(p, (size_t)n + 1, fmt ? fmt : "", ap2);
	va_end(ap2);
	return p;
}

size_t wfc_arena_used(const struct wfc_arena *a)
{
	return a->total;
}
