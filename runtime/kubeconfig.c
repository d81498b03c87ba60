/* kubeconfig files and the in-cluster config (runtime/kubeconfig.h). */
#include <cjson/cJSON.h>
#include <errno.h>
#include <libfyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/kubeconfig.h"
#include "support/base64.h"
#include "support/buf.h"
#include "support/text.h"
#include "support/xalloc.h"

/* no kubeconfig, certificate or token is anywhere near this */
#define FILE_MAX ((size_t)16 << 20)

#define EXEC_EXTENSION "client.authentication.k8s.io/exec"

struct kfile {
	char *path;
	char *dir;                /* absolute directory of path */
	char *text;
	size_t len;
	struct fy_document *doc;
};

struct named {
	char *name;
	struct fy_node *node;     /* the cluster / user / context mapping */
	struct kfile *f;
	unsigned line;
};

struct table {
	struct named *v;
	size_t n, cap;
};

struct loader {
	const struct wfc_kubeconfig_opts *o;
	struct kfile **files;
	size_t nfiles;
	struct table clusters, users, contexts;
	char *current;            /* current-context of the first file setting it */
	struct kfile *current_f;
	char *err;
	size_t errlen;
};

/* --- reading files --- */

/* The whole file, NUL-terminated; NULL with errno set. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct wfc_buf b = { 0 };
	char chunk[65536];
	size_t n;

	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b.len + n > FILE_MAX) {
			fclose(fp);
			wfc_buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
		wfc_buf_add(&b, chunk, n);
	}
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		wfc_buf_free(&b);
		errno = EIO;
		return NULL;
	}
	*len = b.len;
	return b.s ? b.s : wfc_xstrdup("");
}

static char *abs_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct wfc_buf b = { 0 };

	if (path[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof(cwd)))
			wfc_buf_puts(&b, cwd);
		if (slash)
			wfc_buf_putc(&b, '/');
	}
	if (slash)
		wfc_buf_add(&b, path, (size_t)(slash - path) + (slash == path));
	if (!b.len)
		wfc_buf_puts(&b, ".");
	return b.s;
}

/* path relative to the file's directory, as client-go's ResolvePaths */
static char *resolve(const struct kfile *f, const char *path)
{
	if (path[0] == '/' || !f)
		return wfc_xstrdup(path);
	struct wfc_buf b = { 0 };
	wfc_buf_puts(&b, f->dir);
	if (b.len && b.s[b.len - 1] != '/')
		wfc_buf_putc(&b, '/');
	wfc_buf_puts(&b, path);
	return b.s;
}

/* --- YAML helpers --- */

static unsigned line_of(struct fy_node *n)
{
	if (!n)
		return 0;
	switch (fy_node_get_type(n)) {
	case FYNT_SCALAR: {
		const struct fy_mark *m = fy_token_start_mark(fy_node_get_scalar_token(n));
		return m ? (unsigned)m->line + 1 : 0;
	}
	case FYNT_MAPPING: {
		void *it = NULL;
		struct fy_node_pair *p = fy_node_mapping_iterate(n, &it);
		return p ? line_of(fy_node_pair_key(p)) : 0;
	}
	case FYNT_SEQUENCE: {
		void *it = NULL;
		return line_of(fy_node_sequence_iterate(n, &it));
	}
	}
	return 0;
}

