#include "frontend/input.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WFC_STDIN_NAME "<stdin>"

static void io_error(struct wfc_diags *d, const char *path, const char *what)
{
	struct wfc_pos p = { NULL, 0, 0 };
	wfc_diag_add(d, WFC_ERROR, WFC_RULE_io, p, "cannot read '%s': %s", path, what);
}

static void too_big(struct wfc_diags *d, const char *path, size_t max)
{
	struct wfc_pos p = { NULL, 0, 0 };
	wfc_diag_add(d, WFC_ERROR, WFC_RULE_limit, p,
		     "'%s' is larger than the input limit of %zu bytes", path, max);
}

/* Reads all of fd, at most max bytes; returns NULL on error (errno set) or
 * with *over when the input is larger. */
static char *read_fd(int fd, size_t max, size_t *len, bool *over)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	*over = false;
	if (!buf)
		return NULL;
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				*over = true;
				break;
			}
			cap *= 2;
			char *nb = realloc(buf, cap + 1);
			if (!nb)
				goto err_out;
			buf = nb;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			goto err_out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			*over = true;
			break;
		}
	}
	if (*over) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
err_out:
	free(buf);
	return NULL;
}

static size_t read_file(struct wfc_diags *d, const char *path, size_t max,
			wfc_input_fn fn, void *user)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		io_error(d, path, strerror(errno));
		return 1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		close(fd);
		too_big(d, path, max);
		return 1;
	}
	size_t len = 0;
	bool over;
	char *text = read_fd(fd, max, &len, &over);
	int err = errno;
	close(fd);
	if (!text) {
		if (over)
			too_big(d, path, max);
		else
			io_error(d, path, strerror(err));
		return 1;
	}
	fn(user, path, text, len);
	return 0;
}

static bool wanted(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
	       (n > 5 && strcmp(name + n - 5, ".json") == 0);
}

static size_t read_dir(struct wfc_diags *d, const char *path, size_t max,
		       wfc_input_fn fn, void *user, unsigned depth)
{
	if (depth > 64) {
		io_error(d, path, "directories nested too deep");
		return 1;
	}
	struct dirent **ents = NULL;
	int n = scandir(path, &ents, NULL, alphasort);
	if (n < 0) {
		io_error(d, path, strerror(errno));
		return 1;
	}
	size_t fails = 0;
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		if (name[0] == '.') {
			free(ents[i]);
			continue;
		}
		size_t plen = strlen(path);
		char *sub = malloc(plen + strlen(name) + 2);
		if (!sub)
			abort();
		sprintf(sub, "%s%s%s", path, plen && path[plen - 1] == '/' ? "" : "/", name);
		struct stat st;
		if (stat(sub, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				fails += read_dir(d, sub, max, fn, user, depth + 1);
			else if (S_ISREG(st.st_mode) && wanted(name))
				fails += read_file(d, sub, max, fn, user);
		}
		free(sub);
		free(ents[i]);
	}
	free(ents);
	return fails;
}

size_t wfc_read_path(struct wfc_diags *d, const char *path, size_t max_size,
		     wfc_input_fn fn, void *user)
{
	if (strcmp(path, "-") == 0) {
		size_t len = 0;
		bool over;
		char *text = read_fd(STDIN_FILENO, max_size, &len, &over);
		if (!text) {
			if (over)
				too_big(d, WFC_STDIN_NAME, max_size);
			else
				io_error(d, WFC_STDIN_NAME, strerror(errno));
			return 1;
		}
		fn(user, WFC_STDIN_NAME, text, len);
		return 0;
	}
	struct stat st;
	if (stat(path, &st) != 0) {
		io_error(d, path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return read_dir(d, path, max_size, fn, user, 0);
	return read_file(d, path, max_size, fn, user);
}
