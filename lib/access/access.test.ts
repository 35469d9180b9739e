import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtInRoleGuids } from "@/emulator/arm/built-in-roles";
import { namespaceAccessPayload } from "@/lib/requests/kinds";
import { grantExpiresAt, lifetimeSecondsOf } from "./durations";
import { roleAssignmentNameFor, roleBindingNameFor } from "./grant-names";
import { accessRoleOfDefinition, accessRoles, roleDefinitionId } from "./roles";
import { armScope, namespaceNamePattern } from "./scope";

describe("AKS data-plane roles", () => {
  it("use the built-in role definition ids Azure (and the emulator) serve", () => {
    expect(accessRoles.reader.roleDefinitionGuid).toBe(builtInRoleGuids.aksRbacReader);
    expect(accessRoles.writer.roleDefinitionGuid).toBe(builtInRoleGuids.aksRbacWriter);
    expect(accessRoles.admin.roleDefinitionGuid).toBe(builtInRoleGuids.aksRbacAdmin);
    expect(accessRoles["cluster-admin"].roleDefinitionGuid).toBe(builtInRoleGuids.aksRbacClusterAdmin);
  });

  it("map to the default ClusterRoles on Kubernetes RBAC clusters", () => {
    expect(Object.values(accessRoles).map((role) => role.clusterRole)).toEqual(["view", "edit", "admin", "cluster-admin"]);
  });

  it("build the subscription-scoped definition id and recognise it again, whatever the case", () => {
    const id = roleDefinitionId("sub-1", "writer");
    expect(id).toBe("/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb");
    expect(accessRoleOfDefinition(id.toUpperCase())).toBe("writer");
    expect(accessRoleOfDefinition(builtInRoleGuids.reader)).toBeNull();
  });
});

describe("scopes", () => {
  it("puts namespace grants under the cluster's resource id", () => {
    expect(armScope("/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/c", { kind: "namespace", namespace: "payments-dev" })).toBe(
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/c/namespaces/payments-dev",
    );
    expect(armScope("/c", { kind: "cluster" })).toBe("/c");
  });

  it("accepts only DNS-1123 label namespaces", () => {
    expect(namespaceNamePattern.test("payments-dev")).toBe(true);
    for (const bad of ["Payments", "-x", "x-", "a/b", "", "a".repeat(64)]) expect(namespaceNamePattern.test(bad)).toBe(false);
  });
});

describe("durations", () => {
  it("count from application, and permanent never expires", () => {
    const appliedAt = new Date("2026-01-01T10:00:00Z");
    expect(grantExpiresAt(lifetimeSecondsOf("8h"), appliedAt)?.toISOString()).toBe("2026-01-01T18:00:00.000Z");
    expect(grantExpiresAt(lifetimeSecondsOf("7d"), appliedAt)?.toISOString()).toBe("2026-01-08T10:00:00.000Z");
    expect(grantExpiresAt(lifetimeSecondsOf("permanent"), appliedAt)).toBeNull();
  });
});

describe("deterministic names", () => {
  it("derive one role assignment name per request: a GUID, stable across attempts, different per request", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        const name = roleAssignmentNameFor(a);
        expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(roleAssignmentNameFor(a)).toBe(name);
        if (a !== b) expect(roleAssignmentNameFor(b)).not.toBe(name);
      }),
    );
  });

  it("name a RoleBinding for role and principal, within Kubernetes' name rules", () => {
    const name = roleBindingNameFor("writer", "A0000000-0000-4000-8000-0000000000B2");
    expect(name).toBe("clusterdesk-edit-a0000000-0000-4000-8000-0000000000b2");
    expect(name.length).toBeLessThanOrEqual(253);
  });
});

describe("namespace-access payload", () => {
  const principal = { objectId: "a0000000-0000-4000-8000-0000000000b2", type: "Group", displayName: "Team Payments Members", userPrincipalName: null };
  it("accepts a grant and a revocation", () => {
    expect(namespaceAccessPayload.safeParse({ action: "grant", role: "writer", namespace: "payments-dev", principal, lifetimeSeconds: 3600 }).success).toBe(true);
    expect(namespaceAccessPayload.safeParse({ action: "revoke", grantId: "3f1c7d2e-0c4a-4b8e-9a51-3d0e8b6f2c10", role: "writer", namespace: "payments-dev", principal }).success).toBe(true);
  });
  it("refuses unknown roles, bad namespaces and service principals", () => {
    expect(namespaceAccessPayload.safeParse({ action: "grant", role: "owner", namespace: "payments-dev", principal, lifetimeSeconds: null }).success).toBe(false);
    expect(namespaceAccessPayload.safeParse({ action: "grant", role: "reader", namespace: "../x", principal, lifetimeSeconds: null }).success).toBe(false);
    expect(namespaceAccessPayload.safeParse({ action: "grant", role: "reader", namespace: null, principal: { ...principal, type: "ServicePrincipal" }, lifetimeSeconds: null }).success).toBe(false);
  });
});

