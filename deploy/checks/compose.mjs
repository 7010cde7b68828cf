// The rules docker-compose.yml follows beyond what `docker-compose config` validates (check-compose.mjs runs them):
// every long-running service restarts by itself, has a memory limit and a health check and waits for the health of
// what it depends on; a one-shot service (one that others wait for with service_completed_successfully) runs once
// and publishes nothing; the services built from deploy/Dockerfile pass the port their application.yml defaults to
// and publish it, and answer health, metrics and API docs on a management port of their own (MANAGEMENT_SERVER_PORT),
// which no service publishes; no secret is written into the file or given to an image build, and every variable the
// file reads is documented in .env.example, so that the file runs with no .env at all.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SECRET_NAME } from "./policy.mjs";

const environment = (env) =>
  Array.isArray(env) ? Object.fromEntries(env.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2))) : env ?? {};

/** The container port of a ports entry: "8000:8000", "127.0.0.1:9001:9000/tcp", "9000", or the long syntax. */
const containerPort = (entry) => (typeof entry === "object" ? String(entry.target) : String(entry).split(":").pop().split("/")[0]);

const dependencies = (service) =>
  Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((d) => [d, {}])) : service.depends_on ?? {};

/**
 * The problems of a Compose file: `raw` is the file as written (YAML merges applied), `resolved` the output of
 * `docker-compose config`, `root` the file's directory, `envExample` the text of .env.example.
 */
export function composeProblems({ raw, resolved, root, envExample }) {
  const problems = [];
  const problem = (service, message) => problems.push(`service ${service}: ${message}`);
  const services = resolved.services ?? {};

  const oneShot = new Set();
  for (const service of Object.values(services)) {
    for (const [dependency, { condition }] of Object.entries(dependencies(service))) {
      if (condition === "service_completed_successfully") oneShot.add(dependency);
    }
  }

  for (const [name, service] of Object.entries(services)) {
    if (!service.deploy?.resources?.limits?.memory && !service.mem_limit) {
      problem(name, "no memory limit (deploy.resources.limits.memory)");
    }
    for (const [dependency, { condition }] of Object.entries(dependencies(service))) {
      const expected = oneShot.has(dependency) ? "service_completed_successfully" : "service_healthy";
      if (condition !== expected) {
        problem(name, `depends on ${dependency} without condition: ${expected}`);
      }
    }
    if (oneShot.has(name)) {
      // Restarted after it succeeded, it would run again and again; its dependants start only once it exited with 0.
      if (service.restart && service.restart !== "no") {
        problem(name, `is a one-shot service (others wait for it to complete), but restart is "${service.restart}": use "no"`);
      }
      if ((service.ports ?? []).length > 0) {
        problem(name, "is a one-shot service, but publishes ports");
      }
      continue;
    }

    if (!["always", "unless-stopped", "on-failure"].includes(service.restart)) {
      problem(name, `restart is "${service.restart ?? "no"}": use unless-stopped`);
    }
    const dockerfile = service.build ? join(service.build.context ?? root, service.build.dockerfile ?? "Dockerfile") : null;
    const imageHealthcheck = dockerfile && existsSync(dockerfile) && /^HEALTHCHECK\s+(?!NONE)/m.test(readFileSync(dockerfile, "utf8"));
    if (service.healthcheck?.disable || (!service.healthcheck?.test && !imageHealthcheck)) {
      problem(name, "no health check (healthcheck.test, or a HEALTHCHECK in the image it builds)");
    }

    // Health, metrics and API docs answer on the management port without a token: never on the host's network.
    const management = environment(service.environment).MANAGEMENT_SERVER_PORT;
    const serverPort = environment(service.environment).SERVER_PORT ?? environment(service.build?.args).SERVER_PORT;
    if (management !== undefined && management !== null && management !== "" && String(management) !== String(serverPort)) {
      if ((service.ports ?? []).some((p) => containerPort(p) === String(management))) {
        problem(name, `publishes its management port ${management} (health, metrics, API docs): keep it on the Compose network`);
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
      const published = (service.ports ?? []).some((p) => containerPort(p) === port);
      if (!published) {
        problem(name, `does not publish its port ${port}`);
      }
      if (!/^\d+$/.test(String(management ?? "")) || String(management) === port) {
        problem(name, `MANAGEMENT_SERVER_PORT is not a port of its own: health, metrics and API docs would answer on its published port ${port}`);
      }
    }
  }

  // A secret is .env's value, read as ${VARIABLE} with no default written after it (an empty one lets the secrets
  // service generate it), or a file; never a value in this file, and never a build argument (it would stay in the
  // image's history).
  for (const [name, service] of Object.entries(raw.services ?? {})) {
    for (const [key, value] of Object.entries(environment(service.environment))) {
      if (SECRET_NAME.test(key) && value !== null && value !== "" && !/^\$\{[A-Za-z_][A-Za-z0-9_]*(:?-)?\}$/.test(String(value))) {
        problem(name, `environment ${key} is written in the file: take it from .env with \${VARIABLE} or \${VARIABLE:-}, no default`);
      }
    }
    for (const key of Object.keys(environment(service.build?.args))) {
      if (SECRET_NAME.test(key)) {
        problem(name, `build argument ${key} looks secret: an image keeps its build arguments`);
      }
    }
  }

  // Every variable the file reads is in .env.example (set, or commented out), so .env's reader knows it.
  const documented = new Set([...String(envExample).matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
  const read = new Set([...JSON.stringify(raw).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  for (const variable of [...read].filter((v) => !documented.has(v)).sort()) {
    problems.push(`variable ${variable} is not documented in .env.example`);
  }
  return problems;
}
