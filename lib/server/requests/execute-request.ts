import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { needsExecution } from "@/lib/requests/state-machine";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";
import { systemActor } from "./actor";
import { type ChangeExecutor, type ExecutionProgress, RetryableError } from "./executor";
import { applyTransition } from "./transitions";

export type JobAttempt = { retryCount: number; retryLimit: number; signal: AbortSignal };

export type ExecutionOutcome = "applied" | "failed" | "retrying" | "skipped";

/**
 * Runs one attempt of a request's execution (called by the job worker). Never holds a database
 * transaction across the executor's network calls: mark applying → execute → record the result.
 * A retryable failure is rethrown so the queue retries with backoff; when retries run out, or the
 * failure is permanent, the request becomes `failed` (an admin can retry it).
 */
export async function executeChangeRequest(
  requestId: string,
  attempt: JobAttempt,
  executors: Record<string, ChangeExecutor>,
): Promise<ExecutionOutcome> {
  const request = await db().changeRequest.findUnique({ where: { id: requestId } });
  if (!request || !needsExecution(request.status)) return "skipped";
  const executor = executors[request.kind];
  // The executor's first reads (side-effect free) run while the attempt is recorded below.
  const prepared = executor?.prepare?.(request, attempt.signal);

  const started = await db().$transaction((tx) =>
    applyTransition(tx, requestId, "start", { actor: systemActor }, { attempts: { increment: 1 } }, {
      after: { status: "applying", attempt: request.attempts + 1 },
    }, request),
  );
  if (!started.ok) return "skipped";
  const applying = { ...request, status: "applying" as const };
  const progress = progressWriter(requestId);

  try {
    if (!executor) throw new Error(`No executor for requests of kind ${request.kind}.`);
    const context = { reportProgress: progress.report, signal: attempt.signal };
    const result = await (prepared ? prepared.apply(context) : executor.apply(request, context));
    // A progress write still on its way must not land on top of the final state.
    await progress.settled();
    await db().$transaction((tx) =>
      applyTransition(tx, requestId, "succeed", { actor: systemActor }, { appliedAt: new Date(), lastError: null, progress: { phase: "done", message: result.summary } }, {
        before: result.before,
        after: result.after,
        reason: result.summary,
      }, applying),
    );
    return "applied";
  } catch (error) {
    if (attempt.signal.aborted) {
      // Shutdown or a lost claim, not a verdict on the change: the request stays `applying` and the
      // job runs again (here or on another instance), where the executor picks up where it stopped.
      logger.info("change request attempt interrupted", { requestId, correlationId: request.correlationId });
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    const willRetry = error instanceof RetryableError && attempt.retryCount < attempt.retryLimit;
    logger.warn("change request attempt failed", { requestId, correlationId: request.correlationId, willRetry, error });
    await progress.settled();
    if (willRetry) {
      await db().changeRequest.update({ where: { id: requestId }, data: { lastError: `${message} (retrying)` } });
      throw error;
    }
    await db().$transaction((tx: Prisma.TransactionClient) =>
      applyTransition(tx, requestId, "fail", { actor: systemActor }, { lastError: message }, { reason: message }, applying),
    );
    return "failed";
  }
}

/**
 * Progress writes in the order they were reported, so an executor may report and go on (e.g. send
 * its ARM write) without waiting for the row: a later report, or the final state, never lands first.
 */
function progressWriter(requestId: string) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    report(progress: ExecutionProgress): Promise<void> {
      const write = queue.then(() =>
        db().changeRequest.update({ where: { id: requestId }, data: { progress: { ...progress, at: new Date().toISOString() } }, select: { id: true } }),
      );
      queue = write.catch(() => undefined);
      return write.then(() => undefined);
    },
    settled: () => queue.then(() => undefined),
  };
}
