/* The pod of a container or script node: the template's container after
 * substitution, sidecars as native sidecars, pod-level fields from the
 * template or the workflow, podSpecPatch merged by container name, and every
 * value known only at run time passed as $(WFC_IN_n) from the node's
 * ConfigMap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/pod.h"
#include "ir/subst.h"
#include "support/buf.h"

#define SCRIPT_DIR "/wfc/script"

static const struct wfc_ynode *spec_field(const struct wfc_plan *p, const char *key)
{
	const struct wfc_ynode *v = wfc_ymap_get(p->doc->doc->spec, key);
	if (!v && p->doc->base)
		v = wfc_ymap_get(p->doc->base->doc->spec, key);
	return v;
}

static cJSON *to_json(struct wfc_pod *pod, const struct wfc_ynode *n, bool *rt)
{
	return wfc_ynode_to_json(pod->a, n, &pod->sc, rt, 0);
}

/* "node 'NAME'", or for a prototype "template 'NAME'", in messages. */
static const char *subject(const struct wfc_pod *pod)
{
	if (pod->proto) {
		const char *t = pod->node->tmpl->t->name.s;
		return wfc_arena_printf(pod->a, "template '%s'", t ? t : "inline");
	}
	return wfc_arena_printf(pod->a, "node '%s'", pod->node->name);
}

static void unsupported_runtime(struct wfc_pod *pod, const struct wfc_ynode *at,
				const char *field)
{
	/* a prototype keeps run-time values where they are */
	if (pod->proto)
		return;
	wfc_diag_add(pod->d, WFC_ERROR, WFC_RULE_unsupported, wfc_ypos(at),
		     "'%s' of node '%s' uses a value known only at run time: wfc passes run-time values through command, args, env and script source only",
		     field, pod->node->name);
	pod->failed = true;
}

/* Replaces each {{tag}} left in s by $(WFC_IN_n), recording tag -> n. */
/* Text written before a $(WFC_IN_n): Kubernetes reads "$(" up to the next
 * ")" as one reference, so a "$(" of the user's that does not close before
 * the value (shell arithmetic: "$((3 + {{x}}))") would swallow it, and a
 * lone "$" just before it would make "$$". Such a "$" is written "$$",
 * which Kubernetes turns back into the "$" Argo's pod would see. */
static void add_literal(struct wfc_buf *b, const char *s, size_t n, bool before_ref)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '$') {
			wfc_buf_putc(b, s[i]);
			continue;
		}
		if (i + 1 < n && s[i + 1] == '$') {
			wfc_buf_add(b, s + i, 2);
			i++;
			continue;
		}
		bool open_ref = i + 1 < n && s[i + 1] == '(' && !memchr(s + i + 2, ')', n - i - 2);
		bool last = i + 1 == n;
		wfc_buf_puts(b, before_ref && (open_ref || last) ? "$$" : "$");
	}
}

static char *runtime_refs(struct wfc_pod *pod, const char *s)
{
	struct wfc_buf b = { 0 };
	const char *p = s;
	for (;;) {
		const char *open, *close;
		if (!wfc_tag_find(p, &open, &close)) {
			wfc_buf_puts(&b, p);
			break;
		}
		add_literal(&b, p, (size_t)(open - p), true);
		char *tag = wfc_arena_strndup(pod->a, open, (size_t)(close + 2 - open));
		size_t i;
		for (i = 0; i < pod->nruntime; i++)
			if (strcmp(pod->runtime[i], tag) == 0)
				break;
		if (i == pod->nruntime) {
			if (pod->nruntime == pod->runtime_cap) {
				pod->runtime_cap = pod->runtime_cap ? pod->runtime_cap * 2 : 4;
				const char **v = WFC_NEWN(pod->a, const char *, pod->runtime_cap);
				if (pod->nruntime)
					memcpy(v, pod->runtime, pod->nruntime * sizeof(*v));
				pod->runtime = v;
			}
			pod->runtime[pod->nruntime++] = tag;
		}
		wfc_buf_printf(&b, "$(WFC_IN_%zu)", i);
		p = close + 2;
	}
	char *r = wfc_arena_strdup(pod->a, wfc_buf_str(&b));
	wfc_buf_free(&b);
	return r;
}

