#!/usr/bin/env node
// Checks Kubernetes objects against the Kubernetes OpenAPI schema, as shipped
// by the npm package kubernetes-models, plus the API server's own rules that
// the schema does not express.
//
//   node validate.mjs [--stdin-name NAME] [FILE|-]...
//
// Each FILE (or standard input, for "-" or no FILE) holds one JSON value: a
// List (what `wfc compile -o json` prints), a single object, or an array of
// objects. Every problem is printed as
//
//   file: object Kind/name: path: message
//
// and the exit status is 1; with none, "N objects ok" and exit status 0.
// Exit status 2: bad usage, or kubernetes-models is not installed.
//
// What is checked:
//  - the schema, through validate() of the kind's kubernetes-models class:
//    types, required fields, enums;
//  - unknown fields anywhere in the object. The package does not reject them
//    (its schemas have no additionalProperties: false) and it ships its
//    schemas only as compiled validators, not as JSON. So validate() is run
//    on a copy of the object whose every mapping is a recording proxy: a
//    validator looks up each property its schema declares, so a key that the
//    validator never looked up, in a mapping where it looked up others, is a
//    field the schema does not have. Mappings that it enumerates instead
//    (labels, data, resources.limits) are maps and take any key; mappings it
//    does not look into at all are free-form (RawExtension and the like);
//  - what the API server checks beyond the schema: names (DNS-1123; a Job's
//    name becomes a pod label), labels and annotations, volume mounts naming
//    a volume of the pod, restart policies of Jobs and of native sidecars,
//    container names, env var names and key references, quantities,
//    ConfigMap keys and sizes, Service ports, RBAC rules and references,
//    PersistentVolumeClaim essentials, and objects' sizes.

import { readFileSync } from "node:fs";

// apiVersion + kind -> the kubernetes-models module and class that checks it.
const KINDS = {
  "v1/ConfigMap": ["kubernetes-models/v1/ConfigMap", "ConfigMap"],
  "v1/Service": ["kubernetes-models/v1/Service", "Service"],
  "v1/ServiceAccount": ["kubernetes-models/v1/ServiceAccount", "ServiceAccount"],
  "v1/PersistentVolumeClaim": ["kubernetes-models/v1/PersistentVolumeClaim", "PersistentVolumeClaim"],
  "v1/Pod": ["kubernetes-models/v1/Pod", "Pod"],
  "batch/v1/Job": ["kubernetes-models/batch/v1/Job", "Job"],
  "batch/v1/CronJob": ["kubernetes-models/batch/v1/CronJob", "CronJob"],
  "rbac.authorization.k8s.io/v1/Role": ["kubernetes-models/rbac.authorization.k8s.io/v1/Role", "Role"],
  "rbac.authorization.k8s.io/v1/RoleBinding": ["kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding", "RoleBinding"],
  "coordination.k8s.io/v1/Lease": ["kubernetes-models/coordination.k8s.io/v1/Lease", "Lease"],
};

const MiB = 1024 * 1024;
const MAX_OBJECT_BYTES = MiB; // etcd's request limit is 1.5 MiB; stay under 1
const MAX_CONFIGMAP_BYTES = MiB; // the API server's limit for data + binaryData
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIGMAP_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// ---------------------------------------------------------------- output

let problemCount = 0;
const objectsWithProblems = new Set();

function fmtPath(path) {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) s += s === "" ? p : `.${p}`;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s === "" ? "(object)" : s;
}

function q(v) {
  return JSON.stringify(v);
}

function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function describe(v) {
  const t = typeName(v);
  if (t === "string" || t === "number" || t === "boolean") {
    const s = q(v);
    return `${t} ${s.length > 60 ? s.slice(0, 57) + "..." : s}`;
  }
  return t;
}

