import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { clusterId, testContext } from "@/lib/server/requests/requests-fixtures.test-helper";
import { recordUpcomingExpiryNotices } from "./expiry-notices";

afterAll(() => stopJobQueue());

const hours = (n: number) => n * 3_600_000;

async function requestBy(upn: string) {
  return createChangeRequest(
    { kind: "authorized-ip-ranges", clusterResourceId: clusterId("aks-expiry"), tenantId: null, payload: { add: [{ range: "198.51.100.9/32", lifetimeSeconds: 3600, owner: null }], remove: [] }, justification: "CI", decideBy: null },
    { kind: "user", objectId: randomUUID(), name: "Eve Expiry", upn },
    testContext,
  );
}

describe("upcoming expiry notices", () => {
  it("tell the requester once, a day ahead, that their IP range and access grant are about to go", async () => {
    const now = new Date();
    const upn = `eve.${randomUUID().slice(0, 8)}@contoso.example`;
    const rangeRequest = await requestBy(upn);
    const grantRequest = await requestBy(upn);
    const cluster = clusterId(`aks-${randomUUID().slice(0, 8)}`);
    await db().authorizedIpRange.create({
      data: { clusterResourceId: cluster, range: "198.51.100.9/32", reason: "CI", addedByName: "Eve Expiry", expiresAt: new Date(now.getTime() + hours(6)), requestId: rangeRequest.id },
    });
    await db().authorizedIpRange.create({
      data: { clusterResourceId: cluster, range: "198.51.100.10/32", reason: "CI", addedByName: "Eve Expiry", expiresAt: new Date(now.getTime() + hours(48)), requestId: rangeRequest.id },
    });
    await db().namespaceAccessGrant.create({
      data: {
        clusterResourceId: cluster, namespace: "payments-dev", role: "writer", principalId: randomUUID(), principalType: "User", principalName: "Liam O'Brien",
        mechanism: "azure-rbac", externalId: randomUUID(), grantedAt: now, expiresAt: new Date(now.getTime() + hours(20)), requestId: grantRequest.id, reason: "on call", requestedByName: "Eve Expiry",
      },
    });

    expect(await recordUpcomingExpiryNotices(now)).toBeGreaterThanOrEqual(2);
    const notices = await db().notificationMessage.findMany({ where: { recipientAddress: upn, dedupeKey: { not: null } }, orderBy: { subject: "asc" } });
    expect(notices.map((notice) => [notice.subject, notice.status, notice.link])).toEqual([
      [`[Clusterdesk] 198.51.100.9/32 on ${cluster.split("/").at(-1)} expires in 6 hours`, "pending", `/requests/${rangeRequest.number}`],
      [`[Clusterdesk] Liam O'Brien's writer access on ${cluster.split("/").at(-1)} expires in 20 hours`, "pending", `/requests/${grantRequest.number}`],
    ]);
    // The next minute's reconcile finds the same things: nothing new is written.
    await recordUpcomingExpiryNotices(new Date(now.getTime() + 60_000));
    expect(await db().notificationMessage.count({ where: { recipientAddress: upn, dedupeKey: { not: null } } })).toBe(2);
  });

  it("tell the user who holds a grant somebody else asked for, once, unless they switched request updates off", async () => {
    const now = new Date();
    const requesterUpn = `eve.${randomUUID().slice(0, 8)}@contoso.example`;
    const cluster = clusterId(`aks-${randomUUID().slice(0, 8)}`);
    const holders = [
      { id: randomUUID(), name: "Hana Holder", upn: `hana.${randomUUID().slice(0, 8)}@contoso.example` },
      { id: randomUUID(), name: "Quentin Quiet", upn: `quentin.${randomUUID().slice(0, 8)}@contoso.example` },
    ];
    await db().notificationPreference.create({ data: { userId: holders[1]?.id ?? "", requestUpdates: false } });
    for (const holder of holders) {
      const request = await requestBy(requesterUpn);
      await db().namespaceAccessGrant.create({
        data: {
          clusterResourceId: cluster, namespace: "search-dev", role: "reader", principalId: holder.id, principalType: "User", principalName: holder.name, principalUpn: holder.upn,
          mechanism: "azure-rbac", externalId: randomUUID(), grantedAt: now, expiresAt: new Date(now.getTime() + hours(3)), requestId: request.id, reason: "incident", requestedByName: "Eve Expiry",
        },
      });
    }

    await recordUpcomingExpiryNotices(now);
    const toHolders = await db().notificationMessage.findMany({ where: { recipientAddress: { in: holders.map((holder) => holder.upn) } } });
    expect(toHolders.map((notice) => [notice.recipientName, notice.subject, notice.link])).toEqual([["Hana Holder", `[Clusterdesk] Your reader access on ${cluster.split("/").at(-1)} expires in 3 hours`, null]]);
    expect(await db().notificationMessage.count({ where: { recipientAddress: requesterUpn, dedupeKey: { not: null } } })).toBe(2);
    await recordUpcomingExpiryNotices(new Date(now.getTime() + 60_000));
    expect(await db().notificationMessage.count({ where: { recipientAddress: { in: [requesterUpn, ...holders.map((holder) => holder.upn)] } } })).toBe(3);
  });
});
