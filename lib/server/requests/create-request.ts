import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind } from "@/lib/requests/kinds";
import { terminalStatuses } from "@/lib/requests/state-machine";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import { recordRequestNotifications } from "@/lib/server/notifications/record";
import type { RequestContext } from "@/lib/server/request-context";
import { type Actor, auditActor } from "./actor";
import { enqueueExecution } from "./enqueue";
import { applyTransition } from "./transitions";

/** Requests Clusterdesk makes itself (e.g. removing an expired range) carry this requester id. */
export const systemRequesterId = "system:clusterdesk";

export type NewChangeRequest = {
  kind: RequestKind;
  clusterResourceId: string | null;
  tenantId: string | null;
  payload: object;
  justification: string;
  decideBy: Date | null;
  /** What the requester was warned about; stored so the approver sees the same. */
  warnings?: readonly string[];
};

export type CreateOptions = {
  /** An admin's own change, when policy allows: approved by its author in the same transaction. */
  applyDirectly?: { reason: string };
  /**
   * Refuse the request when an open one of the same kind on the same cluster has the same key
   * (e.g. the ranges it adds and removes): the same change must not be approved twice.
   */
  sameChangeKey?: (payload: unknown) => string;
};

export type CreatedRequest = { id: string; number: number; status: string };
export type CreateOutcome = ({ ok: true } & CreatedRequest) | { ok: false; openRequest: { id: string; number: number } };

/** How long a pending request waits for a decision before it expires. */
const defaultDecisionWindowMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Records a request and its audit event in one transaction. With `applyDirectly` it is approved by
 * its author in the same transaction, with the reason. With `sameChangeKey`, concurrent creations on
 * one cluster are serialised by a transaction-scoped advisory lock, so two identical requests sent
 * at the same moment cannot both be recorded.
 */
export async function createChangeRequestUnlessOpen(input: NewChangeRequest, requester: Actor, context: RequestContext, options: CreateOptions = {}): Promise<CreateOutcome> {
  const created = await db().$transaction(async (tx) => {
    if (options.sameChangeKey) {
      const openRequest = await openRequestWithSameChange(tx, input, options.sameChangeKey);
      if (openRequest) return { ok: false as const, openRequest };
    }
    return { ok: true as const, ...(await insertRequest(tx, input, requester, context, options)) };
  });
  if (created.ok && created.status === "approved") await enqueueExecution(created.id);
  return created;
}

/** As `createChangeRequestUnlessOpen`, for callers that never ask for the duplicate check. */
export async function createChangeRequest(input: NewChangeRequest, requester: Actor, context: RequestContext, options: Omit<CreateOptions, "sameChangeKey"> = {}): Promise<CreatedRequest> {
  const outcome = await createChangeRequestUnlessOpen(input, requester, context, options);
  if (!outcome.ok) throw new Error("A request without a duplicate check cannot be refused as a duplicate.");
  return { id: outcome.id, number: outcome.number, status: outcome.status };
}

async function openRequestWithSameChange(tx: Prisma.TransactionClient, input: NewChangeRequest, keyOf: (payload: unknown) => string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`change_request:${input.kind}:${input.clusterResourceId ?? ""}`}, 0))`;
  const open = await tx.changeRequest.findMany({
    where: { kind: input.kind, clusterResourceId: input.clusterResourceId, status: { notIn: [...terminalStatuses] } },
    select: { id: true, number: true, payload: true },
    orderBy: { number: "asc" },
  });
  const key = keyOf(input.payload);
  const same = open.find((request) => keyOf(request.payload) === key);
  return same ? { id: same.id, number: same.number } : null;
}

async function insertRequest(tx: Prisma.TransactionClient, input: NewChangeRequest, requester: Actor, context: RequestContext, options: CreateOptions): Promise<CreatedRequest> {
  const warnings = [...(input.warnings ?? [])];
  const request = await tx.changeRequest.create({
    data: {
      kind: input.kind,
      clusterResourceId: input.clusterResourceId,
      tenantId: input.tenantId,
      payload: input.payload,
      justification: input.justification,
      warnings,
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
    after: { kind: input.kind, payload: input.payload as never, justification: input.justification, ...(warnings.length > 0 ? { warnings } : {}), httpCorrelationId: context.correlationId },
    correlationId: request.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  });
  await recordRequestNotifications(tx, request.id, { type: "created", directChange: Boolean(options.applyDirectly) });
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
  return { ...request, status: "approved" };
}