// A context for one object: where it came from and how to name it.
function makeCtx(file, obj, index) {
  const kind = obj && typeof obj.kind === "string" && obj.kind !== "" ? obj.kind : "<no kind>";
  const name = obj && obj.metadata && typeof obj.metadata.name === "string" && obj.metadata.name !== ""
    ? obj.metadata.name : null;
  const label = name !== null ? `${kind}/${name}` : index === null ? `${kind}/<no name>` : `${kind}/<no name, items[${index}]>`;
  const seen = new Set();
  const schemaPaths = new Set();
  function emit(path, message) {
    const line = `${file}: object ${label}: ${fmtPath(path)}: ${message}`;
    if (seen.has(line)) return;
    seen.add(line);
    problemCount++;
    objectsWithProblems.add(`${file}\0${index}\0${label}`);
    console.log(line);
  }
  return {
    // a problem the schema found
    reportSchema(path, message) {
      schemaPaths.add(fmtPath(path));
      emit(path, message);
    },
    // a problem our own checks found, unless the schema already spoke of it
    report(path, message) {
      if (!schemaPaths.has(fmtPath(path))) emit(path, message);
    },
  };
}

// ---------------------------------------------------------------- helpers

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const arr = (v) => (Array.isArray(v) ? v : []);
const isInt = (v) => typeof v === "number" && Number.isInteger(v);

function levenshtein(a, b) {
  const m = a.length, n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1,
        prev[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

function suggest(word, candidates) {
  let best = null, bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word, c);
    if (d < bestD) { best = c; bestD = d; }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

// ---------------------------------------------------------------- schema

const classes = new Map();

async function classFor(key) {
  if (classes.has(key)) return classes.get(key);
  const [spec, name] = KINDS[key];
  let mod;
  try {
    mod = await import(spec);
  } catch (e) {
    console.error(`validate.mjs: cannot load ${spec}: ${e.message}`);
    console.error("validate.mjs: install the checker's packages first: npm ci --prefix tests/k8s");
    process.exit(2);
  }
  classes.set(key, mod[name]);
  return mod[name];
}

// A deep copy of value in which every mapping is a proxy that records the
// property names looked up on it, and whether its keys were enumerated.
function track(value, records) {
  if (Array.isArray(value)) return value.map((v) => track(v, records));
  if (value === null || typeof value !== "object") return value;
  const target = {};
  for (const k of Object.keys(value)) target[k] = track(value[k], records);
  const rec = { target, read: new Set(), enumerated: false };
  const proxy = new Proxy(target, {
    get(t, k, r) {
      if (typeof k === "string") rec.read.add(k);
      return Reflect.get(t, k, r);
    },
    has(t, k) {
      if (typeof k === "string") rec.read.add(k);
      return Reflect.has(t, k);
    },
    ownKeys(t) {
      rec.enumerated = true;
      return Reflect.ownKeys(t);
    },
  });
  records.set(proxy, rec);
  return proxy;
}

function reportUnknownFields(ctx, value, path, records) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => reportUnknownFields(ctx, v, [...path, i], records));
    return;
  }
  const rec = records.get(value);
  if (!rec) return;
  const checked = rec.read.size > 0 && !rec.enumerated;
  for (const k of Object.keys(rec.target)) {
    if (checked && !rec.read.has(k)) {
      const s = suggest(k, rec.read);
      ctx.report([...path, k], `unknown field ${q(k)}${s ? `; did you mean ${q(s)}?` : ""}`);
      continue;
    }
    reportUnknownFields(ctx, rec.target[k], [...path, k], records);
  }
}

// ajv's instancePath (a JSON pointer) as a path, arrays' indexes as numbers.
function pointerToPath(obj, pointer) {
  const path = [];
  let cur = obj;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur) && /^[0-9]+$/.test(seg)) {
      path.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      path.push(seg);
      cur = isObj(cur) ? cur[seg] : undefined;
    }
  }
  return { path, value: cur };
}

function typeList(t) {
  return Array.isArray(t) ? t.join(" or ") : String(t);
}

function reportSchemaError(ctx, obj, err) {
  const { path, value } = pointerToPath(obj, err.instancePath || "");
  const p = err.params || {};
  switch (err.keyword) {
    case "required":
      ctx.reportSchema([...path, p.missingProperty], "required field is missing");
      break;
    case "type":
      ctx.reportSchema(path, `must be ${typeList(p.type)}, got ${describe(value)}`);
      break;
    case "enum":
      ctx.reportSchema(path, `must be one of ${(p.allowedValues || []).map(q).join(", ")}; got ${describe(value)}`);
      break;
    default:
      ctx.reportSchema(path, err.message || `fails schema rule ${err.keyword}`);
  }
}