static void fail(struct loader *l, const struct kfile *f, struct fy_node *n,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void fail(struct loader *l, const struct kfile *f, struct fy_node *n,
		 const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	unsigned line = line_of(n);
	if (f && line)
		wfc_errf(l->err, l->errlen, "kubeconfig '%s' line %u: %s", f->path, line, msg);
	else if (f)
		wfc_errf(l->err, l->errlen, "kubeconfig '%s': %s", f->path, msg);
	else
		wfc_errf(l->err, l->errlen, "%s", msg);
}

static bool is_null(struct fy_node *n)
{
	if (!n)
		return true;
	if (fy_node_get_type(n) != FYNT_SCALAR || fy_node_get_style(n) != FYNS_PLAIN)
		return false;
	size_t len;
	const char *s = fy_node_get_scalar(n, &len);
	return len == 0 || (len == 1 && s[0] == '~') ||
	       (len == 4 && (!strncmp(s, "null", 4) || !strncmp(s, "Null", 4) ||
			     !strncmp(s, "NULL", 4)));
}

/* The value of key in mapping m, or NULL (also for an explicit null). */
static struct fy_node *get(struct fy_node *m, const char *key)
{
	void *it = NULL;
	struct fy_node_pair *p;
	size_t klen = strlen(key);

	if (!m || fy_node_get_type(m) != FYNT_MAPPING)
		return NULL;
	while ((p = fy_node_mapping_iterate(m, &it))) {
		struct fy_node *k = fy_node_pair_key(p);
		size_t len;
		const char *s;
		if (fy_node_get_type(k) != FYNT_SCALAR)
			continue;
		s = fy_node_get_scalar(k, &len);
		if (s && len == klen && !memcmp(s, key, len)) {
			struct fy_node *v = fy_node_pair_value(p);
			return is_null(v) ? NULL : v;
		}
	}
	return NULL;
}

/* key's value as a string: 0 and *out NULL when absent, -1 when not a scalar */
static int get_str(struct loader *l, const struct kfile *f, struct fy_node *m,
		   const char *key, char **out)
{
	struct fy_node *v = get(m, key);
	*out = NULL;
	if (!v)
		return 0;
	if (fy_node_get_type(v) != FYNT_SCALAR) {
		fail(l, f, v, "'%s' must be a string", key);
		return -1;
	}
	size_t len;
	const char *s = fy_node_get_scalar(v, &len);
	*out = wfc_xmalloc(len + 1);
	memcpy(*out, s, len);
	(*out)[len] = '\0';
	return 0;
}

/* YAML 1.1 booleans, as go-yaml (and so kubectl) reads them */
static int get_bool(struct loader *l, const struct kfile *f, struct fy_node *m,
		    const char *key, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on", "y", NULL };
	static const char *const no[] = { "false", "no", "off", "n", NULL };
	struct fy_node *v = get(m, key);
	size_t len;
	const char *s;

	*out = false;
	if (!v)
		return 0;
	if (fy_node_get_type(v) == FYNT_SCALAR && fy_node_get_style(v) == FYNS_PLAIN) {
		s = fy_node_get_scalar(v, &len);
		for (int i = 0; yes[i]; i++)
			if (len == strlen(yes[i]) && !strncasecmp(s, yes[i], len)) {
				*out = true;
				return 0;
			}
		for (int i = 0; no[i]; i++)
			if (len == strlen(no[i]) && !strncasecmp(s, no[i], len))
				return 0;
	}
	fail(l, f, v, "'%s' must be true or false", key);
	return -1;
}

static void free_strv(char **v)
{
	for (char **p = v; p && *p; p++)
		free(*p);
	free(v);
}

/* --- loading and merging files --- */

static void kfile_free(struct kfile *f)
{
	if (!f)
		return;
	if (f->doc)
		fy_document_destroy(f->doc);
	free(f->path);
	free(f->dir);
	free(f->text);
	free(f);
}

static int parse_yaml(struct loader *l, struct kfile *f)
{
	struct fy_diag_cfg dc;
	fy_diag_cfg_default(&dc);
	dc.fp = NULL;
	dc.output_fn = NULL;
	struct fy_diag *diag = fy_diag_create(&dc);
	if (!diag)
		abort();
	fy_diag_set_collect_errors(diag, true);
	struct fy_parse_cfg cfg = {
		.flags = FYPCF_QUIET | FYPCF_SLOPPY_FLOW_INDENTATION,
		.diag = diag,
	};
	f->doc = fy_document_build_from_string(&cfg, f->text, f->len);
	int rc = 0;
	void *it = NULL;
	struct fy_diag_error *de = fy_diag_errors_iterate(diag, &it);
	/* no document and no error: nothing but space and comments */
	if ((f->doc || de) && (!f->doc || fy_document_resolve(f->doc))) {
		it = NULL;
		de = fy_diag_errors_iterate(diag, &it);
		if (de)
			wfc_errf(l->err, l->errlen, "kubeconfig '%s' line %d: %s",
				 f->path, de->line > 0 ? de->line : 1, de->msg);
		else
			wfc_errf(l->err, l->errlen, "kubeconfig '%s': invalid YAML", f->path);
		rc = -1;
	}
	fy_diag_destroy(diag);
	return rc;
}

static struct named *find(struct table *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].name, name))
			return &t->v[i];
	return NULL;
}

/* clusters / users / contexts: [{name, <field>: {...}}] */
static int read_table(struct loader *l, struct kfile *f, struct fy_node *root,
		      const char *key, const char *field, const char *what,
		      struct table *t)
{
	struct fy_node *seq = get(root, key);
	struct table mine = { 0 };
	int rc = -1;

