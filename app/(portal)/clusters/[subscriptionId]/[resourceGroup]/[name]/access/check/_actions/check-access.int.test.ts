import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { builtInRoleGuids } from "@/emulator/arm/built-in-roles";
import { demoGroups, demoSubscriptions, demoUsers, legacyGroupId } from "@/emulator/seed/organisation";
import { authorizationClient } from "@/emulator/test-support/sdk-clients";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas, prepareDemoPortal, type SessionPersona, sharedDev, sharedProd } from "@/test/persona-sessions";
import { checkAccessAction } from "./check-access";
import type { AccessCheckState } from "./check-state";
import { engineSuite } from "@/test/engine-suite";

// The real action: session, policy, Graph, ARM and the clusters' API servers (SubjectAccessReview)
// of the suite.emulator. Only the request scope (cookies, headers) is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("access-check-token");

const suite = engineSuite();
beforeAll(async () => {
  await prepareDemoPortal(Object.values(personas));
}, 120_000);
beforeEach(() => {
  suite.emulator.reset();
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const check = (who: SessionPersona, fields: Record<string, string>) =>
  asSession(who.token, () => checkAccessAction({ status: "idle" }, form({ clusterId: sharedDev, verb: "create", resource: "configmaps", ...fields })));
function done(state: AccessCheckState) {
  if (state.status !== "done") throw new Error(`expected an answer, got ${JSON.stringify(state)}`);
  return state;
}
const cell = (state: AccessCheckState, verb: string, resource: string) => done(state).answer.matrix.find((entry) => entry.verb === verb && entry.resource === resource)?.allowed;

async function assignWriter(principalId: string, principalType: "User" | "Group", namespace: string) {
  const scope = `${sharedDev}/namespaces/${namespace}`;
  const roleDefinitionId = `/subscriptions/${demoSubscriptions.nonProduction}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoleGuids.aksRbacWriter}`;
  return authorizationClient(suite.emulator, demoSubscriptions.nonProduction).roleAssignments.create(scope, crypto.randomUUID(), { roleDefinitionId, principalId, principalType });
}

describe("the access check on an Azure-RBAC cluster", () => {
  it("finds a member's Writer assignment at the namespace scope: create configmaps allowed there, denied in another tenant's namespace", async () => {
    // Aliyu (Analytics) has no data-plane access on the shared dev cluster in the seed.
    const assignment = await assignWriter(demoUsers.analyticsEngineer, "User", "payments-dev");
    const there = done(await check(personas.admin, { person: demoUsers.analyticsEngineer, namespace: "payments-dev" }));
    expect(there.person).toMatchObject({ displayName: "Aliyu Bello", type: "User" });
    expect(there.answer).toMatchObject({ allowed: true, mechanism: "azure-rbac" });
    expect(there.answer.reasons).toEqual([
      { kind: "role-assignment", role: "Azure Kubernetes Service RBAC Writer", scope: "namespace payments-dev", via: demoUsers.analyticsEngineer, assignmentId: assignment.id },
    ]);
    // Writer reads and writes most objects but not RoleBindings (AKS's built-in role).
    expect(cell(there, "delete", "deployments")).toBe(true);
    expect(cell(there, "create", "rolebindings")).toBe(false);
    expect(there.answer.matrix).toHaveLength(30);

    const elsewhere = done(await check(personas.admin, { person: demoUsers.analyticsEngineer, namespace: "search-dev" }));
    expect(elsewhere.answer).toMatchObject({ allowed: false, reasons: [] });
    expect(elsewhere.answer.reason).toMatch(/does not have access to the resource in Azure/);
    expect(elsewhere.answer.matrix.every((entry) => !entry.allowed)).toBe(true);
  }, 60_000);

  it("finds a grant through the person's groups, with the person named by UPN", async () => {
    const state = done(await check(personas.admin, { person: "max.mueller@clusterdesk-demo.onmicrosoft.com", namespace: "payments-dev" }));
    expect(state.person.objectId).toBe(demoUsers.member);
    expect(state.answer.allowed).toBe(true);
    expect(state.answer.reasons).toContainEqual(expect.objectContaining({ kind: "role-assignment", role: "Azure Kubernetes Service RBAC Writer", via: demoGroups.paymentsMembers }));
    expect(state.groupNames[demoGroups.paymentsMembers]).toBe("Team Payments Members");
  }, 60_000);

  it("passes every group Graph resolves, also past a token's overage limit", async () => {
    // Gwen is in 210 legacy groups besides her teams: a token would carry none of them.
    const lastGroup = legacyGroupId(210);
    await assignWriter(lastGroup, "Group", "payments-dev");
    const state = done(await check(personas.admin, { person: demoUsers.overage, namespace: "payments-dev" }));
    expect(state.person.groupCount).toBeGreaterThan(200);
    expect(state.answer.allowed).toBe(true);
    expect(state.answer.reasons).toEqual([expect.objectContaining({ kind: "role-assignment", via: lastGroup })]);
  }, 60_000);
});

describe("the access check on a Kubernetes-RBAC cluster", () => {
  it("answers from RoleBindings and names the one that grants", async () => {
    const state = done(await check(personas.admin, { clusterId: sharedProd, person: demoUsers.member, namespace: "payments-dev" }));
    expect(state.answer).toMatchObject({ allowed: true, mechanism: "kubernetes-rbac" });
    expect(state.answer.reasons).toEqual([{ kind: "binding", binding: "RoleBinding payments-dev/payments-members-edit", role: "ClusterRole edit", via: demoGroups.paymentsMembers }]);
    const denied = done(await check(personas.admin, { clusterId: sharedProd, person: demoUsers.member, namespace: "search-dev" }));
    expect(denied.answer).toMatchObject({ allowed: false, reasons: [] });
  }, 60_000);
});

describe("when a part does not answer", () => {
  it("says the cluster's API server could not answer and shows no answer", async () => {
    suite.emulator.injectFault({ method: "POST", path: "subjectaccessreviews", status: 503, count: 1000 });
    const state = await check(personas.admin, { person: demoUsers.member, namespace: "payments-dev" });
    suite.emulator.clearFaults();
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/API server could not answer: The API server answered 503.*Nothing was checked/) });
  }, 60_000);
});

describe("who may check", () => {
  it("lets a lead check their own tenant's namespace", async () => {
    expect(done(await check(personas.paymentsLead, { person: demoUsers.member, namespace: "payments-dev" })).answer.allowed).toBe(true);
  }, 60_000);

  it("refuses a lead for another tenant's namespace before asking Graph or the cluster anything", async () => {
    suite.emulator.clearRequests();
    const state = await check(personas.paymentsLead, { person: demoUsers.searchEngineer, namespace: "search-dev" });
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/only in your own tenants' namespaces/) });
    const calls = suite.emulator.requests().filter((entry) => entry.path.startsWith("/v1.0/") || entry.path.includes("accessreviews") || entry.path.includes("roleAssignments"));
    expect(calls).toEqual([]);
  }, 60_000);

  it("says which fields are wrong, and that a person is unknown", async () => {
    const malformed = await check(personas.admin, { person: "", namespace: "Payments", verb: "escalate" });
    expect(malformed).toMatchObject({ status: "error", fieldErrors: { person: expect.any(String), namespace: expect.any(String), verb: expect.any(String) } });
    const unknown = await check(personas.admin, { person: "nobody@clusterdesk-demo.onmicrosoft.com", namespace: "payments-dev" });
    expect(unknown).toMatchObject({ status: "error", fieldErrors: { person: expect.stringMatching(/No user or group/) } });
  }, 60_000);
});
