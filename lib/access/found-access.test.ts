import { describe, expect, it } from "vitest";
import { adoptProblem, describeFoundAccessChange, describeSource, draftsFromAssignments, draftsFromBindings, revokeProblem } from "./found-access";
import { accessRoles } from "./roles";

const cluster = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1";
const definition = (guid: string) => `/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const oid = "11111111-2222-3333-4444-555555555555";

describe("draftsFromAssignments", () => {
  it("keeps the AKS data-plane roles at, above and below the cluster, marking inherited ones, and drops the rest", () => {
    const drafts = draftsFromAssignments(cluster, [
      { id: "a1", scope: `${cluster}/namespaces/team-a`, roleDefinitionId: definition(accessRoles.writer.roleDefinitionGuid), principalId: oid.toUpperCase(), principalType: "Group" },
      { id: "a2", scope: "/subscriptions/s1", roleDefinitionId: definition(accessRoles.reader.roleDefinitionGuid), principalId: oid, principalType: "User" },
      { id: "a3", scope: "/subscriptions/s1/resourceGroups/rg", roleDefinitionId: definition(accessRoles.admin.roleDefinitionGuid), principalId: oid, principalType: "User" },
      { id: "a4", scope: cluster, roleDefinitionId: definition(accessRoles["cluster-admin"].roleDefinitionGuid), principalId: oid, principalType: "User" },
      // Cluster User (credentials only) and an unrelated cluster's namespace.
      { id: "a5", scope: cluster, roleDefinitionId: definition("4abbcc35-e782-43d8-92c5-2d3f1bd2253f"), principalId: oid, principalType: "User" },
      { id: "a6", scope: `${cluster}2/namespaces/x`, roleDefinitionId: definition(accessRoles.writer.roleDefinitionGuid), principalId: oid, principalType: "User" },
    ]);
    expect(drafts.map((draft) => [draft.externalId, draft.scopeKind, draft.namespace, draft.inherited, draft.role])).toEqual([
      ["a1", "namespace", "team-a", false, "writer"],
      ["a2", "subscription", null, true, "reader"],
      ["a3", "resource-group", null, true, "admin"],
      ["a4", "cluster", null, false, "cluster-admin"],
    ]);
    expect(drafts[0]?.subject).toEqual({ by: "object-id", objectId: oid, type: "Group" });
    expect(drafts[0]?.roleName).toBe("Azure Kubernetes Service RBAC Writer");
  });
});

describe("draftsFromBindings", () => {
  it("makes one draft per User/Group subject, maps default ClusterRoles to roles, and leaves Kubernetes' own bindings out", () => {
    const drafts = draftsFromBindings([
      { kind: "RoleBinding", namespace: "team-a", name: "rb", labels: {}, roleRef: { kind: "ClusterRole", name: "edit" }, subjects: [{ kind: "User", name: "liam@x.test" }, { kind: "Group", name: oid.toUpperCase() }, { kind: "ServiceAccount", name: "ci" }] },
      { kind: "RoleBinding", namespace: "team-a", name: "custom", labels: { "app.kubernetes.io/managed-by": "clusterdesk" }, roleRef: { kind: "Role", name: "deployer" }, subjects: [{ kind: "Group", name: oid }] },
      { kind: "ClusterRoleBinding", namespace: null, name: "admins", labels: {}, roleRef: { kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "Group", name: oid }, { kind: "Group", name: "system:masters" }] },
      { kind: "ClusterRoleBinding", namespace: null, name: "system:node", labels: {}, roleRef: { kind: "ClusterRole", name: "system:node" }, subjects: [{ kind: "Group", name: "system:nodes" }] },
    ]);
    expect(drafts.map((draft) => [draft.externalId, draft.scopeKind, draft.namespace, draft.role, draft.roleName, draft.bindingSubjects, draft.managedByClusterdesk])).toEqual([
      ["team-a/rb", "namespace", "team-a", "writer", "ClusterRole/edit", 3, false],
      ["team-a/rb", "namespace", "team-a", "writer", "ClusterRole/edit", 3, false],
      ["team-a/custom", "namespace", "team-a", "custom", "Role/deployer", 1, true],
      ["admins", "cluster", null, "cluster-admin", "ClusterRole/cluster-admin", 2, false],
    ]);
    expect(drafts[0]?.subject).toEqual({ by: "user-name", name: "liam@x.test" });
    expect(drafts[1]?.subject).toEqual({ by: "object-id", objectId: oid, type: "Group" });
  });
});

describe("adopt and revoke", () => {
  const found = { mechanism: "azure-rbac", scopeKind: "namespace", role: "writer", principalType: "User", bindingSubjects: 1 };
  it("allows both on a namespace assignment of a user", () => {
    expect(adoptProblem(found)).toBeNull();
    expect(revokeProblem(found)).toBeNull();
  });
  it("refuses both on inherited assignments", () => {
    expect(adoptProblem({ ...found, scopeKind: "subscription" })).toMatch(/inherited from the subscription/);
    expect(revokeProblem({ ...found, scopeKind: "resource-group" })).toMatch(/inherited from the resource group/);
  });
  it("refuses to adopt custom roles, service principals, ClusterRoleBindings and shared bindings", () => {
    expect(adoptProblem({ ...found, role: "custom" })).toMatch(/four AKS roles/);
    expect(adoptProblem({ ...found, principalType: "ServicePrincipal" })).toMatch(/users and groups/);
    expect(adoptProblem({ ...found, principalDeleted: true })).toMatch(/no longer exists/);
    expect(adoptProblem({ ...found, mechanism: "kubernetes-rbac", scopeKind: "cluster" })).toMatch(/ClusterRoleBindings/);
    expect(adoptProblem({ ...found, mechanism: "kubernetes-rbac", bindingSubjects: 2 })).toMatch(/several subjects/);
    expect(adoptProblem({ ...found, mechanism: "azure-rbac", scopeKind: "cluster" })).toBeNull();
  });
  it("refuses to revoke a binding shared with other subjects", () => {
    expect(revokeProblem({ ...found, mechanism: "kubernetes-rbac", bindingSubjects: 3 })).toMatch(/3 subjects/);
  });
  it("says where an entry came from", () => {
    expect(describeSource({ kind: "clusterdesk", requestNumber: 7 })).toBe("Clusterdesk request #7");
    expect(describeSource({ kind: "found-on-cluster" })).toBe("found on the cluster");
  });
  it("describes an adoption and a revocation in one sentence", () => {
    const entry = { mechanism: "kubernetes-rbac" as const, scopeKind: "namespace" as const, namespace: "team-a", roleName: "ClusterRole/view", principal: { type: "User", displayName: "Liam", objectId: oid, userPrincipalName: "liam@x.test" }, externalId: "team-a/oncall" };
    expect(describeFoundAccessChange("adopt", entry)).toBe("Adopt ClusterRole/view on namespace team-a for user Liam (liam@x.test), found on the cluster (RoleBinding team-a/oncall), as a Clusterdesk grant; nothing changes on the cluster.");
    expect(describeFoundAccessChange("revoke", { ...entry, mechanism: "azure-rbac", scopeKind: "cluster", namespace: null })).toBe("Revoke ClusterRole/view on the whole cluster from user Liam (liam@x.test), found on the cluster: delete the role assignment.");
  });
});