	if (!seq)
		return 0;
	if (fy_node_get_type(seq) != FYNT_SEQUENCE) {
		fail(l, f, seq, "'%s' must be a list", key);
		return -1;
	}
	void *it = NULL;
	struct fy_node *e;
	while ((e = fy_node_sequence_iterate(seq, &it))) {
		char *name = NULL;
		if (fy_node_get_type(e) != FYNT_MAPPING) {
			fail(l, f, e, "an entry of '%s' must be a mapping", key);
			goto err_out;
		}
		if (get_str(l, f, e, "name", &name))
			goto err_out;
		if (!name) {
			fail(l, f, e, "a %s entry has no 'name'", what);
			goto err_out;
		}
		if (find(&mine, name)) {
			fail(l, f, get(e, "name"), "duplicate %s name '%s'", what, name);
			free(name);
			goto err_out;
		}
		struct fy_node *v = get(e, field);
		if (v && fy_node_get_type(v) != FYNT_MAPPING) {
			fail(l, f, v, "'%s' of %s '%s' must be a mapping", field, what, name);
			free(name);
			goto err_out;
		}
		if (mine.n == mine.cap) {
			mine.cap = mine.cap ? mine.cap * 2 : 8;
			mine.v = wfc_xrealloc(mine.v, mine.cap * sizeof(*mine.v));
		}
		mine.v[mine.n++] = (struct named){ name, v, f, line_of(get(e, "name")) };
	}
	/* the first file to name an entry supplies all of it */
	for (size_t i = 0; i < mine.n; i++) {
		if (find(t, mine.v[i].name)) {
			free(mine.v[i].name);
			continue;
		}
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 8;
			t->v = wfc_xrealloc(t->v, t->cap * sizeof(*t->v));
		}
		t->v[t->n++] = mine.v[i];
	}
	free(mine.v);
	return 0;
err_out:
	for (size_t i = 0; i < mine.n; i++)
		free(mine.v[i].name);
	free(mine.v);
	return rc;
}

/* Reads one file; 1 when it does not exist (skipped unless explicit). */
static int load_file(struct loader *l, const char *path, bool explicit)
{
	struct kfile *f = calloc(1, sizeof(*f));
	if (!f)
		abort();
	f->path = wfc_xstrdup(path);
	f->dir = abs_dir(path);
	f->text = slurp(path, &f->len);
	if (!f->text) {
		int e = errno;
		if (e == ENOENT && !explicit) {
			kfile_free(f);
			return 1;
		}
		if (e == ENOENT)
			wfc_errf(l->err, l->errlen, "kubeconfig '%s' does not exist", path);
		else if (e == EFBIG)
			wfc_errf(l->err, l->errlen, "kubeconfig '%s' is larger than %zu bytes",
				 path, FILE_MAX);
		else
			wfc_errf(l->err, l->errlen, "cannot read kubeconfig '%s': %s",
				 path, strerror(e));
		kfile_free(f);
		return -1;
	}
	l->files = wfc_xrealloc(l->files, (l->nfiles + 1) * sizeof(*l->files));
	l->files[l->nfiles++] = f;
	if (parse_yaml(l, f))
		return -1;
	struct fy_node *root = f->doc ? fy_document_root(f->doc) : NULL;
	if (is_null(root))
		return 0;  /* an empty file is an empty config, as kubectl has it */
	if (fy_node_get_type(root) != FYNT_MAPPING) {
		fail(l, f, root, "the document must be a mapping (a kubeconfig)");
		return -1;
	}
	if (read_table(l, f, root, "clusters", "cluster", "cluster", &l->clusters) ||
	    read_table(l, f, root, "users", "user", "user", &l->users) ||
	    read_table(l, f, root, "contexts", "context", "context", &l->contexts))
		return -1;
	char *cur = NULL;
	if (get_str(l, f, root, "current-context", &cur))
		return -1;
	if (cur && *cur && !l->current) {
		l->current = cur;
		l->current_f = f;
	} else {
		free(cur);
	}
	return 0;
}

