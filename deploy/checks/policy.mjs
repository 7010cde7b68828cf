// The rules every rendered overlay must follow (docs/deployment.md): hardened pods with probes and resources,
// The rules every rendered overlay must follow (docs/deployment.md): hardened pods with probes and resources,
// health, metrics and API docs on a management port that no Service (so no Ingress) exposes, secrets only by
// reference, references between objects that resolve, and the internal paths refused on every host the Ingresses
// publish. Each rule returns problems as { object, container?, message } so that a failure names the object, the
// container and the reason.

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);
// Names that must never carry a literal value in a manifest, only a reference to a Secret (FINANCE_SERVICE_CLIENTS
// holds the services' client secrets, FINANCE_SIGNING_KEY_ENCRYPTION_KEY the key that wraps the signing keys).
export const SECRET_NAME = /(PASSWORD|SECRET|_TOKEN|PRIVATE_KEY|ENCRYPTION_KEYS?|_PEMS?|CREDENTIALS?|SERVICE_CLIENTS)$/i;

// Paths only the services call, which every host an Ingress publishes must refuse: /actuator (answered without a
// token inside the cluster, for Prometheus), /internal (events and reads between the services) and /token (the
// client-credentials grant: the services obtain their tokens inside the cluster, at FINANCE_TOKEN_URI). /token is
// refused exactly, so that /token/refresh stays public.
export const INTERNAL_PATHS = [
  { path: "/actuator", pathType: "Prefix" },
  { path: "/internal", pathType: "Prefix" },
  { path: "/token", pathType: "Exact" },
];
// An Ingress that refuses every address (ingress-nginx); its paths are what the others must not publish.
const DENYLIST = "nginx.ingress.kubernetes.io/denylist-source-range";

export function describe(object) {
  const namespace = object.metadata?.namespace ? `${object.metadata.namespace}/` : "";
  return `${object.kind} ${namespace}${object.metadata?.name ?? "(unnamed)"}`;
}

function podTemplate(object) {
  switch (object.kind) {
    case "Pod":
      return { metadata: object.metadata, spec: object.spec };
    case "CronJob":
      return object.spec?.jobTemplate?.spec?.template;
    default:
      return object.spec?.template;
  }
}

function matches(selector, labels) {
  const wanted = selector?.matchLabels ?? {};
  const expressions = selector?.matchExpressions ?? [];
  return (
    (Object.keys(wanted).length > 0 || expressions.length > 0) &&
    Object.entries(wanted).every(([key, value]) => labels?.[key] === value) &&
    expressions.every(({ key, operator, values = [] }) => {
      const value = labels?.[key];
      switch (operator) {
        case "In":
          return values.includes(value);
        case "NotIn":
          return !values.includes(value);
        case "Exists":
          return value !== undefined;
        case "DoesNotExist":
          return value === undefined;
        default:
          return false;
      }
    })
  );
}

/** The port on which a service answers probes, metrics and its API description, apart from the one it serves on. */
export const MANAGEMENT_PORT_NAME = "management";

/** The container's port named "management", if it declares one. */
function managementPort(container) {
  return (container.ports ?? []).find((port) => port.name === MANAGEMENT_PORT_NAME);
}

/** The value a container's environment gives a variable, from its env and the rendered ConfigMaps it reads. */
function environmentValue(container, configMaps, name) {
  let value;
  for (const source of container.envFrom ?? []) {
    const data = source.configMapRef ? configMaps.get(source.configMapRef.name)?.data ?? {} : {};
    const key = name.startsWith(source.prefix ?? "") ? name.slice((source.prefix ?? "").length) : undefined;
    if (key !== undefined && key in data) value = data[key];
  }
  for (const env of container.env ?? []) {
    if (env.name !== name) continue;
    const ref = env.valueFrom?.configMapKeyRef;
    value = ref ? configMaps.get(ref.name)?.data?.[ref.key] : env.value;
  }
  return value;
}

/**
 * Health, metrics and API docs (/actuator) answer on the container's management port, which MANAGEMENT_SERVER_PORT
 * sets and no Service exposes: the probes must ask there, and the port must be the one the application listens on.
 */
