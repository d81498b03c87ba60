/* A string -> pointer hash map with open addressing. Keys are not copied:
 * they must outlive the map (they normally live in the compilation arena). */
#ifndef WFC_STRMAP_H
#define WFC_STRMAP_H
#include <stddef.h>

struct wfc_strmap {
	struct wfc_strmap_slot {
		const char *key;
		size_t len;
		void *val;
	} *slots;
	size_t n, cap;
};

/* Returns the previous value for key, or NULL; the map keeps the first key pointer. */
void *wfc_strmap_put(struct wfc_strmap *m, const char *key, size_t len, void *val);
void *wfc_strmap_get(const struct wfc_strmap *m, const char *key, size_t len);
void wfc_strmap_free(struct wfc_strmap *m);

#endif
