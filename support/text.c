#include "support/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

/* Whether the text before end ends with "steps" or "tasks". */
static bool after_node_root(const char *text, const char *end)
{
	return end - text >= 5 && (memcmp(end - 5, "steps", 5) == 0 ||
				   memcmp(end - 5, "tasks", 5) == 0);
}

void wfc_result_refs(const char *text, void (*fn)(void *ctx, const char *name, size_t len),
		     void *ctx)
{
	static const char needle[] = ".outputs.result";
	const size_t nl = sizeof(needle) - 1;
	for (const char *q = text ? strstr(text, needle) : NULL; q; q = strstr(q + nl, needle)) {
		if (ident_char(q[nl]))
			continue; /* .outputs.resultX */
		const char *e = q, *b;
		if (e > text && e[-1] == ']') {
			/* steps['NAME'] / steps["NAME"] */
			char quote = e - text >= 2 ? e[-2] : 0;
			b = e - 2;
			if (quote == '\'' || quote == '"') {
				while (b > text && b[-1] != quote)
					b--;
				if (b > text + 1 && b[-2] == '[' && after_node_root(text, b - 2)) {
					fn(ctx, b, (size_t)(e - 2 - b));
					continue;
				}
			}
			fn(ctx, NULL, 0);
			continue;
		}
		for (b = e; b > text && ident_char(b[-1]); b--)
			;
		if (b < e && b > text && b[-1] == '.' && after_node_root(text, b - 1))
			fn(ctx, b, (size_t)(e - b));
		else
			fn(ctx, NULL, 0);
	}
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

bool wfc_parse_go_duration(const char *s, double *seconds)
{
	const char *p = s;
	double total = 0;
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (strcmp(p, "0") == 0) {
		*seconds = 0;
		return true;
	}
	if (!*p)
		return false;
	while (*p) {
		const char *start = p;
		double v = 0, scale = 1;
		bool digits = false;
		while (*p >= '0' && *p <= '9')
			v = v * 10 + (*p++ - '0'), digits = true;
		if (*p == '.') {
			p++;
			while (*p >= '0' && *p <= '9')
				v += (*p++ - '0') * (scale /= 10), digits = true;
		}
		if (!digits || p == start)
			return false;
		double unit;
		if (strncmp(p, "ns", 2) == 0)
			unit = 1e-9, p += 2;
		else if (strncmp(p, "us", 2) == 0)
			unit = 1e-6, p += 2;
		else if (strncmp(p, "\xc2\xb5s", 3) == 0 || strncmp(p, "\xce\xbcs", 3) == 0)
			unit = 1e-6, p += 3;
		else if (strncmp(p, "ms", 2) == 0)
			unit = 1e-3, p += 2;
		else if (*p == 's')
			unit = 1, p++;
		else if (*p == 'm')
			unit = 60, p++;
		else if (*p == 'h')
			unit = 3600, p++;
		else
			return false;
		total += v * unit;
	}
	*seconds = neg ? -total : total;
	return true;
}

long wfc_deadline_seconds(const char *active_deadline, const char *timeout)
{
	long best = -1;
	if (active_deadline) {
		char *end;
		long s = strtol(active_deadline, &end, 10);
		if (end != active_deadline && !*end && s > 0)
			best = s;
	}
	double sec;
	if (timeout && wfc_parse_go_duration(timeout, &sec) && sec > 0) {
		long s = sec >= 1e15 ? (long)1e15 : (long)ceil(sec);
		if (best < 0 || s < best)
			best = s;
	}
	return best;
}

/* RFC 3339 (what metav1.Time marshals to) as seconds since the epoch */
int wfc_rfc3339_parse(const char *s, double *out)
{
	struct tm tm = { 0 };
	int n = 0;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 || !n)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	const char *p = s + n;
	double frac = 0;
	if (*p == '.') {
		char *end;
		frac = strtod(p, &end);
		p = end;
	}
	long off = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int hh, mm;
		if (sscanf(p + 1, "%2d:%2d", &hh, &mm) != 2)
			return -1;
		off = (hh * 3600L + mm * 60L) * (*p == '-' ? -1 : 1);
		p += 6;
	} else {
		return -1;
	}
	if (*p)
		return -1;
	time_t t = timegm(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = (double)t - (double)off + frac;
	return 0;
}

void wfc_rfc3339_format(double t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
