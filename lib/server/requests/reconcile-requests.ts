import "server-only";
import { resumeGrantEffectChecks } from "@/lib/server/access/effect-check-queue";
import { expireNamespaceAccessGrants } from "@/lib/server/access/expire-grants";
import { db } from "@/lib/server/db/client";
import { expireAuthorizedIpRanges } from "@/lib/server/network/expire-ranges";
import { recordUpcomingExpiryNotices } from "@/lib/server/notifications/expiry-notices";
import { systemActor } from "./actor";
import { enqueueExecution } from "./enqueue";
import { applyTransition } from "./transitions";

/**
 * The safety net run every minute: asks for the removal of expired IP ranges and the revocation of
 * expired access grants, queues approved or
 * applying requests that have no job (the process died between the approval's commit and the
 * enqueue; the queue drops duplicates), and expires pending requests nobody decided on in time.
 */
export async function reconcileChangeRequests(now = new Date()): Promise<{ queued: number; expired: number; rangesExpired: number; grantsExpired: number }> {
  // First, so that the removals and revocations they ask for are queued below in the same pass.
  const rangesExpired = await expireAuthorizedIpRanges(now);
  const grantsExpired = await expireNamespaceAccessGrants(now);
  const toRun = await db().changeRequest.findMany({ where: { status: { in: ["approved", "applying"] } }, select: { id: true }, take: 500 });
  for (const request of toRun) await enqueueExecution(request.id);

  const overdue = await db().changeRequest.findMany({ where: { status: "pending", decideBy: { lt: now } }, select: { id: true }, take: 500 });
  let expired = 0;
  for (const request of overdue) {
    const outcome = await db().$transaction((tx) =>
      applyTransition(tx, request.id, "expire", { actor: systemActor }, {}, { reason: "Nobody decided on the request in time." }),
    );
    if (outcome.ok) expired += 1;
  }
  // Grants applied but not yet confirmed keep being checked after a crash or a lost enqueue.
  await resumeGrantEffectChecks();
  await recordUpcomingExpiryNotices(now); // never throws: a notice must not hold up the removals above

  return { queued: toRun.length, expired, rangesExpired, grantsExpired };
}
