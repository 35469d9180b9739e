import { KubeError, methodNotSupported } from "../status";
import { accessReviewHandler } from "./access-review";
import { scaleHandler } from "./scale";
import { selfSubjectReviewHandler, selfSubjectRulesReviewHandler } from "./self-reviews";
import type { HandlerContext, HandlerResult } from "./context";
import { createHandler } from "./create";
import { deleteCollectionHandler, deleteHandler } from "./delete";
import { patchHandler } from "./patch";
import { getObject, listObjects } from "./read";
import { updateHandler } from "./update";

export const resourceNotFound = (): KubeError => new KubeError(404, "NotFound", "the server could not find the requested resource", {});

/** Routes an authorized resource request to its verb's handler. */
export async function dispatch(context: HandlerContext): Promise<HandlerResult> {
  const { type, verb, subresource, namespace } = context.info;
  if (type.virtual) {
    if (verb !== "create") throw methodNotSupported(type, verb);
    if (type.resource === "selfsubjectreviews") return selfSubjectReviewHandler(context);
    if (type.resource === "selfsubjectrulesreviews") return selfSubjectRulesReviewHandler(context);
    return accessReviewHandler(context);
  }
  if (subresource) {
    // Only reading the status subresource is served; writes to it would need per-kind status strategies.
    if (subresource === "status" && verb === "get") return getObject(context);
    if (subresource === "scale" && type.group === "apps" && type.resource === "deployments") return scaleHandler(context);
    throw resourceNotFound();
  }
  if (type.namespaced && !namespace && verb !== "list" && verb !== "watch") throw resourceNotFound();
  switch (verb) {
    case "get":
      return getObject(context);
    case "list":
      return listObjects(context);
    case "create":
      return createHandler(context);
    case "update":
      return updateHandler(context);
    case "patch":
      return patchHandler(context);
    case "delete":
      return deleteHandler(context);
    case "deletecollection":
      return deleteCollectionHandler(context);
    default:
      throw methodNotSupported(type, verb);
  }
}