function managementProblems(container, configMaps, problem) {
  const declared = new Map((container.ports ?? []).filter((p) => p.name).map((p) => [p.name, p.containerPort]));
  const management = managementPort(container);
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    const { path, port } = container[probe]?.httpGet ?? {};
    if (!String(path ?? "").startsWith("/actuator") || (typeof port === "string" && !declared.has(port))) {
      continue; // not a probe of the actuator, or a port already reported as undeclared
    }
    if (!management) {
      problem(`${probe} asks ${path}, but the container declares no port named "${MANAGEMENT_PORT_NAME}" (MANAGEMENT_SERVER_PORT)`);
    } else if (port !== MANAGEMENT_PORT_NAME && Number(port) !== management.containerPort) {
      problem(`${probe} asks ${path} on port "${port}": use the port "${MANAGEMENT_PORT_NAME}", where the actuator answers`);
    }
  }
  // (a ConfigMap the overlay lacks is reported on its own; what it would have set is unknown)
  const unresolved = [
    ...(container.envFrom ?? []).map((source) => source.configMapRef?.name),
    ...(container.env ?? []).map((env) => env.valueFrom?.configMapKeyRef?.name),
  ].some((name) => name !== undefined && !configMaps.has(name));
  if (management && !unresolved) {
    const value = environmentValue(container, configMaps, "MANAGEMENT_SERVER_PORT");
    if (String(value) !== String(management.containerPort)) {
      problem(
        `MANAGEMENT_SERVER_PORT is ${value === undefined ? "unset" : `"${value}"`}, but the port "${MANAGEMENT_PORT_NAME}" is ` +
          `${management.containerPort}: the actuator would answer on the public port`,
      );
    }
  }
}

/** Problems of one container (or init container) of a pod. */
function containerProblems(object, pod, container, init, configMaps = new Map()) {
  const problems = [];
  const problem = (message) =>
    problems.push({ object, container: `${init ? "init container" : "container"} "${container.name}"`, message });
  const podSecurity = pod.spec.securityContext ?? {};
  const security = container.securityContext ?? {};

  for (const kind of ["requests", "limits"]) {
    for (const resource of ["cpu", "memory"]) {
      if (container.resources?.[kind]?.[resource] === undefined) {
        problem(`no resources.${kind}.${resource}`);
      }
    }
  }
  if (!init) {
    for (const probe of ["readinessProbe", "livenessProbe"]) {
      if (!container[probe]) {
        problem(`no ${probe}`);
      }
    }
  }
  const ports = new Set((container.ports ?? []).map((port) => port.name).filter(Boolean));
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    const port = container[probe]?.httpGet?.port ?? container[probe]?.tcpSocket?.port;
    if (typeof port === "string" && !ports.has(port)) {
      problem(`${probe} uses port "${port}", which the container does not declare`);
    }
  }
  if (!init) {
    managementProblems(container, configMaps, problem);
  }

  if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) {
    problem("securityContext.runAsNonRoot is not true (container or pod)");
  }
  const user = security.runAsUser ?? podSecurity.runAsUser;
  if (!Number.isInteger(user) || user === 0) {
    problem("securityContext.runAsUser is not a fixed non-root uid (container or pod)");
  }
  if (security.readOnlyRootFilesystem !== true) {
    problem("securityContext.readOnlyRootFilesystem is not true");
  }
  if (security.allowPrivilegeEscalation !== false) {
    problem("securityContext.allowPrivilegeEscalation is not false");
  }
  if (!(security.capabilities?.drop ?? []).includes("ALL")) {
    problem('securityContext.capabilities.drop does not include "ALL"');
  }
  if (security.capabilities?.add?.length) {
    problem(`securityContext.capabilities.add is not empty (${security.capabilities.add.join(", ")})`);
  }
  if (security.privileged === true) {
    problem("securityContext.privileged is true");
  }
  if ((security.seccompProfile ?? podSecurity.seccompProfile)?.type !== "RuntimeDefault") {
    problem("securityContext.seccompProfile.type is not RuntimeDefault (container or pod)");
  }
  if (!init) {
    const tmp = (container.volumeMounts ?? []).find((mount) => mount.mountPath === "/tmp");
    const volume = tmp && (pod.spec.volumes ?? []).find((v) => v.name === tmp.name);
    if (!volume?.emptyDir) {
      problem("no emptyDir volume mounted at /tmp (the root filesystem is read-only)");
    }
  }

  const image = container.image ?? "";
  const tag = image.includes("@") ? "digest" : /:([^/:]+)$/.exec(image)?.[1];
  if (!tag || tag === "latest") {
    problem(`image "${image}" has no fixed tag or digest`);
  }
  for (const env of container.env ?? []) {
    if (SECRET_NAME.test(env.name) && env.value !== undefined && env.value !== "") {
      problem(`env ${env.name} has a literal value: reference a Secret (valueFrom.secretKeyRef)`);
    }
  }
  return problems;
}

