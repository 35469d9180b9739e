import { stringAt, type JsonObject } from "../json";
import { decodeObjectBody } from "../body";
import { enforceKnownFields } from "../openapi/field-validation";
import { badRequest, conflict, notFound, staleObjectReason } from "../status";
import type { HandlerContext, HandlerResult } from "./context";
import { afterWrite } from "./controllers";
import { type Ownership, checkBodyIdentity, finishWrite, isDryRun, managerOf, metadataOf, nameOf, validateOrThrow } from "./objects";

/**
 * Stores `next` in place of `current` after the optimistic-concurrency check: a resourceVersion in
 * the new object that is not the stored one is a 409 Conflict, as with etcd's compare-and-swap.
 */
export function replaceObject(context: HandlerContext, current: JsonObject, next: JsonObject, ownership: Ownership): JsonObject {
  const { type, namespace, name } = context.info;
  const requested = stringAt(metadataOf(next), "resourceVersion");
  const stored = stringAt(metadataOf(current), "resourceVersion");
  if (requested && requested !== stored) throw conflict(type, name, staleObjectReason);
  if (nameOf(next) !== name) throw badRequest(`the name of the object (${nameOf(next)}) does not match the name on the URL (${name})`);
  validateOrThrow(type, next);
  const prepared = finishWrite(context, current, next, ownership);
  const metadata = metadataOf(prepared);
  metadata.resourceVersion = stored ?? "";
  if (isDryRun(context)) return prepared;
  return afterWrite(context, context.store.replace(type, namespace, prepared));
}

export async function updateHandler(context: HandlerContext): Promise<HandlerResult> {
  const { type, namespace, name } = context.info;
  const body = enforceKnownFields(context, decodeObjectBody(await context.readBody(), context.contentType));
  checkBodyIdentity(type, namespace, body);
  const current = context.store.get(type, namespace, name);
  if (!current) throw notFound(type, name);
  if (!nameOf(body)) metadataOf(body).name = name;
  // Status is written through the status subresource; a PUT of the main resource keeps it.
  if (current.status !== undefined) body.status = current.status;
  return { status: 200, body: replaceObject(context, current, body, { manager: managerOf(context) }) };
}
