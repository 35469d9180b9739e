import "server-only";
import { db } from "@/lib/server/db/client";
import { systemActor } from "@/lib/server/requests/actor";
import { createChangeRequest } from "@/lib/server/requests/create-request";

/**
 * Removes expired ranges through the same engine as everyone else: one approved request per
 * expired range, made by Clusterdesk itself and audited as such. A range already being removed is
 * left alone, so running this every minute asks only once; if that removal failed, it stays
 * visible as a failed request for an admin to retry.
 */
export async function expireAuthorizedIpRanges(now = new Date()): Promise<number> {
  const expired = await db().authorizedIpRange.findMany({
    where: { expiresAt: { lte: now } },
    select: { id: true, clusterResourceId: true, range: true, owner: true, tenantId: true, expiresAt: true, removalRequestId: true },
    take: 200,
  });
  const openRemovals = new Set(
    (
      await db().changeRequest.findMany({
        where: { id: { in: expired.flatMap((record) => (record.removalRequestId ? [record.removalRequestId] : [])) }, status: { notIn: ["rejected", "cancelled", "expired", "applied"] } },
        select: { id: true },
      })
    ).map((request) => request.id),
  );
  let requested = 0;
  for (const record of expired) {
    if (record.removalRequestId && openRemovals.has(record.removalRequestId)) continue;
    const created = await createChangeRequest(
      {
        kind: "authorized-ip-ranges",
        clusterResourceId: record.clusterResourceId,
        // The owning tenant's leads see their range go, as with any removal of it.
        tenantId: record.tenantId,
        payload: { add: [], remove: [record.range] },
        justification: `${record.range}${record.owner ? ` (${record.owner})` : ""} expired at ${record.expiresAt?.toISOString()}.`,
        decideBy: null,
      },
      systemActor,
      { clientIp: null, userAgent: null, correlationId: `expiry:${record.id}`, path: "" },
      { applyDirectly: { reason: "The range reached its expiry time." } },
    );
    await db().authorizedIpRange.updateMany({ where: { id: record.id }, data: { removalRequestId: created.id } });
    requested += 1;
  }
  return requested;
}
