import { isJsonObject, type Json, type JsonObject } from "../json";

/**
 * Field paths as server-side apply tracks them. Maps are walked to their leaves; lists are atomic
 * (owned as a whole), which is exact for RBAC subjects/rules and NetworkPolicy rules
 * (`+listType=atomic`) and a simplification for associative lists such as containers.
 */
export type FieldPath = string[];

/** Not owned by anyone: identity and server-maintained metadata, and status on the main resource. */
const untrackedTop = new Set(["apiVersion", "kind", "status"]);
const untrackedMetadata = new Set([
  "name",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "managedFields",
  "deletionTimestamp",
  "selfLink",
]);

export function leafPaths(object: JsonObject): FieldPath[] {
  const paths: FieldPath[] = [];
  // An empty map owns nothing (`labels: {}` must not claim every label another manager sets).
  const walk = (value: Json, path: FieldPath) => {
    if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    } else paths.push(path);
  };
  for (const [key, value] of Object.entries(object)) {
    if (untrackedTop.has(key)) continue;
    if (key === "metadata" && isJsonObject(value)) {
      for (const [metaKey, metaValue] of Object.entries(value)) if (!untrackedMetadata.has(metaKey)) walk(metaValue, ["metadata", metaKey]);
    } else walk(value, [key]);
  }
  return paths;
}

export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** `.roleRef.name`, `.metadata.labels.app`: how conflicts name a field. */
export function printPath(path: FieldPath): string {
  return path.map((segment) => `.${segment}`).join("");
}

export function isPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

export function overlaps(a: FieldPath, b: FieldPath): boolean {
  return isPrefix(a, b) || isPrefix(b, a);
}

export function valueAt(object: Json, path: FieldPath): Json | undefined {
  let current: Json | undefined = object;
  for (const segment of path) {
    if (!isJsonObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

export function removeAt(object: JsonObject, path: FieldPath): void {
  const parent = valueAt(object, path.slice(0, -1));
  const last = path.at(-1);
  if (isJsonObject(parent) && last !== undefined) delete parent[last];
}

/** FieldsV1 as the real server writes it: `{"f:data":{"f:a":{}}}`. */
export function toFieldsV1(paths: FieldPath[]): JsonObject {
  const root: JsonObject = {};
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      const key = `f:${segment}`;
      const child = node[key];
      const next: JsonObject = isJsonObject(child) ? child : {};
      node[key] = next;
      node = next;
    }
  }
  return root;
}

export function fromFieldsV1(fields: Json | undefined): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (node: Json | undefined, path: FieldPath) => {
    const children = isJsonObject(node) ? Object.keys(node).filter((key) => key.startsWith("f:")) : [];
    if (children.length === 0) {
      if (path.length > 0) paths.push(path);
      return;
    }
    for (const key of children) walk(isJsonObject(node) ? node[key] : undefined, [...path, key.slice(2)]);
  };
  walk(fields, []);
  return paths;
}
