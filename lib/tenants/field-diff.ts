import type { JsonValue } from "./manifest";

/** One field that a change sets, changes or removes, as a reader wants to see it. */
export type FieldChange = { path: string; before: string | null; after: string | null };

type JsonObject = { [key: string]: JsonValue };

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The parts of an object a plan compares: labels, annotations and everything outside `metadata` and
 * `status` (spec, roleRef, subjects…). Server bookkeeping (resourceVersion, managedFields, uid,
 * timestamps, generation) changes on every write and says nothing about the object's meaning.
 */
export function comparableFields(object: unknown): JsonObject {
  if (!isObject(object)) return {};
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const result: JsonObject = {};
  if (isObject(metadata.labels)) result["metadata.labels"] = metadata.labels;
  if (isObject(metadata.annotations)) result["metadata.annotations"] = metadata.annotations;
  for (const [key, value] of Object.entries(object)) {
    if (key === "apiVersion" || key === "kind" || key === "metadata" || key === "status") continue;
    result[key] = value;
  }
  return result;
}

/** Leaf paths and their values: `spec.hard.pods`, `subjects[0].name`. Label keys keep their dots. */
function flatten(value: JsonValue, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path, "[]");
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, into));
  } else if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(path, "{}");
    for (const [key, item] of entries) flatten(item, path === "" ? key : `${path}.${key}`, into);
  } else {
    into.set(path, typeof value === "string" ? value : JSON.stringify(value));
  }
}

/** What changes between two versions of an object, field by field, in a stable order. */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  flatten(comparableFields(before), "", left);
  flatten(comparableFields(after), "", right);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.filter((path) => left.get(path) !== right.get(path)).map((path) => ({ path, before: left.get(path) ?? null, after: right.get(path) ?? null }));
}
