import { isJsonObject, type Json, type JsonObject } from "../json";

/**
 * The object without the fields its schema does not declare, and their paths as the real strict
 * decoder prints them (`spec.foo`, `rules[0].verb`). Free-form subtrees keep everything.
 */
export function pruneUnknownFields(schema: JsonObject, value: Json, path = ""): { value: Json; unknown: string[] } {
  if (schema["x-kubernetes-preserve-unknown-fields"] === true) return { value, unknown: [] };
  const unknown: string[] = [];
  if (Array.isArray(value) && isJsonObject(schema.items)) {
    const items = schema.items;
    const pruned = value.map((item, index) => {
      const result = pruneUnknownFields(items, item, `${path}[${index}]`);
      unknown.push(...result.unknown);
      return result.value;
    });
    return { value: pruned, unknown };
  }
  if (!isJsonObject(value)) return { value, unknown };
  const properties = isJsonObject(schema.properties) ? schema.properties : undefined;
  const additional = isJsonObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  const pruned: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties?.[key] ?? additional;
    const childPath = properties ? (path ? `${path}.${key}` : key) : `${path}[${key}]`;
    if (!isJsonObject(childSchema)) {
      unknown.push(childPath);
      continue;
    }
    const result = pruneUnknownFields(childSchema, child, childPath);
    unknown.push(...result.unknown);
    pruned[key] = result.value;
  }
  return { value: pruned, unknown };
}
