// Checks rendered overlays: node check-manifests.mjs [--allow-secrets=dev] dev=rendered-dev.yaml prod=rendered-prod.yaml
// Every object must validate against the Kubernetes schemas (with no unknown field) and the whole overlay must
// follow policy.mjs. Prints each problem with the object, container and reason; exits 1 when there is one.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { describe, expectedSecrets, INTERNAL_PATHS, policyProblems } from "./policy.mjs";
import { schemaErrors } from "./schema.mjs";

const args = process.argv.slice(2);
const allowSecrets = new Set(
  args.filter((a) => a.startsWith("--allow-secrets=")).flatMap((a) => a.slice("--allow-secrets=".length).split(",")),
);
const overlays = args.filter((a) => !a.startsWith("--")).map((a) => a.split(/=(.*)/s).slice(0, 2));
if (overlays.length === 0 || overlays.some(([name, file]) => !name || !file)) {
  console.error("usage: node check-manifests.mjs [--allow-secrets=NAME,...] NAME=RENDERED.yaml ...");
  process.exit(2);
}

let failures = 0;
for (const [name, file] of overlays) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  const objects = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      console.log(`  ✗ ${name}: ${file} is not valid YAML: ${document.errors[0].message}`);
      failures++;
    } else if (document.contents !== null) {
      objects.push(document.toJS());
    }
  }
  if (objects.length === 0) {
    console.log(`  ✗ ${name}: rendered no objects`);
    failures++;
    continue;
  }

  let schemaFailures = 0;
  for (const object of objects) {
    for (const error of await schemaErrors(object)) {
      console.log(`  ✗ ${name}: ${describe(object)}: schema: ${error}`);
      schemaFailures++;
    }
  }
  console.log(
    schemaFailures === 0
      ? `  ✓ ${name}: ${objects.length} objects match the Kubernetes schemas, no unknown fields`
      : `  ✗ ${name}: ${schemaFailures} schema problem(s)`,
  );

  const problems = policyProblems(objects, { allowSecrets: allowSecrets.has(name) });
  for (const { object, container, message } of problems) {
    console.log(`  ✗ ${name}: ${describe(object)}${container ? `, ${container}` : ""}: ${message}`);
  }
  const workloads = objects.filter((o) => o.spec?.template || o.kind === "Pod").length;
  console.log(
    problems.length === 0
      ? `  ✓ ${name}: policy holds for ${workloads} workloads (probes, management port, resources, hardened security context, references) and every published host refuses ${INTERNAL_PATHS.map((p) => p.path).join(", ")}`
      : `  ✗ ${name}: ${problems.length} policy problem(s)`,
  );
  if (!allowSecrets.has(name)) {
    for (const [secret, keys] of expectedSecrets(objects)) {
      console.log(`    ${name} expects Secret ${secret} in the cluster with: ${[...keys].join(", ")}`);
    }
  }
  failures += schemaFailures + problems.length;
}
process.exit(failures === 0 ? 0 : 1);