describe("access forms", () => {
  const valid = { role: "writer", namespace: "payments-dev", principalId: "10000000-0000-4000-8000-00000000000A", duration: "8h", justification: "Incident follow-up" };
  it("accept a grant, lower-casing the object id, and an empty namespace as cluster scope", async () => {
    const { grantAccessForm } = await import("./access-forms");
    expect(grantAccessForm.parse(valid)).toMatchObject({ principalId: "10000000-0000-4000-8000-00000000000a", namespace: "payments-dev" });
    expect(grantAccessForm.parse({ ...valid, namespace: "" }).namespace).toBe("");
  });
  it("name the field that is wrong", async () => {
    const { grantAccessForm } = await import("./access-forms");
    const fields = (input: object) => grantAccessForm.safeParse(input).error?.issues.map((issue) => issue.path[0]);
    expect(fields({ ...valid, role: "owner" })).toEqual(["role"]);
    expect(fields({ ...valid, principalId: "alice" })).toEqual(["principalId"]);
    expect(fields({ ...valid, namespace: "Bad_NS" })).toEqual(["namespace"]);
    expect(fields({ ...valid, duration: "30d" })).toEqual(["duration"]);
    expect(fields({ ...valid, justification: "x" })).toEqual(["justification"]);
  });
  it("take 'until a date' with a future end within the maximum, and explain one that is not", async () => {
    const { grantAccessForm } = await import("./access-forms");
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const end = inHours(30);
    expect(grantAccessForm.parse({ ...valid, duration: "until", expiresAt: end }).expiresAt).toEqual(new Date(end));
    expect(grantAccessForm.parse({ ...valid, expiresAt: end }).expiresAt).toBeNull();
    const problem = (expiresAt?: string) => grantAccessForm.safeParse({ ...valid, duration: "until", expiresAt }).error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(problem(undefined)).toEqual([["expiresAt", "Choose the date and time the access ends."]]);
    expect(problem(inHours(-1))).toEqual([["expiresAt", "Choose a time in the future."]]);
    expect(problem(inHours(24 * 91))).toEqual([["expiresAt", "Choose a time within 90 days; longer access is permanent access and should say so."]]);
  });
});

describe("describing a namespace-access change", () => {
  it("says who gets which role where, and for how long", async () => {
    const { describeAccessChange } = await import("./describe-change");
    const liam = { objectId: "10000000-0000-4000-8000-000000000007", type: "User" as const, displayName: "Liam O'Brien", userPrincipalName: "liam.obrien@example.com" };
    expect(describeAccessChange({ action: "grant", role: "writer", namespace: "payments-dev", principal: liam, lifetimeSeconds: 8 * 3600 })).toBe(
      "Grant Azure Kubernetes Service RBAC Writer on namespace payments-dev to user Liam O'Brien (liam.obrien@example.com), for 8 hours from when it takes effect.",
    );
    const group = { objectId: "a0000000-0000-4000-8000-0000000000b2", type: "Group" as const, displayName: "Team Payments Members", userPrincipalName: null };
    expect(describeAccessChange({ action: "grant", role: "reader", namespace: null, principal: group, lifetimeSeconds: null })).toBe(
      "Grant Azure Kubernetes Service RBAC Reader on the whole cluster to group Team Payments Members, until revoked.",
    );
    expect(describeAccessChange({ action: "revoke", grantId: "3f1c7d2e-0c4a-4b8e-9a51-3d0e8b6f2c10", role: "admin", namespace: "payments-dev", principal: group })).toBe(
      "Revoke Azure Kubernetes Service RBAC Admin on namespace payments-dev from group Team Payments Members.",
    );
  });
});

describe("scopes of assignments found around a cluster", () => {
  it("tells inherited, cluster and namespace scopes apart, without case, and ignores unrelated ones", async () => {
    const { foundScopeOf } = await import("./scope");
    const cluster = "/subscriptions/s1/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev";
    expect(foundScopeOf(cluster, "/subscriptions/s1")).toEqual({ kind: "inherited", from: "subscription" });
    expect(foundScopeOf(cluster, "/subscriptions/S1/resourcegroups/RG-DEV")).toEqual({ kind: "inherited", from: "resource group" });
    expect(foundScopeOf(cluster, "/providers/Microsoft.Management/managementGroups/root")).toBeNull();
    expect(foundScopeOf(cluster, cluster.toUpperCase())).toEqual({ kind: "cluster" });
    expect(foundScopeOf(cluster, `${cluster}/namespaces/payments-dev`)).toEqual({ kind: "namespace", namespace: "payments-dev" });
    expect(foundScopeOf(cluster, "/subscriptions/s1/resourceGroups/rg-dev2")).toBeNull();
    expect(foundScopeOf(cluster, `${cluster}-other`)).toBeNull();
  });
});