// One message for a value that matches no branch of a oneOf/anyOf (an
// IntOrString, a Quantity), instead of one per branch.
function reportAlternatives(ctx, obj, errs) {
  const { path, value } = pointerToPath(obj, errs[0].instancePath || "");
  const alts = [];
  for (const e of errs) {
    const p = e.params || {};
    let alt;
    if (e.keyword === "oneOf" || e.keyword === "anyOf") continue;
    else if (e.keyword === "type") alt = typeList(p.type);
    else if (e.keyword === "format") alt = `a string of format ${q(p.format)}`;
    else if (e.keyword === "enum") alt = `one of ${(p.allowedValues || []).map(q).join(", ")}`;
    else alt = e.message || e.keyword;
    if (!alts.includes(alt)) alts.push(alt);
  }
  // a type error next to a format error of the same branch says nothing more
  const shown = alts.some((a) => a.startsWith("a string of format")) ? alts.filter((a) => a !== "string") : alts;
  ctx.reportSchema(path, `must be ${shown.join(" or ")}; got ${describe(value)}`);
}

function reportSchemaErrors(ctx, obj, errors) {
  const byPath = new Map();
  for (const e of errors) {
    const k = e.instancePath || "";
    if (!byPath.has(k)) byPath.set(k, []);
    byPath.get(k).push(e);
  }
  for (const errs of byPath.values()) {
    if (errs.some((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) reportAlternatives(ctx, obj, errs);
    else for (const e of errs) reportSchemaError(ctx, obj, e);
  }
}

async function checkSchema(ctx, obj) {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const Cls = await classFor(key);
  const records = new Map();
  const tracked = track(new Cls(obj), records);
  let errors = [];
  try {
    // The class's own validate(), run on the recording copy.
    Cls.prototype.validate.call(tracked);
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    errors = e.errors;
  }
  reportSchemaErrors(ctx, obj, errors);
  reportUnknownFields(ctx, tracked, [], records);
}

// ---------------------------------------------------------------- names

// The name rule of each kind beyond "DNS-1123 subdomain of at most 253".
const NAME_RULES = {
  Job: { re: DNS1123_LABEL, what: "DNS-1123 label", max: 63, why: "a Job's name becomes a pod label" },
  CronJob: { re: DNS1123_LABEL, what: "DNS-1123 label", max: 52, why: "the CronJob controller appends 11 characters for its Jobs" },
  Pod: { re: DNS1123_LABEL, what: "DNS-1123 label", max: 63, why: "a pod's name is its hostname" },
  Service: { re: DNS1035_LABEL, what: "DNS-1035 label (starts with a letter)", max: 63, why: "a Service's name is a DNS label" },
};

function checkObjectName(ctx, kind, meta) {
  const path = ["metadata", "name"];
  const name = isObj(meta) ? meta.name : undefined;
  if (typeof name !== "string" || name === "") {
    if (isObj(meta) && typeof meta.generateName === "string") {
      ctx.report(path, "required: generateName alone cannot be applied (kubectl apply needs a name)");
    } else {
      ctx.report(path, "required field is missing");
    }
    return;
  }
  if (name.length > 253) {
    ctx.report(path, `${name.length} characters, more than 253`);
    return;
  }
  if (!DNS1123_SUBDOMAIN.test(name)) {
    ctx.report(path, `${q(name)} is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)`);
    return;
  }
  const rule = NAME_RULES[kind];
  if (!rule) return;
  if (!rule.re.test(name)) {
    ctx.report(path, `${q(name)} is not a ${rule.what}: ${rule.why}`);
  } else if (name.length > rule.max) {
    ctx.report(path, `${name.length} characters, more than ${rule.max}: ${rule.why}`);
  }
}

function checkDNSLabel(ctx, path, value, what) {
  if (typeof value !== "string") return; // the schema reports the type
  if (value === "") ctx.report(path, `${what} must not be empty`);
  else if (!DNS1123_LABEL.test(value)) ctx.report(path, `${q(value)} is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)`);
  else if (value.length > 63) ctx.report(path, `${value.length} characters, more than 63`);
}

function checkSubdomain(ctx, path, value, what) {
  if (typeof value !== "string") return;
  if (value === "") ctx.report(path, `${what} must not be empty`);
  else if (value.length > 253) ctx.report(path, `${value.length} characters, more than 253`);
  else if (!DNS1123_SUBDOMAIN.test(value)) ctx.report(path, `${q(value)} is not a DNS-1123 subdomain`);
}

// A label or annotation key: [prefix/]name.
function qualifiedNameProblem(key) {
  const parts = key.split("/");
  if (parts.length > 2) return "has more than one '/'";
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === "") return "has an empty prefix before '/'";
    if (prefix.length > 253) return "has a prefix longer than 253 characters";
    if (!DNS1123_SUBDOMAIN.test(prefix)) return `has a prefix ${q(prefix)} that is not a DNS-1123 subdomain`;
  }
  if (name === "") return "has an empty name";
  if (name.length > 63) return `has a name of ${name.length} characters, more than 63`;
  if (!QUALIFIED_NAME.test(name)) return "has a name that is not alphanumerics, '-', '_' or '.' starting and ending with an alphanumeric";
  return null;
}

