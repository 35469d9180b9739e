import type { JsonObject } from "../json";
import { isJsonObject, stringAt } from "../json";
import { deletePodsOf, reconcileDeployment } from "../controllers/deployments";
import type { HandlerContext } from "./context";

/** What the emulator's stand-in controllers do right after a stored write (never on a dry run). */
export function afterWrite(context: HandlerContext, stored: JsonObject): JsonObject {
  const { type, namespace } = context.info;
  return type.group === "apps" && type.resource === "deployments" ? reconcileDeployment(context.store, type, namespace, stored) : stored;
}

/** Garbage collection of what a deleted object owned (background propagation, at once). */
export function afterDelete(context: HandlerContext, deleted: JsonObject): void {
  const { type, namespace } = context.info;
  const uid = stringAt(isJsonObject(deleted.metadata) ? deleted.metadata : undefined, "uid");
  if (type.group === "apps" && type.resource === "deployments" && uid) deletePodsOf(context.store, namespace, uid);
}
