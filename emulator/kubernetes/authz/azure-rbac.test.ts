import { describe, expect, it } from "vitest";
import type { EmulatedClusterView, EmulatedRoleAssignment } from "../../contracts";
import { aksRoleDefinitions, aksRoles } from "../testing/aks-roles";
import type { AccessAttributes } from "./attributes";
import { azureRbacAllows, scopeCovers } from "./azure-rbac";

const cluster = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c";

describe("role assignment scopes", () => {
  it("covers everything from the cluster or an ancestor", () => {
    expect(scopeCovers(cluster, cluster, "")).toBe(true);
    expect(scopeCovers("/subscriptions/s", cluster, "x")).toBe(true);
    expect(scopeCovers("/subscriptions/s/resourceGroups/RG/", cluster, "")).toBe(true);
    expect(scopeCovers("/subscriptions/s2", cluster, "")).toBe(false);
    expect(scopeCovers("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c2", cluster, "")).toBe(false);
  });
  it("covers only its own namespace from a namespace scope", () => {
    expect(scopeCovers(`${cluster}/namespaces/x`, cluster, "x")).toBe(true);
    expect(scopeCovers(`${cluster}/namespaces/x`, cluster, "y")).toBe(false);
    expect(scopeCovers(`${cluster}/namespaces/x`, cluster, "")).toBe(false);
  });
});

describe("built-in AKS roles", () => {
  const view = { resourceId: cluster } as EmulatedClusterView;
  const allows = (role: string, scope: string, attributes: Partial<AccessAttributes>) => {
    const assignment: EmulatedRoleAssignment = { id: "a", scope, roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${role}`, principalId: "p", principalType: "User" };
    const azure = { roleAssignmentsAffecting: () => [assignment], roleDefinition: (guid: string) => aksRoleDefinitions.find((item) => item.guid === guid) };
    const request: AccessAttributes = { verb: "list", resourceRequest: true, apiGroup: "", resource: "pods", subresource: "", namespace: "x", name: "", path: "", ...attributes };
    return azureRbacAllows(azure, view, ["p"], request);
  };
  it("Reader reads but never writes, and never reads secrets", () => {
    expect(allows(aksRoles.reader, cluster, {})).toBe(true);
    expect(allows(aksRoles.reader, cluster, { verb: "create" })).toBe(false);
    expect(allows(aksRoles.reader, cluster, { resource: "secrets" })).toBe(false);
  });
  it("Writer writes workloads but only reads namespaces and quotas", () => {
    expect(allows(aksRoles.writer, cluster, { verb: "create", resource: "configmaps" })).toBe(true);
    expect(allows(aksRoles.writer, cluster, { verb: "create", resource: "resourcequotas" })).toBe(false);
    expect(allows(aksRoles.writer, cluster, { verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "rolebindings" })).toBe(false);
  });
  it("Admin does everything except writing namespaces and resource quotas", () => {
    expect(allows(aksRoles.admin, cluster, { verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "rolebindings" })).toBe(true);
    expect(allows(aksRoles.admin, cluster, { verb: "delete", resource: "resourcequotas" })).toBe(false);
    expect(allows(aksRoles.admin, cluster, { verb: "create", resource: "namespaces", namespace: "" })).toBe(false);
    expect(allows(aksRoles.clusterAdmin, cluster, { verb: "create", resource: "namespaces", namespace: "" })).toBe(true);
  });
  it("a namespace-scoped Reader reads only in its namespace", () => {
    expect(allows(aksRoles.reader, `${cluster}/namespaces/x`, { namespace: "x" })).toBe(true);
    expect(allows(aksRoles.reader, `${cluster}/namespaces/x`, { namespace: "y" })).toBe(false);
    expect(allows(aksRoles.reader, `${cluster}/namespaces/x`, { namespace: "", resource: "nodes" })).toBe(false);
  });
});