function checkLabelMap(ctx, path, labels) {
  if (!isObj(labels)) return;
  for (const [k, v] of Object.entries(labels)) {
    const kp = qualifiedNameProblem(k);
    if (kp) ctx.report([...path, k], `label key ${q(k)} ${kp}`);
    if (typeof v !== "string") continue; // the schema reports the type
    if (v.length > 63) ctx.report([...path, k], `label value is ${v.length} characters, more than 63`);
    else if (!LABEL_VALUE.test(v)) ctx.report([...path, k], `label value ${q(v)} is not empty or alphanumerics, '-', '_' or '.' starting and ending with an alphanumeric`);
  }
}

function checkMeta(ctx, path, meta) {
  if (!isObj(meta)) return;
  checkLabelMap(ctx, [...path, "labels"], meta.labels);
  if (isObj(meta.annotations)) {
    let size = 0;
    for (const [k, v] of Object.entries(meta.annotations)) {
      const kp = qualifiedNameProblem(k);
      if (kp) ctx.report([...path, "annotations", k], `annotation key ${q(k)} ${kp}`);
      size += Buffer.byteLength(k) + (typeof v === "string" ? Buffer.byteLength(v) : 0);
    }
    if (size > MAX_ANNOTATIONS_BYTES) {
      ctx.report([...path, "annotations"], `annotations total ${size} bytes, more than 256 KiB`);
    }
  }
  if (meta.namespace !== undefined) checkDNSLabel(ctx, [...path, "namespace"], meta.namespace, "namespace");
}

function checkSelector(ctx, path, sel) {
  if (!isObj(sel)) return;
  checkLabelMap(ctx, [...path, "matchLabels"], sel.matchLabels);
  arr(sel.matchExpressions).forEach((e, i) => {
    if (!isObj(e)) return;
    const ep = [...path, "matchExpressions", i];
    if (typeof e.key === "string") {
      const kp = qualifiedNameProblem(e.key);
      if (kp) ctx.report([...ep, "key"], `label key ${q(e.key)} ${kp}`);
    }
    const op = e.operator;
    const n = arr(e.values).length;
    if ((op === "In" || op === "NotIn") && n === 0) ctx.report([...ep, "values"], `must not be empty for operator ${op}`);
    if ((op === "Exists" || op === "DoesNotExist") && n > 0) ctx.report([...ep, "values"], `must be empty for operator ${op}`);
  });
}

// ---------------------------------------------------------------- pods

function checkQuantity(ctx, path, v) {
  if (typeof v !== "string" && typeof v !== "number") return;
  if (!QUANTITY.test(String(v))) ctx.report(path, `${q(v)} is not a quantity (like 100m, 1, 1.5, 64Mi, 2G)`);
}

function checkResources(ctx, path, res) {
  if (!isObj(res)) return;
  for (const which of ["limits", "requests"]) {
    if (!isObj(res[which])) continue;
    for (const [k, v] of Object.entries(res[which])) checkQuantity(ctx, [...path, which, k], v);
  }
}

