/*
 * bench_gen: deterministic generator of large Argo Workflows for the
 * benchmarks.
 *
 *   bench_gen dag N [SEED]    a Workflow whose entrypoint is a DAG of N tasks
 *   bench_gen items N [SEED]  a Workflow with one step looping over N items
 *   bench_gen chain N         a steps Workflow of N groups of one step each,
 *                             each running `true`
 *   bench_gen fanout N        a Workflow with one step running `true` for
 *                             each of N items (withItems)
 *
 * The YAML goes to stdout, block style with a 2-space indent, as a person
 * would write it. The output depends only on the arguments: the random
 * choices come from a splitmix64 generator with a fixed default seed.
 *
 * DAG shape: task-00000 .. task-<N-1>; every task after the first lists 1-3
 * distinct earlier tasks in `dependencies`, mostly among the 32 tasks just
 * before it (so the graph is deep, like a real pipeline) and sometimes any
 * earlier task (long edges). Each task calls one of 20 container templates
 * tmpl-0 .. tmpl-19 (the first 20 tasks call each one once, so none is
 * unused) and passes the template's three input parameters p0, p1, p2.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SEED	UINT64_C(0x5eed0f0a26015eed)
#define NTEMPLATES	20
#define MAX_DEPS	3
#define NEAR_WINDOW	32
#define MAX_COUNT	100000000L

struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0; the modulo bias is irrelevant here. */
static unsigned long rng_below(struct rng *r, unsigned long n)
{
	return (unsigned long)(rng_next(r) % n);
}

