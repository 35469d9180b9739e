import "server-only";
import { jobQueue, queues } from "@/lib/server/jobs/queue";

export type ExecuteChangeRequestJob = { requestId: string };

/**
 * Queues the execution of an approved request. The singleton key makes this idempotent: while a
 * job for the request is queued or running, sending another is a no-op. If the process dies after
 * the approval committed but before this ran, the reconciler queues it (reconcile-requests.ts).
 */
export async function enqueueExecution(requestId: string): Promise<void> {
  const boss = await jobQueue();
  await boss.send(queues.executeChangeRequest, { requestId } satisfies ExecuteChangeRequestJob, { singletonKey: requestId });
}
