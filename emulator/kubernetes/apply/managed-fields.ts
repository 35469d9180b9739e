import { isJsonObject, jsonEqual, type Json, type JsonObject } from "../json";
import { fromFieldsV1, leafPaths, overlaps, pathKey, toFieldsV1, valueAt, type FieldPath } from "./field-set";

/** One `metadata.managedFields` entry, with its FieldsV1 decoded into paths. */
export type ManagedFieldsEntry = {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time: string;
  paths: FieldPath[];
};

export function readManagedFields(object: JsonObject | undefined): ManagedFieldsEntry[] {
  const metadata = object?.metadata;
  const raw = isJsonObject(metadata) ? metadata.managedFields : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isJsonObject).map((entry) => ({
    manager: typeof entry.manager === "string" ? entry.manager : "",
    operation: entry.operation === "Apply" ? "Apply" : "Update",
    apiVersion: typeof entry.apiVersion === "string" ? entry.apiVersion : "",
    time: typeof entry.time === "string" ? entry.time : "",
    paths: fromFieldsV1(entry.fieldsV1),
  }));
}

export function managedFieldsJson(entries: ManagedFieldsEntry[]): Json[] {
  return entries
    .filter((entry) => entry.paths.length > 0)
    .map((entry) => ({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      time: entry.time,
      fieldsType: "FieldsV1",
      fieldsV1: toFieldsV1(entry.paths),
    }));
}

/** Paths of `after` whose value differs from `before`, and paths that disappeared. */
export function changedPaths(before: JsonObject | undefined, after: JsonObject): { changed: FieldPath[]; removed: FieldPath[] } {
  const afterPaths = leafPaths(after);
  const changed = afterPaths.filter((path) => !jsonEqual(valueAt(before ?? {}, path), valueAt(after, path)));
  const afterKeys = new Set(afterPaths.map(pathKey));
  const removed = before ? leafPaths(before).filter((path) => !afterKeys.has(pathKey(path))) : [];
  return { changed, removed };
}

function addUnique(paths: FieldPath[], more: FieldPath[]): FieldPath[] {
  const keys = new Set(paths.map(pathKey));
  return [...paths, ...more.filter((path) => !keys.has(pathKey(path)))];
}

/**
 * A create, update or non-apply patch: the manager (the `fieldManager` parameter, or the user
 * agent's product as the real server defaults it) takes the fields it changed, as an Update entry.
 */
export function recordUpdate(
  entries: ManagedFieldsEntry[],
  manager: string,
  apiVersion: string,
  before: JsonObject | undefined,
  after: JsonObject,
  time: string,
): ManagedFieldsEntry[] {
  const { changed, removed } = changedPaths(before, after);
  const gone = [...changed, ...removed];
  const others = entries
    .filter((entry) => !(entry.manager === manager && entry.operation === "Update"))
    .map((entry) => ({ ...entry, paths: entry.paths.filter((path) => !gone.some((other) => overlaps(path, other))) }));
  const previous = entries.find((entry) => entry.manager === manager && entry.operation === "Update");
  const kept = (previous?.paths ?? []).filter((path) => !removed.some((other) => overlaps(path, other)));
  const mine: ManagedFieldsEntry = { manager, operation: "Update", apiVersion, time: changed.length > 0 || !previous ? time : previous.time, paths: addUnique(kept, changed) };
  return [...others, mine].filter((entry) => entry.paths.length > 0);
}
