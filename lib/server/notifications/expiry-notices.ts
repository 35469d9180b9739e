import "server-only";
import { describeScope, scopeOf } from "@/lib/access/scope";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { composeExpiryNotice, composeGranteeExpiryNotice, type ExpiringThing, expiryNoticeKey, upcomingExpiryWindowMs } from "@/lib/notifications/expiry-notice";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";
import { enqueueDeliveryInTransaction } from "./delivery-queue";
import { preferencesOf, requesterOf } from "./recipients";

/** A user who holds a grant somebody else asked for, and is told too. */
type Holder = { id: string; name: string; address: string };

type Expiring = { id: string; expiresAt: Date; requestId: string; thing: (requestNumber: number) => ExpiringThing; holder: Holder | null };

const clusterName = (resourceId: string) => parseClusterResourceId(resourceId)?.name ?? resourceId;

/**
 * Tells requesters, a day ahead, that an IP range or an access grant their request gave is about to
 * be removed, and a user holding a grant somebody else asked for (run by the minute's reconcile). Each notice has a key (thing + expiry time) that is
 * unique in the outbox, so running again, or on two instances at once, writes it once. Never throws:
 * a notice that cannot be written must not stop the reconcile that removes expired things.
 */
export async function recordUpcomingExpiryNotices(now = new Date()): Promise<number> {
  if (!env().notifications.mailSender) return 0;
  try {
    const until = new Date(now.getTime() + upcomingExpiryWindowMs);
    const ranges = await db().authorizedIpRange.findMany({
      where: { expiresAt: { gt: now, lte: until }, requestId: { not: null }, removalRequestId: null },
      select: { id: true, expiresAt: true, requestId: true, range: true, clusterResourceId: true },
    });
    const grants = await db().namespaceAccessGrant.findMany({
      where: { expiresAt: { gt: now, lte: until }, revokedAt: null, revocationRequestId: null },
      select: { id: true, expiresAt: true, requestId: true, role: true, principalId: true, principalType: true, principalName: true, principalUpn: true, namespace: true, clusterResourceId: true },
    });
    const expiring: Expiring[] = [
      ...ranges.flatMap((range) => (range.expiresAt && range.requestId ? [{
        id: range.id, expiresAt: range.expiresAt, requestId: range.requestId,
        thing: (requestNumber: number): ExpiringThing => ({ kind: "ip-range", range: range.range, clusterName: clusterName(range.clusterResourceId), requestNumber }),
        holder: null,
      }] : [])),
      ...grants.flatMap((grant) => (grant.expiresAt ? [{
        id: grant.id, expiresAt: grant.expiresAt, requestId: grant.requestId,
        thing: (requestNumber: number): ExpiringThing => ({
          kind: "access-grant", role: grant.role, principalName: grant.principalName, scope: describeScope(scopeOf(grant.namespace)), clusterName: clusterName(grant.clusterResourceId), requestNumber,
        }),
        holder: grant.principalType === "User" && grant.principalUpn ? { id: grant.principalId, name: grant.principalName, address: grant.principalUpn } : null,
      }] : [])),
    ];
    let written = 0;
    for (const item of expiring) written += await db().$transaction((tx) => recordNotice(tx, item, now));
    return written;
  } catch (error) {
    logger.error("upcoming expiry notices not written", { error });
    return 0;
  }
}

async function recordNotice(tx: Prisma.TransactionClient, item: Expiring, now: Date): Promise<number> {
  const request = await tx.changeRequest.findUnique({ where: { id: item.requestId }, select: { number: true, requesterId: true, requesterUpn: true, requesterName: true } });
  if (!request) return 0;
  const thing = item.thing(request.number);
  const key = expiryNoticeKey(thing.kind, item.id, item.expiresAt);
  const notices: Prisma.NotificationMessageCreateManyInput[] = [];
  const requester = await requesterOf(tx, request.requesterId, request.requesterUpn, request.requesterName);
  if (requester?.preferences.requestUpdates) {
    notices.push({
      ...composeExpiryNotice(thing, item.expiresAt, now),
      category: "requestUpdates", channel: "email", recipientId: requester.id, recipientAddress: requester.address, recipientName: requester.name, requestId: item.requestId, dedupeKey: key,
    });
  }
  const holder = item.holder;
  if (holder && thing.kind === "access-grant" && holder.id.toLowerCase() !== request.requesterId.toLowerCase() && (await preferencesOf(tx, [holder.id]))(holder.id).requestUpdates) {
    notices.push({
      ...composeGranteeExpiryNotice(thing, request.requesterName, item.expiresAt, now),
      category: "requestUpdates", channel: "email", recipientId: holder.id, recipientAddress: holder.address, recipientName: holder.name, requestId: item.requestId, dedupeKey: `${key}:holder`,
    });
  }
  const created = await tx.notificationMessage.createManyAndReturn({ data: notices, skipDuplicates: true, select: { id: true } });
  for (const message of created) await enqueueDeliveryInTransaction(tx, message.id);
  return created.length;
}
