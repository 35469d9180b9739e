import { describe, expect, it } from "vitest";
import { type Action, type Principal, type Resource, type ResourceKind, actionsByResource, decide } from "./policy";

const personas = {
  admin: { objectId: "u-admin", roles: ["admin"], ownedTenantIds: [] },
  auditor: { objectId: "u-auditor", roles: ["auditor"], ownedTenantIds: [] },
  leadA: { objectId: "u-lead-a", roles: [], ownedTenantIds: ["t-a"] },
  leadB: { objectId: "u-lead-b", roles: [], ownedTenantIds: ["t-b"] },
  member: { objectId: "u-member", roles: [], ownedTenantIds: [] },
} satisfies Record<string, Principal>;
type Persona = keyof typeof personas;
const order: Persona[] = ["admin", "auditor", "leadA", "leadB", "member"];

const resources = {
  portal: { kind: "portal" },
  clusterA: { kind: "cluster", hostedTenantIds: ["t-a", "t-c"] },
  clusterNone: { kind: "cluster", hostedTenantIds: [] },
  tenantA: { kind: "tenant", tenantId: "t-a" },
  pendingByLeadA: { kind: "request", requesterId: "u-lead-a", tenantId: "t-a", status: "pending" },
  pendingByAdmin: { kind: "request", requesterId: "u-admin", tenantId: "t-a", status: "pending" },
  failedByLeadA: { kind: "request", requesterId: "u-lead-a", tenantId: "t-a", status: "failed" },
  appliedByLeadA: { kind: "request", requesterId: "u-lead-a", tenantId: "t-a", status: "applied" },
  audit: { kind: "audit" },
} satisfies Record<string, Resource>;

// Expected decisions, one column per persona in `order`: admin, auditor, lead of A, lead of B, plain member.
const Y = true;
const N = false;
const matrix: Array<[Action, keyof typeof resources, [boolean, boolean, boolean, boolean, boolean]]> = [
  ["portal.view", "portal", [Y, Y, Y, Y, Y]],
  ["fleet.view", "portal", [Y, Y, N, N, N]],
  ["fleet.sync", "portal", [Y, N, N, N, N]],
  ["admin.view", "portal", [Y, N, N, N, N]],
  ["cluster.view", "clusterA", [Y, Y, Y, N, N]],
  ["cluster.view", "clusterNone", [Y, Y, N, N, N]],
  ["cluster.access.view", "clusterA", [Y, Y, Y, N, N]],
  ["cluster.access.view", "clusterNone", [Y, Y, N, N, N]],
  ["cluster.sync", "clusterA", [Y, N, N, N, N]],
  ["cluster.change", "clusterA", [Y, N, N, N, N]],
  ["cluster.request-change", "clusterA", [Y, N, Y, N, N]],
  ["cluster.request-change", "clusterNone", [Y, N, N, N, N]],
  ["tenant.view", "tenantA", [Y, Y, Y, N, N]],
  ["tenant.manage", "tenantA", [Y, N, N, N, N]],
  ["tenant.request-access", "tenantA", [Y, N, Y, N, N]],
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
  ["audit.view", "audit", [Y, Y, N, N, N]],
  ["audit.export", "audit", [Y, Y, N, N, N]],
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
      tenant: resources.tenantA,
      request: resources.pendingByLeadA,
      audit: resources.audit,
    };
    for (const [kind, resource] of Object.entries(sample) as Array<[ResourceKind, Resource]>) {
      const foreign = Object.entries(actionsByResource).filter(([other]) => other !== kind).flatMap(([, actions]) => actions);
      for (const action of foreign) expect(decide(personas.admin, action, resource)).toEqual({ allowed: false, reason: `${action} does not apply to a ${kind}.` });
    }
  });

  it("keeps the four-eyes principle for a user who is both admin and the requester's tenant owner", () => {
    const adminLead: Principal = { objectId: "u-lead-a", roles: ["admin"], ownedTenantIds: ["t-a"] };
    expect(decide(adminLead, "request.approve", resources.pendingByLeadA)).toEqual({ allowed: false, reason: "Nobody can decide on their own request." });
    expect(decide(adminLead, "request.cancel", resources.pendingByLeadA).allowed).toBe(true);
  });
});
