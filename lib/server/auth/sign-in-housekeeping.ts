import "server-only";
import { jobQueue } from "@/lib/server/jobs/queue";
import { logger } from "@/lib/server/logger";
import { purgeExpiredSignInState } from "./purge-sign-in-state";
import { summariseRejectedCallbacks } from "./rejected-callbacks";

/** Every minute: summarise rejected callbacks into the audit log, purge expired attempts and ended sessions. */
export const signInHousekeepingQueue = "sign-in-housekeeping";

export async function runSignInHousekeeping(now = new Date()) {
  const summarised = await summariseRejectedCallbacks(now);
  const purged = await purgeExpiredSignInState(now);
  return { ...summarised, ...purged };
}

export async function startSignInHousekeepingWorker(): Promise<void> {
  const boss = await jobQueue();
  // One run at a time across instances; a missed minute is caught up by the next run.
  await boss.createQueue(signInHousekeepingQueue, { policy: "singleton", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(signInHousekeepingQueue, "* * * * *", {});
  await boss.work(signInHousekeepingQueue, { batchSize: 1, pollingIntervalSeconds: 15 }, async () => {
    const result = await runSignInHousekeeping();
    if (result.callbacks + result.attempts + result.sessions > 0) logger.info("sign-in housekeeping", result);
  });
}
