import { randomUUID } from "node:crypto";
import { KubeConfig, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { kubernetesServerUrl } from "@/emulator/contracts";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { authorizationClient } from "@/emulator/test-support/sdk-clients";
import { accessRoles } from "@/lib/access/roles";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { listActiveGrants } from "@/lib/server/access/access-view";
import { cachedClusterAccess } from "@/lib/server/access/cached-access";
import { foundAccessRevocationExecutor, namespaceAccessAdoptionExecutor } from "@/lib/server/access/found-access-executors";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { syncInventory } from "@/lib/server/clusters/sync-inventory";
import { db } from "@/lib/server/db/client";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { findChangeRequestByNumber } from "@/lib/server/requests/queries";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev, sharedProd } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import type { AccessFormState } from "./form-state";
import { adoptFoundAccessAction } from "./adopt-found-access";
import { revokeFoundAccessAction } from "./revoke-found-access";

// Drift: access made outside Clusterdesk, read by the inventory sync into the cache, then adopted or
// revoked through the real actions (sessions, policy, engine, audit), the real ARM SDK and the real
// Kubernetes client against the emulator. Only the request scope (cookies, headers, cache) is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { nonProduction, production } = demoSubscriptions;
const personas = demoSessionPersonas("found-access");
const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
const aliyuUpn = "aliyu.bello@clusterdesk-demo.onmicrosoft.com";

