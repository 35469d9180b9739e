import "server-only";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import type { Actor } from "./actor";
import { enqueueExecution } from "./enqueue";
import { applyTransition, type TransitionOutcome } from "./transitions";

type Decider = Extract<Actor, { kind: "user" }>;

/** Approves or rejects a pending request; approval queues its execution. The caller has checked policy. */
export async function decideChangeRequest(
  requestId: string,
  decision: "approve" | "reject",
  comment: string,
  decider: Decider,
  context: RequestContext,
): Promise<TransitionOutcome> {
  const outcome = await db().$transaction((tx) =>
    applyTransition(
      tx,
      requestId,
      decision,
      { actor: decider, clientIp: context.clientIp, userAgent: context.userAgent },
      { decidedById: decider.objectId, decidedByName: decider.name, decidedAt: new Date(), decisionComment: comment || null },
      { reason: comment || null },
    ),
  );
  if (outcome.ok && decision === "approve") await enqueueExecution(requestId);
  return outcome;
}

export async function cancelChangeRequest(requestId: string, actor: Decider, context: RequestContext): Promise<TransitionOutcome> {
  return db().$transaction((tx) =>
    applyTransition(tx, requestId, "cancel", { actor, clientIp: context.clientIp, userAgent: context.userAgent }),
  );
}

/** Puts a failed request back to work; the executor resumes from what the last attempt recorded. */
export async function retryChangeRequest(requestId: string, actor: Decider, context: RequestContext): Promise<TransitionOutcome> {
  const outcome = await db().$transaction((tx) =>
    applyTransition(tx, requestId, "retry", { actor, clientIp: context.clientIp, userAgent: context.userAgent }, { lastError: null }),
  );
  if (outcome.ok) await enqueueExecution(requestId);
  return outcome;
}