/* The files to read, in order; *explicit when opts named one. */
static char **file_list(const struct wfc_kubeconfig_opts *o, bool *explicit,
			char **shown)
{
	char **v = NULL;
	size_t n = 0;
	struct wfc_buf sb = { 0 };

	*explicit = false;
	if (o->kubeconfig && *o->kubeconfig) {
		v = wfc_xmalloc(2 * sizeof(*v));
		v[n++] = wfc_xstrdup(o->kubeconfig);
		*explicit = true;
		wfc_buf_printf(&sb, "'%s'", o->kubeconfig);
	} else {
		const char *env = o->kubeconfig_env ? o->kubeconfig_env : getenv("KUBECONFIG");
		if (env && *env) {
			const char *p = env;
			while (*p) {
				size_t len = strcspn(p, ":");
				bool dup = false;
				for (size_t i = 0; i < n && !dup; i++)
					dup = strlen(v[i]) == len && !strncmp(v[i], p, len);
				if (len && !dup) {
					v = wfc_xrealloc(v, (n + 2) * sizeof(*v));
					v[n] = wfc_xmalloc(len + 1);
					memcpy(v[n], p, len);
					v[n++][len] = '\0';
				}
				p += len;
				if (*p == ':')
					p++;
			}
			wfc_buf_printf(&sb, "KUBECONFIG '%s'", env);
		} else {
			const char *home = o->home ? o->home : getenv("HOME");
			struct wfc_buf b = { 0 };
			wfc_buf_printf(&b, "%s/.kube/config", home && *home ? home : ".");
			v = wfc_xmalloc(2 * sizeof(*v));
			v[n++] = b.s;
			wfc_buf_printf(&sb, "'%s'", b.s);
		}
	}
	if (!v)
		v = wfc_xmalloc(sizeof(*v));
	v[n] = NULL;
	*shown = sb.s ? sb.s : wfc_xstrdup("");
	return v;
}

/* --- building the result --- */

/* data (base64) wins over the file, as in client-go */
static int read_material(struct loader *l, struct named *e, const char *file_key,
			 const char *data_key, char **out, size_t *outlen)
{
	char *data = NULL, *file = NULL;
	int rc = -1;

	*out = NULL;
	*outlen = 0;
	if (get_str(l, e->f, e->node, data_key, &data) ||
	    get_str(l, e->f, e->node, file_key, &file))
		goto err_out;
	if (data && *data) {
		*out = wfc_base64_decode(data, strlen(data), outlen);
		if (!*out) {
			fail(l, e->f, get(e->node, data_key), "'%s' is not valid base64",
			     data_key);
			goto err_out;
		}
	} else if (file && *file) {
		char *path = resolve(e->f, file);
		*out = slurp(path, outlen);
		if (!*out) {
			fail(l, e->f, get(e->node, file_key), "cannot read %s '%s': %s",
			     file_key, path, strerror(errno));
			free(path);
			goto err_out;
		}
		free(path);
	}
	rc = 0;
err_out:
	if (data)
		memset(data, 0, strlen(data));
	free(data);
	free(file);
	return rc;
}