static void rewrite_strings(struct wfc_pod *pod, cJSON *list)
{
	cJSON *it;
	cJSON_ArrayForEach(it, list)
		if (cJSON_IsString(it) && wfc_has_tag(it->valuestring))
			cJSON_SetValuestring(it, runtime_refs(pod, it->valuestring));
}

static bool json_has_tag(const cJSON *j)
{
	if (cJSON_IsString(j))
		return wfc_has_tag(j->valuestring);
	for (const cJSON *c = j ? j->child : NULL; c; c = c->next)
		if (json_has_tag(c))
			return true;
	return false;
}

/* Run-time values of a container: command, args and env values become
 * $(WFC_IN_n); anywhere else they cannot go. */
static void container_runtime(struct wfc_pod *pod, cJSON *c, const struct wfc_ynode *at)
{
	if (pod->proto)
		return;
	rewrite_strings(pod, cJSON_GetObjectItemCaseSensitive(c, "command"));
	rewrite_strings(pod, cJSON_GetObjectItemCaseSensitive(c, "args"));
	cJSON *env = cJSON_GetObjectItemCaseSensitive(c, "env"), *e;
	cJSON_ArrayForEach(e, env) {
		cJSON *v = cJSON_GetObjectItemCaseSensitive(e, "value");
		if (cJSON_IsString(v) && wfc_has_tag(v->valuestring))
			cJSON_SetValuestring(v, runtime_refs(pod, v->valuestring));
	}
	for (cJSON *f = c->child; f; f = f->next) {
		if (strcmp(f->string, "command") == 0 || strcmp(f->string, "args") == 0 ||
		    strcmp(f->string, "env") == 0)
			continue;
		if (json_has_tag(f))
			unsupported_runtime(pod, at, f->string);
	}
	if (json_has_tag(env))
		unsupported_runtime(pod, at, "env");
}

static void add_runtime_env(struct wfc_pod *pod, cJSON *c)
{
	if (!pod->nruntime)
		return;
	/* first: Kubernetes expands $(VAR) in an env value only from the
	 * variables listed before it (command and args see them all) */
	cJSON *env = cJSON_CreateArray();
	for (size_t i = 0; i < pod->nruntime; i++) {
		char name[32];
		snprintf(name, sizeof(name), "WFC_IN_%zu", i);
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", name);
		cJSON *vf = cJSON_AddObjectToObject(e, "valueFrom");
		cJSON *ref = cJSON_AddObjectToObject(vf, "configMapKeyRef");
		cJSON_AddStringToObject(ref, "name", pod->input_configmap);
		cJSON_AddStringToObject(ref, "key", name);
		cJSON_AddItemToArray(env, e);
	}
	cJSON *old = cJSON_GetObjectItemCaseSensitive(c, "env");
	while (old && old->child)
		cJSON_AddItemToArray(env, cJSON_DetachItemViaPointer(old, old->child));
	if (old)
		cJSON_ReplaceItemInObjectCaseSensitive(c, "env", env);
	else
		cJSON_AddItemToObject(c, "env", env);
}

/* Strategic merge as kubectl does for a pod spec: maps recursively,
 * containers and initContainers by name, other lists replaced. */
static void merge_patch(cJSON *dst, const cJSON *patch)
{
	for (const cJSON *f = patch->child; f; f = f->next) {
		cJSON *cur = cJSON_GetObjectItemCaseSensitive(dst, f->string);
		bool by_name = strcmp(f->string, "containers") == 0 ||
			       strcmp(f->string, "initContainers") == 0 ||
			       strcmp(f->string, "volumes") == 0 ||
			       strcmp(f->string, "volumeMounts") == 0 ||
			       strcmp(f->string, "env") == 0;
		if (cur && cJSON_IsObject(cur) && cJSON_IsObject(f)) {
			merge_patch(cur, f);
		} else if (cur && cJSON_IsArray(cur) && cJSON_IsArray(f) && by_name) {
			const cJSON *pi;
			cJSON_ArrayForEach(pi, f) {
				const cJSON *pn = cJSON_GetObjectItemCaseSensitive(pi, "name");
				cJSON *match = NULL, *ci;
				cJSON_ArrayForEach(ci, cur) {
					const cJSON *cn = cJSON_GetObjectItemCaseSensitive(ci, "name");
					if (cJSON_IsString(pn) && cJSON_IsString(cn) &&
					    strcmp(pn->valuestring, cn->valuestring) == 0)
						match = ci;
				}
				if (match && cJSON_IsObject(pi))
					merge_patch(match, pi);
				else
					cJSON_AddItemToArray(cur, cJSON_Duplicate(pi, true));
			}
		} else if (cJSON_IsNull(f)) {
			cJSON_DeleteItemFromObjectCaseSensitive(dst, f->string);
		} else {
			cJSON *dup = cJSON_Duplicate(f, true);
			if (cur)
				cJSON_ReplaceItemInObjectCaseSensitive(dst, f->string, dup);
			else
				cJSON_AddItemToObject(dst, f->string, dup);
		}
	}
}

