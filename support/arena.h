/* Arena allocation: everything allocated from an arena is freed at once by
 * wfc_arena_destroy, never one by one. */
#ifndef WFC_ARENA_H
#define WFC_ARENA_H
#include <stddef.h>

struct wfc_arena;

struct wfc_arena *wfc_arena_create(void);
void wfc_arena_destroy(struct wfc_arena *a);
/* Zeroed, 8-byte aligned memory; aborts on out-of-memory like xmalloc. */
void *wfc_arena_alloc(struct wfc_arena *a, size_t size);
char *wfc_arena_strndup(struct wfc_arena *a, const char *s, size_t n);
char *wfc_arena_strdup(struct wfc_arena *a, const char *s);
char *wfc_arena_printf(struct wfc_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for limits and benchmarks). */
size_t wfc_arena_used(const struct wfc_arena *a);

#define WFC_NEW(a, T) ((T *)wfc_arena_alloc((a), sizeof(T)))
#define WFC_NEWN(a, T, n) ((T *)wfc_arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif
