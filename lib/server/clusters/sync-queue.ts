import "server-only";
import { jobQueue } from "@/lib/server/jobs/queue";
import { jobSignal } from "@/lib/server/jobs/shutdown";
import { logger } from "@/lib/server/logger";
import { db } from "@/lib/server/db/client";
import { syncInventory } from "./sync-inventory";
import { finishRun, openSyncRunOnce, type SyncTrigger } from "./sync-runs";

/** The inventory sync's own pg-boss queue: every 15 minutes, on start-up when stale, and on demand. */
export const inventorySyncQueue = "inventory-sync";

export type InventorySyncJob = { syncId?: string };

const SCHEDULE = "*/15 * * * *";
const FRESH_FOR_MS = 15 * 60_000;

async function ensureQueue() {
  const boss = await jobQueue();
  // One sync runs at a time (others wait); a sync that outlives its expiry is failed, not doubled.
  await boss.createQueue(inventorySyncQueue, { policy: "singleton", retryLimit: 0, expireInSeconds: 30 * 60 });
  return boss;
}

/**
 * Queues a sync unless one is already queued or running, whose id is returned instead: pressing
 * "Refresh" twice, or in two tabs, does not start two fan-outs over every subscription.
 */
export async function requestInventorySync(trigger: SyncTrigger, requestedBy?: { id: string; name: string }): Promise<{ syncId: string; alreadyRunning: boolean }> {
  const opened = await openSyncRunOnce(trigger, requestedBy);
  if (opened.alreadyRunning) return opened;
  try {
    const boss = await ensureQueue();
    await boss.send(inventorySyncQueue, { syncId: opened.syncId } satisfies InventorySyncJob);
  } catch (error) {
    // A run with no job would block every later request until it went stale.
    await finishRun(opened.syncId, [], 0, "The sync could not be queued.");
    throw error;
  }
  return opened;
}

export async function startInventorySyncWorker(): Promise<void> {
  const boss = await ensureQueue();
  await boss.schedule(inventorySyncQueue, SCHEDULE, {});
  await boss.work<InventorySyncJob>(inventorySyncQueue, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    let syncId = job.data.syncId;
    if (!syncId) {
      // A scheduled run: skip it while a requested one is under way.
      const opened = await openSyncRunOnce("schedule");
      if (opened.alreadyRunning) return;
      syncId = opened.syncId;
    }
    const result = await syncInventory({ syncId, signal: jobSignal(job.signal) });
    logger.info("inventory sync finished", { syncId, clusters: result.clusters, failedSubscriptions: result.failures.length });
  });
  const latest = await db().inventorySync.findFirst({ where: { status: { in: ["succeeded", "partial"] } }, orderBy: { createdAt: "desc" }, select: { finishedAt: true } });
  if (!latest?.finishedAt || Date.now() - latest.finishedAt.getTime() > FRESH_FOR_MS) await requestInventorySync("startup");
}
