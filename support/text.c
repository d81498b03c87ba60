#include "support/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool wfc_tag_find(const char *p, const char **open, const char **close)
{
	const char *o = p ? strstr(p, "{{") : NULL;
	const char *c = o ? strstr(o + 2, "}}") : NULL;
	if (!c)
		return false;
	*open = o;
	*close = c;
	return true;
}

bool wfc_has_tag(const char *s)
{
	const char *o, *c;
	return wfc_tag_find(s, &o, &c);
}

bool wfc_is_int_text(const char *s, bool signed_ok)
{
	if (signed_ok && (*s == '-' || *s == '+'))
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

void wfc_errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}
