/*
 * bench_floor_libyaml FILE: the parse-only floor. Reads FILE with libyaml's
 * event parser until STREAM-END and prints the number of events. Exits 1 on
 * a parse error (reported on stderr) and 2 on bad usage.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

int main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t event;
	unsigned long long count = 0;
	int done = 0, ret = 0;
	FILE *f;

	if (argc != 2) {
		fputs("usage: bench_floor_libyaml FILE\n", stderr);
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		fprintf(stderr, "bench_floor_libyaml: %s: %s\n", argv[1],
			strerror(errno));
		return 1;
	}
	if (!yaml_parser_initialize(&parser)) {
		fputs("bench_floor_libyaml: out of memory\n", stderr);
		fclose(f);
		return 1;
	}
	yaml_parser_set_input_file(&parser, f);

	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s:%zu:%zu: error: %s%s%s\n", argv[1],
				parser.problem_mark.line + 1,
				parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "parse error",
				parser.context ? " " : "",
				parser.context ? parser.context : "");
			ret = 1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		count++;
		yaml_event_delete(&event);
	}

	yaml_parser_delete(&parser);
	if (fclose(f) != 0 && ret == 0) {
		fprintf(stderr, "bench_floor_libyaml: %s: %s\n", argv[1],
			strerror(errno));
		ret = 1;
	}
	if (ret == 0) {
		printf("%llu\n", count);
		if (fflush(stdout) != 0) {
			perror("bench_floor_libyaml: write");
			ret = 1;
		}
	}
	return ret;
}