static size_t count_tags(const char *s)
{
	size_t n = 0;
	const char *open, *close;
	while (wfc_tag_find(s, &open, &close)) {
		n++;
		s = close + 2;
	}
	return n;
}

/* Tags in the string values of j (not in keys). */
static size_t json_tags(const cJSON *j)
{
	size_t n = cJSON_IsString(j) ? count_tags(j->valuestring) : 0;
	for (const cJSON *c = j->child; c; c = c->next)
		n += json_tags(c);
	return n;
}

/* A podSpecPatch is text: Argo substitutes it, then reads it. Here it is
 * read after compile-time substitution; in a prototype, values known only
 * at run time may stay in it when each lies inside a string value of the
 * patch (then it is merged with the tags, which the coordinator fills like
 * any other string of the pod). */
static void apply_pod_spec_patch(struct wfc_pod *pod, cJSON *spec, const struct wfc_ynode *n)
{
	if (!n || n->kind != WFC_YSCALAR)
		return;
	bool rt = false;
	const char *text = wfc_subst(pod->a, &pod->sc, n->s.text, &rt);
	if (rt && !pod->proto) {
		unsupported_runtime(pod, n, "podSpecPatch");
		return;
	}
	/* JSON or YAML: read with the same loader as the input */
	struct wfc_arena *a = wfc_arena_create();
	struct wfc_diags d = { 0 };
	struct wfc_ydoc *docs = NULL;
	size_t ndocs = 0;
	wfc_yaml_load(a, &d, n->file, text, strlen(text), NULL, &docs, &ndocs);
	bool read = !d.errors && ndocs == 1 && docs[0].root && docs[0].root->kind == WFC_YMAP;
	cJSON *patch = read ? wfc_ynode_to_json(a, docs[0].root, NULL, NULL, 0) : NULL;
	if (rt && (!read || json_tags(patch) != count_tags(text))) {
		wfc_diag_add(pod->d, WFC_ERROR, WFC_RULE_unsupported, wfc_ypos(n),
			     "'podSpecPatch' of %s uses a value known only at run time outside a string value of the patch: wfc renders the Jobs of withParam and recursion from a prototype made at compile time, so each {{...}} must lie inside a quoted string such as \"cpu\": \"{{inputs.parameters.cpu}}\"",
			     subject(pod));
		pod->failed = true;
	} else if (!read) {
		wfc_diag_add(pod->d, WFC_ERROR, WFC_RULE_type, wfc_ypos(n),
			     "podSpecPatch of %s is not a YAML or JSON mapping%s%s",
			     subject(pod), d.n ? ": " : "", d.n ? d.v[0].message : "");
		pod->failed = true;
	} else {
		merge_patch(spec, patch);
	}
	cJSON_Delete(patch);
	free(docs);
	wfc_diags_free(&d);
	wfc_arena_destroy(a);
}

/* Pod-level fields: the template's own, else templateDefaults', else the
 * workflow's (under its own name there). */
static const char *const pod_fields[][3] = {
	/* template field, workflow field, pod spec field */
	{ "nodeSelector", "nodeSelector", "nodeSelector" },
	{ "affinity", "affinity", "affinity" },
	{ "tolerations", "tolerations", "tolerations" },
	{ "securityContext", "securityContext", "securityContext" },
	{ "priorityClassName", "podPriorityClassName", "priorityClassName" },
	{ "schedulerName", "schedulerName", "schedulerName" },
	{ "serviceAccountName", "serviceAccountName", "serviceAccountName" },
	{ "automountServiceAccountToken", "automountServiceAccountToken",
	  "automountServiceAccountToken" },
	{ "hostAliases", "hostAliases", "hostAliases" },
	{ "podResources", "podResources", "resources" },
	{ "resourceClaims", "resourceClaims", "resourceClaims" },
	{ NULL, "dnsConfig", "dnsConfig" },
	{ NULL, "dnsPolicy", "dnsPolicy" },
	{ NULL, "hostNetwork", "hostNetwork" },
	{ NULL, "imagePullSecrets", "imagePullSecrets" },
};