/** Problems of a workload's pod template that are not about one container. */
function podProblems(object, pod, serviceAccounts) {
  const problems = [];
  const problem = (message) => problems.push({ object, message });
  const spec = pod.spec;
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) {
    problem("uses the host's network, PID or IPC namespace");
  }
  if ((spec.volumes ?? []).some((volume) => volume.hostPath)) {
    problem("mounts a hostPath volume");
  }
  const accountName = spec.serviceAccountName ?? "default";
  const account = serviceAccounts.get(accountName);
  if (accountName === "default") {
    problem("runs as the namespace's default ServiceAccount: give it its own");
  }
  if ((spec.automountServiceAccountToken ?? account?.automountServiceAccountToken) !== false) {
    problem("automountServiceAccountToken is not false (pod or its ServiceAccount)");
  }
  return problems;
}

/**
 * Every problem in one rendered overlay.
 * @param objects the overlay's objects, as parsed from `kubectl kustomize`
 * @param options.allowSecrets whether the overlay may contain Secret objects (only one with fake values may)
 */
export function policyProblems(objects, { allowSecrets = false } = {}) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((o) => o.metadata?.name));
  const serviceAccounts = new Map(byKind("ServiceAccount").map((o) => [o.metadata?.name, o]));
  const workloads = objects.filter((o) => WORKLOAD_KINDS.has(o.kind));
  const configMaps = names("ConfigMap");
  const configMapData = new Map(byKind("ConfigMap").map((o) => [o.metadata?.name, o]));
  const secrets = new Map(byKind("Secret").map((o) => [o.metadata?.name, o]));

  for (const account of serviceAccounts.values()) {
    if (account.automountServiceAccountToken !== false) {
      problems.push({ object: account, message: "automountServiceAccountToken is not false" });
    }
  }
  for (const secret of secrets.values()) {
    if (!allowSecrets) {
      problems.push({ object: secret, message: "a Secret in the manifests: secrets must be created in the cluster" });
    }
  }
  for (const configMap of byKind("ConfigMap")) {
    for (const key of Object.keys(configMap.data ?? {})) {
      if (SECRET_NAME.test(key)) {
        problems.push({ object: configMap, message: `key ${key} looks secret: keep it in a Secret` });
      }
    }
  }

  for (const object of workloads) {
    const pod = podTemplate(object);
    if (!pod?.spec) {
      problems.push({ object, message: "no pod template" });
      continue;
    }
    problems.push(...podProblems(object, pod, serviceAccounts));
    for (const container of pod.spec.containers ?? []) {
      problems.push(...containerProblems(object, pod, container, false, configMapData));
    }
    for (const container of pod.spec.initContainers ?? []) {
      problems.push(...containerProblems(object, pod, container, true));
    }

    // Every ConfigMap and Secret the pod reads must resolve: ConfigMaps are always rendered; Secrets are either all
    // rendered (an overlay with generated secrets) or all expected to exist in the cluster.
    const containers = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
    const references = [];
    for (const container of containers) {
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) references.push(["ConfigMap", source.configMapRef.name, null, source.configMapRef.optional]);
        if (source.secretRef) references.push(["Secret", source.secretRef.name, null, source.secretRef.optional]);
      }
      for (const env of container.env ?? []) {
        const { configMapKeyRef, secretKeyRef } = env.valueFrom ?? {};
        if (configMapKeyRef) references.push(["ConfigMap", configMapKeyRef.name, configMapKeyRef.key, configMapKeyRef.optional]);
        if (secretKeyRef) references.push(["Secret", secretKeyRef.name, secretKeyRef.key, secretKeyRef.optional]);
      }
    }
    for (const volume of pod.spec.volumes ?? []) {
      if (volume.configMap) references.push(["ConfigMap", volume.configMap.name, null, volume.configMap.optional]);
      if (volume.secret) references.push(["Secret", volume.secret.secretName, null, volume.secret.optional]);
    }
    for (const [kind, name, key, optional] of references) {
      if (kind === "ConfigMap" && !configMaps.has(name) && !optional) {
        problems.push({ object, message: `reads ConfigMap ${name}, which the overlay does not contain` });
      }
      if (kind === "Secret" && secrets.size > 0) {
        const secret = secrets.get(name);
        const data = { ...(secret?.data ?? {}), ...(secret?.stringData ?? {}) };
        if (!secret && !optional) {
          problems.push({ object, message: `reads Secret ${name}, which the overlay does not contain` });
        } else if (secret && key && !(key in data) && !optional) {
          problems.push({ object, message: `reads key ${key} of Secret ${name}, which has no such key` });
        }
      }
    }
  }

  // Every Deployment scales with a HorizontalPodAutoscaler and is protected by a PodDisruptionBudget.
  const autoscalers = byKind("HorizontalPodAutoscaler");
  const budgets = byKind("PodDisruptionBudget");
  for (const deployment of byKind("Deployment")) {
    const name = deployment.metadata?.name;
    const labels = deployment.spec?.template?.metadata?.labels;
    if (!autoscalers.some((h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef.name === name)) {
      problems.push({ object: deployment, message: "no HorizontalPodAutoscaler targets it" });
    }
    if (!budgets.some((b) => matches(b.spec?.selector, labels))) {
      problems.push({ object: deployment, message: "no PodDisruptionBudget selects its pods" });
    }
    const annotations = deployment.spec?.template?.metadata?.annotations ?? {};
    const managementPorts = (deployment.spec?.template?.spec?.containers ?? [])
      .map((c) => managementPort(c)?.containerPort)
      .filter((port) => port !== undefined)
      .map(String);
    if (
      annotations["prometheus.io/scrape"] !== "true" ||
      annotations["prometheus.io/path"] !== "/actuator/prometheus" ||
      !managementPorts.includes(annotations["prometheus.io/port"])
    ) {
      problems.push({
        object: deployment,
        message: `pods lack the prometheus.io scrape annotations for /actuator/prometheus on the port "${MANAGEMENT_PORT_NAME}"`,
      });
    }
  }
  for (const autoscaler of autoscalers) {
    const target = autoscaler.spec?.scaleTargetRef;
    if (!objects.some((o) => o.kind === target?.kind && o.metadata?.name === target?.name)) {
      problems.push({ object: autoscaler, message: `scales ${target?.kind} ${target?.name}, which does not exist` });
    }
  }
  for (const budget of budgets) {
    if (!workloads.some((w) => matches(budget.spec?.selector, podTemplate(w)?.metadata?.labels))) {
      problems.push({ object: budget, message: "selects no pods" });
    }
  }

  // Services select pods that declare their target ports; Ingresses route to Services and ports that exist.
  const services = new Map(byKind("Service").map((o) => [o.metadata?.name, o]));
  for (const service of services.values()) {
    const selected = workloads.filter((w) => matches({ matchLabels: service.spec?.selector }, podTemplate(w)?.metadata?.labels));
    if (selected.length === 0) {
      problems.push({ object: service, message: "selects no pods" });
      continue;
    }
    for (const port of service.spec?.ports ?? []) {
      // health, metrics and API docs stay off every Service, and so off every Ingress too
      const target = port.targetPort ?? port.port;
      const exposesManagement = selected.some((w) =>
        (podTemplate(w).spec.containers ?? []).some((c) => {
          const management = managementPort(c);
          return management && (target === management.name || Number(target) === management.containerPort);
        }),
      );
      if (exposesManagement) {
        problems.push({
          object: service,
          message: `port ${port.name ?? port.port} exposes its pods' port "${MANAGEMENT_PORT_NAME}" (health, metrics, API docs)`,
        });
      }
      if (typeof port.targetPort === "string") {
        const declared = selected.some((w) =>
          (podTemplate(w).spec.containers ?? []).some((c) => (c.ports ?? []).some((p) => p.name === port.targetPort)),
        );
        if (!declared) {
          problems.push({ object: service, message: `targetPort "${port.targetPort}" is declared by none of its pods` });
        }
      }
    }
  }
  for (const ingress of byKind("Ingress")) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const service = services.get(backend?.name);
        const port = backend?.port;
        if (!service) {
          problems.push({ object: ingress, message: `${rule.host}${path.path} routes to Service ${backend?.name}, which does not exist` });
        } else if (!(service.spec?.ports ?? []).some((p) => (port?.name ? p.name === port.name : p.port === port?.number))) {
          problems.push({ object: ingress, message: `${rule.host}${path.path} routes to a port Service ${backend.name} does not have` });
        }
      }
    }
  }
  problems.push(...internalPathProblems(byKind("Ingress")));
  return problems;
}

