/* wfc-exec: the static program an init container copies into a step's pod
 * (wfc install), run there as "/wfc-bin/wfc exec ...". It holds only the
 * exec command, so it links with libc alone and runs in any image. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("wfc %s (exec only)\n", WFC_VERSION);
		return WFC_EXIT_OK;
	}
	if (argc < 2 || strcmp(argv[1], "exec") != 0) {
		wfc_cli_error("this is the output wrapper of wfc: only 'exec' is here");
		fputs("usage: wfc exec [--output NAME=PATH]... -- COMMAND [ARG...]\n", stderr);
		return WFC_EXIT_USAGE;
	}
	return wfc_cmd_exec(argc - 1, argv + 1);
}
