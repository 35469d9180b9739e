import { isJsonObject, stringAt, type JsonObject } from "../json";
import { parseBody, parseObjectBody } from "../http";
import { applyJsonPatch, JsonPatchError } from "../apply/json-patch";
import { mergePatch } from "../apply/merge-patch";
import { readManagedFields } from "../apply/managed-fields";
import { conflictMessage, serverSideApply } from "../apply/server-side-apply";
import { groupVersion } from "../resources";
import { enforceKnownFields } from "../openapi/field-validation";
import { badRequest, KubeError, notFound } from "../status";
import type { HandlerContext, HandlerResult } from "./context";
import { createObject } from "./create";
import { checkBodyIdentity, isDryRun, managerOf, metadataOf } from "./objects";
import { replaceObject } from "./update";

const jsonPatch = "application/json-patch+json";
const mergePatchType = "application/merge-patch+json";
const strategicMergePatch = "application/strategic-merge-patch+json";
const applyPatch = "application/apply-patch+yaml";

function unsupportedMediaType(contentType: string): KubeError {
  return new KubeError(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${jsonPatch}, ${mergePatchType}, ${strategicMergePatch}, ${applyPatch}; got ${contentType}`,
  );
}

async function applyHandler(context: HandlerContext): Promise<HandlerResult> {
  const { type, namespace, name } = context.info;
  const manager = context.query.get("fieldManager");
  if (!manager) {
    // ValidatePatchOptions: NewInvalid(PatchOptions.meta.k8s.io) with a Required cause.
    throw new KubeError(422, "Invalid", 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
      group: "meta.k8s.io",
      kind: "PatchOptions",
      causes: [{ reason: "FieldValueRequired", message: "Required value: is required for apply patch", field: "fieldManager" }],
    });
  }
  const applied = enforceKnownFields(context, parseObjectBody(await context.readBody(), true), true);
  if (!stringAt(applied, "apiVersion") || !stringAt(applied, "kind")) throw badRequest("Object 'Kind' is missing in the request body");
  checkBodyIdentity(type, namespace, applied);
  const appliedName = stringAt(isJsonObject(applied.metadata) ? applied.metadata : undefined, "name");
  if (appliedName !== name) throw badRequest(`the name of the object (${appliedName ?? ""}) does not match the name on the URL (${name})`);

  const current = context.store.get(type, namespace, name);
  const force = context.query.get("force") === "true";
  const result = serverSideApply({
    current,
    applied,
    entries: readManagedFields(current),
    manager,
    apiVersion: groupVersion(type),
    force,
    time: context.store.timestamp(),
  });
  if (!result.ok) {
    const { message, causes } = conflictMessage(result.conflicts);
    throw new KubeError(409, "Conflict", message, { causes });
  }
  const persist = !isDryRun(context);
  if (!current) return { status: 201, body: createObject(context, result.object, { applied: result.entries }, persist) };
  return { status: 200, body: replaceObject(context, current, result.object, { applied: result.entries }) };
}

export function patched(current: JsonObject, contentType: string, text: Buffer): JsonObject {
  try {
    const result = contentType === jsonPatch ? applyJsonPatch(current, parseBody(text, false)) : mergePatch(current, parseBody(text, false));
    if (!isJsonObject(result)) throw badRequest("the patch did not produce an object");
    return result;
  } catch (error) {
    if (error instanceof JsonPatchError) throw new KubeError(422, "Invalid", error.message);
    throw error;
  }
}

/**
 * PATCH by Content-Type. Strategic merge patch is applied as a JSON merge patch: lists replace
 * instead of merging by their patch merge keys (a documented fidelity gap).
 */
export async function patchHandler(context: HandlerContext): Promise<HandlerResult> {
  const contentType = context.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (contentType === applyPatch) return applyHandler(context);
  if (![jsonPatch, mergePatchType, strategicMergePatch].includes(contentType)) throw unsupportedMediaType(contentType);
  const { type, namespace, name } = context.info;
  const current = context.store.get(type, namespace, name);
  if (!current) throw notFound(type, name);
  const next = enforceKnownFields(context, patched(current, contentType, await context.readBody()));
  // managedFields are the server's; a patch that rewrites them is ignored here.
  metadataOf(next).managedFields = metadataOf(current).managedFields ?? [];
  return { status: 200, body: replaceObject(context, current, next, { manager: managerOf(context) }) };
}
