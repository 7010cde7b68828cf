// Each rule of the manifest checks must be able to fail: starting from a valid, hardened workload, every test
// breaks one thing and expects exactly that problem to be reported. Run: node --test deploy/checks/checks.test.mjs
import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { composeProblems } from "./compose.mjs";
import { policyProblems } from "./policy.mjs";
import { schemaErrors } from "./schema.mjs";

function hardenedService() {
  const labels = { "app.kubernetes.io/name": "demo" };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "demo" }, automountServiceAccountToken: false },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "demo-config" },
      data: { SERVER_PORT: "8000", MANAGEMENT_SERVER_PORT: "9000" },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "demo" },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: {
            labels,
            annotations: { "prometheus.io/scrape": "true", "prometheus.io/path": "/actuator/prometheus", "prometheus.io/port": "9000" },
          },
          spec: {
            serviceAccountName: "demo",
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
            initContainers: [
              {
                name: "wait",
                image: "example/wait:1.0",
                resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "16Mi" } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
              },
            ],
            containers: [
              {
                name: "demo",
                image: "example/demo:1.0",
                ports: [
                  { name: "http", containerPort: 8000 },
                  { name: "management", containerPort: 9000 },
                ],
                envFrom: [{ configMapRef: { name: "demo-config" } }],
                env: [
                  { name: "DATABASE_PASSWORD", valueFrom: { secretKeyRef: { name: "demo-secrets", key: "DATABASE_PASSWORD" } } },
                ],
                resources: { requests: { cpu: "100m", memory: "512Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                readinessProbe: { httpGet: { path: "/actuator/health/readiness", port: "management" } },
                livenessProbe: { httpGet: { path: "/actuator/health/liveness", port: "management" } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
              },
            ],
            volumes: [{ name: "tmp", emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "demo" },
      spec: { selector: labels, ports: [{ name: "http", port: 8000, targetPort: "http" }] },
    },
    {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "demo" },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "demo" },
        minReplicas: 2,
        maxReplicas: 4,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "demo" },
      spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "demo" },
      spec: {
        rules: [
          {
            host: "demo.example.com",
            http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "demo", port: { name: "http" } } } }] },
          },
        ],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "demo-internal", annotations: { "nginx.ingress.kubernetes.io/denylist-source-range": "0.0.0.0/0,::/0" } },
      spec: {
        rules: [
          {
            host: "demo.example.com",
            http: {
              paths: [
                ["/actuator", "Prefix"],
                ["/internal", "Prefix"],
                ["/token", "Exact"],
              ].map(([path, pathType]) => ({ path, pathType, backend: { service: { name: "demo", port: { name: "http" } } } })),
            },
          },
        ],
      },
    },
  ];
}

const deployment = (objects) => objects.find((o) => o.kind === "Deployment");
const pod = (objects) => deployment(objects).spec.template.spec;
const container = (objects) => pod(objects).containers[0];
const initContainer = (objects) => pod(objects).initContainers[0];

/** Breaks the valid objects with `change` and returns the policy's messages. */
function problemsAfter(change, options) {
  const objects = hardenedService();
  change(objects);
  return policyProblems(objects, options).map((p) => (p.container ? `${p.container}: ${p.message}` : p.message));
}

/** At least one problem, and only the expected kind (a pod-level change may fail each of its containers). */
function assertOnly(messages, expected) {
  assert.ok(messages.length > 0, `expected "${expected}", got no problem`);
  for (const message of messages) {
    assert.match(message, expected, `expected only "${expected}", got ${JSON.stringify(messages)}`);
  }
}

test("the hardened workload passes the policy and the schemas", async () => {
  assert.deepEqual(problemsAfter(() => {}), []);
  for (const object of hardenedService()) {
    assert.deepEqual(await schemaErrors(object), [], `${object.kind}`);
  }
});