beforeEach(async () => {
  await db().namespaceAccessGrant.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
  await db().changeRequest.updateMany({ where: { kind: { in: ["namespace-access-adoption", "found-access-revocation"] }, status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const adopt = (who: SessionPersona, entryId: string) => asSession(who.token, () => adoptFoundAccessAction({ status: "idle" }, form({ entryId, justification: "Managed by the platform team from now on" })));
const revoke = (who: SessionPersona, entryId: string) => asSession(who.token, () => revokeFoundAccessAction({ status: "idle" }, form({ entryId, justification: "Nobody asked for this access" })));
const numberOf = (state: AccessFormState) => {
  if (state.status !== "done") throw new Error(`expected a request, got ${JSON.stringify(state)}`);
  return state.number;
};
const executors = { "namespace-access-adoption": namespaceAccessAdoptionExecutor(), "found-access-revocation": foundAccessRevocationExecutor() };
async function applied(number: number) {
  const request = await db().changeRequest.findUniqueOrThrow({ where: { number } });
  expect(await executeChangeRequest(request.id, { retryCount: 0, retryLimit: 0, signal: new AbortController().signal }, executors)).toBe("applied");
  return request;
}
const principalOf = (who: SessionPersona) => ({
  objectId: who.objectId,
  roles: who.groupIds.includes(demoGroups.clusterdeskAdmins) ? (["admin"] as const) : ([] as const),
  ownedTenantIds: who === personas.paymentsLead ? [portal.tenants.payments] : who === personas.searchLead ? [portal.tenants.search] : [],
});
const foundFor = async (clusterId: string, who: SessionPersona, externalId: (id: string) => boolean) =>
  (await cachedClusterAccess(clusterId, await clusterResource(clusterId), principalOf(who))).found.find((entry) => externalId(entry.externalId));
const auditActionsOf = async (requestId: string) => (await db().auditEvent.findMany({ where: { targetId: requestId }, orderBy: { seq: "asc" }, select: { action: true } })).map((event) => event.action);
const requestCount = () => db().changeRequest.count();

describe("a role assignment made directly in ARM on an Azure-RBAC cluster", () => {
  const arm = () => authorizationClient(portal.emulator, nonProduction);
  const scope = `${sharedDev}/namespaces/payments-dev`;
  const assign = async (role: "reader" | "writer") => {
    const created = await arm().roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: `/subscriptions/${nonProduction}/providers/Microsoft.Authorization/roleDefinitions/${accessRoles[role].roleDefinitionGuid}`,
      principalId: demoUsers.analyticsEngineer,
      principalType: "User",
    });
    return created.id ?? "";
  };
  const assignmentsOfAliyu = async () => {
    const ids: string[] = [];
    for await (const assignment of arm().roleAssignments.listForScope(scope, { filter: `principalId eq '${demoUsers.analyticsEngineer}'` })) if (assignment.scope?.toLowerCase() === scope.toLowerCase()) ids.push(assignment.id ?? "");
    return ids;
  };

  it("appears after the inventory sync as found on the cluster; an admin adopts it: Clusterdesk's grant, no second assignment, audited", async () => {
    const assignmentId = await assign("reader");
    expect(await foundFor(sharedDev, personas.admin, (id) => id === assignmentId)).toBeUndefined();
    await syncInventory({ subscriptionIds: [nonProduction] });
    const found = await foundFor(sharedDev, personas.admin, (id) => id === assignmentId);
    expect(found).toMatchObject({ source: { kind: "found-on-cluster" }, scope: { kind: "namespace", namespace: "payments-dev" }, role: "reader", principal: { name: "Aliyu Bello", upn: aliyuUpn, type: "User", deleted: false }, canAdopt: true, canRevoke: true });
    if (!found) throw new Error("not found");

    // Adopting is an admin's: the lead's attempt is refused and records nothing.
    const before = await requestCount();
    expect(await adopt(personas.paymentsLead, found.id)).toMatchObject({ status: "error", message: expect.stringMatching(/Only platform admins/) });
    expect(await requestCount()).toBe(before);

    const request = await applied(numberOf(await adopt(personas.admin, found.id)));
    const grants = await listActiveGrants(sharedDev, await clusterResource(sharedDev), principalOf(personas.admin));
    expect(grants.find((grant) => grant.principal.name === "Aliyu Bello")).toMatchObject({ role: "reader", namespace: "payments-dev", requestNumber: request.number, mechanism: "azure-rbac", effect: { state: "effective" } });
    expect(await foundFor(sharedDev, personas.admin, (id) => id === assignmentId)).toBeUndefined();
    expect(await assignmentsOfAliyu()).toEqual([assignmentId]);
    expect((await findChangeRequestByNumber(request.number))?.change).toEqual({ kind: "namespace-access", description: expect.stringMatching(/^Adopt Azure Kubernetes Service RBAC Reader on namespace payments-dev for user Aliyu Bello .*nothing changes on the cluster\.$/) });
    expect(await auditActionsOf(request.id)).toEqual(expect.arrayContaining(["request.created", "request.applied"]));
  });

  it("lets the namespace's lead revoke it at once: gone from ARM and from the cache, audited; another team's lead may not", async () => {
    const assignmentId = await assign("writer");
    await syncInventory({ subscriptionIds: [nonProduction] });
    const found = await foundFor(sharedDev, personas.admin, (id) => id === assignmentId);
    if (!found) throw new Error("not found");
    // The Search lead does not even see Payments' namespace's entries, and cannot act on one by id.
    expect(await foundFor(sharedDev, personas.searchLead, (id) => id === assignmentId)).toBeUndefined();
    const before = await requestCount();
    expect(await revoke(personas.searchLead, found.id)).toMatchObject({ status: "error", message: expect.stringMatching(/tenant owners/) });
    expect(await requestCount()).toBe(before);

    const state = await revoke(personas.paymentsLead, found.id);
    expect(state).toMatchObject({ status: "done", message: expect.stringMatching(/approved and being applied/) });
    const request = await applied(numberOf(state));
    expect(await assignmentsOfAliyu()).not.toContain(assignmentId);
    expect(await db().clusterAccessEntry.count({ where: { externalId: assignmentId } })).toBe(0);
    expect(await auditActionsOf(request.id)).toEqual(expect.arrayContaining(["request.created", "request.applied"]));
    // A second click on the stale row is told the entry is gone, and nothing is recorded.
    expect(await revoke(personas.paymentsLead, found.id)).toMatchObject({ status: "error", message: expect.stringMatching(/no longer listed/) });
  });

  it("lists the subscription's role assignments once per sync, not once per cluster", async () => {
    portal.emulator.clearRequests();
    await syncInventory({ subscriptionIds: [nonProduction] });
    const lists = portal.emulator.requests().filter((entry) => entry.method === "GET" && /\/providers\/Microsoft\.Authorization\/roleAssignments(\?|$)/i.test(entry.path));
    expect(lists.map((entry) => entry.path.split("?")[0]?.toLowerCase())).toEqual([`/subscriptions/${nonProduction}/providers/microsoft.authorization/roleassignments`]);
    const azureRbacClusters = await db().inventoryCluster.count({ where: { subscriptionId: nonProduction.toLowerCase(), cluster: { path: ["identity", "azureRbac"], equals: true } } });
    expect(azureRbacClusters).toBeGreaterThan(1);
  });

  it("records a failed read for each Azure-RBAC cluster of the subscription without failing its inventory sync, keeps the rows last read, and recovers at the next sync", async () => {
    await syncInventory({ subscriptionIds: [nonProduction] });
    const before = await cachedClusterAccess(sharedDev, await clusterResource(sharedDev), principalOf(personas.admin));
    expect(before.error).toBeNull();
    const inventoryBefore = await db().inventoryCluster.findFirstOrThrow({ where: { name: "aks-shared-dev" }, select: { syncedAt: true } });
    // The one list of the subscription fails: every Azure-RBAC cluster in it records the failure.
    portal.emulator.injectFault({ method: "GET", path: `^/subscriptions/${nonProduction}/providers/Microsoft.Authorization/roleAssignments`, status: 403, code: "AuthorizationFailed", message: "The client does not have authorization", count: 1 });
    await syncInventory({ subscriptionIds: [nonProduction] });
    const failed = await cachedClusterAccess(sharedDev, await clusterResource(sharedDev), principalOf(personas.admin));
    expect(failed.error).toMatch(/403 \(AuthorizationFailed\)/);
    const azureRbacKeys = (await db().inventoryCluster.findMany({ where: { subscriptionId: nonProduction.toLowerCase(), cluster: { path: ["identity", "azureRbac"], equals: true } }, select: { key: true } })).map((row) => row.key);
    const reads = await db().clusterAccessSync.findMany({ where: { clusterKey: { in: azureRbacKeys } }, select: { error: true } });
    expect(reads.map((read) => /403 \(AuthorizationFailed\)/.test(read.error ?? ""))).toEqual(azureRbacKeys.map(() => true));
    expect(failed.found.map((entry) => entry.id).sort()).toEqual(before.found.map((entry) => entry.id).sort());
    expect(failed.syncedAt).toEqual(before.syncedAt);
    expect((await db().inventoryCluster.findFirstOrThrow({ where: { name: "aks-shared-dev" }, select: { syncedAt: true } })).syncedAt.getTime()).toBeGreaterThan(inventoryBefore.syncedAt.getTime());
    await syncInventory({ subscriptionIds: [nonProduction] });
    expect((await cachedClusterAccess(sharedDev, await clusterResource(sharedDev), principalOf(personas.admin))).error).toBeNull();
  });

  it("shows a principal Graph no longer knows as deleted, and offers only revocation", async () => {
    const created = await arm().roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: `/subscriptions/${nonProduction}/providers/Microsoft.Authorization/roleDefinitions/${accessRoles.reader.roleDefinitionGuid}`,
      principalId: demoUsers.member,
      principalType: "User",
    });
    portal.emulator.changeDirectory({ kind: "delete-user", user: demoUsers.member });
    await syncInventory({ subscriptionIds: [nonProduction] });
    const found = await foundFor(sharedDev, personas.admin, (id) => id === created.id);
    expect(found).toMatchObject({ principal: { id: demoUsers.member, deleted: true, name: null }, canAdopt: false, canRevoke: true });
  });

  it("refuses to adopt or revoke an inherited assignment (it belongs to the subscription)", async () => {
    const inherited = (await cachedClusterAccess(sharedDev, await clusterResource(sharedDev), principalOf(personas.admin))).found.find((entry) => entry.scope.kind === "inherited");
    if (!inherited) throw new Error("the seed's subscription assignments are missing");
    expect(inherited).toMatchObject({ canAdopt: false, canRevoke: false, note: expect.stringMatching(/inherited from the subscription/) });
    expect(await revoke(personas.admin, inherited.id)).toMatchObject({ status: "error", message: expect.stringMatching(/inherited from the subscription/) });
  });
});

describe("a RoleBinding made with the Kubernetes API on a Kubernetes-RBAC-only cluster", () => {
  const rbac = async () => {
    const token = await portal.emulator.issueTestToken({ user: "admin", audience: "aks" });
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: "c", server: kubernetesServerUrl(portal.emulator.url, parseClusterResourceId(sharedProd) ?? { subscriptionId: "", resourceGroup: "", name: "" }), caData: Buffer.from(portal.emulator.caPem).toString("base64") }],
      users: [{ name: "u", token }],
      contexts: [{ name: "x", cluster: "c", user: "u" }],
      currentContext: "x",
    });
    return config.makeApiClient(RbacAuthorizationV1Api);
  };
  const bind = async (name: string, clusterRole: string) => {
    await (await rbac()).createNamespacedRoleBinding({
      namespace: "payments-dev",
      body: { metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRole }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: aliyuUpn }] },
    });
    return `payments-dev/${name}`;
  };
  const bindingExists = async (name: string) => (await (await rbac()).listNamespacedRoleBinding({ namespace: "payments-dev" })).items.some((binding) => binding.metadata?.name === name);

  it("appears after the inventory sync, its user named through Graph; an admin adopts it on production directly, the binding untouched", async () => {
    const externalId = await bind(`oncall-view-${Date.now()}`, "view");
    await syncInventory({ subscriptionIds: [production] });
    const found = await foundFor(sharedProd, personas.admin, (id) => id === externalId);
    expect(found).toMatchObject({ mechanism: "kubernetes-rbac", role: "reader", roleName: "ClusterRole/view", principal: { id: demoUsers.analyticsEngineer, name: "Aliyu Bello", type: "User" }, source: { kind: "found-on-cluster" }, canAdopt: true });
    if (!found) throw new Error("not found");
    const request = await applied(numberOf(await adopt(personas.admin, found.id)));
    const grants = await listActiveGrants(sharedProd, await clusterResource(sharedProd), principalOf(personas.admin));
    expect(grants.find((grant) => grant.requestNumber === request.number)).toMatchObject({ mechanism: "kubernetes-rbac", role: "reader", namespace: "payments-dev" });
    expect(await foundFor(sharedProd, personas.admin, (id) => id === externalId)).toBeUndefined();
    expect(await bindingExists(externalId.split("/")[1] ?? "")).toBe(true);
  });

  it("is revoked at once by the namespace's lead (the binding deleted), while an admin on production only asks a second admin", async () => {
    const name = `debug-edit-${Date.now()}`;
    const externalId = await bind(name, "edit");
    await syncInventory({ subscriptionIds: [production] });
    const found = await foundFor(sharedProd, personas.admin, (id) => id === externalId);
    if (!found) throw new Error("not found");

    const asked = await revoke(personas.admin, found.id);
    expect(asked).toMatchObject({ status: "done", message: expect.stringMatching(/waiting for a platform admin's approval/) });
    expect(await bindingExists(name)).toBe(true);
    // The admin's own request is refused to them; the lead's direct revocation is refused as a duplicate of the open one.
    const pending = await db().changeRequest.findUniqueOrThrow({ where: { number: numberOf(asked) } });
    expect(await asSession(personas.admin.token, () => approveRequestAction(null, form({ requestId: pending.id, comment: "" })))).toMatchObject({ ok: false });
    expect(await revoke(personas.paymentsLead, found.id)).toMatchObject({ status: "error", openRequest: pending.number });
    await db().changeRequest.update({ where: { id: pending.id }, data: { status: "cancelled" } });

    const request = await applied(numberOf(await revoke(personas.paymentsLead, found.id)));
    expect(await bindingExists(name)).toBe(false);
    expect(await db().clusterAccessEntry.count({ where: { externalId } })).toBe(0);
    expect(await auditActionsOf(request.id)).toEqual(expect.arrayContaining(["request.created", "request.applied"]));
  });
});
