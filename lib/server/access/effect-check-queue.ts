import "server-only";
import { db } from "@/lib/server/db/client";
import { jobQueue } from "@/lib/server/jobs/queue";
import { logger } from "@/lib/server/logger";
import { checkGrantEffect } from "./grant-effect-check";

/**
 * Checks of applied grants until they take effect: one job per check, the next one deferred with
 * backoff, in the portal's PostgreSQL (pg-boss), so a check never holds a web request or a change
 * request's worker, and survives restarts. `stately` with the grant as singleton key: at most one
 * check queued and one running per grant, so re-queuing (the reconcile pass) never doubles a chain.
 */
export const grantEffectCheckQueue = "namespace-access-effect-check";

export type GrantEffectCheckJob = { grantId: string };

async function ensureQueue() {
  const boss = await jobQueue();
  await boss.createQueue(grantEffectCheckQueue, { policy: "stately", retryLimit: 5, retryDelay: 10, retryBackoff: true, retryDelayMax: 120, expireInSeconds: 300 });
  return boss;
}

export async function enqueueGrantEffectCheck(grantId: string, startAfterSeconds = 0): Promise<void> {
  const boss = await ensureQueue();
  await boss.send(grantEffectCheckQueue, { grantId } satisfies GrantEffectCheckJob, { singletonKey: grantId, startAfter: startAfterSeconds });
}

/** Queues a check for every grant still waiting: after a crash between recording a grant and queuing its check. */
export async function resumeGrantEffectChecks(): Promise<number> {
  const waiting = await db().namespaceAccessGrant.findMany({ where: { effect: "waiting", revokedAt: null }, select: { id: true }, take: 500 });
  for (const grant of waiting) await enqueueGrantEffectCheck(grant.id);
  return waiting.length;
}

export async function startGrantEffectCheckWorker(): Promise<void> {
  const boss = await ensureQueue();
  await boss.work<GrantEffectCheckJob>(grantEffectCheckQueue, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const outcome = await checkGrantEffect(job.data.grantId);
    if (outcome?.effect === "waiting") await enqueueGrantEffectCheck(job.data.grantId, outcome.checkAgainInSeconds);
    else if (outcome) logger.info("grant effect decided", { grantId: job.data.grantId, effect: outcome.effect });
  });
}
