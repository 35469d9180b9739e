import type { AccessAttributes } from "./attributes";

/**
 * The Azure data action guard checks for a Kubernetes request
 * (Azure/guard authz/providers/azure/rbac/checkaccessreqhelper.go getActionName/getResourceAndAction):
 * `Microsoft.ContainerService/managedClusters/[{group}/]{resource}/{action}`.
 */
export const managedClustersPrefix = "Microsoft.ContainerService/managedClusters";

/** status, scale and log act on the parent resource; other subresources are their own action. */
const collapsedSubresources = new Set(["", "status", "scale", "log"]);

export function actionOfVerb(verb: string): string {
  switch (verb) {
    case "get":
    case "list":
    case "watch":
      return "read";
    case "create":
    case "update":
    case "patch":
      return "write";
    case "delete":
    case "deletecollection":
      return "delete";
    default:
      // bind, escalate, use, impersonate and any other verb.
      return `${verb}/action`;
  }
}

export function dataAction(attributes: AccessAttributes): string {
  const groupPart = attributes.apiGroup ? `${attributes.apiGroup}/` : "";
  if (!collapsedSubresources.has(attributes.subresource)) {
    return `${managedClustersPrefix}/${groupPart}${attributes.resource}/${attributes.subresource}/action`;
  }
  return `${managedClustersPrefix}/${groupPart}${attributes.resource}/${actionOfVerb(attributes.verb)}`;
}

/** Azure action patterns: `*` matches any run of characters, comparison ignores case. */
export function actionMatches(pattern: string, action: string): boolean {
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`, "i").test(action);
}
