import { clone, jsonEqual, type JsonObject } from "../json";
import { mergePatch } from "./merge-patch";
import { leafPaths, overlaps, pathKey, printPath, removeAt, valueAt, type FieldPath } from "./field-set";
import type { ManagedFieldsEntry } from "./managed-fields";

/**
 * Server-side apply (https://kubernetes.io/docs/reference/using-api/server-side-apply/): the
 * applier owns exactly the fields of its configuration; setting a field another manager owns to a
 * different value is a conflict unless forced; fields it applied before and left out now are
 * removed when nobody else owns them.
 */
export type ApplyConflict = { manager: string; apiVersion: string; path: FieldPath };

export type ApplyResult =
  | { ok: true; object: JsonObject; entries: ManagedFieldsEntry[] }
  | { ok: false; conflicts: ApplyConflict[] };

export type ApplyInput = {
  current: JsonObject | undefined;
  applied: JsonObject;
  entries: ManagedFieldsEntry[];
  manager: string;
  apiVersion: string;
  force: boolean;
  time: string;
};

function findConflicts(input: ApplyInput, appliedPaths: FieldPath[]): ApplyConflict[] {
  const conflicts: ApplyConflict[] = [];
  const seen = new Set<string>();
  for (const entry of input.entries) {
    if (entry.manager === input.manager && entry.operation === "Apply") continue;
    for (const owned of entry.paths) {
      for (const applied of appliedPaths) {
        if (!overlaps(owned, applied)) continue;
        const longer = owned.length >= applied.length ? owned : applied;
        if (jsonEqual(valueAt(input.applied, longer), valueAt(input.current ?? {}, longer))) continue;
        const key = `${entry.manager}\u0000${pathKey(owned)}`;
        if (!seen.has(key)) conflicts.push({ manager: entry.manager, apiVersion: entry.apiVersion, path: owned });
        seen.add(key);
      }
    }
  }
  return conflicts;
}

export function serverSideApply(input: ApplyInput): ApplyResult {
  const appliedPaths = leafPaths(input.applied);
  const conflicts = findConflicts(input, appliedPaths);
  if (conflicts.length > 0 && !input.force) return { ok: false, conflicts };

  const others = input.entries
    .filter((entry) => !(entry.manager === input.manager && entry.operation === "Apply"))
    .map((entry) => ({
      ...entry,
      paths: entry.paths.filter((path) => !conflicts.some((lost) => lost.manager === entry.manager && pathKey(lost.path) === pathKey(path))),
    }));
  const previous = input.entries.find((entry) => entry.manager === input.manager && entry.operation === "Apply");

  const object = clone(input.current ?? {});
  for (const path of previous?.paths ?? []) {
    const stillApplied = appliedPaths.some((applied) => overlaps(applied, path));
    const ownedElsewhere = others.some((entry) => entry.paths.some((owned) => overlaps(owned, path)));
    if (!stillApplied && !ownedElsewhere) removeAt(object, path);
  }
  const merged = mergePatch(object, input.applied);
  const result = typeof merged === "object" && merged !== null && !Array.isArray(merged) ? merged : object;
  const mine: ManagedFieldsEntry = { manager: input.manager, operation: "Apply", apiVersion: input.apiVersion, time: input.time, paths: appliedPaths };
  return { ok: true, object: result, entries: [...others, mine].filter((entry) => entry.paths.length > 0) };
}

/** The message apimachinery's merge.Conflicts and NewApplyConflict produce. */
export function conflictMessage(conflicts: ApplyConflict[]): { message: string; causes: { reason: string; message: string; field: string }[] } {
  const who = (conflict: ApplyConflict) => `"${conflict.manager}" using ${conflict.apiVersion}`;
  const causes = conflicts.map((conflict) => ({ reason: "FieldManagerConflict", message: `conflict with ${who(conflict)}`, field: printPath(conflict.path) }));
  const plural = conflicts.length === 1 ? "" : "s";
  let detail: string;
  const [first] = conflicts;
  if (conflicts.length === 1 && first) detail = `conflict with ${who(first)}: ${printPath(first.path)}`;
  else {
    const lines: string[] = [];
    const managers = [...new Set(conflicts.map(who))].sort();
    for (const manager of managers) {
      lines.push(`conflicts with ${manager}:`);
      for (const conflict of conflicts.filter((item) => who(item) === manager)) lines.push(`- ${printPath(conflict.path)}`);
    }
    detail = lines.join("\n");
  }
  return { message: `Apply failed with ${conflicts.length} conflict${plural}: ${detail}`, causes };
}
