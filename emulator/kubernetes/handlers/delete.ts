import { isJsonObject, stringAt, type JsonObject } from "../json";
import { resourceTypes, type ResourceType } from "../resources";
import { conflict, KubeError, notFound, successStatus } from "../status";
import type { HandlerContext, HandlerResult } from "./context";
import { afterDelete } from "./controllers";
import { metadataOf, nameOf } from "./objects";
import { deleteOptions, type DeleteOptions } from "./delete-options";
import { listResponse, selectedObjects } from "./read";

/** The namespace lifecycle admission plugin refuses to delete these. */
const immortalNamespaces = new Set(["default", "kube-system", "kube-public"]);

/** Kinds whose delete answers with the object (graceful or finalized deletion), not a Status. */
const returnsObject = new Set(["namespaces", "pods"]);

/** storage.Preconditions.Check: a mismatching uid or resourceVersion is a 409 Conflict. */
function checkPreconditions(type: ResourceType, name: string, metadata: JsonObject, preconditions: DeleteOptions["preconditions"]): void {
  for (const [field, label] of [["uid", "UID"], ["resourceVersion", "ResourceVersion"]] as const) {
    const expected = preconditions[field];
    const actual = stringAt(metadata, field) ?? "";
    if (expected !== undefined && expected !== actual) throw conflict(type, name, `Precondition failed: ${label} in precondition: ${expected}, ${label} in object meta: ${actual}`);
  }
}

function deleteOne(context: HandlerContext, options: DeleteOptions, name: string): JsonObject {
  const { type, namespace } = context.info;
  if (type.resource === "namespaces" && immortalNamespaces.has(name)) {
    throw new KubeError(403, "Forbidden", `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: "namespaces" });
  }
  const current = context.store.get(type, namespace, name);
  if (!current) throw notFound(type, name);
  checkPreconditions(type, name, metadataOf(current), options.preconditions);
  if (options.dryRun) return current;
  // The real namespace controller removes the contents asynchronously; here it happens at once.
  if (type.resource === "namespaces") context.store.deleteNamespaceContents(name, resourceTypes);
  const deleted = context.store.delete(type, namespace, name) ?? current;
  if (!options.orphan) afterDelete(context, deleted);
  const metadata = metadataOf(deleted);
  metadata.deletionTimestamp = context.store.timestamp();
  if (type.resource === "namespaces") deleted.status = { phase: "Terminating" };
  if (type.resource === "pods") metadata.deletionGracePeriodSeconds = 30;
  return deleted;
}

export async function deleteHandler(context: HandlerContext): Promise<HandlerResult> {
  const { type, name } = context.info;
  const deleted = deleteOne(context, await deleteOptions(context), name);
  if (returnsObject.has(type.resource)) return { status: 200, body: deleted };
  const uid = stringAt(isJsonObject(deleted.metadata) ? deleted.metadata : undefined, "uid") ?? "";
  return { status: 200, body: successStatus(type, name, uid) };
}

export async function deleteCollectionHandler(context: HandlerContext): Promise<HandlerResult> {
  const options = await deleteOptions(context);
  const items = selectedObjects(context).map((object) => deleteOne(context, options, nameOf(object)));
  return { status: 200, body: listResponse(context.info.type, context.store.resourceVersion, items) };
}
