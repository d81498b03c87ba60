/* Reading cJSON objects from outside (the plan, API objects): a member, or
 * NULL for a missing member or a missing object, so paths chain. */
#ifndef WFC_JSON_H
#define WFC_JSON_H
#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

struct wfc_buf;

static inline const cJSON *wfc_json_get(const cJSON *o, const char *key)
{
	return o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

/* The member's string, or NULL when it is missing or not a string. */
static inline const char *wfc_json_str(const cJSON *o, const char *key)
{
	const cJSON *v = wfc_json_get(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Members of a JSON object to keep, by key, as a NULL-terminated array;
 * sub: the members of that member to keep when it is an object too (NULL:
 * the whole value). */
struct wfc_json_keep {
	const char *key;
	const struct wfc_json_keep *sub;
};

/* Appends the JSON text to out with only keep's members of its top
 * object (and of theirs, as keep says), the rest of the text as it is: a
 * cut before parsing, for big objects of which little is read. Where keep
 * goes deeper, each object of a list is cut the same way, and any other
 * value is kept whole. Only the structure is followed (cJSON judges the
 * rest): false, and out as it was, when that cannot be. */
bool wfc_json_prune(const char *text, size_t len, const struct wfc_json_keep *keep,
		    struct wfc_buf *out);
/* The same on a parsed object or list: the other members are deleted. */
void wfc_json_keep_only(cJSON *obj, const struct wfc_json_keep *keep);

#endif
