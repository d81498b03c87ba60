/* wfc install DEST: copies the static output wrapper (wfc-exec, beside this
 * program) to DEST. The init container that 'wfc compile' adds to a step
 * with several output parameters runs it from the runtime image, so the
 * step's own image needs nothing of wfc. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "support/buf.h"

struct install_opts {
	const char *from;
};

#define OFF(field) offsetof(struct install_opts, field)

static const struct wfc_cli_opt install_opts[] = {
	{ .name = "from", .type = WFC_CLI_STRING, .offset = OFF(from), .metavar = "PATH",
	  .help = "the wrapper to copy (default: wfc-exec in the directory of this program)" },
};

const struct wfc_cli_spec wfc_install_spec = {
	.name = "install",
	.operands = "DEST",
	.summary = "copy the output wrapper to DEST (inside a pod, from the runtime image)",
	.description =
		"Copies the static program that runs 'wfc exec' to DEST, executable\n"
		"by everyone, replacing DEST atomically. 'wfc compile' emits an init\n"
		"container running 'wfc install /wfc-bin/wfc' for each step whose\n"
		"outputs need the wrapper.\n",
	.opts = install_opts,
	.nopts = sizeof(install_opts) / sizeof(install_opts[0]),
	.epilogue =
		"exit status:\n"
		"  0  copied\n"
		"  1  the copy failed\n"
		"  2  wrong options\n",
};

static int copy_fd(int in, int out)
{
	char buf[65536];
	for (;;) {
		ssize_t r = read(in, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
		for (ssize_t off = 0; off < r;) {
			ssize_t w = write(out, buf + off, (size_t)(r - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				return -1;
			off += w;
		}
	}
}

int wfc_cmd_install(int argc, char **argv)
{
	struct install_opts o = { 0 };
	struct wfc_buf from = { 0 }, tmp = { 0 };
	int nops = 0, rc = WFC_EXIT_USAGE, in = -1, out = -1;

	switch (wfc_cli_parse(&wfc_install_spec, argc, argv, &o, &nops)) {
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, &wfc_install_spec, NULL);
		rc = WFC_EXIT_OK;
		goto err_out;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, &wfc_install_spec);
		goto err_out;
	case WFC_CLI_OK:
		break;
	}
	if (nops != 1) {
		wfc_cli_error(nops ? "'install' takes one destination, not %d" : "no destination given",
			      nops);
		wfc_cli_usage_hint(stderr, &wfc_install_spec);
		goto err_out;
	}
	const char *dest = argv[0];
	if (o.from) {
		wfc_buf_puts(&from, o.from);
	} else {
		char self[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n < 0) {
			wfc_cli_error("cannot find this program's directory: %s; give '--from'",
				      strerror(errno));
			rc = WFC_EXIT_FINDINGS;
			goto err_out;
		}
		self[n] = 0;
		wfc_buf_printf(&from, "%s/wfc-exec", dirname(self));
	}
	rc = WFC_EXIT_FINDINGS;
	in = open(wfc_buf_str(&from), O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		wfc_cli_error("cannot read '%s': %s", wfc_buf_str(&from), strerror(errno));
		goto err_out;
	}
	wfc_buf_printf(&tmp, "%s.tmp.%ld", dest, (long)getpid());
	out = open(wfc_buf_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
	if (out < 0) {
		wfc_cli_error("cannot write '%s': %s", wfc_buf_str(&tmp), strerror(errno));
		goto err_out;
	}
	if (copy_fd(in, out) != 0 || fchmod(out, 0755) != 0 || close(out) != 0) {
		out = -1;
		wfc_cli_error("cannot write '%s': %s", wfc_buf_str(&tmp), strerror(errno));
		unlink(wfc_buf_str(&tmp));
		goto err_out;
	}
	out = -1;
	if (rename(wfc_buf_str(&tmp), dest) != 0) {
		wfc_cli_error("cannot install '%s': %s", dest, strerror(errno));
		unlink(wfc_buf_str(&tmp));
		goto err_out;
	}
	rc = WFC_EXIT_OK;
err_out:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	wfc_buf_free(&from);
	wfc_buf_free(&tmp);
	wfc_cli_free(&wfc_install_spec, &o);
	return rc;
}