/* A YAML node as JSON (plain scalars typed as go-yaml types them). */
static cJSON *to_json(struct fy_node *n)
{
	if (!n || is_null(n))
		return cJSON_CreateNull();
	switch (fy_node_get_type(n)) {
	case FYNT_MAPPING: {
		cJSON *o = cJSON_CreateObject();
		void *it = NULL;
		struct fy_node_pair *p;
		while ((p = fy_node_mapping_iterate(n, &it))) {
			size_t len;
			const char *k = fy_node_get_scalar(fy_node_pair_key(p), &len);
			char *key = wfc_xmalloc(len + 1);
			memcpy(key, k ? k : "", k ? len : 0);
			key[k ? len : 0] = '\0';
			cJSON_AddItemToObject(o, key, to_json(fy_node_pair_value(p)));
			free(key);
		}
		return o;
	}
	case FYNT_SEQUENCE: {
		cJSON *a = cJSON_CreateArray();
		void *it = NULL;
		struct fy_node *e;
		while ((e = fy_node_sequence_iterate(n, &it)))
			cJSON_AddItemToArray(a, to_json(e));
		return a;
	}
	case FYNT_SCALAR:
		break;
	}
	size_t len;
	const char *s = fy_node_get_scalar(n, &len);
	char *text = wfc_xmalloc(len + 1);
	memcpy(text, s, len);
	text[len] = '\0';
	cJSON *r = NULL;
	if (fy_node_get_style(n) == FYNS_PLAIN) {
		if (!strcmp(text, "true") || !strcmp(text, "false")) {
			r = cJSON_CreateBool(text[0] == 't');
		} else {
			char *end;
			double d = strtod(text, &end);
			if (len && *end == '\0' && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9')))
				r = cJSON_CreateNumber(d);
		}
	}
	if (!r)
		r = cJSON_CreateString(text);
	free(text);
	return r;
}

static int read_exec(struct loader *l, struct named *u, struct fy_node *x,
		     struct named *cluster, struct wfc_kube_exec **out)
{
	struct wfc_kube_exec *ex = calloc(1, sizeof(*ex));
	struct kfile *f = u->f;
	char *mode = NULL, *cmd = NULL;
	size_t n;

	if (!ex)
		abort();
	*out = NULL;
	if (fy_node_get_type(x) != FYNT_MAPPING) {
		fail(l, f, x, "'exec' of user '%s' must be a mapping", u->name);
		goto err_out;
	}
	if (get_str(l, f, x, "apiVersion", &ex->api_version) ||
	    get_str(l, f, x, "command", &cmd) ||
	    get_str(l, f, x, "installHint", &ex->install_hint) ||
	    get_str(l, f, x, "interactiveMode", &mode) ||
	    get_bool(l, f, x, "provideClusterInfo", &ex->provide_cluster_info))
		goto err_out;
	if (!cmd || !*cmd) {
		fail(l, f, x, "'exec' of user '%s' has no 'command'", u->name);
		goto err_out;
	}
	/* only a command with a '/' is a path; others are looked up in PATH */
	ex->command = strchr(cmd, '/') ? resolve(f, cmd) : wfc_xstrdup(cmd);
	if (!ex->api_version) {
		fail(l, f, x, "'exec' of user '%s' has no 'apiVersion'", u->name);
		goto err_out;
	}
	bool v1 = !strcmp(ex->api_version, "client.authentication.k8s.io/v1");
	if (!v1 && strcmp(ex->api_version, "client.authentication.k8s.io/v1beta1")) {
		fail(l, f, get(x, "apiVersion"),
		     "exec apiVersion '%s' is not supported (use client.authentication.k8s.io/v1 or v1beta1)",
		     ex->api_version);
		goto err_out;
	}
	if (!mode) {
		if (v1) {
			fail(l, f, x, "'interactiveMode' must be set for exec apiVersion '%s'",
			     ex->api_version);
			goto err_out;
		}
		ex->interactive = WFC_EXEC_IF_AVAILABLE;
	} else if (!strcmp(mode, "Never")) {
		ex->interactive = WFC_EXEC_NEVER;
	} else if (!strcmp(mode, "IfAvailable")) {
		ex->interactive = WFC_EXEC_IF_AVAILABLE;
	} else if (!strcmp(mode, "Always")) {
		ex->interactive = WFC_EXEC_ALWAYS;
	} else {
		fail(l, f, get(x, "interactiveMode"),
		     "'interactiveMode' is '%s', not Never, IfAvailable or Always", mode);
		goto err_out;
	}

	struct fy_node *args = get(x, "args");
	n = 0;
	ex->args = wfc_xmalloc(sizeof(char *));
	if (args && fy_node_get_type(args) != FYNT_SEQUENCE) {
		fail(l, f, args, "'args' must be a list of strings");
		goto err_out;
	}
	ex->args[0] = NULL;
	void *it = NULL;
	struct fy_node *e;
	while (args && (e = fy_node_sequence_iterate(args, &it))) {
		size_t len;
		const char *s = fy_node_get_type(e) == FYNT_SCALAR ? fy_node_get_scalar(e, &len) : NULL;
		if (!s) {
			fail(l, f, e, "'args' must be a list of strings");
			goto err_out;
		}
		ex->args = wfc_xrealloc(ex->args, (n + 2) * sizeof(char *));
		ex->args[n] = wfc_xmalloc(len + 1);
		memcpy(ex->args[n], s, len);
		ex->args[n][len] = '\0';
		ex->args[++n] = NULL;
	}

	struct fy_node *env = get(x, "env");
	n = 0;
	ex->env = wfc_xmalloc(sizeof(char *));
	ex->env[0] = NULL;
	if (env && fy_node_get_type(env) != FYNT_SEQUENCE) {
		fail(l, f, env, "'env' must be a list of name and value");
		goto err_out;
	}
	it = NULL;
	while (env && (e = fy_node_sequence_iterate(env, &it))) {
		char *name = NULL, *value = NULL;
		if (fy_node_get_type(e) != FYNT_MAPPING) {
			fail(l, f, e, "'env' must be a list of name and value");
			goto err_out;
		}
		if (get_str(l, f, e, "name", &name) || get_str(l, f, e, "value", &value)) {
			free(name);
			goto err_out;
		}
		if (!name || !*name || strchr(name, '=')) {
			fail(l, f, e, "an 'env' entry needs a 'name' without '='");
			free(name);
			free(value);
			goto err_out;
		}
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "%s=%s", name, value ? value : "");
		free(name);
		free(value);
		ex->env = wfc_xrealloc(ex->env, (n + 2) * sizeof(char *));
		ex->env[n] = b.s;
		ex->env[++n] = NULL;
	}

	/* spec.cluster.config: the cluster's extension for exec plugins */
	struct fy_node *exts = cluster ? get(cluster->node, "extensions") : NULL;
	it = NULL;
	while (exts && fy_node_get_type(exts) == FYNT_SEQUENCE &&
	       (e = fy_node_sequence_iterate(exts, &it))) {
		char *name = NULL;
		if (get_str(l, cluster->f, e, "name", &name))
			goto err_out;
		if (name && !strcmp(name, EXEC_EXTENSION) && !ex->cluster_config_json) {
			cJSON *j = to_json(get(e, "extension"));
			ex->cluster_config_json = cJSON_PrintUnformatted(j);
			cJSON_Delete(j);
		}
		free(name);
	}
	free(mode);
	free(cmd);
	*out = ex;
	return 0;
err_out:
	free(mode);
	free(cmd);
	free(ex->api_version);
	free(ex->command);
	free(ex->install_hint);
	free(ex->cluster_config_json);
	free_strv(ex->args);
	free_strv(ex->env);
	free(ex);
	return -1;
}