const policyRules = {
  "a container without readinessProbe": [(o) => delete container(o).readinessProbe, /container "demo": no readinessProbe/],
  "a container without livenessProbe": [(o) => delete container(o).livenessProbe, /container "demo": no livenessProbe/],
  "a probe on an undeclared port": [(o) => (container(o).livenessProbe.httpGet.port = "admin"), /livenessProbe uses port "admin"/],
  "a container without a CPU request": [(o) => delete container(o).resources.requests.cpu, /no resources.requests.cpu/],
  "a container without a memory limit": [(o) => delete container(o).resources.limits.memory, /no resources.limits.memory/],
  "an init container without resources": [(o) => delete initContainer(o).resources, /init container "wait": no resources\./],
  "a pod that may run as root": [(o) => delete pod(o).securityContext.runAsNonRoot, /runAsNonRoot is not true/],
  "a container that runs as uid 0": [(o) => (container(o).securityContext.runAsUser = 0), /runAsUser is not a fixed non-root uid/],
  "a pod without a fixed uid": [(o) => delete pod(o).securityContext.runAsUser, /runAsUser is not a fixed non-root uid/],
  "a writable root filesystem": [(o) => (container(o).securityContext.readOnlyRootFilesystem = false), /readOnlyRootFilesystem is not true/],
  "an init container that may escalate privileges": [
    (o) => delete initContainer(o).securityContext.allowPrivilegeEscalation,
    /init container "wait": securityContext.allowPrivilegeEscalation is not false/,
  ],
  "capabilities not dropped": [(o) => (container(o).securityContext.capabilities.drop = ["NET_RAW"]), /capabilities.drop does not include "ALL"/],
  "a capability added": [(o) => (container(o).securityContext.capabilities.add = ["NET_ADMIN"]), /capabilities.add is not empty/],
  "a privileged container": [(o) => (container(o).securityContext.privileged = true), /privileged is true/],
  "no seccomp profile": [(o) => delete pod(o).securityContext.seccompProfile, /seccompProfile.type is not RuntimeDefault/],
  "no writable /tmp": [(o) => (pod(o).volumes = []), /no emptyDir volume mounted at \/tmp/],
  "an image without a tag": [(o) => (container(o).image = "example/demo"), /has no fixed tag or digest/],
  "an image tagged latest": [(o) => (container(o).image = "example/demo:latest"), /has no fixed tag or digest/],
  "a literal password": [(o) => (container(o).env = [{ name: "DATABASE_PASSWORD", value: "hunter2" }]), /env DATABASE_PASSWORD has a literal value/],
  "a literal key-encryption key": [
    (o) => (container(o).env = [{ name: "FINANCE_SIGNING_KEY_ENCRYPTION_KEY", value: "c2VjcmV0" }]),
    /env FINANCE_SIGNING_KEY_ENCRYPTION_KEY has a literal value/,
  ],
  "a secret in a ConfigMap": [(o) => (o[1].data.FINANCE_SERVICE_CLIENTS = "a:b"), /key FINANCE_SERVICE_CLIENTS looks secret/],
  "a Secret object in an overlay that must not have one": [
    (o) => o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "demo-secrets" }, stringData: { DATABASE_PASSWORD: "x" } }),
    /a Secret in the manifests/,
  ],
  "a pod that mounts its token": [(o) => (pod(o).automountServiceAccountToken = true), /automountServiceAccountToken is not false \(pod/],
  "a ServiceAccount that mounts its token": [(o) => delete o[0].automountServiceAccountToken, /^automountServiceAccountToken is not false$/],
  "the default ServiceAccount": [(o) => delete pod(o).serviceAccountName, /default ServiceAccount/],
  "a hostPath volume": [(o) => pod(o).volumes.push({ name: "host", hostPath: { path: "/" } }), /hostPath/],
  "a missing ConfigMap": [(o) => o.splice(1, 1), /reads ConfigMap demo-config, which the overlay does not contain/],
  "a Deployment without autoscaler": [(o) => o.splice(o.findIndex((x) => x.kind === "HorizontalPodAutoscaler"), 1), /no HorizontalPodAutoscaler/],
  "a Deployment without disruption budget": [(o) => o.splice(o.findIndex((x) => x.kind === "PodDisruptionBudget"), 1), /no PodDisruptionBudget/],
  "pods without scrape annotations": [(o) => (deployment(o).spec.template.metadata.annotations = {}), /prometheus.io scrape annotations/],
  "metrics scraped on the public port": [
    (o) => (deployment(o).spec.template.metadata.annotations["prometheus.io/port"] = "8000"),
    /prometheus.io scrape annotations for \/actuator\/prometheus on the port "management"/,
  ],
  "a probe of the actuator on the public port": [
    (o) => (container(o).readinessProbe.httpGet.port = "http"),
    /readinessProbe asks \/actuator\/health\/readiness on port "http": use the port "management"/,
  ],
  "a probe of the actuator by the public port's number": [
    (o) => (container(o).livenessProbe.httpGet.port = 8000),
    /livenessProbe asks \/actuator\/health\/liveness on port "8000"/,
  ],
  "a container without a management port": [
    (o) => {
      container(o).ports = [{ name: "http", containerPort: 8000 }];
      container(o).readinessProbe.httpGet.port = container(o).livenessProbe.httpGet.port = "http";
    },
    /declares no port named "management"|scrape annotations for \/actuator\/prometheus on the port "management"/,
  ],
  "no MANAGEMENT_SERVER_PORT": [(o) => delete o[1].data.MANAGEMENT_SERVER_PORT, /MANAGEMENT_SERVER_PORT is unset, but the port "management" is 9000/],
  "a MANAGEMENT_SERVER_PORT that is not the management port": [
    (o) => (container(o).env.push({ name: "MANAGEMENT_SERVER_PORT", value: "9090" })),
    /MANAGEMENT_SERVER_PORT is "9090", but the port "management" is 9000/,
  ],
  "a Service that exposes the management port": [
    (o) => o[3].spec.ports.push({ name: "management", port: 9000, targetPort: "management" }),
    /port management exposes its pods' port "management"/,
  ],
  "a Service that exposes the management port by number": [
    (o) => o[3].spec.ports.push({ name: "metrics", port: 80, targetPort: 9000 }),
    /port metrics exposes its pods' port "management"/,
  ],
  "a Service selecting nothing": [(o) => (o[3].spec.selector = { "app.kubernetes.io/name": "other" }), /selects no pods/],
  "a Service port no pod declares": [(o) => (o[3].spec.ports[0].targetPort = "web"), /targetPort "web" is declared by none/],
  "an Ingress to a missing Service": [(o) => (o[6].spec.rules[0].http.paths[0].backend.service.name = "gone"), /routes to Service gone/],
  "a host that does not refuse /internal": [
    (o) => o[7].spec.rules[0].http.paths.splice(1, 1),
    /^demo.example.com publishes \/internal, which only the services call: refuse it \(Prefix\)/,
  ],
  "a host that does not refuse /token": [(o) => o[7].spec.rules[0].http.paths.splice(2, 1), /^demo.example.com publishes \/token, which/],
  "a refusal of /internal/events only": [(o) => (o[7].spec.rules[0].http.paths[1].path = "/internal/events"), /publishes \/internal, which/],
  "a refusal that lets some addresses in": [
    (o) => (o[7].metadata.annotations["nginx.ingress.kubernetes.io/denylist-source-range"] = "0.0.0.0/0"),
    /publishes \/(actuator|internal|token), which|demo.example.com\/(actuator|internal|token) routes/,
  ],
  "a refusal for another ingress class": [(o) => (o[7].spec.ingressClassName = "other"), /publishes \/(actuator|internal|token), which/],
  "a refusal for another host": [(o) => (o[7].spec.rules[0].host = "other.example.com"), /^demo.example.com publishes/],
  "a published route into /internal": [
    (o) => o[6].spec.rules[0].http.paths.push({ path: "/internal/events", pathType: "Prefix", backend: { service: { name: "demo", port: { name: "http" } } } }),
    /^demo.example.com\/internal\/events routes \/internal, which only the services call/,
  ],
  "a published route to /token": [
    (o) => o[6].spec.rules[0].http.paths.push({ path: "/token", pathType: "Exact", backend: { service: { name: "demo", port: { name: "http" } } } }),
    /^demo.example.com\/token routes \/token/,
  ],
};
for (const [name, [change, expected]] of Object.entries(policyRules)) {
  test(`policy rejects ${name}`, () => assertOnly(problemsAfter(change), expected));
}

