/** JSON values as they travel on the wire and sit in the store. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** The child object at `key`, or undefined when absent or not an object. */
export function objectAt(value: JsonObject, key: string): JsonObject | undefined {
  const child = value[key];
  return isJsonObject(child) ? child : undefined;
}

export function stringAt(value: JsonObject | undefined, key: string): string | undefined {
  const child = value?.[key];
  return typeof child === "string" ? child : undefined;
}

/** A map of strings (labels, annotations, configmap data); non-string values are ignored. */
export function stringMapAt(value: JsonObject | undefined, key: string): Record<string, string> {
  const child = value?.[key];
  const result: Record<string, string> = {};
  if (!isJsonObject(child)) return result;
  for (const [name, item] of Object.entries(child)) if (typeof item === "string") result[name] = item;
  return result;
}