function checkKeyRef(ctx, path, ref, what) {
  if (!isObj(ref)) return;
  if (typeof ref.name !== "string" || ref.name === "") ctx.report([...path, "name"], `the ${what}'s name is required`);
  else checkSubdomain(ctx, [...path, "name"], ref.name, `${what} name`);
  if (typeof ref.key === "string" && !CONFIGMAP_KEY.test(ref.key)) {
    ctx.report([...path, "key"], `${q(ref.key)} is not a valid key (letters, digits, '-', '_' and '.')`);
  }
}

function checkEnv(ctx, path, env) {
  arr(env).forEach((e, i) => {
    if (!isObj(e)) return;
    const ep = [...path, i];
    if (typeof e.name === "string" && !ENV_VAR_NAME.test(e.name)) {
      ctx.report([...ep, "name"], `${q(e.name)} is not a valid environment variable name (letters, digits, '_', '-' and '.', not starting with a digit)`);
    }
    if (isObj(e.valueFrom)) {
      if (typeof e.value === "string" && e.value !== "") ctx.report([...ep, "value"], "must be empty when valueFrom is set");
      const sources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"].filter((s) => e.valueFrom[s] != null);
      if (sources.length !== 1) ctx.report([...ep, "valueFrom"], `must have exactly one source, has ${sources.length}`);
      checkKeyRef(ctx, [...ep, "valueFrom", "configMapKeyRef"], e.valueFrom.configMapKeyRef, "ConfigMap");
      checkKeyRef(ctx, [...ep, "valueFrom", "secretKeyRef"], e.valueFrom.secretKeyRef, "Secret");
    }
  });
}

function checkPodSpec(ctx, path, spec, ownerKind) {
  if (!isObj(spec)) return;

  const volumes = new Set();
  arr(spec.volumes).forEach((v, i) => {
    if (!isObj(v) || typeof v.name !== "string") return;
    const vp = [...path, "volumes", i, "name"];
    checkDNSLabel(ctx, vp, v.name, "volume name");
    if (volumes.has(v.name)) ctx.report(vp, `duplicate volume name ${q(v.name)}`);
    volumes.add(v.name);
  });

  if (ownerKind === "Job" || ownerKind === "CronJob") {
    const rp = spec.restartPolicy;
    if (rp !== "Never" && rp !== "OnFailure") {
      ctx.report([...path, "restartPolicy"], rp === undefined
        ? `required for a ${ownerKind}: Never or OnFailure (unset means Always, which a Job's pod may not have)`
        : `must be Never or OnFailure for a ${ownerKind}; got ${describe(rp)}`);
    }
  }

  const names = new Set();
  for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
    arr(spec[field]).forEach((c, i) => {
      if (!isObj(c)) return;
      const cp = [...path, field, i];
      if (typeof c.name === "string") {
        checkDNSLabel(ctx, [...cp, "name"], c.name, "container name");
        if (names.has(c.name)) ctx.report([...cp, "name"], `duplicate container name ${q(c.name)} (names are unique across initContainers, containers and ephemeralContainers)`);
        names.add(c.name);
      }
      if (field !== "ephemeralContainers" && (typeof c.image !== "string" || c.image.trim() === "")) {
        ctx.report([...cp, "image"], "required: a container needs an image");
      }
      if (field === "containers" && c.restartPolicy !== undefined) {
        ctx.report([...cp, "restartPolicy"], "only init containers may set restartPolicy (native sidecars)");
      }
      if (field === "initContainers" && c.restartPolicy !== undefined && c.restartPolicy !== "Always") {
        ctx.report([...cp, "restartPolicy"], `an init container's restartPolicy can only be Always (a native sidecar); got ${describe(c.restartPolicy)}`);
      }
      const mountPaths = new Set();
      arr(c.volumeMounts).forEach((m, j) => {
        if (!isObj(m)) return;
        const mp = [...cp, "volumeMounts", j];
        if (typeof m.name === "string" && !volumes.has(m.name)) {
          ctx.report([...mp, "name"], `no volume named ${q(m.name)} in ${fmtPath([...path, "volumes"])}`);
        }
        if (typeof m.mountPath === "string") {
          if (m.mountPath === "") ctx.report([...mp, "mountPath"], "must not be empty");
          else if (mountPaths.has(m.mountPath)) ctx.report([...mp, "mountPath"], `${q(m.mountPath)} is mounted twice in this container`);
          mountPaths.add(m.mountPath);
        }
      });
      arr(c.volumeDevices).forEach((d, j) => {
        if (isObj(d) && typeof d.name === "string" && !volumes.has(d.name)) {
          ctx.report([...cp, "volumeDevices", j, "name"], `no volume named ${q(d.name)} in ${fmtPath([...path, "volumes"])}`);
        }
      });
      checkEnv(ctx, [...cp, "env"], c.env);
      checkResources(ctx, [...cp, "resources"], c.resources);
    });
  }
  if (arr(spec.containers).length === 0 && Array.isArray(spec.containers)) {
    ctx.report([...path, "containers"], "must have at least one container");
  }
}

