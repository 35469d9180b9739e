import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type RequestEvent, type RequestStatus, transition } from "@/lib/requests/state-machine";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyRequestTransition } from "@/lib/server/notifications/request-hooks";
import { type Actor, auditActor } from "./actor";

export type TransitionContext = { actor: Actor; clientIp?: string | null; userAgent?: string | null };

export type TransitionOutcome = { ok: true; status: string } | { ok: false; error: string };

/** What a transition needs of the request; a caller that has just read the row passes it as `known`. */
export type TransitionSubject = { status: RequestStatus; clusterResourceId: string | null; tenantId: string | null; correlationId: string };

const auditAction: Record<RequestEvent, string> = {
  approve: "request.approved",
  reject: "request.rejected",
  cancel: "request.cancelled",
  expire: "request.expired",
  start: "request.applying",
  succeed: "request.applied",
  fail: "request.failed",
  retry: "request.retried",
};

/**
 * Moves a request through one state-machine event inside `tx`, with its audit event. The UPDATE is
 * a compare-and-set on the status read here, so of two concurrent callers (two admins approving at
 * the same moment) exactly one wins; the other gets an expected error, and nothing is written twice.
 * `known` skips the read: the compare-and-set is on its status, so a stale one loses like a late caller.
 */
export async function applyTransition(
  tx: Prisma.TransactionClient,
  requestId: string,
  event: RequestEvent,
  context: TransitionContext,
  changes: Prisma.ChangeRequestUpdateManyMutationInput = {},
  audit: { reason?: string | null; before?: unknown; after?: unknown } = {},
  known?: TransitionSubject,
): Promise<TransitionOutcome> {
  const request: TransitionSubject | null =
    known ?? (await tx.changeRequest.findUnique({ where: { id: requestId }, select: { status: true, clusterResourceId: true, tenantId: true, correlationId: true } }));
  if (!request) return { ok: false, error: "The request no longer exists." };
  const next = transition(request.status, event);
  if (!next.ok) return next;

  const updated = await tx.changeRequest.updateMany({
    where: { id: requestId, status: request.status },
    data: { ...changes, status: next.to },
  });
  if (updated.count !== 1) return { ok: false, error: "Someone else changed this request at the same moment. Reload to see its state." };

  await appendAuditEvent(tx, {
    actor: auditActor(context.actor),
    action: auditAction[event],
    target: { type: "change_request", id: requestId, clusterId: request.clusterResourceId, tenantId: request.tenantId },
    outcome: event === "fail" ? "failure" : "success",
    before: (audit.before ?? { status: request.status }) as never,
    after: (audit.after ?? { status: next.to }) as never,
    reason: audit.reason ?? null,
    correlationId: request.correlationId,
    clientIp: context.clientIp ?? null,
    userAgent: context.userAgent ?? null,
  });
  // The outbox rows commit with the transition, or not at all (lib/server/notifications/).
  await notifyRequestTransition(tx, requestId, event, context.actor, audit.reason ?? null);
  return { ok: true, status: next.to };
}
