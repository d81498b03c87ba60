/*
 * bench_floor_fyaml_doc FILE: the document-tree floor. Loads every document
 * of FILE into a libfyaml document tree (fy_parse_load_document in a loop,
 * which is what fy_document_build_from_file does for one document) and
 * prints the total number of nodes. Exits 1 on a parse error (libfyaml
 * reports it on stderr) and 2 on bad usage.
 */
#include <stdio.h>

#include <libfyaml.h>

/* Nodes in the tree under fyn; libfyaml's depth limit bounds the recursion. */
static unsigned long long count_nodes(struct fy_node *fyn)
{
	unsigned long long n = 1;
	struct fy_node_pair *fynp;
	struct fy_node *child;
	void *iter = NULL;

	if (!fyn)
		return 0;
	switch (fy_node_get_type(fyn)) {
	case FYNT_SEQUENCE:
		while ((child = fy_node_sequence_iterate(fyn, &iter)) != NULL)
			n += count_nodes(child);
		break;
	case FYNT_MAPPING:
		while ((fynp = fy_node_mapping_iterate(fyn, &iter)) != NULL) {
			n += count_nodes(fy_node_pair_key(fynp));
			n += count_nodes(fy_node_pair_value(fynp));
		}
		break;
	default:
		break;
	}
	return n;
}

int main(int argc, char **argv)
{
	struct fy_parse_cfg cfg = { .flags = FYPCF_DEFAULT_PARSE };
	unsigned long long nodes = 0;
	struct fy_document *fyd;
	struct fy_parser *fyp;
	int ret = 0;

	if (argc != 2) {
		fputs("usage: bench_floor_fyaml_doc FILE\n", stderr);
		return 2;
	}
	fyp = fy_parser_create(&cfg);
	if (!fyp) {
		fputs("bench_floor_fyaml_doc: cannot create parser\n", stderr);
		return 1;
	}
	if (fy_parser_set_input_file(fyp, argv[1]) != 0) {
		fprintf(stderr, "bench_floor_fyaml_doc: %s: cannot open\n",
			argv[1]);
		fy_parser_destroy(fyp);
		return 1;
	}

	while ((fyd = fy_parse_load_document(fyp)) != NULL) {
		nodes += count_nodes(fy_document_root(fyd));
		fy_parse_document_destroy(fyp, fyd);
	}
	if (fy_parser_get_stream_error(fyp)) {
		fprintf(stderr, "bench_floor_fyaml_doc: %s: failed to load\n",
			argv[1]);
		ret = 1;
	}
	fy_parser_destroy(fyp);

	if (ret == 0) {
		printf("%llu\n", nodes);
		if (fflush(stdout) != 0) {
			perror("bench_floor_fyaml_doc: write");
			ret = 1;
		}
	}
	return ret;
}
