import { describe, expect, it } from "vitest";
import { requestInfo } from "./request-info";

const info = (method: string, path: string) => {
  const url = new URL(path, "https://x");
  const result = requestInfo(method, url.pathname, url.searchParams);
  return result.kind === "resource" ? { verb: result.verb, resource: result.type.resource, namespace: result.namespace, name: result.name, subresource: result.subresource } : result;
};

describe("request info, as the API server derives it", () => {
  it.each([
    ["GET", "/api/v1/namespaces", { verb: "list", resource: "namespaces", namespace: "", name: "", subresource: "" }],
    ["GET", "/api/v1/namespaces/x", { verb: "get", resource: "namespaces", namespace: "x", name: "x", subresource: "" }],
    ["GET", "/api/v1/namespaces/x/pods", { verb: "list", resource: "pods", namespace: "x", name: "", subresource: "" }],
    ["GET", "/api/v1/namespaces/x/pods?watch=true", { verb: "watch", resource: "pods", namespace: "x", name: "", subresource: "" }],
    ["GET", "/api/v1/namespaces/x/pods/p/log", { verb: "get", resource: "pods", namespace: "x", name: "p", subresource: "log" }],
    ["DELETE", "/api/v1/namespaces/x/configmaps", { verb: "deletecollection", resource: "configmaps", namespace: "x", name: "", subresource: "" }],
    ["PATCH", "/apis/rbac.authorization.k8s.io/v1/namespaces/x/rolebindings/b", { verb: "patch", resource: "rolebindings", namespace: "x", name: "b", subresource: "" }],
    ["GET", "/api/v1/pods", { verb: "list", resource: "pods", namespace: "", name: "", subresource: "" }],
    ["PUT", "/api/v1/namespaces/x/status", { verb: "update", resource: "namespaces", namespace: "x", name: "x", subresource: "status" }],
  ])("%s %s", (method, path, expected) => {
    expect(info(method, path)).toEqual(expected);
  });

  it("treats discovery as non-resource requests and unknown kinds as unknown", () => {
    expect(info("GET", "/apis/apps/v1")).toEqual({ kind: "nonResource", verb: "get", path: "/apis/apps/v1" });
    expect(info("GET", "/apis/apps/v1/namespaces/x/statefulsets")).toMatchObject({ kind: "unknown", group: "apps", resource: "statefulsets" });
  });
});
