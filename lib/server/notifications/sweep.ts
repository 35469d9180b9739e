import "server-only";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";
import { enqueueDelivery, enqueueFanOut, notificationJobQueue, notificationQueues } from "./delivery-queue";

/** A row is left alone this long after its claim or creation: its job may still be on its way. */
export const sweepGraceMs = 10 * 60 * 1000;
/** A never-claimed row older than this is given up rather than queued once more. */
export const requeueWindowMs = 24 * 60 * 60 * 1000;

export type SweepOutcome = { uncertain: string[]; requeued: string[]; failed: string[] };

/**
 * Outbox rows no delivery job will ever finish: their job is gone (completed, failed, cancelled or
 * never there) while the row is still `sending` or `pending`. That happens when a worker dies during
 * the last retry: pg-boss fails the job on its stale heartbeat and retries no more.
 * - `sending` rows were claimed, so Graph may have accepted them: they become `uncertain`, never
 *   sent again (the outbox's at-most-once rule, see deliver.ts).
 * - `pending` rows were never claimed, so never sent: they are queued again (the queue's singleton
 *   key makes a second job impossible), or marked `failed` once older than a day, so that a row that
 *   always fails before its claim is not queued forever.
 * - `fan-out` rows (a group audience not yet expanded from the directory, directory-fan-out.ts) are
 *   handled like `pending` ones, with their fan-out job.
 * Each change is a compare-and-set on the status the row was found in.
 */
export async function sweepOrphanedNotifications(now = new Date()): Promise<SweepOutcome> {
  await notificationJobQueue();
  const cutoff = new Date(now.getTime() - sweepGraceMs);
  const orphans = await db().$queryRaw<Array<{ id: string; status: string; createdAt: Date }>>`
    SELECT m.id, m.status, m.created_at AS "createdAt" FROM notification_message m
    WHERE m.status IN ('sending', 'pending', 'fan-out') AND COALESCE(m.claimed_at, m.created_at) < ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM pgboss.job j
        WHERE j.name = CASE WHEN m.status = 'fan-out' THEN ${notificationQueues.fanOut} ELSE ${notificationQueues.deliver} END
          AND j.singleton_key = m.id AND j.state IN ('created', 'retry', 'active')
      )
    ORDER BY m.created_at LIMIT 500`;
  const outcome: SweepOutcome = { uncertain: [], requeued: [], failed: [] };
  for (const orphan of orphans) {
    if (orphan.status === "sending") {
      const changed = await db().notificationMessage.updateMany({
        where: { id: orphan.id, status: "sending" },
        data: { status: "uncertain", lastError: "The delivery stopped after claiming the message and no retry is left; not sent again to avoid a duplicate." },
      });
      if (changed.count === 1) outcome.uncertain.push(orphan.id);
    } else if (now.getTime() - orphan.createdAt.getTime() > requeueWindowMs) {
      const changed = await db().notificationMessage.updateMany({
        where: { id: orphan.id, status: orphan.status },
        data: { status: "failed", lastError: "No delivery job finished it within a day; given up." },
      });
      if (changed.count === 1) outcome.failed.push(orphan.id);
    } else {
      await (orphan.status === "fan-out" ? enqueueFanOut(orphan.id) : enqueueDelivery(orphan.id));
      outcome.requeued.push(orphan.id);
    }
  }
  if (orphans.length > 0) logger.warn("orphaned notifications swept", { uncertain: outcome.uncertain.length, requeued: outcome.requeued.length, failed: outcome.failed.length });
  return outcome;
}
