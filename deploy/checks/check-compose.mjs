// Checks docker-compose.yml beyond what `docker-compose config` validates (the rules: compose.mjs):
//   node check-compose.mjs docker-compose.yml RESOLVED.yaml
// RESOLVED.yaml is the output of `docker-compose config` (variables and YAML merges applied); .env.example is read
// from the Compose file's directory.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { composeProblems } from "./compose.mjs";

const [composeFile, resolvedFile] = process.argv.slice(2);
if (!composeFile || !resolvedFile) {
  console.error("usage: node check-compose.mjs docker-compose.yml RESOLVED.yaml");
  process.exit(2);
}
const root = dirname(resolve(composeFile));
const problems = composeProblems({
  raw: parse(readFileSync(composeFile, "utf8"), { merge: true }),
  resolved: parse(readFileSync(resolvedFile, "utf8")),
  root,
  envExample: readFileSync(join(root, ".env.example"), "utf8"),
});

for (const message of problems) {
  console.log(`  ✗ ${composeFile}: ${message}`);
}
if (problems.length === 0) {
  console.log(
    "  ✓ every service restarts, has a memory limit and a health check and waits for its dependencies;" +
      " one-shot services run once; health, metrics and API docs on an unpublished management port;" +
      " no secret in the file; every variable in .env.example",
  );
}
process.exit(problems.length === 0 ? 0 : 1);
