import "server-only";
import { db } from "@/lib/server/db/client";
import { jobQueue } from "@/lib/server/jobs/queue";
import { logger } from "@/lib/server/logger";
import { auditCheckpointIntervalMinutes, configuredCheckpointKey } from "./checkpoint";
import { type CheckpointMemory, runScheduledCheckpoint } from "./scheduled-checkpoint";

export const auditCheckpointQueue = "audit-checkpoint";

/**
 * Every 5 minutes, one instance checks the chain since the checkpoint it signed last and signs the
 * head (scheduled-checkpoint.ts). Without a key nothing is scheduled, and the
 * start-up log says so: a deployment should notice it runs without checkpoints.
 */
export async function startAuditCheckpointWorker(): Promise<void> {
  const key = configuredCheckpointKey();
  if (!key) {
    logger.warn("audit checkpoints are off: CLUSTERDESK_AUDIT_CHECKPOINT_KEY is not set, so truncating or rewriting the audit log is not detectable");
    return;
  }
  const memory: CheckpointMemory = { last: null };
  const boss = await jobQueue();
  await boss.createQueue(auditCheckpointQueue, { policy: "singleton", retryLimit: 2, expireInSeconds: 120 });
  await boss.schedule(auditCheckpointQueue, `*/${auditCheckpointIntervalMinutes} * * * *`, {});
  await boss.work(auditCheckpointQueue, { batchSize: 1, pollingIntervalSeconds: 15 }, async () => {
    await runScheduledCheckpoint(db(), key, memory);
  });
  // One now as well, so a fresh start is anchored without waiting for the schedule.
  await boss.send(auditCheckpointQueue, {});
}