function checkPodTemplate(ctx, path, tmpl, ownerKind) {
  if (!isObj(tmpl)) return;
  checkMeta(ctx, [...path, "metadata"], tmpl.metadata);
  checkPodSpec(ctx, [...path, "spec"], tmpl.spec, ownerKind);
}

function checkNonNegative(ctx, path, v) {
  if (isInt(v) && v < 0) ctx.report(path, `must be 0 or more; got ${v}`);
}

function checkJobSpec(ctx, path, spec, ownerKind) {
  if (!isObj(spec)) return;
  for (const f of ["backoffLimit", "parallelism", "completions", "ttlSecondsAfterFinished"]) {
    checkNonNegative(ctx, [...path, f], spec[f]);
  }
  if (isInt(spec.activeDeadlineSeconds) && spec.activeDeadlineSeconds <= 0) {
    ctx.report([...path, "activeDeadlineSeconds"], `must be more than 0; got ${spec.activeDeadlineSeconds}`);
  }
  if (spec.selector != null && spec.manualSelector !== true) {
    ctx.report([...path, "selector"], "must not be set unless manualSelector is true (the Job controller makes the selector)");
  }
  checkSelector(ctx, [...path, "selector"], spec.selector);
  if (spec.podFailurePolicy != null && isObj(spec.template) && isObj(spec.template.spec) &&
      spec.template.spec.restartPolicy !== "Never") {
    ctx.report([...path, "podFailurePolicy"], "needs template.spec.restartPolicy Never");
  }
  checkPodTemplate(ctx, [...path, "template"], spec.template, ownerKind);
}

// ---------------------------------------------------------------- kinds

