import { findResourceType, type ResourceType } from "./resources";

/**
 * What the API server's RequestInfoFactory (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go)
 * derives from a request: authorization and the handlers both work from it.
 */
export type ResourceRequest = {
  kind: "resource";
  verb: string;
  type: ResourceType;
  /** For `namespaces/{name}` this is the name too, as the real RequestInfo sets it. */
  namespace: string;
  name: string;
  subresource: string;
};

export type NonResourceRequest = { kind: "nonResource"; verb: string; path: string };

export type UnknownResource = { kind: "unknown"; verb: string; path: string; group: string; resource: string };

export type RequestInfo = ResourceRequest | NonResourceRequest | UnknownResource;

const verbsByMethod: Record<string, string> = { POST: "create", PUT: "update", PATCH: "patch", DELETE: "delete", GET: "get", HEAD: "get" };

export function requestInfo(method: string, pathname: string, query: URLSearchParams): RequestInfo {
  const segments = pathname.split("/").filter((segment) => segment !== "").map(decodeURIComponent);
  const lowerVerb = (verbsByMethod[method] ?? method.toLowerCase());
  let parts: string[];
  let group: string;
  let version: string;
  if (segments[0] === "api" && segments.length >= 3) {
    [group, version, parts] = ["", segments[1] ?? "", segments.slice(2)];
  } else if (segments[0] === "apis" && segments.length >= 4) {
    [group, version, parts] = [segments[1] ?? "", segments[2] ?? "", segments.slice(3)];
  } else {
    return { kind: "nonResource", verb: lowerVerb, path: pathname };
  }

  let namespace = "";
  if (parts[0] === "namespaces" && parts.length > 1) {
    namespace = parts[1] ?? "";
    // `namespaces/{ns}/status` and `/finalize` are subresources of the namespace itself.
    if (parts.length > 2 && parts[2] !== "status" && parts[2] !== "finalize") parts = parts.slice(2);
  }
  const [resource = "", name = "", subresource = ""] = parts;
  let verb = lowerVerb;
  if (!name && verb === "get") verb = query.get("watch") === "true" || query.get("watch") === "1" ? "watch" : "list";
  if (!name && verb === "delete") verb = "deletecollection";

  const type = findResourceType(group, version, resource);
  if (!type) return { kind: "unknown", verb, path: pathname, group, resource };
  return { kind: "resource", verb, type, namespace: type.namespaced || type.resource === "namespaces" ? namespace : "", name, subresource };
}