test("policy checks secret references where the overlay renders its Secrets", () => {
  const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "demo-secrets" }, stringData: { OTHER: "x" } };
  assertOnly(
    problemsAfter((o) => o.push(secret), { allowSecrets: true }),
    /reads key DATABASE_PASSWORD of Secret demo-secrets, which has no such key/,
  );
});

test("schemas reject a wrong type, an unknown field and an unknown kind", async () => {
  const objects = hardenedService();
  container(objects).ports[0].containerPort = "8000";
  assert.deepEqual(await schemaErrors(deployment(objects)), [
    "spec.template.spec.containers.0.ports.0.containerPort: must be integer",
  ]);

  const misspelled = hardenedService();
  container(misspelled).readinesProbe = container(misspelled).readinessProbe;
  pod(misspelled).securityContext.readOnlyRootFilesystem = true; // a container field, misplaced on the pod
  assert.deepEqual(await schemaErrors(deployment(misspelled)), [
    'spec.template.spec.securityContext.readOnlyRootFilesystem: unknown field "readOnlyRootFilesystem"',
    'spec.template.spec.containers[0].readinesProbe: unknown field "readinesProbe"',
  ]);

  assert.match((await schemaErrors({ apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster" }))[0], /no Kubernetes schema/);
});

/** A small Compose file that follows the rules: a one-shot secrets service, a database, an application. */
function composeFile() {
  const limits = { resources: { limits: { memory: "64M" } } };
  const healthcheck = { test: ["CMD", "true"] };
  return {
    services: {
      secrets: {
        image: "postgres:18",
        restart: "no",
        environment: { DB_PASSWORD: "${DB_PASSWORD:-}" },
        deploy: limits,
      },
      db: {
        image: "postgres:18",
        restart: "unless-stopped",
        environment: { DB_PASSWORD_FILE: "/run/secrets/db/DB_PASSWORD" },
        depends_on: { secrets: { condition: "service_completed_successfully" } },
        healthcheck,
        deploy: limits,
      },
      app: {
        image: "example/app:1",
        restart: "unless-stopped",
        environment: { SIGNING_KEY_PEM: "${SIGNING_KEY_PEM:-}", MANAGEMENT_SERVER_PORT: "9000" },
        depends_on: { secrets: { condition: "service_completed_successfully" }, db: { condition: "service_healthy" } },
        ports: ["8000:8000"],
        healthcheck,
        deploy: limits,
      },
    },
  };
}

/**
 * Breaks the valid Compose file with `change` (applied to the file as written and as resolved) and returns the rules'
 * messages. `root` is where the file lies: this repository's root lets a service be built from deploy/Dockerfile.
 */
function composeProblemsAfter(change, root = "/nonexistent") {
  const file = composeFile();
  change(file);
  return composeProblems({ raw: file, resolved: file, root, envExample: "DB_PASSWORD=\n# SIGNING_KEY_PEM=\n" });
}

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

/** The application built from this repository's deploy/Dockerfile as the user service, as docker-compose.yml does. */
function builtFromTheDockerfile(compose) {
  delete compose.services.app.image;
  compose.services.app.build = {
    context: REPOSITORY,
    dockerfile: "deploy/Dockerfile",
    args: { SERVICE: "user-service", SERVER_PORT: "8000" },
  };
}

test("the Compose file with a one-shot secrets service passes the rules", () => {
  assert.deepEqual(composeProblemsAfter(() => {}), []);
});

const composeRules = {
  "a secret written in the file": [(c) => (c.services.app.environment.DB_PASSWORD = "hunter2"), /service app: environment DB_PASSWORD is written in the file/],
  "a secret with a written default": [
    (c) => (c.services.secrets.environment.DB_PASSWORD = "${DB_PASSWORD:-changeme}"),
    /service secrets: environment DB_PASSWORD is written in the file/,
  ],
  "a key-encryption key written in the file": [
    (c) => (c.services.app.environment.FINANCE_SIGNING_KEY_ENCRYPTION_KEY = "c2VjcmV0"),
    /service app: environment FINANCE_SIGNING_KEY_ENCRYPTION_KEY is written in the file/,
  ],
  "a secret build argument": [(c) => (c.services.app.build = { context: ".", args: { CLIENT_SECRET: "x" } }), /service app: build argument CLIENT_SECRET looks secret/],
  "a one-shot service that restarts": [(c) => (c.services.secrets.restart = "unless-stopped"), /service secrets: is a one-shot service .* use "no"/],
  "a one-shot service that publishes a port": [(c) => (c.services.secrets.ports = ["9000:9000"]), /service secrets: is a one-shot service, but publishes ports/],
  "a service that starts before the secrets are written": [
    (c) => (c.services.app.depends_on.secrets.condition = "service_started"),
    /service app: depends on secrets without condition: service_completed_successfully/,
  ],
  "a service that starts before its database is healthy": [
    (c) => (c.services.app.depends_on.db = {}),
    /service app: depends on db without condition: service_healthy/,
  ],
  "a service that does not restart": [(c) => delete c.services.db.restart, /service db: restart is "no"/],
  "a service without a health check": [(c) => delete c.services.db.healthcheck, /service db: no health check/],
  "a service without a memory limit": [(c) => delete c.services.secrets.deploy, /service secrets: no memory limit/],
  "a service that publishes its management port": [
    (c) => c.services.app.ports.push("9000:9000"),
    /service app: publishes its management port 9000/,
  ],
  "a service that publishes its management port on another host port": [
    (c) => c.services.app.ports.push({ target: 9000, published: "9100", host_ip: "0.0.0.0" }),
    /service app: publishes its management port 9000/,
  ],
  "a variable .env.example does not document": [
    (c) => (c.services.app.environment.FINANCE_ISSUER = "${FINANCE_ISSUER:-http://localhost:8000}"),
    /variable FINANCE_ISSUER is not documented in .env.example/,
  ],
};
for (const [name, [change, expected]] of Object.entries(composeRules)) {
  test(`Compose rules reject ${name}`, () => assertOnly(composeProblemsAfter(change), expected));
}

test("a service built from deploy/Dockerfile passes the rules with a management port of its own", () => {
  assert.deepEqual(composeProblemsAfter(builtFromTheDockerfile, REPOSITORY), []);
});

test("Compose rules reject a service built from deploy/Dockerfile without a management port of its own", () => {
  const expected = /service app: MANAGEMENT_SERVER_PORT is not a port of its own: .* published port 8000/;
  assertOnly(
    composeProblemsAfter((c) => {
      builtFromTheDockerfile(c);
      delete c.services.app.environment.MANAGEMENT_SERVER_PORT;
    }, REPOSITORY),
    expected,
  );
  assertOnly(
    composeProblemsAfter((c) => {
      builtFromTheDockerfile(c);
      c.services.app.environment.MANAGEMENT_SERVER_PORT = "8000";
    }, REPOSITORY),
    expected,
  );
});