const KIND_CHECKS = {
  Job(ctx, o) {
    checkJobSpec(ctx, ["spec"], o.spec, "Job");
  },
  CronJob(ctx, o) {
    const s = o.spec;
    if (!isObj(s)) return;
    if (typeof s.schedule === "string" && s.schedule.trim() === "") ctx.report(["spec", "schedule"], "must not be empty");
    for (const f of ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) {
      checkNonNegative(ctx, ["spec", f], s[f]);
    }
    if (isObj(s.jobTemplate)) {
      checkMeta(ctx, ["spec", "jobTemplate", "metadata"], s.jobTemplate.metadata);
      checkJobSpec(ctx, ["spec", "jobTemplate", "spec"], s.jobTemplate.spec, "CronJob");
    }
  },
  Pod(ctx, o) {
    checkPodSpec(ctx, ["spec"], o.spec, "Pod");
  },
  ConfigMap(ctx, o) {
    let size = 0;
    const keys = new Set();
    for (const field of ["data", "binaryData"]) {
      if (!isObj(o[field])) continue;
      for (const [k, v] of Object.entries(o[field])) {
        const kp = [field, k];
        if (k.length > 253) ctx.report(kp, `key is ${k.length} characters, more than 253`);
        else if (!CONFIGMAP_KEY.test(k)) ctx.report(kp, `key ${q(k)} is not valid (letters, digits, '-', '_' and '.')`);
        else if (k === "." || k === "..") ctx.report(kp, `key ${q(k)} is not allowed`);
        if (keys.has(k)) ctx.report(kp, `key ${q(k)} is in both data and binaryData`);
        keys.add(k);
        size += Buffer.byteLength(k);
        if (typeof v !== "string") continue;
        if (field === "binaryData") {
          if (!BASE64.test(v) || v.length % 4 !== 0) ctx.report(kp, "is not base64");
          size += Buffer.from(v, "base64").length;
        } else {
          size += Buffer.byteLength(v);
        }
      }
    }
    if (size > MAX_CONFIGMAP_BYTES) ctx.report(["data"], `data and binaryData total ${size} bytes, more than 1 MiB (${MAX_CONFIGMAP_BYTES})`);
  },
  Service(ctx, o) {
    const s = o.spec;
    if (!isObj(s)) return;
    checkLabelMap(ctx, ["spec", "selector"], s.selector);
    const ports = arr(s.ports);
    if (s.type !== "ExternalName" && s.clusterIP !== "None" && ports.length === 0) {
      ctx.report(["spec", "ports"], "required unless the Service is headless (clusterIP: None) or ExternalName");
    }
    const names = new Set();
    ports.forEach((p, i) => {
      if (!isObj(p)) return;
      const pp = ["spec", "ports", i];
      if (ports.length > 1 && (typeof p.name !== "string" || p.name === "")) ctx.report([...pp, "name"], "required when a Service has more than one port");
      if (typeof p.name === "string" && p.name !== "") {
        checkDNSLabel(ctx, [...pp, "name"], p.name, "port name");
        if (names.has(p.name)) ctx.report([...pp, "name"], `duplicate port name ${q(p.name)}`);
        names.add(p.name);
      }
      if (isInt(p.port) && (p.port < 1 || p.port > 65535)) ctx.report([...pp, "port"], `must be 1 to 65535; got ${p.port}`);
    });
  },
  PersistentVolumeClaim(ctx, o) {
    const s = o.spec;
    if (!isObj(s)) { ctx.report(["spec"], "required field is missing"); return; }
    if (arr(s.accessModes).length === 0) ctx.report(["spec", "accessModes"], "at least one access mode is required");
    const storage = isObj(s.resources) && isObj(s.resources.requests) ? s.resources.requests.storage : undefined;
    if (storage === undefined) ctx.report(["spec", "resources", "requests", "storage"], "required field is missing");
    checkResources(ctx, ["spec", "resources"], s.resources);
    checkSelector(ctx, ["spec", "selector"], s.selector);
  },
  Role(ctx, o) {
    arr(o.rules).forEach((r, i) => {
      if (!isObj(r)) return;
      const rp = ["rules", i];
      if (arr(r.verbs).length === 0) ctx.report([...rp, "verbs"], "at least one verb is required");
      if (arr(r.nonResourceURLs).length > 0) {
        ctx.report([...rp, "nonResourceURLs"], "a namespaced Role cannot apply to non-resource URLs");
        return;
      }
      if (arr(r.apiGroups).length === 0) ctx.report([...rp, "apiGroups"], "resource rules must name at least one API group (\"\" is the core group)");
      if (arr(r.resources).length === 0) ctx.report([...rp, "resources"], "resource rules must name at least one resource");
    });
  },
  RoleBinding(ctx, o) {
    const rr = o.roleRef;
    if (isObj(rr)) {
      if (rr.apiGroup !== "rbac.authorization.k8s.io") ctx.report(["roleRef", "apiGroup"], `must be "rbac.authorization.k8s.io"; got ${describe(rr.apiGroup)}`);
      if (rr.kind !== "Role" && rr.kind !== "ClusterRole") ctx.report(["roleRef", "kind"], `must be Role or ClusterRole; got ${describe(rr.kind)}`);
      if (typeof rr.name === "string" && rr.name === "") ctx.report(["roleRef", "name"], "must not be empty");
    }
    arr(o.subjects).forEach((s, i) => {
      if (!isObj(s)) return;
      const sp = ["subjects", i];
      if (s.kind === "ServiceAccount") {
        if (s.apiGroup !== undefined && s.apiGroup !== "") ctx.report([...sp, "apiGroup"], "must be empty for a ServiceAccount");
        checkSubdomain(ctx, [...sp, "name"], s.name, "ServiceAccount name");
        if (s.namespace !== undefined) checkDNSLabel(ctx, [...sp, "namespace"], s.namespace, "namespace");
      } else if (s.kind === "User" || s.kind === "Group") {
        if (s.apiGroup !== "rbac.authorization.k8s.io") ctx.report([...sp, "apiGroup"], `must be "rbac.authorization.k8s.io" for a ${s.kind}`);
      } else {
        ctx.report([...sp, "kind"], `must be ServiceAccount, User or Group; got ${describe(s.kind)}`);
      }
    });
  },
};

