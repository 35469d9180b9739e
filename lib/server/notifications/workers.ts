import "server-only";
import { logger } from "@/lib/server/logger";
import { jobSignal } from "@/lib/server/jobs/shutdown";
import { deliverNotification, DeliveryRetry } from "./deliver";
import { type DeliverNotificationJob, type FanOutNotificationJob, notificationJobQueue, notificationQueues, notificationRetryLimit } from "./delivery-queue";
import { fanOutToDirectory, FanOutRetry } from "./directory-fan-out";
import { sendApprovalDigests } from "./digest";
import { sweepOrphanedNotifications } from "./sweep";

/** Delivers outbox rows, the daily digest and the sweep of orphaned rows. A failed delivery is logged, never raised to a request. */
export async function startNotificationWorkers(): Promise<void> {
  const boss = await notificationJobQueue();
  await boss.work<DeliverNotificationJob>(
    notificationQueues.deliver,
    { batchSize: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 },
    async ([job]) => {
      if (!job) return;
      try {
        const outcome = await deliverNotification(job.data.messageId, { retryCount: job.retryCount, retryLimit: notificationRetryLimit, signal: jobSignal(job.signal) });
        logger.info("notification job finished", { messageId: job.data.messageId, outcome });
      } catch (error) {
        if (!(error instanceof DeliveryRetry)) logger.error("notification job failed", { messageId: job.data.messageId, error });
        throw error;
      }
    },
  );
  await boss.work<FanOutNotificationJob>(notificationQueues.fanOut, { batchSize: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    try {
      const result = await fanOutToDirectory(job.data.messageId, { retryCount: job.retryCount, retryLimit: notificationRetryLimit });
      logger.info("notification fan-out finished", { messageId: job.data.messageId, ...result });
    } catch (error) {
      if (!(error instanceof FanOutRetry)) logger.error("notification fan-out failed", { messageId: job.data.messageId, error });
      throw error;
    }
  });
  await boss.work(notificationQueues.digest, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    const sent = await sendApprovalDigests();
    if (sent > 0) logger.info("approval digests queued", { sent });
  });
  await boss.work(notificationQueues.sweep, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    await sweepOrphanedNotifications();
  });
}
