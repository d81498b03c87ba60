#!/usr/bin/env node
// The Jobs a wfc plan holds for the coordinator to create, as a List for
// validate.mjs.
//
//   wfc compile -o json wf.yaml | node plan-jobs.mjs
//
// Reads what `wfc compile -o json` prints, joins each plan from its
// ConfigMaps (`<wf>-plan` with "plan.json", or with "parts" and
// "plan.json.0" beside `<wf>-plan-K` holding "plan.json.K"), and prints a
// List of:
//  - each node's Job made of `jobWrapper` with `pod` as spec.template.spec
//    (--job-creation lazy, CronWorkflow);
//  - each `jobTemplates` entry's `job` and `service` (prototypes).
// In them every {{...}} tag is given a sample value, as the coordinator
// fills them: {{wfc.job}} a Job name, {{wfc.node}} a node name,
// {{wfc.lbrace}} "{", and any other tag "1" (a valid name, label value,
// quantity and image). Tags are found as the coordinator finds them: "{{"
// up to the next "}}". Exit status 2 when the input is not such a List.

import { readFileSync } from "node:fs";

function fill(v) {
  if (typeof v === "string") {
    return v.replace(/\{\{([\s\S]*?)\}\}/g, (_, tag) => {
      const t = tag.trim();
      if (t === "wfc.job") return "wfc-sample-job";
      if (t === "wfc.node") return "wf.sample(0:a)";
      if (t === "wfc.lbrace") return "{";
      return "1";
    });
  }
  if (Array.isArray(v)) return v.map(fill);
  if (v && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = fill(x);
    return o;
  }
  return v;
}

function plans(items) {
  const cms = new Map();
  for (const o of items) {
    if (o && o.kind === "ConfigMap" && o.metadata && o.data) cms.set(o.metadata.name, o.data);
  }
  const out = [];
  for (const [name, data] of cms) {
    let text = null;
    if (typeof data["plan.json"] === "string") text = data["plan.json"];
    else if (typeof data.parts === "string") {
      const n = Number(data.parts);
      const chunks = [data["plan.json.0"]];
      for (let k = 1; k < n; k++) chunks.push((cms.get(`${name}-${k}`) || {})[`plan.json.${k}`]);
      if (chunks.some((c) => typeof c !== "string")) throw new Error(`plan ${name}: a part is missing`);
      text = chunks.join("");
    }
    if (text !== null) out.push(JSON.parse(text));
  }
  return out;
}

let doc;
try {
  doc = JSON.parse(readFileSync(0, "utf8"));
} catch (e) {
  console.error(`plan-jobs.mjs: not valid JSON: ${e.message}`);
  process.exit(2);
}
if (!doc || doc.kind !== "List" || !Array.isArray(doc.items)) {
  console.error("plan-jobs.mjs: expected the List of wfc compile -o json");
  process.exit(2);
}
const items = [];
try {
  for (const plan of plans(doc.items)) {
    for (const n of plan.nodes || []) {
      if (n.jobWrapper && n.pod) {
        const job = structuredClone(n.jobWrapper);
        job.spec.template.spec = n.pod;
        items.push(fill(job));
      }
    }
    for (const e of Object.values(plan.jobTemplates || {})) {
      if (e.job) items.push(fill(e.job));
      if (e.service) items.push(fill(e.service));
    }
  }
} catch (e) {
  console.error(`plan-jobs.mjs: ${e.message}`);
  process.exit(2);
}
console.log(JSON.stringify({ apiVersion: "v1", kind: "List", items }));
