/* Reading cJSON objects from outside (the plan, API objects): a member, or
 * NULL for a missing member or a missing object, so paths chain. */
#ifndef WFC_JSON_H
#define WFC_JSON_H
#include <cjson/cJSON.h>

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

#endif
