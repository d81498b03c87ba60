#include "support/strmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;  /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static struct wfc_strmap_slot *find(const struct wfc_strmap *m, const char *key,
				    size_t len)
{
	size_t mask = m->cap - 1;
	for (size_t i = hash(key, len) & mask;; i = (i + 1) & mask) {
		struct wfc_strmap_slot *s = &m->slots[i];
		if (!s->key || (s->len == len && memcmp(s->key, key, len) == 0))
			return s;
	}
}

static void grow(struct wfc_strmap *m)
{
	struct wfc_strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = calloc(m->cap, sizeof(*m->slots));
	if (!m->slots) {
		fputs("wfc: out of memory\n", stderr);
		abort();
	}
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key, old.slots[i].len) = old.slots[i], m->n++;
	free(old.slots);
}

void *wfc_strmap_put(struct wfc_strmap *m, const char *key, size_t len, void *val)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	struct wfc_strmap_slot *s = find(m, key, len);
	if (s->key) {
		void *prev = s->val;
		s->val = val;
		return prev;
	}
	s->key = key;
	s->len = len;
	s->val = val;
	m->n++;
	return NULL;
}

void *wfc_strmap_get(const struct wfc_strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	struct wfc_strmap_slot *s = find(m, key, len);
	return s->key ? s->val : NULL;
}

void wfc_strmap_free(struct wfc_strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}