static char *list_names(const struct table *t)
{
	struct wfc_buf b = { 0 };
	for (size_t i = 0; i < t->n; i++)
		wfc_buf_printf(&b, "%s'%s'", i ? ", " : "", t->v[i].name);
	return b.s ? b.s : wfc_xstrdup("none");
}

static void secret_free(char *s, size_t len)
{
	if (s)
		memset(s, 0, len ? len : strlen(s));
	free(s);
}

void wfc_kubeconfig_free(struct wfc_kubeconfig *kc)
{
	if (!kc)
		return;
	free(kc->origin);
	free(kc->context);
	free(kc->cluster);
	free(kc->user);
	free(kc->namespace);
	free(kc->server);
	free(kc->ca_pem);
	free(kc->tls_server_name);
	free(kc->proxy_url);
	secret_free(kc->token, 0);
	free(kc->token_file);
	free(kc->username);
	secret_free(kc->password, 0);
	free(kc->cert_pem);
	secret_free(kc->key_pem, kc->key_len);
	if (kc->exec) {
		free(kc->exec->api_version);
		free(kc->exec->command);
		free(kc->exec->install_hint);
		free(kc->exec->cluster_config_json);
		free_strv(kc->exec->args);
		free_strv(kc->exec->env);
		free(kc->exec);
	}
	free(kc);
}

static char *server_url(const char *s)
{
	size_t n = strlen(s);
	struct wfc_buf b = { 0 };
	while (n && s[n - 1] == '/')
		n--;
	/* client-go takes a bare host:port as https */
	if (!strstr(s, "://"))
		wfc_buf_puts(&b, "https://");
	wfc_buf_add(&b, s, n);
	return b.s;
}

