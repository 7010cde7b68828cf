// Checks docker-compose.yml beyond what `docker-compose config` validates:
//   node check-compose.mjs docker-compose.yml RESOLVED.yaml
// RESOLVED.yaml is the output of `docker-compose config` (variables and YAML merges applied). Every service must
// restart by itself, have a memory limit and a health check, and wait for the health of what it depends on; the
// services built from deploy/Dockerfile must pass the port their application.yml defaults to and publish it; no
// secret may be written into the file instead of coming from .env.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { SECRET_NAME } from "./policy.mjs";

const [composeFile, resolvedFile] = process.argv.slice(2);
if (!composeFile || !resolvedFile) {
  console.error("usage: node check-compose.mjs docker-compose.yml RESOLVED.yaml");
  process.exit(2);
}
const root = dirname(resolve(composeFile));
const raw = parse(readFileSync(composeFile, "utf8"), { merge: true });
const resolved = parse(readFileSync(resolvedFile, "utf8"));
const problems = [];
const problem = (service, message) => problems.push(`${composeFile}: service ${service}: ${message}`);

const environment = (env) =>
  Array.isArray(env) ? Object.fromEntries(env.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2))) : env ?? {};

for (const [name, service] of Object.entries(resolved.services ?? {})) {
  if (!["always", "unless-stopped", "on-failure"].includes(service.restart)) {
    problem(name, `restart is "${service.restart ?? "no"}": use unless-stopped`);
  }
  if (!service.deploy?.resources?.limits?.memory && !service.mem_limit) {
    problem(name, "no memory limit (deploy.resources.limits.memory)");
  }
  const dockerfile = service.build ? join(service.build.context ?? root, service.build.dockerfile ?? "Dockerfile") : null;
  const imageHealthcheck = dockerfile && existsSync(dockerfile) && /^HEALTHCHECK\s+(?!NONE)/m.test(readFileSync(dockerfile, "utf8"));
  if (service.healthcheck?.disable || (!service.healthcheck?.test && !imageHealthcheck)) {
    problem(name, "no health check (healthcheck.test, or a HEALTHCHECK in the image it builds)");
  }
  const dependsOn = Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((d) => [d, {}])) : service.depends_on ?? {};
  for (const [dependency, { condition }] of Object.entries(dependsOn)) {
    if (condition !== "service_healthy") {
      problem(name, `depends on ${dependency} without condition: service_healthy`);
    }
  }

  if (dockerfile && resolve(dockerfile) === resolve(root, "deploy/Dockerfile")) {
    const args = environment(service.build.args);
    const application = join(root, String(args.SERVICE ?? ""), "src/main/resources/application.yml");
    const port = existsSync(application) ? /port: \$\{SERVER_PORT:(\d+)\}/.exec(readFileSync(application, "utf8"))?.[1] : undefined;
    if (!port) {
      problem(name, `build argument SERVICE "${args.SERVICE}" is not a service of this repository`);
      continue;
    }
    if (String(args.SERVER_PORT) !== port) {
      problem(name, `build argument SERVER_PORT is "${args.SERVER_PORT}", but ${args.SERVICE} listens on ${port}`);
    }
    const published = (service.ports ?? []).some((p) =>
      typeof p === "object" ? String(p.target) === port : String(p).endsWith(`:${port}`),
    );
    if (!published) {
      problem(name, `does not publish its port ${port}`);
    }
  }
}

// Secrets come from .env (${VAR}), never as values written in the file.
for (const [name, service] of Object.entries(raw.services ?? {})) {
  for (const [key, value] of Object.entries(environment(service.environment))) {
    if (SECRET_NAME.test(key) && value !== null && value !== "" && !String(value).includes("${")) {
      problem(name, `environment ${key} is written in the file: take it from .env with \${VARIABLE}`);
    }
  }
}

for (const message of problems) {
  console.log(`  ✗ ${message}`);
}
if (problems.length === 0) {
  console.log(`  ✓ ${Object.keys(resolved.services ?? {}).length} services restart, have memory limits and health checks, wait for healthy dependencies; no secret in the file`);
}
process.exit(problems.length === 0 ? 0 : 1);
