import type { JsonObject } from "../json";

/**
 * OpenAPI v3 schema builders for the served kinds. The same schemas drive `/openapi/v3` (kubectl's
 * field-validation probe, `explain`, client-side apply) and the server's own unknown-field check.
 */
export const str: JsonObject = { type: "string" };
export const int: JsonObject = { type: "integer", format: "int32" };
export const int64: JsonObject = { type: "integer", format: "int64" };
export const bool: JsonObject = { type: "boolean" };
export const time: JsonObject = { type: "string", format: "date-time" };
/** resource.Quantity and intstr.IntOrString: a string or a number on the wire. */
export const quantity: JsonObject = { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] };
export const intOrString: JsonObject = quantity;
/** A subtree the emulator does not model field by field: accepted as sent, never pruned. */
export const freeForm: JsonObject = { type: "object", "x-kubernetes-preserve-unknown-fields": true };

export const obj = (properties: Record<string, JsonObject>, required?: string[]): JsonObject => ({
  type: "object",
  properties,
  ...(required ? { required } : {}),
});
export const arr = (items: JsonObject): JsonObject => ({ type: "array", items });
export const mapOf = (values: JsonObject): JsonObject => ({ type: "object", additionalProperties: values });
export const strings = arr(str);