static const struct wfc_ynode *template_default(const struct wfc_plan *p, const char *key)
{
	return key ? wfc_ymap_get(spec_field(p, "templateDefaults"), key) : NULL;
}

static void add_volume_claims(struct wfc_pod *pod, cJSON *volumes, const cJSON *mounts)
{
	const struct wfc_ynode *vct = spec_field(pod->plan, "volumeClaimTemplates");
	if (!vct || vct->kind != WFC_YSEQ)
		return;
	const cJSON *m;
	cJSON_ArrayForEach(m, mounts) {
		const cJSON *mn = cJSON_GetObjectItemCaseSensitive(m, "name");
		if (!cJSON_IsString(mn))
			continue;
		bool have = false;
		const cJSON *v;
		cJSON_ArrayForEach(v, volumes) {
			const cJSON *vn = cJSON_GetObjectItemCaseSensitive(v, "name");
			have |= cJSON_IsString(vn) && strcmp(vn->valuestring, mn->valuestring) == 0;
		}
		if (have)
			continue;
		for (size_t i = 0; i < vct->seq.n; i++) {
			const struct wfc_ynode *meta = wfc_ymap_get(vct->seq.v[i], "metadata");
			const struct wfc_ynode *name = wfc_ymap_get(meta, "name");
			if (!name || name->kind != WFC_YSCALAR || strcmp(name->s.text, mn->valuestring))
				continue;
			cJSON *vol = cJSON_CreateObject();
			cJSON_AddStringToObject(vol, "name", mn->valuestring);
			cJSON *pvc = cJSON_AddObjectToObject(vol, "persistentVolumeClaim");
			cJSON_AddStringToObject(pvc, "claimName",
						wfc_pvc_name(pod->plan, name->s.text));
			cJSON_AddItemToArray(volumes, vol);
		}
	}
}

const char *wfc_pvc_name(const struct wfc_plan *p, const char *claim)
{
	return wfc_arena_printf(p->g->a, "%s-%s", p->name, claim);
}

#define WFC_BIN_DIR "/wfc-bin"

/* The main container runs as "wfc exec --output NAME=PATH ... -- COMMAND
 * ARGS": the wrapper reports every output in the termination message. It
 * needs the command: an image's entrypoint is not known here. */
static bool wrap_outputs(struct wfc_pod *pod, cJSON *main, const char **names,
			 const char **paths, size_t n)
{
	cJSON *cmd = cJSON_GetObjectItemCaseSensitive(main, "command");
	if (!cJSON_IsArray(cmd) || !cJSON_GetArraySize(cmd)) {
		const struct wfc_template *t = pod->node->tmpl->t;
		wfc_diag_add(pod->d, WFC_ERROR, WFC_RULE_unsupported, wfc_ypos(t->body),
			     "template '%s' reads %zu output parameters from files: wfc captures them by wrapping the container's command, so it needs 'command' (the image's entrypoint is not known here)",
			     t->name.s ? t->name.s : "inline", n);
		pod->failed = true;
		return false;
	}
	cJSON *wrapped = cJSON_CreateArray();
	cJSON_AddItemToArray(wrapped, cJSON_CreateString(WFC_BIN_DIR "/wfc"));
	cJSON_AddItemToArray(wrapped, cJSON_CreateString("exec"));
	for (size_t i = 0; i < n; i++) {
		cJSON_AddItemToArray(wrapped, cJSON_CreateString("--output"));
		cJSON_AddItemToArray(wrapped, cJSON_CreateString(
			wfc_arena_printf(pod->a, "%s=%s", names[i], paths[i])));
	}
	cJSON_AddItemToArray(wrapped, cJSON_CreateString("--"));
	cJSON *it;
	cJSON_ArrayForEach(it, cmd)
		cJSON_AddItemToArray(wrapped, cJSON_Duplicate(it, true));
	cJSON *args = cJSON_DetachItemFromObjectCaseSensitive(main, "args");
	cJSON_ArrayForEach(it, args)
		cJSON_AddItemToArray(wrapped, cJSON_Duplicate(it, true));
	cJSON_Delete(args);
	cJSON_ReplaceItemInObjectCaseSensitive(main, "command", wrapped);
	cJSON *mounts = cJSON_GetObjectItemCaseSensitive(main, "volumeMounts");
	if (!mounts)
		mounts = cJSON_AddArrayToObject(main, "volumeMounts");
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "name", "wfc-bin");
	cJSON_AddStringToObject(m, "mountPath", WFC_BIN_DIR);
	cJSON_AddBoolToObject(m, "readOnly", true);
	cJSON_AddItemToArray(mounts, m);
	return true;
}

