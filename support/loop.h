/* Loop items as Argo makes them, shared by the compiler's expansion
 * (ir/expand.c: withItems, withSequence) and the runtime's (runtime/expand.c:
 * withParam, and loops inside templates expanded at run time). */
#ifndef WFC_LOOP_H
#define WFC_LOOP_H
#include <stdbool.h>
#include <stddef.h>

struct cJSON;
struct wfc_buf;

/* Argo's description of a loop item in a node name `step(INDEX:DESC)`:
 * strings as they are, maps as sorted `k:v` joined by commas, anything
 * else as compact JSON. Appended to b. */
void wfc_item_desc(struct wfc_buf *b, const struct cJSON *item);

/* withSequence.format accepts one integer conversion (%d, %02x, %o, %X,
 * with a width) and %%; true when format is such a format. */
bool wfc_sequence_format_ok(const char *format);

/* The items of a withSequence: count (when has_count) or end, from start,
 * counting down when start > end; each item format applied to it (a format
 * wfc_sequence_format_ok accepts, NULL for "%d"). NULL when there would be
 * more than max items. */
struct cJSON *wfc_sequence_make(bool has_count, long long count, long long start,
				long long end, const char *format, long long max);

/* The value of item seen as text by {{item}} / {{item.KEY}}: strings as
 * they are, anything else as compact JSON. malloc'd. */
char *wfc_item_text(const struct cJSON *item);

#endif
