// Validation of rendered Kubernetes objects against the Kubernetes OpenAPI schemas, offline: the npm package
// kubernetes-models carries them as compiled validators. Those schemas, like the API server's, let unknown fields
// through (a misspelled "readinesProbe" would pass), so fields are also checked against the property lists of the
// package's type declarations, as `kubectl apply --validate=strict` and kubeconform -strict do.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const MODELS_DIR = dirname(require.resolve("kubernetes-models/package.json"));
const APIMACHINERY_DIR = dirname(require.resolve("@kubernetes-models/apimachinery/package.json"));

/** The module of kubernetes-models that holds an apiVersion's models: "apps/v1" -> "kubernetes-models/apps/v1". */
function modelModule(apiVersion) {
  return `kubernetes-models/${apiVersion}`;
}

/** Schema errors of one object, as "path: message" strings; empty when it is valid. */
export async function schemaErrors(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  let Model;
  try {
    Model = (await import(modelModule(apiVersion)))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== "function" || Model.kind !== kind) {
    return [`no Kubernetes schema for ${apiVersion} ${kind} (custom resources need their own schemas)`];
  }
  try {
    new Model(asApiServerReads(object)).validate();
  } catch (error) {
    const details = Array.isArray(error.errors) ? error.errors : [];
    if (details.length === 0) {
      return [String(error.message ?? error)];
    }
    return details.map((e) => {
      const path = (e.instancePath || "/").replace(/^\//, "").replaceAll("/", ".") || "(object)";
      const allowed = e.params?.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : "";
      return `${path}: ${e.message}${allowed}`;
    });
  }
  return unknownFields(object, rootType(apiVersion, kind), "");
}

/**
 * The object as the API server decodes it. kustomize wraps long base64 values of Secrets over several lines, and
 * the server's base64 decoder skips line breaks; the schema's "byte" format does not.
 */
function asApiServerReads(object) {
  if (object.kind !== "Secret" || !object.data) {
    return object;
  }
  const data = Object.fromEntries(
    Object.entries(object.data).map(([key, value]) => [key, typeof value === "string" ? value.replace(/[\r\n]/g, "") : value]),
  );
  return { ...object, data };
}

// --- Unknown fields -------------------------------------------------------------------------------------------------
//
// Each declaration file of kubernetes-models describes one type as a TypeScript interface, with one line per
// property ("    \"name\"?: Type;" or a map spanning lines) and an export under its long name (IIoK8sApi...).

let registry; // long type name -> Map(property -> type text)

function declarationFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") {
      files.push(...declarationFiles(path));
    } else if (entry.isFile() && entry.name.endsWith(".d.ts")) {
      files.push(path);
    }
  }
  return files;
}

/** The properties of `interface name { ... }` in a declaration file's text, or undefined when there is none. */
function interfaceProperties(text, name) {
  const start = text.search(new RegExp(`^export interface ${name}\\b[^{]*\\{`, "m"));
  if (start < 0) {
    return undefined;
  }
  const lines = text.slice(start).split("\n").slice(1);
  const properties = new Map();
  for (let i = 0; i < lines.length && lines[i] !== "}"; i++) {
    const match = /^ {4}"([^"]+)"\??: (.*)$/.exec(lines[i]);
    if (!match) {
      continue;
    }
    let type = match[2];
    if (type === "{") {
      // a map: "{", "        [key: string]: T;", "    };"
      const value = /^\s+\[key: string\]: (.*);$/.exec(lines[i + 1] ?? "");
      type = value ? `Map<${value[1]}>` : "unknown";
    }
    properties.set(match[1], type.replace(/;$/, ""));
  }
  return properties;
}

function loadRegistry() {
  if (registry) {
    return registry;
  }
  registry = new Map();
  for (const file of [...declarationFiles(MODELS_DIR), ...declarationFiles(APIMACHINERY_DIR)]) {
    const text = readFileSync(file, "utf8");
    const exported = /^export (?:type )?\{ (I\w+) as (IIoK8s\w+)/m.exec(text);
    if (!exported) {
      continue;
    }
    const properties = interfaceProperties(text, exported[1]);
    if (properties) {
      registry.set(exported[2], properties);
    }
  }
  // A parser that silently found nothing would make this check pass everything.
  const container = registry.get("IIoK8sApiCoreV1Container");
  if (!container?.has("readinessProbe") || container.get("securityContext") !== "IIoK8sApiCoreV1SecurityContext") {
    throw new Error(`cannot read the type declarations of kubernetes-models in ${MODELS_DIR}; was it upgraded?`);
  }
  return registry;
}

function rootType(apiVersion, kind) {
  const file = join(MODELS_DIR, apiVersion, `${kind}.d.ts`);
  const properties = interfaceProperties(readFileSync(file, "utf8"), `I${kind}`);
  if (!properties) {
    throw new Error(`no interface I${kind} in ${file}`);
  }
  return { properties };
}

/** A property's type text as a node to walk: properties of an object, array or map elements, or nothing to check. */
function typeNode(text) {
  const array = /^Array<(.*)>$/.exec(text);
  if (array) {
    return { items: typeNode(array[1]) };
  }
  const map = /^Map<(.*)>$/.exec(text);
  if (map) {
    return { values: typeNode(map[1]) };
  }
  const properties = loadRegistry().get(text);
  // Types without declared properties (IntOrString, Quantity, RawExtension, ...) accept anything the schema allows.
  return properties && properties.size > 0 ? { properties } : {};
}

function unknownFields(value, node, path) {
  const errors = [];
  if (value === null || typeof value !== "object") {
    return errors;
  }
  if (node.items && Array.isArray(value)) {
    value.forEach((item, i) => errors.push(...unknownFields(item, node.items, `${path}[${i}]`)));
  } else if (node.values) {
    for (const [key, item] of Object.entries(value)) {
      errors.push(...unknownFields(item, node.values, `${path}.${key}`));
    }
  } else if (node.properties) {
    for (const [key, item] of Object.entries(value)) {
      const fieldPath = path ? `${path}.${key}` : key;
      const type = node.properties.get(key);
      if (type === undefined) {
        errors.push(`${fieldPath}: unknown field "${key}"`);
      } else {
        errors.push(...unknownFields(item, typeNode(type), fieldPath));
      }
    }
  }
  return errors;
}
