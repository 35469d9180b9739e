import { describe, expect, it } from "vitest";
import type { AccessAttributes } from "./attributes";
import { actionMatches, dataAction } from "./data-action";

const request = (overrides: Partial<AccessAttributes>): AccessAttributes => ({
  verb: "get", resourceRequest: true, apiGroup: "", resource: "pods", subresource: "", namespace: "x", name: "", path: "", ...overrides,
});
const p = "Microsoft.ContainerService/managedClusters";

describe("guard's data action mapping", () => {
  it.each([
    [{ verb: "get" }, `${p}/pods/read`],
    [{ verb: "list" }, `${p}/pods/read`],
    [{ verb: "watch" }, `${p}/pods/read`],
    [{ verb: "create" }, `${p}/pods/write`],
    [{ verb: "update" }, `${p}/pods/write`],
    [{ verb: "patch" }, `${p}/pods/write`],
    [{ verb: "delete" }, `${p}/pods/delete`],
    [{ verb: "deletecollection" }, `${p}/pods/delete`],
    [{ verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles" }, `${p}/rbac.authorization.k8s.io/clusterroles/bind/action`],
    [{ verb: "impersonate", resource: "serviceaccounts" }, `${p}/serviceaccounts/impersonate/action`],
    [{ verb: "list", apiGroup: "networking.k8s.io", resource: "networkpolicies" }, `${p}/networking.k8s.io/networkpolicies/read`],
    [{ verb: "get", subresource: "log" }, `${p}/pods/read`],
    [{ verb: "update", subresource: "status" }, `${p}/pods/write`],
    [{ verb: "create", subresource: "exec" }, `${p}/pods/exec/action`],
  ] as const)("%o → %s", (overrides, expected) => {
    expect(dataAction(request(overrides))).toBe(expected);
  });

  it("matches Azure action patterns with wildcards, ignoring case", () => {
    expect(actionMatches(`${p}/*`, `${p}/pods/read`)).toBe(true);
    expect(actionMatches(`${p}/extensions/*`, `${p}/extensions/ingresses/write`)).toBe(true);
    expect(actionMatches(`${p}/pods/read`, `${p}/pods/write`)).toBe(false);
    expect(actionMatches(`microsoft.containerservice/managedclusters/pods/READ`, `${p}/pods/read`)).toBe(true);
    expect(actionMatches(`${p}/namespaces/write`, `${p}/namespaces/writeX`)).toBe(false);
  });
});
