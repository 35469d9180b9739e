import "server-only";
import { db } from "@/lib/server/db/client";

/** Inventory sync runs: what the progress indicator and the "last synced" line read. */

export type SyncFailure = { subscriptionId: string; displayName: string | null; error: string };

export type SyncTrigger = "schedule" | "manual" | "startup";

/** A run older than this that still says running died with its process. */
const STALE_AFTER_MS = 30 * 60_000;

export async function createSyncRun(trigger: SyncTrigger, requestedBy?: { id: string; name: string }): Promise<string> {
  const run = await db().inventorySync.create({
    data: { trigger, requestedById: requestedBy?.id ?? null, requestedByName: requestedBy?.name ?? null },
    select: { id: true },
  });
  return run.id;
}

/** Serializes "is a sync under way? if not, open one" across every portal instance. */
const syncStartLockKey = 0x636c7573; // "clus": any constant shared by every instance

/**
 * The queued or running sync, or a new queued one if there is none. Under a transaction-scoped
 * advisory lock, so concurrent callers (two instances starting, two admins pressing Refresh) all
 * end up with the same run instead of each opening their own.
 */
export async function openSyncRunOnce(trigger: SyncTrigger, requestedBy?: { id: string; name: string }, now = new Date()): Promise<{ syncId: string; alreadyRunning: boolean }> {
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${syncStartLockKey})`);
    // Runs abandoned by a dead process are closed first.
    await tx.inventorySync.updateMany({
      where: { status: { in: ["queued", "running"] }, createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
      data: { status: "failed", finishedAt: now, error: "The sync stopped without finishing (the portal restarted)." },
    });
    const active = await tx.inventorySync.findFirst({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (active) return { syncId: active.id, alreadyRunning: true };
    const run = await tx.inventorySync.create({
      data: { trigger, requestedById: requestedBy?.id ?? null, requestedByName: requestedBy?.name ?? null },
      select: { id: true },
    });
    return { syncId: run.id, alreadyRunning: false };
  });
}

export async function markRunStarted(id: string, subscriptionsTotal: number): Promise<void> {
  await db().inventorySync.update({ where: { id }, data: { status: "running", startedAt: new Date(), subscriptionsTotal } });
}

export async function recordRunProgress(id: string, progress: { clustersFound: number; clustersInspected: number }): Promise<void> {
  await db().inventorySync.update({
    where: { id },
    data: { subscriptionsDone: { increment: 1 }, clustersFound: { increment: progress.clustersFound }, clustersInspected: { increment: progress.clustersInspected } },
  });
}

export async function finishRun(id: string, failures: SyncFailure[], subscriptionsTotal: number, error?: string): Promise<void> {
  const status = error || (subscriptionsTotal > 0 && failures.length === subscriptionsTotal) ? "failed" : failures.length > 0 ? "partial" : "succeeded";
  await db().inventorySync.update({ where: { id }, data: { status, finishedAt: new Date(), failures, error: error ?? null } });
}