static int build(struct loader *l, const char *shown, struct wfc_kubeconfig **out)
{
	const struct wfc_kubeconfig_opts *o = l->o;
	struct wfc_kubeconfig *kc = calloc(1, sizeof(*kc));
	const char *ctxname = o->context && *o->context ? o->context : l->current;
	char *cl = NULL, *us = NULL, *ns = NULL, *names = NULL;

	if (!kc)
		abort();
	if (!ctxname) {
		names = list_names(&l->contexts);
		wfc_errf(l->err, l->errlen,
			 "kubeconfig %s sets no current-context: pass --context (contexts: %s)",
			 shown, names);
		goto err_out;
	}
	struct named *ctx = find(&l->contexts, ctxname);
	if (!ctx) {
		names = list_names(&l->contexts);
		wfc_errf(l->err, l->errlen, "context '%s' is not in kubeconfig %s (contexts: %s)",
			 ctxname, shown, names);
		goto err_out;
	}
	if (get_str(l, ctx->f, ctx->node, "cluster", &cl) ||
	    get_str(l, ctx->f, ctx->node, "user", &us) ||
	    get_str(l, ctx->f, ctx->node, "namespace", &ns))
		goto err_out;
	if (!cl || !*cl) {
		fail(l, ctx->f, ctx->node ? ctx->node : NULL, "context '%s' names no cluster",
		     ctxname);
		goto err_out;
	}
	struct named *c = find(&l->clusters, cl);
	if (!c) {
		fail(l, ctx->f, get(ctx->node, "cluster"),
		     "context '%s' names cluster '%s', which is not in kubeconfig %s",
		     ctxname, cl, shown);
		goto err_out;
	}
	struct named *u = NULL;
	if (us && *us) {
		u = find(&l->users, us);
		if (!u) {
			fail(l, ctx->f, get(ctx->node, "user"),
			     "context '%s' names user '%s', which is not in kubeconfig %s",
			     ctxname, us, shown);
			goto err_out;
		}
	}

	struct wfc_buf ob = { 0 };
	wfc_buf_printf(&ob, "kubeconfig '%s'", ctx->f->path);
	kc->origin = ob.s;
	kc->context = wfc_xstrdup(ctxname);
	kc->cluster = cl;
	kc->user = us;
	cl = us = NULL;
	if (o->namespace && *o->namespace)
		kc->namespace = wfc_xstrdup(o->namespace);
	else
		kc->namespace = wfc_xstrdup(ns && *ns ? ns : "default");

	/* cluster */
	char *server = NULL;
	if (get_str(l, c->f, c->node, "server", &server))
		goto err_out;
	if (!server || !*server) {
		fail(l, c->f, c->node, "cluster '%s' has no 'server'", c->name);
		free(server);
		goto err_out;
	}
	kc->server = server_url(server);
	free(server);
	if (get_bool(l, c->f, c->node, "insecure-skip-tls-verify", &kc->insecure) ||
	    get_bool(l, c->f, c->node, "disable-compression", &kc->disable_compression) ||
	    get_str(l, c->f, c->node, "tls-server-name", &kc->tls_server_name) ||
	    get_str(l, c->f, c->node, "proxy-url", &kc->proxy_url) ||
	    read_material(l, c, "certificate-authority", "certificate-authority-data",
			  &kc->ca_pem, &kc->ca_len))
		goto err_out;
	if (kc->insecure && kc->ca_pem) {
		fail(l, c->f, c->node,
		     "cluster '%s' sets both a certificate authority and insecure-skip-tls-verify",
		     c->name);
		goto err_out;
	}

	/* user */
	if (u && u->node) {
		struct fy_node *x;
		char *tf = NULL;
		if (get_str(l, u->f, u->node, "token", &kc->token) ||
		    get_str(l, u->f, u->node, "tokenFile", &tf) ||
		    get_str(l, u->f, u->node, "username", &kc->username) ||
		    get_str(l, u->f, u->node, "password", &kc->password) ||
		    read_material(l, u, "client-certificate", "client-certificate-data",
				  &kc->cert_pem, &kc->cert_len) ||
		    read_material(l, u, "client-key", "client-key-data",
				  &kc->key_pem, &kc->key_len)) {
			free(tf);
			goto err_out;
		}
		if (tf && *tf)
			kc->token_file = resolve(u->f, tf);
		free(tf);
		if (kc->token && !*kc->token) {
			free(kc->token);
			kc->token = NULL;
		}
		bool tok = kc->token || kc->token_file;
		bool basic = (kc->username && *kc->username) || (kc->password && *kc->password);
		if (tok && basic) {
			fail(l, u->f, u->node,
			     "user '%s' has more than one authentication method (token and username/password)",
			     u->name);
			goto err_out;
		}
		if (!kc->cert_pem != !kc->key_pem) {
			fail(l, u->f, u->node,
			     "user '%s' has a client %s without a client %s", u->name,
			     kc->cert_pem ? "certificate" : "key",
			     kc->cert_pem ? "key" : "certificate");
			goto err_out;
		}
		if ((x = get(u->node, "auth-provider"))) {
			char *name = NULL;
			get_str(l, u->f, x, "name", &name);
			fail(l, u->f, x,
			     "user '%s': auth-provider '%s' is not supported; use an exec credential plugin",
			     u->name, name ? name : "");
			free(name);
			goto err_out;
		}
		if ((x = get(u->node, "exec")) && read_exec(l, u, x, c, &kc->exec))
			goto err_out;
	}
	free(ns);
	*out = kc;
	return 0;
err_out:
	free(cl);
	free(us);
	free(ns);
	free(names);
	wfc_kubeconfig_free(kc);
	return -1;
}

/* --- in-cluster --- */

static bool in_cluster_possible(void)
{
	const char *h = getenv("KUBERNETES_SERVICE_HOST");
	const char *p = getenv("KUBERNETES_SERVICE_PORT");
	return h && *h && p && *p;
}

static char *trimmed(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
		i++;
	memmove(s, s + i, n - i + 1);
	return s;
}

