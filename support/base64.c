#include "support/base64.h"

#include <stdint.h>

#include "support/xalloc.h"

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *wfc_base64_encode(const void *data, size_t len)
{
	const unsigned char *p = data;
	char *out = wfc_xmalloc((len + 2) / 3 * 4 + 1), *o = out;
	size_t i = 0;

	for (; i + 2 < len; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		*o++ = alphabet[v >> 18 & 63];
		*o++ = alphabet[v >> 12 & 63];
		*o++ = alphabet[v >> 6 & 63];
		*o++ = alphabet[v & 63];
	}
	if (i < len) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)p[i + 1] << 8;
		*o++ = alphabet[v >> 18 & 63];
		*o++ = alphabet[v >> 12 & 63];
		*o++ = i + 1 < len ? alphabet[v >> 6 & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

static int value_of(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

char *wfc_base64_decode(const char *s, size_t len, size_t *outlen)
{
	char *out = wfc_xmalloc(len / 4 * 3 + 4), *o = out;
	uint32_t acc = 0;
	size_t n = 0, pad = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
			continue;
		if (c == '=') {
			pad++;
			continue;
		}
		int v = value_of(c);
		if (v < 0 || pad)
			goto err_out;
		acc = acc << 6 | (uint32_t)v;
		if (++n % 4 == 0) {
			*o++ = (char)(acc >> 16);
			*o++ = (char)(acc >> 8);
			*o++ = (char)acc;
			acc = 0;
		}
	}
	switch (n % 4) {
	case 1:
		goto err_out;
	case 2:
		*o++ = (char)(acc >> 4);
		break;
	case 3:
		*o++ = (char)(acc >> 10);
		*o++ = (char)(acc >> 2);
		break;
	}
	if (pad > 2 || (pad && (n + pad) % 4))
		goto err_out;
	*o = '\0';
	if (outlen)
		*outlen = (size_t)(o - out);
	return out;
err_out:
	free(out);
	return NULL;
}
