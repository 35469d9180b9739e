import type { JsonValue } from "./canonical-json";

/** One field of an audit event's before/after, as a reviewer reads it. */
export type FieldChange = {
  /** Dotted path into the object, e.g. `decision.comment`. */
  path: string;
  change: "added" | "removed" | "changed";
  /** The value as text (strings bare, anything else as JSON); null where the side lacks the field. */
  before: string | null;
  after: string | null;
  /** For lists of plain values: the elements gained and lost, which is what a reviewer of an IP list asks. */
  added?: string[];
  removed?: string[];
};

type Flat = Map<string, JsonValue>;

const isObject = (value: JsonValue | undefined): value is { readonly [key: string]: JsonValue | undefined } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function flatten(value: JsonValue | undefined, prefix: string, into: Flat): Flat {
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) if (child !== undefined) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined) into.set(prefix || "value", value);
  return into;
}

const text = (value: JsonValue): string => (typeof value === "string" ? value : Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null) ? value.map((item) => text(item)).join(", ") : JSON.stringify(value));
const plainList = (value: JsonValue | undefined): value is readonly (string | number | boolean | null)[] => Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null);

/** The fields that differ between an event's before and after, sorted by path; equal fields are left out. */
export function fieldDiff(before: JsonValue | null, after: JsonValue | null): FieldChange[] {
  const left = flatten(before ?? {}, "", new Map());
  const right = flatten(after ?? {}, "", new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const from = left.get(path);
    const to = right.get(path);
    if (from !== undefined && to !== undefined && JSON.stringify(from) === JSON.stringify(to)) continue;
    if (from === undefined && to !== undefined) changes.push({ path, change: "added", before: null, after: text(to) });
    else if (to === undefined && from !== undefined) changes.push({ path, change: "removed", before: text(from), after: null });
    else if (from !== undefined && to !== undefined) {
      const change: FieldChange = { path, change: "changed", before: text(from), after: text(to) };
      if (plainList(from) && plainList(to)) {
        const [was, is] = [from.map(String), to.map(String)];
        change.added = is.filter((item) => !was.includes(item));
        change.removed = was.filter((item) => !is.includes(item));
      }
      changes.push(change);
    }
  }
  return changes;
}