function refusesEveryone(ingress) {
  const ranges = (ingress.metadata?.annotations?.[DENYLIST] ?? "").split(",").map((range) => range.trim());
  return ranges.includes("0.0.0.0/0") && ranges.includes("::/0");
}

/** Whether an Ingress path matches what `internal` names: the same path, and for a prefix every path below it. */
function covers(path, internal) {
  return path.path === internal.path && (internal.pathType === "Exact" || path.pathType === "Prefix");
}

/** Whether a published path reaches into an internal one (a longer prefix wins over a refusal of a shorter one). */
function reachesInto(path, internal) {
  const value = (path.path ?? "/").replace(/\/+$/, "") || "/";
  return internal.pathType === "Exact"
    ? value === internal.path
    : value === internal.path || value.startsWith(`${internal.path}/`);
}

/**
 * Every host that an Ingress publishes refuses the internal paths through an Ingress of the same class that denies
 * every address, and no published path routes into them.
 */
function internalPathProblems(ingresses) {
  const problems = [];
  const refusing = ingresses.filter(refusesEveryone);
  for (const ingress of ingresses.filter((i) => !refusesEveryone(i))) {
    for (const rule of ingress.spec?.rules ?? []) {
      const host = rule.host ?? "*";
      for (const internal of INTERNAL_PATHS) {
        const refused = refusing.some(
          (r) =>
            r.spec?.ingressClassName === ingress.spec?.ingressClassName &&
            (r.spec?.rules ?? []).some(
              (other) => (other.host ?? "*") === host && (other.http?.paths ?? []).some((path) => covers(path, internal)),
            ),
        );
        if (!refused) {
          problems.push({
            object: ingress,
            message: `${host} publishes ${internal.path}, which only the services call: refuse it (${internal.pathType}) in an Ingress that denies every address`,
          });
        }
        for (const path of rule.http?.paths ?? []) {
          if (reachesInto(path, internal)) {
            problems.push({ object: ingress, message: `${host}${path.path} routes ${internal.path}, which only the services call` });
          }
        }
      }
    }
  }
  return problems;
}

/** The Secrets (and keys) the workloads read, for an overlay that expects them to exist in the cluster. */
export function expectedSecrets(objects) {
  const expected = new Map();
  for (const object of objects.filter((o) => WORKLOAD_KINDS.has(o.kind))) {
    for (const container of podTemplate(object)?.spec?.containers ?? []) {
      for (const env of container.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref) {
          const keys = expected.get(ref.name) ?? new Set();
          keys.add(ref.optional ? `${ref.key} (optional)` : ref.key);
          expected.set(ref.name, keys);
        }
      }
    }
  }
  return expected;
}