static cJSON *wrapper_init_container(const struct wfc_pod *pod)
{
	cJSON *c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "name", "wfc-init");
	cJSON_AddStringToObject(c, "image", pod->runtime_image);
	cJSON *args = cJSON_AddArrayToObject(c, "args");
	cJSON_AddItemToArray(args, cJSON_CreateString("install"));
	cJSON_AddItemToArray(args, cJSON_CreateString(WFC_BIN_DIR "/wfc"));
	cJSON *mounts = cJSON_AddArrayToObject(c, "volumeMounts");
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "name", "wfc-bin");
	cJSON_AddStringToObject(m, "mountPath", WFC_BIN_DIR);
	cJSON_AddItemToArray(mounts, m);
	return c;
}

/* What the pod's strings are substituted with. */
static void pod_scope(struct wfc_pod *pod)
{
	pod->sc.plan = pod->plan;
	/* a prototype's inputs and item are the run's to bind */
	pod->sc.node = pod->proto ? NULL : pod->node;
	pod->sc.item = pod->proto ? NULL : pod->node->item;
	if (!pod->input_configmap)
		pod->input_configmap = wfc_arena_printf(pod->a, "%s-in", pod->node->kname);
}

cJSON *wfc_pod_spec(struct wfc_pod *pod)
{
	const struct wfc_pnode *n = pod->node;
	const struct wfc_template *t = n->tmpl->t;
	pod_scope(pod);
	cJSON *spec = cJSON_CreateObject();
	cJSON_AddStringToObject(spec, "restartPolicy", "Never");

	bool rt = false;
	cJSON *main = to_json(pod, t->body, &rt);
	if (!cJSON_IsObject(main)) {
		cJSON_Delete(main);
		main = cJSON_CreateObject();
	}
	/* templateDefaults: the template's container fields over the defaults' */
	const struct wfc_ynode *dflt = template_default(pod->plan, wfc_tmpl_type_name(t->type));
	if (dflt && dflt->kind == WFC_YMAP) {
		bool drt = false;
		cJSON *base = to_json(pod, dflt, &drt);
		merge_patch(base, main);
		cJSON_Delete(main);
		main = base;
	}
	/* the main container is called "main", as in Argo */
	cJSON_DeleteItemFromObjectCaseSensitive(main, "name");
	cJSON *named = cJSON_CreateObject();
	cJSON_AddStringToObject(named, "name", "main");
	for (cJSON *f = main->child; f;) {
		cJSON *next = f->next;
		cJSON_AddItemToObject(named, f->string, cJSON_DetachItemViaPointer(main, f));
		f = next;
	}
	cJSON_Delete(main);
	main = named;

	if (t->type == WFC_TMPL_SCRIPT) {
		cJSON *src = cJSON_DetachItemFromObjectCaseSensitive(main, "source");
		pod->script = cJSON_IsString(src) ? wfc_arena_strdup(pod->a, src->valuestring) : "";
		pod->script_runtime = pod->proto || wfc_has_tag(pod->script);
		cJSON_Delete(src);
		cJSON *cmd = cJSON_GetObjectItemCaseSensitive(main, "command");
		if (!cJSON_IsArray(cmd)) {
			cJSON_DeleteItemFromObjectCaseSensitive(main, "command");
			cmd = cJSON_AddArrayToObject(main, "command");
			cJSON_AddItemToArray(cmd, cJSON_CreateString("sh"));
		}
		cJSON_AddItemToArray(cmd, cJSON_CreateString(SCRIPT_DIR "/script"));
		cJSON *mounts = cJSON_GetObjectItemCaseSensitive(main, "volumeMounts");
		if (!mounts)
			mounts = cJSON_AddArrayToObject(main, "volumeMounts");
		cJSON *m = cJSON_CreateObject();
		cJSON_AddStringToObject(m, "name", "wfc-script");
		cJSON_AddStringToObject(m, "mountPath", SCRIPT_DIR);
		cJSON_AddBoolToObject(m, "readOnly", true);
		cJSON_AddItemToArray(mounts, m);
	}
	container_runtime(pod, main, t->body);
	/* outputs.parameters from files: one through the termination message,
	 * more through the wfc exec wrapper (installed by an init container) */
	const char **onames = WFC_NEWN(pod->a, const char *, t->outputs.nparams + 1);
	const char **opaths = WFC_NEWN(pod->a, const char *, t->outputs.nparams + 1);
	size_t npath = 0;
	for (size_t i = 0; i < t->outputs.nparams; i++) {
		const struct wfc_ynode *vf = t->outputs.params[i].value_from;
		const struct wfc_ynode *pp = wfc_ymap_get(vf, "path");
		if (pp && pp->kind == WFC_YSCALAR && t->outputs.params[i].name.s) {
			onames[npath] = t->outputs.params[i].name.s;
			opaths[npath++] = wfc_subst(pod->a, &pod->sc, pp->s.text, NULL);
		}
	}
	bool wrapped = false;
	if (npath == 1 && !cJSON_GetObjectItemCaseSensitive(main, "terminationMessagePath")) {
		cJSON_AddStringToObject(main, "terminationMessagePath", opaths[0]);
		cJSON_AddStringToObject(main, "terminationMessagePolicy", "File");
	} else if (npath > 1) {
		wrapped = wrap_outputs(pod, main, onames, opaths, npath);
	}
	pod->output_files = npath;

	/* init containers, then sidecars as native sidecars */
	cJSON *inits = NULL;
	const struct wfc_ynode *ic = wfc_ymap_get(t->node, "initContainers");
	if (ic && ic->kind == WFC_YSEQ) {
		bool irt = false;
		inits = to_json(pod, ic, &irt);
		if (irt)
			unsupported_runtime(pod, ic, "initContainers");
	}
	const struct wfc_ynode *sc = wfc_ymap_get(t->node, "sidecars");
	if (sc && sc->kind == WFC_YSEQ) {
		bool srt = false;
		cJSON *sidecars = to_json(pod, sc, &srt);
		if (srt)
			unsupported_runtime(pod, sc, "sidecars");
		if (!inits)
			inits = cJSON_CreateArray();
		cJSON *s;
		while ((s = cJSON_DetachItemFromArray(sidecars, 0)) != NULL) {
			cJSON *mirror = cJSON_DetachItemFromObjectCaseSensitive(s, "mirrorVolumeMounts");
			if (cJSON_IsTrue(mirror)) {
				cJSON *mm = cJSON_GetObjectItemCaseSensitive(main, "volumeMounts");
				if (mm)
					cJSON_AddItemToObject(s, "volumeMounts", cJSON_Duplicate(mm, true));
			}
			cJSON_Delete(mirror);
			cJSON_DeleteItemFromObjectCaseSensitive(s, "restartPolicy");
			cJSON_AddStringToObject(s, "restartPolicy", "Always");
			cJSON_AddItemToArray(inits, s);
		}
		cJSON_Delete(sidecars);
	}
	if (wrapped) {
		if (!inits)
			inits = cJSON_CreateArray();
		cJSON_InsertItemInArray(inits, 0, wrapper_init_container(pod));
	}
	if (inits) {
		cJSON *c;
		cJSON_ArrayForEach(c, inits)
			cJSON_DeleteItemFromObjectCaseSensitive(c, "mirrorVolumeMounts");
		cJSON_AddItemToObject(spec, "initContainers", inits);
	}
	add_runtime_env(pod, main);
	cJSON *containers = cJSON_AddArrayToObject(spec, "containers");
	cJSON_AddItemToArray(containers, main);

	for (size_t i = 0; i < sizeof(pod_fields) / sizeof(pod_fields[0]); i++) {
		const struct wfc_ynode *v = pod_fields[i][0] ? wfc_ymap_get(t->node, pod_fields[i][0])
				      : NULL;
		if (!v)
			v = template_default(pod->plan, pod_fields[i][0]);
		if (!v)
			v = spec_field(pod->plan, pod_fields[i][1]);
		if (!v || (v->kind == WFC_YSCALAR && v->type == WFC_YNULL))
			continue;
		bool frt = false;
		cJSON *j = to_json(pod, v, &frt);
		if (frt)
			unsupported_runtime(pod, v, pod_fields[i][2]);
		cJSON_AddItemToObject(spec, pod_fields[i][2], j);
	}
	/* volumes: the workflow's, the template's, the script's, claims used */
	cJSON *volumes = cJSON_CreateArray();
	const struct wfc_ynode *vs[2] = { spec_field(pod->plan, "volumes"),
					  wfc_ymap_get(t->node, "volumes") };
	for (int k = 0; k < 2; k++) {
		if (!vs[k] || vs[k]->kind != WFC_YSEQ)
			continue;
		bool vrt = false;
		cJSON *l = to_json(pod, vs[k], &vrt);
		if (vrt)
			unsupported_runtime(pod, vs[k], "volumes");
		cJSON *v;
		while ((v = cJSON_DetachItemFromArray(l, 0)) != NULL)
			cJSON_AddItemToArray(volumes, v);
		cJSON_Delete(l);
	}
	if (t->type == WFC_TMPL_SCRIPT) {
		cJSON *v = cJSON_CreateObject();
		cJSON_AddStringToObject(v, "name", "wfc-script");
		cJSON *cm = cJSON_AddObjectToObject(v, "configMap");
		cJSON_AddStringToObject(cm, "name", pod->script_runtime ? pod->input_configmap
							 : pod->script_configmap);
		cJSON_AddNumberToObject(cm, "defaultMode", 0755);
		cJSON *items = cJSON_AddArrayToObject(cm, "items");
		cJSON *it = cJSON_CreateObject();
		cJSON_AddStringToObject(it, "key", pod->script_runtime ? "script" : n->kname);
		cJSON_AddStringToObject(it, "path", "script");
		cJSON_AddItemToArray(items, it);
		cJSON_AddItemToArray(volumes, v);
	}
	if (wrapped) {
		cJSON *v = cJSON_CreateObject();
		cJSON_AddStringToObject(v, "name", "wfc-bin");
		cJSON_AddObjectToObject(v, "emptyDir");
		cJSON_AddItemToArray(volumes, v);
	}
	add_volume_claims(pod, volumes, cJSON_GetObjectItemCaseSensitive(main, "volumeMounts"));
	cJSON *c;
	cJSON_ArrayForEach(c, inits)
		add_volume_claims(pod, volumes, cJSON_GetObjectItemCaseSensitive(c, "volumeMounts"));
	if (cJSON_GetArraySize(volumes))
		cJSON_AddItemToObject(spec, "volumes", volumes);
	else
		cJSON_Delete(volumes);

	const struct wfc_ynode *patches[2] = { spec_field(pod->plan, "podSpecPatch"),
					       wfc_ymap_get(t->node, "podSpecPatch") };
	for (int k = 0; k < 2; k++)
		apply_pod_spec_patch(pod, spec, patches[k]);
	return spec;
}

