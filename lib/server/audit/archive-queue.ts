import "server-only";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db/client";
import { jobQueue } from "@/lib/server/jobs/queue";
import { logger } from "@/lib/server/logger";
import { archiveAuditLog } from "./archive-audit-log";
import { configuredCheckpointKey } from "./checkpoint";

export const auditArchiveQueue = "audit-archive";

/**
 * Once a day (03:17, off the hour other jobs favour), one instance archives the audit events older
 * than CLUSTERDESK_AUDIT_RETENTION_DAYS (archive-audit-log.ts). Unset: nothing is scheduled and
 * events are kept forever. A failed run is retried; a crashed one is safe to repeat.
 */
export async function startAuditArchiveWorker(): Promise<void> {
  const { days, directory } = env().auditRetention;
  if (days === null) return;
  const boss = await jobQueue();
  await boss.createQueue(auditArchiveQueue, { policy: "singleton", retryLimit: 3, retryDelay: 600, expireInSeconds: 3600 });
  await boss.schedule(auditArchiveQueue, "17 3 * * *", {});
  await boss.work(auditArchiveQueue, { batchSize: 1, pollingIntervalSeconds: 60 }, async () => {
    const outcome = await archiveAuditLog(db(), { retentionDays: days, directory, key: configuredCheckpointKey() });
    if (!outcome.archived) logger.info("audit archive: nothing archived", { reason: outcome.reason });
  });
}
