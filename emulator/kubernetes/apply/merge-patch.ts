import { clone, isJsonObject, type Json } from "../json";

/**
 * RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, anything else replaces.
 * Strategic merge patch is served with these semantics too (lists replace instead of merging by
 * their patch keys): a documented fidelity gap.
 */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isJsonObject(patch)) return clone(patch);
  const result = isJsonObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
