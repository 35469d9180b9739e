import "server-only";
import { randomUUID } from "node:crypto";
import type { RequestKind } from "@/lib/requests/kinds";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { type Actor, auditActor } from "./actor";

/** Requests Clusterdesk makes itself (e.g. removing an expired range) carry this requester id. */
export const systemRequesterId = "system:clusterdesk";
import { enqueueExecution } from "./enqueue";
import { applyTransition } from "./transitions";

export type NewChangeRequest = {
  kind: RequestKind;
  clusterResourceId: string | null;
  tenantId: string | null;
  payload: object;
  justification: string;
  decideBy: Date | null;
};

/** How long a pending request waits for a decision before it expires. */
const defaultDecisionWindowMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Records a request and its audit event in one transaction. With `applyDirectly` (an admin's own
 * change, when policy allows) it is approved by its author in the same transaction, with the reason.
 */
export async function createChangeRequest(
  input: NewChangeRequest,
  requester: Actor,
  context: RequestContext,
  options: { applyDirectly?: { reason: string } } = {},
): Promise<{ id: string; number: number; status: string }> {
  const created = await db().$transaction(async (tx) => {
    const request = await tx.changeRequest.create({
      data: {
        kind: input.kind,
        clusterResourceId: input.clusterResourceId,
        tenantId: input.tenantId,
        payload: input.payload,
        justification: input.justification,
        requesterId: requester.kind === "user" ? requester.objectId : systemRequesterId,
        requesterName: requester.name,
        requesterUpn: requester.kind === "user" ? requester.upn : null,
        decideBy: input.decideBy ?? new Date(Date.now() + defaultDecisionWindowMs),
        // The request's correlation id follows it everywhere, independent of the HTTP request that made it.
        correlationId: randomUUID(),
      },
      select: { id: true, number: true, status: true, correlationId: true },
    });
    await appendAuditEvent(tx, {
      actor: auditActor(requester),
      action: "request.created",
      target: { type: "change_request", id: request.id, clusterId: input.clusterResourceId, tenantId: input.tenantId },
      outcome: "success",
      after: { kind: input.kind, payload: input.payload as never, justification: input.justification, httpCorrelationId: context.correlationId },
      correlationId: request.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
    if (!options.applyDirectly) return request;
    const approved = await applyTransition(
      tx,
      request.id,
      "approve",
      { actor: requester, clientIp: context.clientIp, userAgent: context.userAgent },
      {
        decidedById: requester.kind === "user" ? requester.objectId : systemRequesterId,
        decidedByName: requester.name,
        decidedAt: new Date(),
        decisionComment: options.applyDirectly.reason,
      },
      { reason: requester.kind === "user" ? `Direct change by a platform admin: ${options.applyDirectly.reason}` : options.applyDirectly.reason },
    );
    if (!approved.ok) throw new Error(approved.error);
    return { ...request, status: "approved" as const };
  });
  if (created.status === "approved") await enqueueExecution(created.id);
  return { id: created.id, number: created.number, status: created.status };
}
