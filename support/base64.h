/* Base64, standard alphabet (RFC 4648): kubeconfig's *-data fields, basic
 * auth, ExecCredential's cluster info. */
#ifndef WFC_BASE64_H
#define WFC_BASE64_H
#include <stddef.h>

/* The encoding of data, padded, NUL-terminated; the caller frees it. */
char *wfc_base64_encode(const void *data, size_t len);
/* The bytes s[0..len) encode, NUL-terminated (*outlen excludes the NUL),
 * or NULL when s holds a character outside the alphabet or a bad length.
 * Whitespace (line breaks) is skipped and padding is optional, as Go's
 * decoder of kubeconfig fields accepts. The caller frees the result. */
char *wfc_base64_decode(const char *s, size_t len, size_t *outlen);

#endif
