import "server-only";
import type { AuditEventRecord, AuditOutcome } from "@/lib/audit/audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditQuery, auditTimeRange } from "@/lib/audit/audit-query";
import { db } from "@/lib/server/db/client";

/** Filters of the audit UI; every one is optional and they combine with AND. */
export type AuditEventFilters = {
  /** Inclusive lower and exclusive upper bound on occurredAt. */
  from?: Date;
  to?: Date;
  actorObjectId?: string;
  action?: string;
  target?: { type: string; id?: string };
  clusterId?: string;
  tenantId?: string;
  outcome?: AuditOutcome;
  correlationId?: string;
};

export type AuditEventPage = { events: AuditEventRecord[]; nextCursor: bigint | null };

/**
 * One page of events, newest first. The cursor is the seq to continue below (keyset pagination, so
 * pages stay stable while events are appended). Callers check that the user may read the audit log.
 */
export async function listAuditEvents(
  { filters = {}, cursor = null, limit = 50 }: { filters?: AuditEventFilters; cursor?: bigint | null; limit?: number },
  client: Prisma.TransactionClient = db(),
): Promise<AuditEventPage> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), 500);
  const where: Prisma.AuditEventWhereInput = {
    occurredAt: filters.from || filters.to ? { gte: filters.from, lt: filters.to } : undefined,
    actorObjectId: filters.actorObjectId,
    action: filters.action,
    targetType: filters.target?.type,
    targetId: filters.target?.id,
    clusterId: filters.clusterId,
    tenantId: filters.tenantId,
    outcome: filters.outcome,
    correlationId: filters.correlationId,
    seq: cursor === null ? undefined : { lt: cursor },
  };
  const rows = await client.auditEvent.findMany({ where, orderBy: { seq: "desc" }, take: take + 1 });
  const events: AuditEventRecord[] = rows.slice(0, take);
  return { events, nextCursor: rows.length > take ? (events.at(-1)?.seq ?? null) : null };
}

/** The audit page's and the export's URL query as list filters. */
export function auditFiltersOf(query: AuditQuery): AuditEventFilters {
  return { ...auditTimeRange(query), action: query.action, outcome: query.outcome, correlationId: query.correlation, tenantId: query.tenant };
}
