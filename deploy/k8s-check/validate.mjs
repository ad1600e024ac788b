// Checks Kubernetes Job manifests offline against the Kubernetes API's own schema, twice:
//  1. kubernetes-models' validators, compiled from the Kubernetes OpenAPI definitions: field
//     types, enums (completionMode, restartPolicy, ...), required fields, integer formats;
//  2. the same package's TypeScript types through the TypeScript compiler: every field must
//     exist in the schema (the OpenAPI definitions do not forbid unknown fields, so a typo such
//     as `completionz: 8` would pass check 1 and be silently dropped by a cluster).
// Usage: node validate.mjs MANIFEST.yaml...   Exit status 0 when every Job in them passes both.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { Job } from "kubernetes-models/batch/v1/Job";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
const checked = [];
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  docs.forEach((doc, i) => {
    if (doc.errors.length) {
      console.log(`${file}: document ${i}: not valid YAML: ${doc.errors[0].message}`);
      failed++;
      return;
    }
    const obj = doc.toJS();
    if (obj?.apiVersion !== "batch/v1" || obj?.kind !== "Job") {
      console.log(`${file}: document ${i}: not a batch/v1 Job (apiVersion ${obj?.apiVersion}, kind ${obj?.kind})`);
      failed++;
      return;
    }
    try {
      new Job(obj).validate();
    } catch (e) {
      console.log(`${file}: Job ${obj.metadata?.name}: schema: ${e.message}`);
      failed++;
    }
    checked.push({ file, name: obj.metadata?.name, obj });
  });
}

// unknown fields: the manifests as typed object literals (excess property checks)
const dir = mkdtempSync(join(tmpdir(), "k8s-check-"));
try {
  const source = join(dir, "manifests.ts");
  let text = `import type { IJob } from ${JSON.stringify(join(here, "node_modules/kubernetes-models/batch/v1/Job.js"))};\n`;
  const firstLine = [];
  checked.forEach((c, i) => {
    firstLine.push(text.split("\n").length - 1);
    text += `export const job${i}: IJob = ${JSON.stringify(c.obj, null, 1)};\n`;
  });
  writeFileSync(source, text);
  const program = ts.createProgram([source], {
    noEmit: true, strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [],
  });
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const owner = checked[Math.max(0, firstLine.filter(l => l <= line).length - 1)];
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ").replace(/ Object literal may only.*$/, "");
    console.log(`${owner?.file}: Job ${owner?.name}: field check: ${message}`);
    failed++;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const c of checked) {
  if (!failed) console.log(`${c.file}: Job ${c.name}: valid against the batch/v1 Job schema (types, enums, required, no unknown fields)`);
}
process.exit(failed ? 1 : 0);