// ---------------------------------------------------------------- driver

async function checkObject(file, obj, index) {
  const ctx = makeCtx(file, obj, index);
  if (!isObj(obj)) {
    ctx.report([], `must be an object; got ${describe(obj)}`);
    return;
  }
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    ctx.report([], "apiVersion and kind are required");
    return;
  }
  const key = `${obj.apiVersion}/${obj.kind}`;
  if (!Object.prototype.hasOwnProperty.call(KINDS, key)) {
    ctx.report(["kind"], `unsupported kind ${q(obj.kind)} of apiVersion ${q(obj.apiVersion)} (known: ${Object.keys(KINDS).join(", ")})`);
    return;
  }
  const bytes = Buffer.byteLength(JSON.stringify(obj));
  if (bytes > MAX_OBJECT_BYTES) ctx.report([], `object is ${bytes} bytes of JSON, more than 1 MiB`);
  await checkSchema(ctx, obj);
  checkObjectName(ctx, obj.kind, obj.metadata);
  checkMeta(ctx, ["metadata"], obj.metadata);
  const extra = KIND_CHECKS[obj.kind];
  if (extra) extra(ctx, obj);
}

function usage(status) {
  const out = status === 0 ? console.log : console.error;
  out("usage: node validate.mjs [--stdin-name NAME] [FILE|-]...");
  out("Checks the Kubernetes objects in each JSON FILE (a List, an object or an");
  out("array of objects; - or no FILE reads standard input) against the");
  out("Kubernetes schema. Exit status: 0 all valid, 1 problems, 2 bad usage.");
  process.exit(status);
}

async function main(argv) {
  let stdinName = "<stdin>";
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") usage(0);
    else if (a === "--stdin-name") {
      if (i + 1 >= argv.length) usage(2);
      stdinName = argv[++i];
    } else if (a.startsWith("--stdin-name=")) stdinName = a.slice("--stdin-name=".length);
    else if (a === "--") { files.push(...argv.slice(i + 1)); break; }
    else if (a.startsWith("-") && a !== "-") { console.error(`validate.mjs: unknown option ${a}`); usage(2); }
    else files.push(a);
  }
  if (files.length === 0) files.push("-");

  let objects = 0;
  for (const f of files) {
    const name = f === "-" ? stdinName : f;
    let text;
    try {
      text = readFileSync(f === "-" ? 0 : f, "utf8");
    } catch (e) {
      console.log(`${name}: cannot read: ${e.message}`);
      problemCount++;
      continue;
    }
    let doc;
    try {
      if (text.trim() === "") throw new Error("empty input");
      doc = JSON.parse(text);
    } catch (e) {
      console.log(`${name}: not valid JSON: ${e.message}`);
      problemCount++;
      continue;
    }
    let items;
    if (Array.isArray(doc)) items = doc;
    else if (isObj(doc) && doc.kind === "List") {
      if (doc.apiVersion !== "v1") {
        console.log(`${name}: a List must have apiVersion "v1"; got ${describe(doc.apiVersion)}`);
        problemCount++;
      }
      if (!Array.isArray(doc.items)) {
        console.log(`${name}: a List must have an array "items"; got ${describe(doc.items)}`);
        problemCount++;
        continue;
      }
      items = doc.items;
    } else items = null;
    if (items === null) {
      objects++;
      await checkObject(name, doc, null);
    } else {
      for (let i = 0; i < items.length; i++) {
        objects++;
        await checkObject(name, items[i], i);
      }
    }
  }
  if (problemCount > 0) {
    console.error(`validate.mjs: ${problemCount} problem${problemCount === 1 ? "" : "s"} in ${objectsWithProblems.size} of ${objects} object${objects === 1 ? "" : "s"}`);
    process.exitCode = 1;
  } else {
    console.log(`${objects} objects ok`);
  }
}

await main(process.argv.slice(2));
