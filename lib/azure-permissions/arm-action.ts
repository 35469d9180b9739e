/**
 * The Azure RBAC action ARM authorizes for one request, derived the way ARM derives it: the resource
 * type after the last `/providers/{namespace}` (an extension resource such as a role assignment on a
 * namespace scope is authorized as the extension's type), `read` for GET, `write` for PUT and PATCH,
 * `delete` for DELETE, and `{type}/{name}/action` for a POST to an action of a resource.
 * https://learn.microsoft.com/azure/role-based-access-control/role-definitions#actions
 * Returns null for a path that is not ARM's (Entra ID, Graph, a cluster's API server).
 */
export function armActionOf(method: string, pathWithQuery: string): string | null {
  const path = (pathWithQuery.split("?")[0] ?? "").replace(/\/{2,}/g, "/").replace(/\/$/, "");
  if (!/^\/(subscriptions|providers)(\/|$)/i.test(path)) return null;
  const verb = method.toUpperCase();
  const segments = path.split("/").slice(1);
  const lastProvider = segments.map((segment) => segment.toLowerCase()).lastIndexOf("providers");
  if (lastProvider < 0 || lastProvider + 1 >= segments.length) return subscriptionAction(verb, segments);
  const namespace = segments[lastProvider + 1] ?? "";
  // After the namespace: type, name, type, name, … and for a POST a trailing action name.
  const rest = segments.slice(lastProvider + 2);
  if (rest.length === 0) return null;
  if (verb === "POST") {
    if (rest.length % 2 === 0) return null;
    const action = rest.at(-1) ?? "";
    return `${namespace}/${typeNames(rest.slice(0, -1)).join("/")}/${action}/action`;
  }
  const suffix = verbSuffix(verb);
  return suffix ? `${namespace}/${typeNames(rest).join("/")}/${suffix}` : null;
}

/** Every other segment, from the first: the type names of `type/name/type/name…` (a list ends on a type). */
function typeNames(rest: string[]): string[] {
  return rest.filter((_, index) => index % 2 === 0);
}

function verbSuffix(verb: string): "read" | "write" | "delete" | null {
  if (verb === "GET" || verb === "HEAD") return "read";
  if (verb === "PUT" || verb === "PATCH") return "write";
  if (verb === "DELETE") return "delete";
  return null;
}

/** `/subscriptions`, `/subscriptions/{id}` and its resource groups belong to Microsoft.Resources. */
function subscriptionAction(verb: string, segments: string[]): string | null {
  const suffix = verbSuffix(verb);
  if (!suffix || segments[0]?.toLowerCase() !== "subscriptions") return null;
  const types = typeNames(segments);
  return `Microsoft.Resources/${types.join("/")}/${suffix}`;
}

/** Azure action patterns: `*` matches any run of characters; ARM compares actions ignoring case. */
export function actionMatches(pattern: string, action: string): boolean {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${escaped}$`, "i").test(action);
}

/** Whether a role's Actions minus its NotActions allow the action. */
export function roleAllows(role: { actions: readonly string[]; notActions: readonly string[] }, action: string): boolean {
  return role.actions.some((pattern) => actionMatches(pattern, action)) && !role.notActions.some((pattern) => actionMatches(pattern, action));
}
