import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas, prepareDemoPortal, sharedDev } from "@/test/persona-sessions";
import { useEmulator } from "@/test/support";
import { requestAccessGrantAction } from "@/app/(portal)/clusters/[subscriptionId]/[resourceGroup]/[name]/access/_actions/request-access-grant";
import { namespaceAccessExecutor } from "./namespace-access-executor";
import { cachedClusterAccess, clusterAccessLimit } from "./cached-access";
import { type PersonAccess, personAccess, personViewPageSize } from "./person-view";

vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("person-view");
let emulator: TestEmulator;
let tenants: { payments: string; search: string };
let grantNumber: number;

beforeAll(async () => {
  emulator = await startTestEmulator();
  useEmulator(emulator.url);
  tenants = await prepareDemoPortal(Object.values(personas));
  await db().namespaceAccessGrant.updateMany({ where: { clusterResourceId: clusterKey(sharedDev), revokedAt: null }, data: { revokedAt: new Date() } });
  // Clusterdesk grants Reader on search-dev to All Engineering, a group Max is in only through Team Payments Members.
  const form = new FormData();
  for (const [name, value] of Object.entries({ clusterId: sharedDev, role: "reader", namespace: "search-dev", principalId: demoGroups.allEngineering, duration: "1d", justification: "Read-only for all engineers", applyNow: "on" })) form.set(name, value);
  const state = await asSession(personas.admin.token, () => requestAccessGrantAction({ status: "idle" }, form));
  if (state.status !== "done") throw new Error(JSON.stringify(state));
  grantNumber = state.number;
  const request = await db().changeRequest.findUniqueOrThrow({ where: { number: grantNumber } });
  await executeChangeRequest(request.id, { retryCount: 0, retryLimit: 0, signal: new AbortController().signal }, { "namespace-access": namespaceAccessExecutor() });
});
afterAll(async () => {
  await stopJobQueue();
  await emulator.dispose();
});

