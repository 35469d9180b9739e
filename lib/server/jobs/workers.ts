import "server-only";
import { startGrantEffectCheckWorker } from "@/lib/server/access/effect-check-queue";
import { startAuditArchiveWorker } from "@/lib/server/audit/archive-queue";
import { startAuditCheckpointWorker } from "@/lib/server/audit/checkpoint-queue";
import { startSignInHousekeepingWorker } from "@/lib/server/auth/sign-in-housekeeping";
import { startInventorySyncWorker } from "@/lib/server/clusters/sync-queue";
import { logger } from "@/lib/server/logger";
import { startNotificationWorkers } from "@/lib/server/notifications/workers";
import type { ExecuteChangeRequestJob } from "@/lib/server/requests/enqueue";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { changeExecutors } from "@/lib/server/requests/executors";
import { reconcileChangeRequests } from "@/lib/server/requests/reconcile-requests";
import { changeRequestRetryLimit, jobQueue, queues } from "./queue";
import { jobSignal, shutdownSignal } from "./shutdown";

/** Starts this instance's workers. Every portal instance runs them; pg-boss hands each job to one. */
export async function startWorkers(): Promise<void> {
  try {
    await registerWorkers();
  } catch (error) {
    // A SIGTERM during start-up stops the queue under the registrations still to come (the first
    // workers may already be busy): that is the shutdown going as planned, not a failed start.
    if (!shutdownSignal().aborted) throw error;
    logger.info("worker start-up cut short by shutdown");
  }
}

async function registerWorkers(): Promise<void> {
  const boss = await jobQueue();
  await boss.work<ExecuteChangeRequestJob>(
    queues.executeChangeRequest,
    // Woken by NOTIFY on enqueue (queue.ts); the 1 s poll stays as the fallback for a lost notification.
    { batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
    async ([job]) => {
      if (!job) return;
      const outcome = await executeChangeRequest(
        job.data.requestId,
        { retryCount: job.retryCount, retryLimit: changeRequestRetryLimit, signal: jobSignal(job.signal) },
        changeExecutors(),
      );
      logger.info("change request job finished", { requestId: job.data.requestId, outcome });
    },
  );
  await boss.work(queues.reconcile, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    const result = await reconcileChangeRequests();
    if (result.expired + result.rangesExpired + result.grantsExpired > 0) logger.info("reconciled change requests", result);
  });
  // Reconcile once now as well: after a restart, orphaned and expired work should not wait for the next minute.
  await boss.send(queues.reconcile, {});
  await startInventorySyncWorker();
  await startSignInHousekeepingWorker();
  await startGrantEffectCheckWorker();
  await startAuditCheckpointWorker();
  await startAuditArchiveWorker();
  await startNotificationWorkers();
}
