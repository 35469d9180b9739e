import { isJsonObject, type JsonObject } from "../json";
import { groupVersion } from "../resources";
import { badRequest } from "../status";
import type { HandlerContext } from "../handlers/context";
import { kindSchema } from "./documents";
import { pruneUnknownFields } from "./unknown-fields";

const directives = ["Strict", "Warn", "Ignore"];

/**
 * The `fieldValidation` query parameter (GA in 1.27): Strict refuses unknown fields with 400,
 * Warn (the default) drops them with a `Warning` header each, Ignore drops them silently — what
 * decoding into the real server's Go types does.
 */
export function enforceKnownFields(context: HandlerContext, object: JsonObject, serverSideApply = false): JsonObject {
  const { type } = context.info;
  const directive = context.query.get("fieldValidation") ?? "Warn";
  if (!directives.includes(directive)) {
    throw badRequest(`fieldValidation: Unsupported value: "${directive}": supported values: "Ignore", "Strict", "Warn"`);
  }
  const schema = kindSchema(type);
  if (!schema) return object;
  const { value, unknown } = pruneUnknownFields(schema, object);
  if (unknown.length === 0 || !isJsonObject(value)) return object;
  if (directive === "Strict" && serverSideApply) {
    const gvk = `${groupVersion(type)}, Kind=${type.kind}`.replace(/^v1,/, "/v1,");
    throw badRequest(`failed to create typed patch object (${gvk}): ${unknown.map((path) => `.${path}: field not declared in schema`).join(", ")}`);
  }
  const fields = unknown.map((path) => `unknown field "${path}"`);
  if (directive === "Strict") {
    throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${fields.join(", ")}`);
  }
  if (directive === "Warn") context.warnings.push(...fields);
  return value;
}
