import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { useEmulator } from "@/test/support";
import { authorizedIpRangesExecutor } from "./authorized-ip-ranges-executor";
import { expireAuthorizedIpRanges } from "./expire-ranges";
import { adoptRange } from "./adopt-range";
import { loadIpRangesView } from "./ip-ranges-view";

const subscriptionId = demoSubscriptions.nonProduction;
const clusterId = `/subscriptions/${subscriptionId}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs: 50 });
  useEmulator(emulator.url);
});
afterAll(async () => {
  await stopJobQueue();
  await emulator.dispose();
});

const arm = () => containerServiceClient(emulator, subscriptionId).managedClusters;
async function setRangesOutOfBand(ranges: string[]) {
  const cluster = await arm().get("rg-dev", "aks-shared-dev");
  await arm().createOrUpdate("rg-dev", "aks-shared-dev", { ...cluster, apiServerAccessProfile: { ...cluster.apiServerAccessProfile, authorizedIPRanges: ranges } }, { updateIntervalInMs: 10 });
}

it("removes an expired range through the engine, attributed to Clusterdesk, asking only once", async () => {
  emulator.reset();
  await setRangesOutOfBand(["203.0.113.0/24", "192.0.2.0/24", "198.51.100.7/32"]);
  // The integration files share one database: no earlier file's record of this range may stand in the way.
  await db().authorizedIpRange.deleteMany({ where: { clusterResourceId: clusterKey(clusterId), range: "198.51.100.7/32" } });
  const record = await db().authorizedIpRange.create({
    data: { clusterResourceId: clusterKey(clusterId), range: "198.51.100.7/32", owner: "Contractor", reason: "one-day access", expiresAt: new Date(Date.now() - 60_000), addedByName: "Priya Patel", tenantId: "t-payments" },
  });

  expect(await expireAuthorizedIpRanges()).toBe(1);
  expect(await expireAuthorizedIpRanges()).toBe(0);
  const { removalRequestId } = await db().authorizedIpRange.findUniqueOrThrow({ where: { id: record.id } });
  const removal = await db().changeRequest.findUniqueOrThrow({ where: { id: removalRequestId ?? "" } });
  expect(removal).toMatchObject({ status: "approved", requesterName: "Clusterdesk", tenantId: "t-payments" });

  const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
  expect(await executeChangeRequest(removal.id, attempt, { "authorized-ip-ranges": authorizedIpRangesExecutor({ pollIntervalMs: 10 }) })).toBe("applied");
  expect((await arm().get("rg-dev", "aks-shared-dev")).apiServerAccessProfile?.authorizedIPRanges).toEqual(["203.0.113.0/24", "192.0.2.0/24"]);
  expect(await db().authorizedIpRange.count({ where: { clusterResourceId: clusterKey(clusterId), range: "198.51.100.7/32" } })).toBe(0);
  const actors = await db().auditEvent.findMany({ where: { targetId: removal.id }, select: { actorKind: true, action: true } });
  expect(actors.every((event) => event.actorKind === "system")).toBe(true);
});

it("shows ranges added and removed outside Clusterdesk as drift", async () => {
  emulator.reset();
  const key = clusterKey(clusterId);
  await db().authorizedIpRange.deleteMany({ where: { clusterResourceId: key } });
  await db().authorizedIpRange.create({ data: { clusterResourceId: key, range: "203.0.113.0/24", reason: "office", addedByName: "Alex Admin", requestId: randomUUID() } });
  await db().authorizedIpRange.create({ data: { clusterResourceId: key, range: "100.64.0.0/24", reason: "old VPN", addedByName: "Alex Admin" } });

  const view = await loadIpRangesView(clusterId, { objectId: "u-admin", roles: ["admin"], ownedTenantIds: [] });
  if (!view.ok) throw new Error(view.error);
  expect(view.rows.map((row) => [row.range, row.source])).toEqual([
    ["203.0.113.0/24", "clusterdesk"],
    ["192.0.2.0/24", "found-on-cluster"],
  ]);
  expect(view.removedOutside.map((entry) => entry.range)).toEqual(["100.64.0.0/24"]);
});

it("lets an admin adopt a range found on the cluster: recorded and audited, nothing changed in Azure", async () => {
  emulator.reset();
  emulator.clearRequests();
  const key = clusterKey(clusterId);
  await db().authorizedIpRange.deleteMany({ where: { clusterResourceId: key } });
  const admin = {
    sessionId: "s",
    objectId: randomUUID(),
    displayName: "Alex Admin",
    userPrincipalName: "alex.admin@clusterdesk-demo.onmicrosoft.com",
    groupIds: [],
    principal: { objectId: "x", roles: ["admin" as const], ownedTenantIds: [] },
  };
  const context = { clientIp: "192.0.2.1", userAgent: "vitest", correlationId: randomUUID(), path: "/" };

  expect(await adoptRange(clusterId, { range: "192.0.2.0/24", owner: "Berlin office", reason: "office egress" }, admin, context)).toEqual({ ok: true });
  expect(await adoptRange(clusterId, { range: "100.64.9.9/32", owner: null, reason: "not there" }, admin, context)).toEqual({
    ok: false,
    error: "100.64.9.9/32 is not on the cluster's list (any more). Reload the page.",
  });

  const view = await loadIpRangesView(clusterId, { objectId: "u-admin", roles: ["admin"], ownedTenantIds: [] });
  if (!view.ok) throw new Error(view.error);
  expect(view.rows.find((row) => row.range === "192.0.2.0/24")).toMatchObject({ source: "clusterdesk", owner: "Berlin office", addedByName: "Alex Admin" });
  expect(await db().auditEvent.count({ where: { correlationId: context.correlationId, action: "cluster.authorized_ip_range.adopted" } })).toBe(1);
  expect(emulator.requests().filter((entry) => entry.method !== "GET")).toEqual([]);
});
