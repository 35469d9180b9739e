import { beforeEach, describe, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { grantChoices, listActiveGrants } from "@/lib/server/access/access-view";
import { cachedClusterAccess } from "@/lib/server/access/cached-access";
import { syncClusterAccess } from "@/lib/server/access/sync-cluster-access";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { namespaceAccessExecutor } from "@/lib/server/access/namespace-access-executor";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { findChangeRequestByNumber } from "@/lib/server/requests/queries";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev, sharedProd } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import type { AccessFormState } from "./form-state";
import { requestAccessGrantAction } from "./request-access-grant";
import { revokeAccessGrantAction } from "./revoke-access-grant";

// The real actions: session from the cookie, Graph and ARM against the emulator, policy, engine,
// audit. Only the request scope (cookies, headers, cache) is faked, as in the IP range actions' test.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { nonProduction } = demoSubscriptions;
type Persona = SessionPersona;
const personas = demoSessionPersonas("access-token");

const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
beforeEach(async () => {
  portal.emulator.reset();
  const keys = [clusterKey(sharedDev), clusterKey(sharedProd)];
  await db().namespaceAccessGrant.updateMany({ where: { clusterResourceId: { in: keys }, revokedAt: null }, data: { revokedAt: new Date() } });
  await db().changeRequest.updateMany({ where: { kind: "namespace-access", status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
});

const as = <T>(who: Persona, run: () => Promise<T>) => asSession(who.token, run);
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const grant = (who: Persona, fields: Record<string, string> = {}) =>
  as(who, () =>
    requestAccessGrantAction(
      { status: "idle" },
      form({ clusterId: sharedDev, role: "admin", namespace: "payments-dev", principalId: demoUsers.paymentsEngineer, duration: "8h", justification: "Liam leads the payments migration", ...fields }),
    ),
  );
const revoke = (who: Persona, grantId: string) => as(who, () => revokeAccessGrantAction({ status: "idle" }, form({ grantId, justification: "Migration finished" })));
const numberOf = (state: AccessFormState) => {
  if (state.status !== "done") throw new Error(`expected a request, got ${JSON.stringify(state)}`);
  return state.number;
};
const requestNumbered = (number: number) => db().changeRequest.findUniqueOrThrow({ where: { number } });
const execute = (id: string) => executeChangeRequest(id, { retryCount: 0, retryLimit: 0, signal: new AbortController().signal }, { "namespace-access": namespaceAccessExecutor() });
const approve = (who: Persona, requestId: string) => as(who, () => approveRequestAction(null, form({ requestId, comment: "" })));

describe("a team lead asking for namespace access", () => {
  it("asks for a member of their tenant's groups in their namespace; an admin approves; the grant belongs to the tenant", async () => {
    const request = await requestNumbered(numberOf(await grant(personas.paymentsLead)));
    expect(request).toMatchObject({ kind: "namespace-access", status: "pending", tenantId: portal.tenants.payments });
    expect(request.payload).toMatchObject({ action: "grant", role: "admin", namespace: "payments-dev", lifetimeSeconds: 8 * 3600, principal: { objectId: demoUsers.paymentsEngineer, type: "User", userPrincipalName: "liam.obrien@clusterdesk-demo.onmicrosoft.com" } });
    // The approver reads the change in words, not JSON.
    expect((await findChangeRequestByNumber(request.number))?.change).toEqual({
      kind: "namespace-access",
      description: "Grant Azure Kubernetes Service RBAC Admin on namespace payments-dev to user Liam O'Brien (liam.obrien@clusterdesk-demo.onmicrosoft.com), for 8 hours from when it takes effect.",
    });
    expect(await approve(personas.admin, request.id)).toMatchObject({ ok: true });
    expect(await execute(request.id)).toBe("applied");
    const recorded = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(recorded).toMatchObject({ tenantId: portal.tenants.payments, mechanism: "azure-rbac", principalName: "Liam O'Brien", requestedByName: "Priya Patel" });
    // The same again while it is active is refused.
    expect(await grant(personas.paymentsLead)).toMatchObject({ status: "error", message: expect.stringMatching(/already has this role/) });
  });

  it("may also name one of the tenant's groups", async () => {
    const state = await grant(personas.paymentsLead, { principalId: demoGroups.paymentsMembers, role: "reader" });
    expect((await requestNumbered(numberOf(state))).payload).toMatchObject({ principal: { type: "Group", displayName: "Team Payments Members", userPrincipalName: null } });
  });

  it("is refused, recording no request, for another tenant's namespace, a person outside the tenant's groups, cluster scope, Cluster Admin or a direct change", async () => {
    const before = await db().changeRequest.count();
    expect(await grant(personas.paymentsLead, { namespace: "search-dev" })).toMatchObject({ status: "error", message: expect.stringMatching(/your own tenants' namespaces/) });
    expect(await grant(personas.paymentsLead, { principalId: demoUsers.analyticsEngineer })).toMatchObject({ status: "error", message: expect.stringMatching(/members of your tenant's groups/) });
    expect(await grant(personas.paymentsLead, { namespace: "" })).toMatchObject({ status: "error", message: expect.stringMatching(/whole cluster/) });
    expect(await grant(personas.paymentsLead, { role: "cluster-admin" })).toMatchObject({ status: "error", message: expect.stringMatching(/Cluster Admin/) });
    expect(await grant(personas.paymentsLead, { applyNow: "on" })).toMatchObject({ status: "error", message: expect.stringMatching(/without approval/) });
    expect(await grant(personas.searchLead)).toMatchObject({ status: "error" });
    // A plain member is refused before the portal asks Graph anything about the principal.
    const graphCalls = () => portal.emulator.requests().filter((entry) => entry.path.startsWith("/v1.0/")).length;
    const graphBefore = graphCalls();
    expect(await grant(personas.member)).toMatchObject({ status: "error", message: expect.stringMatching(/clusters that host one of your tenants/) });
    expect(graphCalls()).toBe(graphBefore);
    expect(await db().changeRequest.count()).toBe(before);
    expect(await db().auditEvent.count({ where: { action: "access.denied", actorObjectId: personas.paymentsLead.objectId, occurredAt: { gte: new Date(Date.now() - 60_000) } } })).toBeGreaterThanOrEqual(5);
  });

  it("asks for access until a date: the grant ends at that instant however late it is applied; a past or too distant end records nothing", async () => {
    const end = new Date(Date.now() + 30 * 3_600_000);
    end.setUTCMilliseconds(0);
    const request = await requestNumbered(numberOf(await grant(personas.paymentsLead, { duration: "until", expiresAt: end.toISOString() })));
    expect(request.payload).toMatchObject({ lifetimeSeconds: null, expiresAt: end.toISOString() });
    expect((await findChangeRequestByNumber(request.number))?.change).toMatchObject({ description: expect.stringMatching(/, until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/) });
    expect(await approve(personas.admin, request.id)).toMatchObject({ ok: true });
    expect(await execute(request.id)).toBe("applied");
    expect((await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } })).expiresAt).toEqual(end);

    const before = await db().changeRequest.count();
    expect(await grant(personas.paymentsLead, { role: "reader", duration: "until", expiresAt: new Date(Date.now() - 60_000).toISOString() })).toMatchObject({ status: "error", fieldErrors: { expiresAt: "Choose a time in the future." } });
    expect(await grant(personas.paymentsLead, { role: "reader", duration: "until", expiresAt: new Date(Date.now() + 100 * 86_400_000).toISOString() })).toMatchObject({ status: "error", fieldErrors: { expiresAt: expect.stringMatching(/within 90 days/) } });
    expect(await grant(personas.paymentsLead, { role: "reader", duration: "until" })).toMatchObject({ status: "error", fieldErrors: { expiresAt: "Choose the date and time the access ends." } });
    expect(await db().changeRequest.count()).toBe(before);
  });

  it("gets a field error for an object id the directory does not know, and for malformed input", async () => {
    expect(await grant(personas.paymentsLead, { principalId: "99999999-0000-4000-8000-000000000000" })).toMatchObject({ status: "error", fieldErrors: { principalId: expect.stringMatching(/No user or group/) } });
    expect(await grant(personas.paymentsLead, { role: "owner" })).toMatchObject({ status: "error", fieldErrors: { role: expect.any(String) } });
  });

  it("revokes their tenant's grant at once, without approval; another tenant's lead may not", async () => {
    const request = await requestNumbered(numberOf(await grant(personas.admin, { applyNow: "on" })));
    expect(await execute(request.id)).toBe("applied");
    const recorded = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(await revoke(personas.searchLead, recorded.id)).toMatchObject({ status: "error", message: expect.stringMatching(/tenant owners or a platform admin/) });
    const revocation = await requestNumbered(numberOf(await revoke(personas.paymentsLead, recorded.id)));
    expect(revocation).toMatchObject({ status: "approved", tenantId: portal.tenants.payments, requesterName: "Priya Patel" });
    expect(await execute(revocation.id)).toBe("applied");
    expect((await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: recorded.id } })).revokedAt).not.toBeNull();
    expect(await revoke(personas.paymentsLead, recorded.id)).toMatchObject({ status: "error", message: expect.stringMatching(/not active/) });
  });
});

describe("the access tab's data", () => {
  const principalOf = (who: Persona) => ({ objectId: who.objectId, roles: who.groupIds.includes(demoGroups.clusterdeskAdmins) ? (["admin"] as const) : ([] as const), ownedTenantIds: who === personas.paymentsLead ? [portal.tenants.payments] : who === personas.searchLead ? [portal.tenants.search] : [] });

  it("lists active grants with who may revoke them, and hides revoked ones", async () => {
    const request = await requestNumbered(numberOf(await grant(personas.admin, { applyNow: "on" })));
    await execute(request.id);
    const cluster = await clusterResource(sharedDev);
    const [row, ...others] = await listActiveGrants(sharedDev, cluster, principalOf(personas.paymentsLead));
    expect(others).toEqual([]);
    expect(row).toMatchObject({ namespace: "payments-dev", role: "admin", principal: { name: "Liam O'Brien", type: "User" }, mechanism: "azure-rbac", requestNumber: request.number, canRevoke: true, revocationRequestNumber: null });
    // Another team's lead on the same shared cluster does not see who has access to Payments' namespace.
    expect(await listActiveGrants(sharedDev, cluster, principalOf(personas.searchLead))).toEqual([]);
    if (!row) throw new Error("no row");
    await revoke(personas.paymentsLead, row.id);
    expect((await listActiveGrants(sharedDev, cluster, principalOf(personas.admin)))[0]).toMatchObject({ revocationRequestNumber: expect.any(Number), canRevoke: false });
  });

  it("shows data-plane assignments made outside Clusterdesk (drift), inherited ones marked, and leaves its own grants out", async () => {
    const request = await requestNumbered(numberOf(await grant(personas.admin, { applyNow: "on" })));
    await execute(request.id);
    // Pages read the inventory's access cache: read the cluster's access again, as the sync does.
    expect(await syncClusterAccess((await getCluster(sharedDev, "test")).cluster, "test")).toMatchObject({ ok: true });
    const cluster = await clusterResource(sharedDev);
    const forAdmin = await cachedClusterAccess(sharedDev, cluster, principalOf(personas.admin));
    expect(forAdmin.syncedAt).toBeInstanceOf(Date);
    const summary = forAdmin.found.map((entry) => `${entry.scope.kind === "namespace" ? entry.scope.namespace : entry.scope.kind === "inherited" ? `inherited:${entry.scope.from}` : "cluster"} ${entry.role} ${entry.principal.name}`);
    // The seed: admins and auditors on the subscription, owners/members of each team on their namespace.
    expect(summary).toEqual(
      expect.arrayContaining([
        "inherited:subscription cluster-admin Clusterdesk Admins",
        "inherited:subscription reader Clusterdesk Auditors",
        "payments-dev admin Team Payments Owners",
        "payments-dev writer Team Payments Members",
        "search-dev writer Team Search Members",
      ]),
    );
    // Clusterdesk's own grant to Liam is listed as a grant, not as drift; the Cluster User Role is not a data-plane role.
    expect(summary.some((line) => line.includes("Liam"))).toBe(false);
    expect(forAdmin.found.every((entry) => ["reader", "writer", "admin", "cluster-admin"].includes(entry.role))).toBe(true);
    // Groups carry their member count; inherited assignments offer neither adopt nor revoke.
    expect(forAdmin.found.find((entry) => entry.principal.name === "Team Payments Members")?.principal.memberCount).toEqual(expect.any(Number));
    expect(forAdmin.found.filter((entry) => entry.scope.kind === "inherited").every((entry) => !entry.canAdopt && !entry.canRevoke && entry.note !== null)).toBe(true);

    const forLead = await cachedClusterAccess(sharedDev, cluster, principalOf(personas.paymentsLead));
    expect(forLead.found.map((entry) => entry.scope)).toEqual([
      { kind: "namespace", namespace: "payments-dev" },
      { kind: "namespace", namespace: "payments-dev" },
    ]);
    // A lead revokes in their own namespace but does not adopt (admins only).
    expect(forLead.found.every((entry) => entry.canRevoke && !entry.canAdopt)).toBe(true);
  });

  it("offers a lead only their tenant's namespaces and roles below Cluster Admin, asking Graph nothing (the people picker searches on demand)", async () => {
    portal.emulator.clearRequests();
    const choices = await grantChoices(sharedDev, principalOf(personas.paymentsLead), { azureRbac: true });
    expect(choices).toEqual({ namespaces: [{ namespace: "payments-dev", tenantName: expect.any(String) }], roles: ["reader", "writer", "admin"], allowClusterScope: false });
    const forAdmin = await grantChoices(sharedDev, principalOf(personas.admin), { azureRbac: true });
    expect(forAdmin.namespaces.map((entry) => entry.namespace)).toEqual(["payments-dev", "search-dev"]);
    expect(forAdmin).toMatchObject({ roles: ["reader", "writer", "admin", "cluster-admin"], allowClusterScope: true });
    // Each Access-tab view used to list the tenants' group members through Graph.
    expect(portal.emulator.requests().filter((entry) => entry.path.startsWith("/v1.0/"))).toEqual([]);
  });
});

describe("a platform admin granting access", () => {
  it("applies directly off production, to anyone, at cluster scope too", async () => {
    const direct = await requestNumbered(numberOf(await grant(personas.admin, { applyNow: "on", namespace: "", role: "reader", principalId: demoUsers.analyticsEngineer })));
    expect(direct).toMatchObject({ status: "approved", tenantId: null });
  });

  it("needs a second admin on production, and cannot approve their own request", async () => {
    const onProd = (fields: Record<string, string>) => grant(personas.admin, { clusterId: sharedProd, role: "writer", ...fields });
    expect(await onProd({ applyNow: "on" })).toMatchObject({ status: "error", message: expect.stringMatching(/second platform admin/) });
    const request = await requestNumbered(numberOf(await onProd({})));
    expect(request.status).toBe("pending");
    expect(await approve(personas.admin, request.id)).toMatchObject({ ok: false, error: expect.stringMatching(/own request/) });
    expect(await approve(personas.secondAdmin, request.id)).toMatchObject({ ok: true });
    // aks-platform-shared has Kubernetes RBAC only: the grant is a RoleBinding.
    expect(await execute(request.id)).toBe("applied");
    expect(await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } })).toMatchObject({ mechanism: "kubernetes-rbac" });
  });

  it("is told why a cluster without Entra ID or a cluster-wide RoleBinding cannot be granted, recording nothing", async () => {
    const before = await db().changeRequest.count();
    const devOpen = `/subscriptions/${nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev-open`;
    expect(await grant(personas.admin, { clusterId: devOpen, namespace: "default", applyNow: "on" })).toMatchObject({ status: "error", message: expect.stringMatching(/does not use Microsoft Entra ID/) });
    expect(await grant(personas.admin, { clusterId: sharedProd, namespace: "" })).toMatchObject({ status: "error", message: expect.stringMatching(/not built yet/) });
    expect(await db().changeRequest.count()).toBe(before);
  });
});