static int digits(long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static const char *const images[] = {
	"alpine:3.19",
	"alpine:3.20",
	"busybox:1.36",
	"python:3.12-alpine",
	"debian:bookworm-slim",
};

static const char *const words[] = {
	"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
	"hotel", "india", "juliett", "kilo", "lima", "mike", "november",
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static void header(FILE *out, const char *generate_name)
{
	fputs("apiVersion: argoproj.io/v1alpha1\n"
	      "kind: Workflow\n"
	      "metadata:\n", out);
	fprintf(out, "  generateName: %s\n", generate_name);
	fputs("  labels:\n"
	      "    app.kubernetes.io/part-of: wfc-bench\n"
	      "spec:\n"
	      "  entrypoint: main\n", out);
}

static void container_template(FILE *out, struct rng *r, int t)
{
	fprintf(out, "\n  - name: tmpl-%d\n", t);
	fputs("    inputs:\n"
	      "      parameters:\n"
	      "      - name: p0\n"
	      "      - name: p1\n"
	      "      - name: p2\n", out);
	fputs("    container:\n", out);
	fprintf(out, "      image: %s\n",
		images[rng_below(r, ARRAY_SIZE(images))]);
	fputs("      command: [sh, -c]\n", out);
	switch (t % 3) {
	case 0:
		fputs("      args:\n"
		      "      - |\n"
		      "        echo \"step {{inputs.parameters.p0}}\"\n"
		      "        echo \"input {{inputs.parameters.p1}}\"\n"
		      "        sleep {{inputs.parameters.p2}}\n", out);
		break;
	case 1:
		fputs("      args: [\"echo {{inputs.parameters.p0}} "
		      "{{inputs.parameters.p1}} {{inputs.parameters.p2}}\"]\n",
		      out);
		break;
	default:
		fputs("      args:\n"
		      "      - >-\n"
		      "        printf '%s %s %s\\n'\n"
		      "        '{{inputs.parameters.p0}}'\n"
		      "        '{{inputs.parameters.p1}}'\n"
		      "        '{{inputs.parameters.p2}}'\n", out);
		break;
	}
	if (t % 2 == 0)
		fputs("      resources:\n"
		      "        requests:\n"
		      "          cpu: 100m\n"
		      "          memory: 64Mi\n", out);
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static void gen_dag(FILE *out, long n, uint64_t seed)
{
	struct rng r = { seed };
	int w = digits(n - 1) > 5 ? digits(n - 1) : 5;
	int ntmpl = n < NTEMPLATES ? (int)n : NTEMPLATES;
	char gname[64];

	snprintf(gname, sizeof(gname), "bench-dag-%ld-", n);
	header(out, gname);
	fputs("  arguments:\n"
	      "    parameters:\n"
	      "    - name: greeting\n"
	      "      value: hello\n"
	      "  templates:\n"
	      "  - name: main\n"
	      "    dag:\n"
	      "      tasks:\n", out);

	for (long i = 0; i < n; i++) {
		long deps[MAX_DEPS];
		int ndeps = 0;
		long t;

		fprintf(out, "      - name: task-%0*ld\n", w, i);
		if (i > 0) {
			int want = 1 + (int)rng_below(&r, MAX_DEPS);

			if (want > i)
				want = (int)i;
			while (ndeps < want) {
				long d;
				int dup = 0;

				if (rng_below(&r, 4) != 0) {
					long span = i < NEAR_WINDOW ? i : NEAR_WINDOW;

					d = i - 1 - (long)rng_below(&r, (unsigned long)span);
				} else {
					d = (long)rng_below(&r, (unsigned long)i);
				}
				for (int k = 0; k < ndeps; k++)
					dup |= deps[k] == d;
				if (!dup)
					deps[ndeps++] = d;
			}
			qsort(deps, (size_t)ndeps, sizeof(deps[0]), cmp_long);
			fputs("        dependencies: [", out);
			for (int k = 0; k < ndeps; k++)
				fprintf(out, "%stask-%0*ld", k ? ", " : "", w,
					deps[k]);
			fputs("]\n", out);
		}
		t = i < ntmpl ? i : (long)rng_below(&r, NTEMPLATES);
		fprintf(out, "        template: tmpl-%ld\n", t);
		fputs("        arguments:\n"
		      "          parameters:\n", out);

		fputs("          - name: p0\n"
		      "            value: ", out);
		switch (rng_below(&r, 4)) {
		case 0:
			fputs("\"{{workflow.parameters.greeting}}\"\n", out);
			break;
		case 1:
			fprintf(out, "\"{{workflow.parameters.greeting}} from task-%0*ld\"\n",
				w, i);
			break;
		default:
			fprintf(out, "task-%0*ld\n", w, i);
			break;
		}
		fprintf(out, "          - name: p1\n"
			     "            value: %s-%lu\n",
			words[rng_below(&r, ARRAY_SIZE(words))],
			rng_below(&r, 1000));
		fprintf(out, "          - name: p2\n"
			     "            value: \"%lu\"\n", rng_below(&r, 10));
	}

	for (int k = 0; k < ntmpl; k++)
		container_template(out, &r, k);
}

static void gen_items(FILE *out, long n)
{
	int w = digits(n - 1) > 6 ? digits(n - 1) : 6;
	char gname[64];

	snprintf(gname, sizeof(gname), "bench-items-%ld-", n);
	header(out, gname);
	fputs("  templates:\n"
	      "  - name: main\n"
	      "    steps:\n"
	      "    - - name: echo-each\n"
	      "        template: echo\n"
	      "        arguments:\n"
	      "          parameters:\n"
	      "          - name: msg\n"
	      "            value: \"{{item}}\"\n"
	      "        withItems:\n", out);
	for (long i = 0; i < n; i++)
		fprintf(out, "        - item-%0*ld\n", w, i);
	fputs("\n"
	      "  - name: echo\n"
	      "    inputs:\n"
	      "      parameters:\n"
	      "      - name: msg\n"
	      "    container:\n"
	      "      image: alpine:3.19\n"
	      "      command: [sh, -c]\n"
	      "      args: [\"echo {{inputs.parameters.msg}}\"]\n", out);
}

/*
 * The container template both chain and fanout call: runs `true` (quoted:
 * YAML 1.1 reads a bare true as a boolean, which wfc rightly refuses).
 */
static void true_template(FILE *out)
{
	fputs("\n"
	      "  - name: noop\n"
	      "    container:\n"
	      "      image: alpine:3.19\n"
	      "      command: [\"true\"]\n", out);
}

static void gen_chain(FILE *out, long n)
{
	int w = digits(n - 1) > 5 ? digits(n - 1) : 5;
	char gname[64];

	snprintf(gname, sizeof(gname), "bench-chain-%ld-", n);
	header(out, gname);
	fputs("  templates:\n"
	      "  - name: main\n"
	      "    steps:\n", out);
	for (long i = 0; i < n; i++)
		fprintf(out, "    - - name: step-%0*ld\n"
			     "        template: noop\n", w, i);
	true_template(out);
}

static void gen_fanout(FILE *out, long n)
{
	int w = digits(n - 1) > 5 ? digits(n - 1) : 5;
	char gname[64];

	snprintf(gname, sizeof(gname), "bench-fanout-%ld-", n);
	header(out, gname);
	fputs("  templates:\n"
	      "  - name: main\n"
	      "    steps:\n"
	      "    - - name: each\n"
	      "        template: noop\n"
	      "        withItems:\n", out);
	for (long i = 0; i < n; i++)
		fprintf(out, "        - item-%0*ld\n", w, i);
	true_template(out);
}

static int parse_ulong(const char *s, int base, unsigned long long max,
		       unsigned long long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, base);
	if (errno || *end || *v > max)
		return -1;
	return 0;
}

static void usage(FILE *f)
{
	fputs("usage: bench_gen dag N [SEED]\n"
	      "       bench_gen items N [SEED]\n"
	      "       bench_gen chain N\n"
	      "       bench_gen fanout N\n"
	      "Writes a deterministic Argo Workflow to stdout: a DAG of N tasks,\n"
	      "one step with withItems of N items, a sequence of N steps running\n"
	      "`true`, or one step running `true` for each of N items.\n", f);
}

int main(int argc, char **argv)
{
	unsigned long long n, seed = DEFAULT_SEED;
	static char buf[1 << 16];

	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc < 3 || argc > 4) {
		usage(stderr);
		return 2;
	}
	if (parse_ulong(argv[2], 10, MAX_COUNT, &n) || n == 0) {
		fprintf(stderr, "bench_gen: N must be an integer in 1..%ld\n",
			MAX_COUNT);
		return 2;
	}
	if (argc == 4 && parse_ulong(argv[3], 0, UINT64_MAX, &seed)) {
		fprintf(stderr, "bench_gen: bad SEED '%s'\n", argv[3]);
		return 2;
	}
	if (setvbuf(stdout, buf, _IOFBF, sizeof(buf)) != 0) {
		perror("bench_gen: setvbuf");
		return 1;
	}

	if (!strcmp(argv[1], "dag")) {
		gen_dag(stdout, (long)n, (uint64_t)seed);
	} else if (!strcmp(argv[1], "items")) {
		gen_items(stdout, (long)n);
	} else if (!strcmp(argv[1], "chain") && argc == 3) {
		gen_chain(stdout, (long)n);
	} else if (!strcmp(argv[1], "fanout") && argc == 3) {
		gen_fanout(stdout, (long)n);
	} else {
		usage(stderr);
		return 2;
	}

	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("bench_gen: write");
		return 1;
	}
	return 0;
}
