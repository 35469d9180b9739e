import { describe, expect, it } from "vitest";
import { type Action, type Principal, type Resource, type ResourceKind, actionsByResource, auditReviewScope, decide } from "./policy";

const personas = {
  admin: { objectId: "u-admin", roles: ["admin"], ownedTenantIds: [] },
  auditor: { objectId: "u-auditor", roles: ["auditor"], ownedTenantIds: [] },
  leadA: { objectId: "u-lead-a", roles: [], ownedTenantIds: ["t-a"] },
  leadB: { objectId: "u-lead-b", roles: [], ownedTenantIds: ["t-b"] },
  member: { objectId: "u-member", roles: [], ownedTenantIds: [] },
} satisfies Record<string, Principal>;
type Persona = keyof typeof personas;
const order: Persona[] = ["admin", "auditor", "leadA", "leadB", "member"];

const sharedCluster = { kind: "cluster", hostedTenantIds: ["t-a", "t-b"], production: false } as const;

const resources = {
  portal: { kind: "portal" },
  clusterA: { kind: "cluster", hostedTenantIds: ["t-a", "t-c"], production: false },
  clusterNone: { kind: "cluster", hostedTenantIds: [], production: false },
  prodClusterA: { kind: "cluster", hostedTenantIds: ["t-a", "t-c"], production: true },
  // A cluster shared by tenants A and B, and ranges on it owned by A, by B, and by nobody (found on the cluster).
  sharedRangeOfA: { kind: "ip-range", cluster: sharedCluster, ownerTenantId: "t-a" },
  sharedRangeOfB: { kind: "ip-range", cluster: sharedCluster, ownerTenantId: "t-b" },
  sharedRangeUnowned: { kind: "ip-range", cluster: sharedCluster, ownerTenantId: null },
  prodSharedRangeOfA: { kind: "ip-range", cluster: { ...sharedCluster, production: true }, ownerTenantId: "t-a" },
  rangeOfAOnClusterNone: { kind: "ip-range", cluster: { kind: "cluster", hostedTenantIds: [], production: false }, ownerTenantId: "t-a" },
  tenantA: { kind: "tenant", tenantId: "t-a" },
  // Namespace access on the shared cluster: A's namespace for a member of A's groups (each role),
  // A's namespace for an outsider, B's namespace, cluster scope, and A's namespace on production.
  readerInA: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-a", role: "reader", principalInTenantGroups: true },
  writerInA: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-a", role: "writer", principalInTenantGroups: true },
  adminInA: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-a", role: "admin", principalInTenantGroups: true },
  clusterAdminInA: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-a", role: "cluster-admin", principalInTenantGroups: true },
  writerInAForOutsider: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-a", role: "writer", principalInTenantGroups: false },
  writerInB: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-b", role: "writer", principalInTenantGroups: true },
  writerInUnownedNamespace: { kind: "namespace-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: null, role: "writer", principalInTenantGroups: false },
  readerOnCluster: { kind: "namespace-access", cluster: sharedCluster, scope: "cluster", namespaceTenantId: null, role: "reader", principalInTenantGroups: true },
  prodWriterInA: { kind: "namespace-access", cluster: { ...sharedCluster, production: true }, scope: "namespace", namespaceTenantId: "t-a", role: "writer", principalInTenantGroups: true },
  pendingByLeadA: { kind: "request", requesterId: "u-lead-a", tenantId: "t-a", status: "pending" },
  pendingByAdmin: { kind: "request", requesterId: "u-admin", tenantId: "t-a", status: "pending" },
  failedByLeadA: { kind: "request", requesterId: "u-lead-a", tenantId: "t-a", status: "failed" },
  appliedByLeadA: { kind: "request", requesterId: "u-lead-a", tenantId: "t-a", status: "applied" },
  audit: { kind: "audit" },
  // Namespaces of the shared cluster for the access check: A's, B's and one of no tenant.
  namespaceOfA: { kind: "cluster-namespace", cluster: sharedCluster, namespace: "a-dev", tenantId: "t-a" },
  namespaceOfB: { kind: "cluster-namespace", cluster: sharedCluster, namespace: "b-dev", tenantId: "t-b" },
  namespaceOfNobody: { kind: "cluster-namespace", cluster: sharedCluster, namespace: "kube-system", tenantId: null },
  // A new environment of tenant A on a cluster that hosts none of A's namespaces yet, and on production.
  environmentOfA: { kind: "tenant-environment", tenantId: "t-a", cluster: { kind: "cluster", hostedTenantIds: [], production: false } },
  prodEnvironmentOfA: { kind: "tenant-environment", tenantId: "t-a", cluster: { kind: "cluster", hostedTenantIds: [], production: true } },
  // Access found on the shared cluster (drift): in A's namespace, at cluster scope, inherited, and in A's namespace on production.
  foundInA: { kind: "found-access", cluster: sharedCluster, scope: "namespace", namespaceTenantId: "t-a" },
  foundOnCluster: { kind: "found-access", cluster: sharedCluster, scope: "cluster", namespaceTenantId: null },
  foundInherited: { kind: "found-access", cluster: sharedCluster, scope: "inherited", namespaceTenantId: null },
  prodFoundInA: { kind: "found-access", cluster: { ...sharedCluster, production: true }, scope: "namespace", namespaceTenantId: "t-a" },
} satisfies Record<string, Resource>;

// Expected decisions, one column per persona in `order`: admin, auditor, lead of A, lead of B, plain member.
const Y = true;
const N = false;
const matrix: Array<[Action, keyof typeof resources, [boolean, boolean, boolean, boolean, boolean]]> = [
  ["portal.view", "portal", [Y, Y, Y, Y, Y]],
  ["fleet.view", "portal", [Y, Y, N, N, N]],
  ["fleet.sync", "portal", [Y, N, N, N, N]],
  ["admin.view", "portal", [Y, N, N, N, N]],
  // Searching the directory and the person view: whoever grants or reviews access somewhere.
  ["access.search-directory", "portal", [Y, Y, Y, Y, N]],
  ["access.view-person", "portal", [Y, Y, Y, Y, N]],
  ["cluster.view", "clusterA", [Y, Y, Y, N, N]],
  ["cluster.view", "clusterNone", [Y, Y, N, N, N]],
  ["cluster.access.view", "clusterA", [Y, Y, Y, N, N]],
  ["cluster.access.view", "clusterNone", [Y, Y, N, N, N]],
  ["cluster.sync", "clusterA", [Y, N, N, N, N]],
  ["cluster.change", "clusterA", [Y, N, N, N, N]],
  // Four eyes on production: not even an admin changes it alone; a request is always possible.
  ["cluster.change", "prodClusterA", [N, N, N, N, N]],
  ["cluster.request-change", "clusterA", [Y, N, Y, N, N]],
  ["cluster.request-change", "prodClusterA", [Y, N, Y, N, N]],
  ["cluster.annotate", "clusterA", [Y, N, N, N, N]],
  ["cluster.annotate", "prodClusterA", [Y, N, N, N, N]],
  ["ip-range.request-removal", "sharedRangeOfA", [Y, N, Y, N, N]],
  ["ip-range.request-removal", "sharedRangeOfB", [Y, N, N, Y, N]],
  ["ip-range.request-removal", "sharedRangeUnowned", [Y, N, N, N, N]],
  ["ip-range.request-removal", "prodSharedRangeOfA", [Y, N, Y, N, N]],
  ["ip-range.request-removal", "rangeOfAOnClusterNone", [Y, N, N, N, N]],
  ["cluster.request-change", "clusterNone", [Y, N, N, N, N]],
  ["tenant.view", "tenantA", [Y, Y, Y, N, N]],
  ["tenant.manage", "tenantA", [Y, N, N, N, N]],
  ["tenant.request-access", "tenantA", [Y, N, Y, N, N]],
  ["access.request-grant", "readerInA", [Y, N, Y, N, N]],
  ["access.request-grant", "writerInA", [Y, N, Y, N, N]],
  ["access.request-grant", "adminInA", [Y, N, Y, N, N]],
  // Cluster Admin and cluster scope are admin-only, even in the lead's own namespace.
  ["access.request-grant", "clusterAdminInA", [Y, N, N, N, N]],
  ["access.request-grant", "readerOnCluster", [Y, N, N, N, N]],
  ["access.request-grant", "writerInAForOutsider", [Y, N, N, N, N]],
  ["access.request-grant", "writerInB", [Y, N, N, Y, N]],
  ["access.request-grant", "writerInUnownedNamespace", [Y, N, N, N, N]],
  ["access.request-grant", "prodWriterInA", [Y, N, Y, N, N]],
  ["access.grant-directly", "writerInA", [Y, N, N, N, N]],
  ["access.grant-directly", "clusterAdminInA", [Y, N, N, N, N]],
  ["access.grant-directly", "prodWriterInA", [N, N, N, N, N]],
  ["access.revoke", "writerInA", [Y, N, Y, N, N]],
  ["access.revoke", "writerInB", [Y, N, N, Y, N]],
  ["access.revoke", "readerOnCluster", [Y, N, N, N, N]],
  ["access.revoke", "writerInUnownedNamespace", [Y, N, N, N, N]],
  // A lead cuts off their own namespace's access at once, also on production; an admin there needs a second admin.
  ["access.revoke", "prodWriterInA", [N, N, Y, N, N]],
  ["access.request-revoke", "writerInA", [Y, N, Y, N, N]],
  ["access.request-revoke", "readerOnCluster", [Y, N, N, N, N]],
  ["access.request-revoke", "prodWriterInA", [Y, N, Y, N, N]],
  // Extending is asked like a grant: a lead on their own tenants' namespaces, cluster scope admin-only.
  ["access.request-extend", "writerInA", [Y, N, Y, N, N]],
  ["access.request-extend", "writerInB", [Y, N, N, Y, N]],
  ["access.request-extend", "readerOnCluster", [Y, N, N, N, N]],
  ["access.request-extend", "prodWriterInA", [Y, N, Y, N, N]],
  ["request.view", "pendingByLeadA", [Y, Y, Y, N, N]],
  ["request.view", "pendingByAdmin", [Y, Y, Y, N, N]],
  ["request.approve", "pendingByLeadA", [Y, N, N, N, N]],
  ["request.approve", "pendingByAdmin", [N, N, N, N, N]],
  ["request.approve", "appliedByLeadA", [N, N, N, N, N]],
  ["request.reject", "pendingByLeadA", [Y, N, N, N, N]],
  ["request.reject", "pendingByAdmin", [N, N, N, N, N]],
  ["request.cancel", "pendingByLeadA", [Y, N, Y, N, N]],
  ["request.cancel", "failedByLeadA", [N, N, N, N, N]],
  ["request.retry", "failedByLeadA", [Y, N, N, N, N]],
  ["request.retry", "pendingByLeadA", [N, N, N, N, N]],
  ["audit.view", "audit", [Y, Y, Y, Y, N]],
  ["audit.export", "audit", [Y, Y, Y, Y, N]],
  ["audit.verify", "audit", [Y, Y, N, N, N]],
  // An archive file is the whole log of its period: a lead's scoped view must not reach it.
  ["audit.read-archives", "audit", [Y, Y, N, N, N]],
  ["access.check", "namespaceOfA", [Y, Y, Y, N, N]],
  ["access.check", "namespaceOfB", [Y, Y, N, Y, N]],
  ["access.check", "namespaceOfNobody", [Y, Y, N, N, N]],
  // A lead asks for environments of their own tenants only; applying without approval is an admin's, never on production.
  ["environment.request", "environmentOfA", [Y, N, Y, N, N]],
  ["environment.request", "prodEnvironmentOfA", [Y, N, Y, N, N]],
  ["environment.apply-directly", "environmentOfA", [Y, N, N, N, N]],
  ["environment.apply-directly", "prodEnvironmentOfA", [N, N, N, N, N]],
  // Tenants as managed objects: an admin creates one directly; a team lead (owner of a tenant) asks for one.
  ["tenant.create", "portal", [Y, N, N, N, N]],
  ["tenant.request-create", "portal", [Y, N, Y, Y, N]],
  ["template.manage", "portal", [Y, N, N, N, N]],
  // Offboarding is asked by the tenant's owners or an admin, and always approved by an admin.
  ["tenant.request-offboarding", "tenantA", [Y, N, Y, N, N]],
  // Adopting found access records a fact and changes nothing on the cluster: admins, also on production.
  ["access.adopt", "foundInA", [Y, N, N, N, N]],
  ["access.adopt", "prodFoundInA", [Y, N, N, N, N]],
  ["access.adopt", "foundOnCluster", [Y, N, N, N, N]],
  // Revoking found access follows grants: a lead at once in their own namespace (also on production), an admin off production.
  ["access.revoke-found", "foundInA", [Y, N, Y, N, N]],
  ["access.revoke-found", "prodFoundInA", [N, N, Y, N, N]],
  ["access.revoke-found", "foundOnCluster", [Y, N, N, N, N]],
  ["access.revoke-found", "foundInherited", [Y, N, N, N, N]],
  ["access.request-revoke-found", "prodFoundInA", [Y, N, Y, N, N]],
  ["access.request-revoke-found", "foundOnCluster", [Y, N, N, N, N]],
];

describe("decide: the permission matrix", () => {
  for (const [action, resourceName, expected] of matrix) {
    order.forEach((persona, column) => {
      const allowed = expected[column];
      it(`${persona} ${allowed ? "may" : "may not"} ${action} on ${resourceName}`, () => {
        const decision = decide(personas[persona], action, resources[resourceName]);
        expect(decision.allowed).toBe(allowed);
        if (!decision.allowed) expect(decision.reason).toMatch(/\w/);
      });
    });
  }

  it("covers every action for every persona", () => {
    const tested = new Set(matrix.map(([action]) => action));
    expect([...tested].sort()).toEqual(Object.values(actionsByResource).flat().sort());
  });

  it("denies an action on a resource it does not apply to, whoever asks", () => {
    const sample: Record<ResourceKind, Resource> = {
      portal: resources.portal,
      cluster: resources.clusterA,
      "ip-range": resources.sharedRangeOfA,
      tenant: resources.tenantA,
      "namespace-access": resources.writerInA,
      request: resources.pendingByLeadA,
      audit: resources.audit,
      "cluster-namespace": resources.namespaceOfA,
      "tenant-environment": resources.environmentOfA,
      "found-access": resources.foundInA,
    };
    for (const [kind, resource] of Object.entries(sample) as Array<[ResourceKind, Resource]>) {
      const foreign = Object.entries(actionsByResource).filter(([other]) => other !== kind).flatMap(([, actions]) => actions);
      for (const action of foreign) expect(decide(personas.admin, action, resource)).toEqual({ allowed: false, reason: `${action} does not apply to a ${kind}.` });
    }
  });

  it("explains why an admin's direct change on a production cluster is refused, whatever else they are", () => {
    const adminLead: Principal = { objectId: "u-admin-lead", roles: ["admin"], ownedTenantIds: ["t-a"] };
    const decision = decide(adminLead, "cluster.change", resources.prodClusterA);
    expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/production cluster.*second platform admin/) });
  });

  it("tells a lead why another team's range or an unowned one is not theirs to remove", () => {
    expect(decide(personas.leadA, "ip-range.request-removal", resources.sharedRangeOfB)).toEqual({ allowed: false, reason: expect.stringMatching(/belongs to another team/) });
    expect(decide(personas.leadA, "ip-range.request-removal", resources.sharedRangeUnowned)).toEqual({ allowed: false, reason: expect.stringMatching(/only a platform admin/) });
  });

  it("keeps the four-eyes principle for a user who is both admin and the requester's tenant owner", () => {
    const adminLead: Principal = { objectId: "u-lead-a", roles: ["admin"], ownedTenantIds: ["t-a"] };
    expect(decide(adminLead, "request.approve", resources.pendingByLeadA)).toEqual({ allowed: false, reason: "Nobody can decide on their own request." });
    expect(decide(adminLead, "request.cancel", resources.pendingByLeadA).allowed).toBe(true);
  });
});

describe("auditReviewScope", () => {
  it("gives admins and auditors the whole log, a lead their own tenants' history, anyone else nothing", () => {
    expect(auditReviewScope(personas.admin)).toEqual({ kind: "all" });
    expect(auditReviewScope(personas.auditor)).toEqual({ kind: "all" });
    expect(auditReviewScope(personas.leadA)).toEqual({ kind: "tenants", tenantIds: ["t-a"], actorObjectId: "u-lead-a" });
    expect(auditReviewScope(personas.member)).toBeNull();
  });
});