const viewers = {
  admin: { objectId: demoUsers.admin, roles: ["admin"] as const, ownedTenantIds: [] },
  auditor: { objectId: demoUsers.auditor, roles: ["auditor"] as const, ownedTenantIds: [] },
  paymentsLead: () => ({ objectId: demoUsers.paymentsLead, roles: [] as const, ownedTenantIds: [tenants.payments] }),
  searchLead: () => ({ objectId: demoUsers.searchLead, roles: [] as const, ownedTenantIds: [tenants.search] }),
};
const summary = async (viewer: Parameters<typeof personAccess>[1], objectId: string = demoUsers.member) => {
  const result = await personAccess(objectId, viewer, "person-view-test");
  if (!result.ok) throw new Error(result.error);
  return result.entries.map((entry) => `${entry.cluster.name}|${entry.namespace ?? "*"}|${entry.role}|${entry.via.kind === "group" ? entry.via.groupName : "direct"}|${entry.source.kind === "clusterdesk" ? `#${entry.source.requestNumber}` : "found"}`).sort();
};

describe("the person view", () => {
  it("shows an admin every grant a user holds, through nested groups, from Clusterdesk or found on the cluster, with links to the Access tab", async () => {
    const result = await personAccess(demoUsers.member, viewers.admin, "person-view-test");
    expect(result).toMatchObject({ ok: true, principal: { displayName: "Max Müller", type: "User" }, groupCount: 2 });
    // From the inventory's access cache: role assignments on Azure-RBAC clusters and the seed's
    // RoleBindings on the Kubernetes-RBAC-only ones.
    expect(await summary(viewers.admin)).toEqual([
      "aks-legacy-podid|payments-dev|writer|Team Payments Members|found",
      "aks-payments-prod|payments-prod|reader|Team Payments Members|found",
      "aks-platform-shared|payments-dev|writer|Team Payments Members|found",
      "aks-shared-dev|payments-dev|writer|Team Payments Members|found",
      `aks-shared-dev|search-dev|reader|All Engineering|#${grantNumber}`,
    ]);
    expect(result.ok && result.entries.find((entry) => entry.source.kind === "clusterdesk")?.cluster.accessHref).toMatch(/^\/clusters\/[^/]+\/rg-dev\/aks-shared-dev\/access$/);
    expect(await summary(viewers.auditor)).toHaveLength(5);
  });

  it("limits a team lead to their own tenants' namespaces", async () => {
    expect(await summary(viewers.paymentsLead())).toEqual([
      "aks-legacy-podid|payments-dev|writer|Team Payments Members|found",
      "aks-payments-prod|payments-prod|reader|Team Payments Members|found",
      "aks-platform-shared|payments-dev|writer|Team Payments Members|found",
      "aks-shared-dev|payments-dev|writer|Team Payments Members|found",
    ]);
    expect(await summary(viewers.searchLead())).toEqual([`aks-shared-dev|search-dev|reader|All Engineering|#${grantNumber}`]);
  });

  it("shows a group's own grants and those of the groups it is nested in", async () => {
    expect(await summary(viewers.admin, demoGroups.allEngineering)).toEqual(expect.arrayContaining([`aks-shared-dev|search-dev|reader|direct|#${grantNumber}`]));
  });

  it("pages what is found on clusters, a bounded page each, Clusterdesk's grants on the first; clusters gone from the inventory left out", async () => {
    const known = await db().inventoryCluster.findMany({ select: { resourceId: true }, orderBy: { key: "asc" } });
    const gone = "/subscriptions/00000000-0000-4000-8000-00000000beef/resourceGroups/rg-gone/providers/Microsoft.ContainerService/managedClusters/aks-gone";
    const entry = (clusterId: string, index: number) => ({
      clusterKey: clusterKey(clusterId), clusterResourceId: clusterId, mechanism: "azure-rbac", scopeKind: "namespace", namespace: `bench-${String(index).padStart(3, "0")}`, inherited: false,
      role: "reader", roleName: "Azure Kubernetes Service RBAC Reader", principalId: demoGroups.allEngineering, principalType: "Group", principalName: "All Engineering",
      principalDeleted: false, externalId: `${clusterId}/namespaces/bench-${index}/providers/Microsoft.Authorization/roleAssignments/${index}`, syncedAt: new Date(),
    });
    await db().clusterAccessEntry.createMany({ data: [...Array.from({ length: 150 }, (_, index) => entry(known[index % known.length]?.resourceId ?? "", index)), entry(gone, 999)] });
    try {
      const pages = Math.ceil(150 / personViewPageSize);
      const first = await personAccess(demoGroups.allEngineering, viewers.admin, "person-view-test");
      const last = await personAccess(demoGroups.allEngineering, viewers.admin, "person-view-test", pages);
      if (!first.ok || !last.ok) throw new Error("no answer");
      expect(first).toMatchObject({ page: 1, pageCount: pages, foundTotal: 150 });
      expect(first.entries.filter((row) => row.source.kind === "found-on-cluster")).toHaveLength(personViewPageSize);
      expect(first.entries.some((row) => row.source.kind === "clusterdesk")).toBe(true);
      expect(last.entries).toHaveLength(150 - (pages - 1) * personViewPageSize);
      // An old link past the end shows the last page.
      expect(await personAccess(demoGroups.allEngineering, viewers.admin, "person-view-test", 99)).toMatchObject({ ok: true, page: pages, entries: expect.arrayContaining([expect.objectContaining({ key: last.entries[0]?.key })]) });
      const all: PersonAccess[] = [first];
      for (let page = 2; page <= pages; page += 1) all.push(await personAccess(demoGroups.allEngineering, viewers.admin, "person-view-test", page));
      const rows = all.flatMap((result) => (result.ok ? result.entries : []));
      expect(rows.some((row) => row.cluster.name === "aks-gone")).toBe(false);
      expect(new Set(rows.map((row) => row.key)).size).toBe(151);
    } finally {
      await db().clusterAccessEntry.deleteMany({ where: { namespace: { startsWith: "bench-" } } });
    }
  });

  it("says so when the directory does not know the object id", async () => {
    expect(await personAccess("99999999-0000-4000-8000-000000000000", viewers.admin, "person-view-test")).toEqual({ ok: false, error: "No user or group with this object id exists in the directory." });
  });
});

describe("the Access tab's entries found on the cluster", () => {
  it("holds a bounded page and says when the cluster has more", async () => {
    const entry = (index: number) => ({
      clusterKey: clusterKey(sharedDev), clusterResourceId: sharedDev, mechanism: "azure-rbac", scopeKind: "namespace", namespace: `bulk-${String(index).padStart(4, "0")}`, inherited: false,
      role: "reader", roleName: "Azure Kubernetes Service RBAC Reader", principalId: `bulk-${index}`, principalType: "User", principalName: `Bulk ${index}`,
      principalDeleted: false, externalId: `${sharedDev}/namespaces/bulk-${index}/providers/Microsoft.Authorization/roleAssignments/${index}`, syncedAt: new Date(),
    });
    await db().clusterAccessEntry.createMany({ data: Array.from({ length: clusterAccessLimit + 1 }, (_, index) => entry(index)) });
    try {
      const cluster = { kind: "cluster", hostedTenantIds: [], production: false } as const;
      const page = await cachedClusterAccess(sharedDev, cluster, viewers.admin);
      expect(page.found.length).toBeLessThanOrEqual(clusterAccessLimit);
      expect(page.truncated).toBe(true);
    } finally {
      await db().clusterAccessEntry.deleteMany({ where: { namespace: { startsWith: "bulk-" } } });
    }
    expect((await cachedClusterAccess(sharedDev, { kind: "cluster", hostedTenantIds: [], production: false }, viewers.admin)).truncated).toBe(false);
  });
});
