/**
 * The Microsoft Graph application permissions a request needs, by the least-privileged row of each
 * API's permissions table on learn.microsoft.com/graph/api (all of them needed at once). Returns
 * null for a path that is not Graph's, and "unknown" for a Graph API this table does not know, so
 * that a new kind of call fails the permissions test until someone looks its permission up.
 */
export function graphPermissionsOf(method: string, pathWithQuery: string): string[] | "unknown" | null {
  const path = (pathWithQuery.split("?")[0] ?? "").replace(/\/$/, "");
  const match = /^\/v1\.0\/(.+)$/.exec(path);
  if (!match) return null;
  const [collection = "", id, ...rest] = (match[1] ?? "").split("/");
  const relation = rest.join("/");
  const verb = method.toUpperCase();
  // directoryobject-getbyids: Directory.Read.All is its only application permission.
  if (collection === "directoryObjects" && id === "getByIds" && verb === "POST") return ["Directory.Read.All"];
  const reader = { users: "User.Read.All", groups: "GroupMember.Read.All", servicePrincipals: "Application.Read.All" }[collection];
  if (!reader) return "unknown";
  if (collection === "users" && relation === "sendMail" && verb === "POST") return ["Mail.Send"];
  if (verb !== "GET" && !(verb === "POST" && relation === "getMemberObjects")) return "unknown";
  if (!id || relation === "") return [reader];
  // Memberships in either direction: the object's own read plus the groups' memberships.
  if (/^(getMemberObjects|memberOf|transitiveMemberOf)(\/microsoft\.graph\.group)?$/.test(relation) || /^(members|transitiveMembers)$/.test(relation)) {
    return [...new Set([reader, "GroupMember.Read.All"])];
  }
  return "unknown";
}
