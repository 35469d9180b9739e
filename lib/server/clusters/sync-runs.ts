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

/** The queued or running sync, if any (runs abandoned by a dead process are closed first). */
export async function activeSyncRun(now = new Date()) {
  await db().inventorySync.updateMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    data: { status: "failed", finishedAt: now, error: "The sync stopped without finishing (the portal restarted)." },
  });
  return db().inventorySync.findFirst({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } });
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
