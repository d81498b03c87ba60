/* Texts kept in ConfigMaps, split in parts (runtime/kube_store.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/kube_store.h"
#include "support/buf.h"
#include "support/xalloc.h"
#include "support/text.h"

static char *suffixed(const char *run, const char *suffix)
{
	struct wfc_buf b = { 0 };
	wfc_buf_printf(&b, "%s%s", run, suffix);
	return b.s;
}

char *wfc_store_plan_name(const char *run)
{
	return suffixed(run, "-plan");
}

char *wfc_store_status_name(const char *run)
{
	return suffixed(run, "-status");
}

static const char *data_str(const cJSON *cm, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cm, "data"), key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const struct wfc_kube_res *CM(void)
{
	return wfc_kube_builtin(WFC_KUBE_CONFIGMAPS);
}

int wfc_store_read(struct wfc_kube *c, const char *ns, const char *base, const char *key,
		   char **text, struct wfc_kube_error *e, char *err, size_t errlen)
{
	cJSON *cm = NULL;
	struct wfc_buf b = { 0 };
	struct wfc_buf k = { 0 };
	*text = NULL;
	if (wfc_kube_get(c, CM(), ns, base, &cm, e) != 0) {
		wfc_errf(err, errlen, "cannot read ConfigMap '%s': %s", base, e->message);
		return -1;
	}
	const char *whole = data_str(cm, key);
	if (whole) {
		*text = wfc_xstrdup(whole);
		cJSON_Delete(cm);
		return 0;
	}
	const char *parts = data_str(cm, "parts");
	char *end = NULL;
	long n = parts ? strtol(parts, &end, 10) : 0;
	if (!parts || *end || n < 1 || n > 1000) {
		wfc_errf(err, errlen, "ConfigMap '%s' holds neither '%s' nor a count of 'parts'", base,
		       key);
		e->kind = WFC_KUBE_EBAD_RESPONSE;
		goto err_out;
	}
	for (long i = 0; i < n; i++) {
		cJSON *part = NULL;
		wfc_buf_reset(&k);
		wfc_buf_printf(&k, "%s.%ld", key, i);
		if (i == 0) {
			part = cm;
		} else {
			struct wfc_buf pn = { 0 };
			wfc_buf_printf(&pn, "%s-%ld", base, i);
			int rc = wfc_kube_get(c, CM(), ns, wfc_buf_str(&pn), &part, e);
			if (rc != 0)
				wfc_errf(err, errlen, "cannot read ConfigMap '%s' (part %ld of %ld): %s",
				       wfc_buf_str(&pn), i + 1, n, e->message);
			wfc_buf_free(&pn);
			if (rc != 0)
				goto err_out;
		}
		const char *s = data_str(part, wfc_buf_str(&k));
		if (!s) {
			wfc_errf(err, errlen, "part %ld of '%s' has no key '%s'", i, base,
			       wfc_buf_str(&k));
			e->kind = WFC_KUBE_EBAD_RESPONSE;
			if (part != cm)
				cJSON_Delete(part);
			goto err_out;
		}
		wfc_buf_puts(&b, s);
		if (part != cm)
			cJSON_Delete(part);
	}
	cJSON_Delete(cm);
	wfc_buf_free(&k);
	wfc_buf_str(&b);
	*text = b.s;
	return 0;
err_out:
	cJSON_Delete(cm);
	wfc_buf_free(&b);
	wfc_buf_free(&k);
	return -1;
}

/* Bytes of text from off that fit in a part, not cutting a UTF-8
 * character (a ConfigMap's data holds UTF-8 strings). */
static size_t part_len(const char *text, size_t len, size_t off)
{
	size_t n = len - off;
	if (n <= WFC_STORE_PART_MAX)
		return n;
	n = WFC_STORE_PART_MAX;
	while (n > 0 && ((unsigned char)text[off + n] & 0xC0) == 0x80)
		n--;
	return n;
}

static cJSON *configmap(const char *ns, const char *name, const cJSON *labels,
			const cJSON *owner)
{
	cJSON *cm = cJSON_CreateObject();
	cJSON_AddStringToObject(cm, "apiVersion", "v1");
	cJSON_AddStringToObject(cm, "kind", "ConfigMap");
	cJSON *meta = cJSON_AddObjectToObject(cm, "metadata");
	cJSON_AddStringToObject(meta, "name", name);
	if (ns)
		cJSON_AddStringToObject(meta, "namespace", ns);
	if (labels)
		cJSON_AddItemToObject(meta, "labels", cJSON_Duplicate(labels, true));
	if (owner)
		wfc_kube_add_owner(cm, owner);
	cJSON_AddObjectToObject(cm, "data");
	return cm;
}

int wfc_store_write(struct wfc_kube *c, const char *ns, const char *base, const char *key,
		    const char *text, const cJSON *labels, const cJSON *owner, char *err,
		    size_t errlen)
{
	size_t len = strlen(text);
	size_t nparts = 0;
	for (size_t off = 0; off < len || nparts == 0;) {
		off += part_len(text, len, off);
		nparts++;
		if (len == 0)
			break;
	}
	struct wfc_kube_error e;
	struct wfc_buf name = { 0 }, k = { 0 };
	int rc = 0;
	size_t off = 0;
	for (size_t i = 0; i < nparts && rc == 0; i++) {
		wfc_buf_reset(&name);
		wfc_buf_reset(&k);
		if (i == 0)
			wfc_buf_puts(&name, base);
		else
			wfc_buf_printf(&name, "%s-%zu", base, i);
		cJSON *cm = configmap(ns, wfc_buf_str(&name), labels, owner);
		cJSON *data = cJSON_GetObjectItemCaseSensitive(cm, "data");
		size_t n = part_len(text, len, off);
		char *chunk = wfc_xmalloc(n + 1);
		memcpy(chunk, text + off, n);
		chunk[n] = 0;
		off += n;
		if (nparts == 1) {
			cJSON_AddStringToObject(data, key, chunk);
		} else {
			if (i == 0) {
				char count[24];
				snprintf(count, sizeof(count), "%zu", nparts);
				cJSON_AddStringToObject(data, "parts", count);
			}
			wfc_buf_printf(&k, "%s.%zu", key, i);
			cJSON_AddStringToObject(data, wfc_buf_str(&k), chunk);
		}
		free(chunk);
		if (wfc_kube_apply(c, CM(), ns, cm, true, NULL, &e) != 0) {
			wfc_errf(err, errlen, "cannot write ConfigMap '%s': %s", wfc_buf_str(&name),
			       e.message);
			rc = -1;
		}
		cJSON_Delete(cm);
	}
	/* parts a longer text needed before */
	for (size_t i = nparts ? nparts : 1; rc == 0; i++) {
		wfc_buf_reset(&name);
		wfc_buf_printf(&name, "%s-%zu", base, i);
		if (wfc_kube_delete(c, CM(), ns, wfc_buf_str(&name), NULL, NULL, &e) != 0)
			break;
	}
	wfc_buf_free(&name);
	wfc_buf_free(&k);
	return rc;
}