cJSON *wfc_pod_metadata(struct wfc_pod *pod)
{
	pod_scope(pod);
	/* spec.podMetadata, then the template's metadata */
	cJSON *meta = cJSON_CreateObject();
	const struct wfc_ynode *srcs[2] = { spec_field(pod->plan, "podMetadata"),
					    wfc_ymap_get(pod->node->tmpl->t->node, "metadata") };
	const struct wfc_ynode *ann = wfc_ymap_get(pod->node->tmpl->t->node, "annotations");
	for (int k = 0; k < 2; k++) {
		if (!srcs[k] || srcs[k]->kind != WFC_YMAP)
			continue;
		bool rt = false;
		cJSON *m = to_json(pod, srcs[k], &rt);
		if (rt)
			unsupported_runtime(pod, srcs[k], "metadata");
		merge_patch(meta, m);
		cJSON_Delete(m);
	}
	/* the template's own annotations (Argo adds them to its pod) */
	if (ann && ann->kind == WFC_YMAP) {
		bool rt = false;
		cJSON *m = cJSON_CreateObject();
		cJSON_AddItemToObject(m, "annotations", to_json(pod, ann, &rt));
		if (rt)
			unsupported_runtime(pod, ann, "annotations");
		merge_patch(meta, m);
		cJSON_Delete(m);
	}
	return meta;
}