static int load_in_cluster(const struct wfc_kubeconfig_opts *o,
			   struct wfc_kubeconfig **out, char *err, size_t errlen)
{
	const char *host = getenv("KUBERNETES_SERVICE_HOST");
	const char *port = getenv("KUBERNETES_SERVICE_PORT");
	const char *dir = o->incluster_dir ? o->incluster_dir : WFC_INCLUSTER_DIR;
	struct wfc_kubeconfig *kc = NULL;
	struct wfc_buf b = { 0 };
	size_t len;
	struct stat st;

	if (!host || !*host || !port || !*port) {
		wfc_errf(err, errlen,
			 "not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set");
		return -1;
	}
	kc = calloc(1, sizeof(*kc));
	if (!kc)
		abort();
	kc->in_cluster = true;
	kc->origin = wfc_xstrdup("in-cluster config");
	wfc_buf_printf(&b, strchr(host, ':') ? "https://[%s]:%s" : "https://%s:%s", host, port);
	kc->server = b.s;
	memset(&b, 0, sizeof(b));

	wfc_buf_printf(&b, "%s/token", dir);
	kc->token_file = b.s;
	memset(&b, 0, sizeof(b));
	if (stat(kc->token_file, &st) != 0) {
		wfc_errf(err, errlen, "cannot read the service account token '%s': %s",
			 kc->token_file, strerror(errno));
		goto err_out;
	}

	/* without ca.crt client-go goes on with the system's CAs; so do we */
	wfc_buf_printf(&b, "%s/ca.crt", dir);
	kc->ca_pem = slurp(b.s, &kc->ca_len);
	wfc_buf_free(&b);

	const char *pn = getenv("POD_NAMESPACE");
	if (o->namespace && *o->namespace) {
		kc->namespace = wfc_xstrdup(o->namespace);
	} else if (pn && *pn) {
		kc->namespace = wfc_xstrdup(pn);
	} else {
		wfc_buf_printf(&b, "%s/namespace", dir);
		char *ns = slurp(b.s, &len);
		wfc_buf_free(&b);
		if (ns && *trimmed(ns))
			kc->namespace = ns;
		else {
			free(ns);
			kc->namespace = wfc_xstrdup("default");
		}
	}
	*out = kc;
	return 0;
err_out:
	wfc_kubeconfig_free(kc);
	return -1;
}

/* --- entry --- */

static void loader_free(struct loader *l)
{
	struct table *ts[] = { &l->clusters, &l->users, &l->contexts };
	for (size_t t = 0; t < 3; t++) {
		for (size_t i = 0; i < ts[t]->n; i++)
			free(ts[t]->v[i].name);
		free(ts[t]->v);
	}
	for (size_t i = 0; i < l->nfiles; i++)
		kfile_free(l->files[i]);
	free(l->files);
	free(l->current);
}

int wfc_kubeconfig_load(const struct wfc_kubeconfig_opts *opts,
			struct wfc_kubeconfig **out, char *err, size_t errlen)
{
	struct wfc_kubeconfig_opts none = { 0 };
	const struct wfc_kubeconfig_opts *o = opts ? opts : &none;
	struct loader l = { .o = o, .err = err, .errlen = errlen };
	bool explicit;
	char *shown = NULL;
	char **files = NULL;
	size_t loaded = 0;
	int rc = -1;

	*out = NULL;
	if (o->mode == WFC_KUBECONFIG_IN_CLUSTER)
		return load_in_cluster(o, out, err, errlen);
	files = file_list(o, &explicit, &shown);
	for (char **p = files; *p; p++) {
		int r = load_file(&l, *p, explicit);
		if (r < 0)
			goto err_out;
		if (r == 0)
			loaded++;
	}
	/* kubectl's fallback: nothing configured here, but inside a pod */
	if (o->mode == WFC_KUBECONFIG_AUTO && !explicit && in_cluster_possible() &&
	    (!loaded || (!l.current && !(o->context && *o->context)))) {
		rc = load_in_cluster(o, out, err, errlen);
		goto err_out;
	}
	if (!loaded) {
		if (o->kubeconfig_env ? *o->kubeconfig_env : (getenv("KUBECONFIG") && *getenv("KUBECONFIG")))
			wfc_errf(err, errlen, "no kubeconfig: none of the files of %s exists", shown);
		else
			wfc_errf(err, errlen,
				 "no kubeconfig: %s does not exist (set KUBECONFIG or pass --kubeconfig)",
				 shown);
		goto err_out;
	}
	rc = build(&l, shown, out);
err_out:
	loader_free(&l);
	free_strv(files);
	free(shown);
	return rc;
}
