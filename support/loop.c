#include "support/loop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "support/buf.h"
#include "support/xalloc.h"

static int key_cmp(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
	return strcmp(x->string, y->string);
}

void wfc_item_desc(struct wfc_buf *b, const cJSON *it)
{
	if (cJSON_IsString(it)) {
		wfc_buf_puts(b, it->valuestring);
		return;
	}
	if (cJSON_IsObject(it)) {
		size_t n = 0;
		for (const cJSON *c = it->child; c; c = c->next)
			n++;
		const cJSON **kv = wfc_xmalloc((n ? n : 1) * sizeof(*kv));
		size_t k = 0;
		for (const cJSON *c = it->child; c; c = c->next)
			kv[k++] = c;
		qsort(kv, k, sizeof(*kv), key_cmp);
		for (size_t i = 0; i < k; i++) {
			char *v = cJSON_IsString(kv[i]) ? NULL : cJSON_PrintUnformatted(kv[i]);
			wfc_buf_printf(b, "%s%s:%s", i ? "," : "", kv[i]->string,
				       v ? v : kv[i]->valuestring);
			cJSON_free(v);
		}
		free(kv);
		return;
	}
	char *s = cJSON_PrintUnformatted(it);
	wfc_buf_puts(b, s ? s : "");
	cJSON_free(s);
}

/* The one conversion of format, or NULL; *bad when format is not one a
 * sequence takes. */
static const char *conversion(const char *format, bool *bad)
{
	const char *conv = NULL;
	*bad = false;
	for (const char *q = format; *q; q++) {
		if (*q != '%')
			continue;
		if (q[1] == '%') {
			q++;
			continue;
		}
		const char *r = q + 1;
		while (*r >= '0' && *r <= '9')
			r++;
		if (conv || !*r || !strchr("dxXo", *r)) {
			*bad = true;
			return NULL;
		}
		conv = q;
	}
	return conv;
}

bool wfc_sequence_format_ok(const char *format)
{
	bool bad;
	conversion(format, &bad);
	return !bad;
}

cJSON *wfc_sequence_make(bool has_count, long long count, long long start, long long end,
			 const char *format, long long max)
{
	if (!format)
		format = "%d";
	bool bad;
	const char *conv = conversion(format, &bad);
	if (bad)
		return NULL;
	if (has_count)
		end = start + count - 1;
	else
		count = end >= start ? end - start + 1 : start - end + 1;
	if (count > max)
		return NULL;
	cJSON *items = cJSON_CreateArray();
	size_t flen = strlen(format);
	char *f = wfc_xmalloc(flen + 8), *out = wfc_xmalloc(flen + 64);
	if (conv) {
		/* the conversion with a long long length: "ll" inserted */
		const char *r = conv + 1;
		while (*r >= '0' && *r <= '9')
			r++;
		size_t upto = (size_t)(r - format);
		memcpy(f, format, upto);
		memcpy(f + upto, "ll", 2);
		memcpy(f + upto + 2, r, flen - upto + 1);
	}
	for (long long i = 0; i < count; i++) {
		long long x = has_count || end >= start ? start + i : start - i;
		if (conv)
			snprintf(out, flen + 64, f, x);
		else
			snprintf(out, flen + 64, "%s", format);
		cJSON_AddItemToArray(items, cJSON_CreateString(out));
	}
	free(f);
	free(out);
	return items;
}

char *wfc_item_text(const cJSON *item)
{
	if (cJSON_IsString(item))
		return wfc_xstrdup(item->valuestring);
	char *s = cJSON_PrintUnformatted(item);
	char *r = wfc_xstrdup(s ? s : "");
	cJSON_free(s);
	return r;
}
