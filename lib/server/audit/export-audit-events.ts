import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { type AuditEventFilters, listAuditEvents } from "./list-audit-events";

/** An export holds at most this many events (newest first); narrow the filters for more. */
export const auditExportLimit = 10_000;

/** Reads the events an export contains and records, in the log itself, that it was exported. */
export async function exportAuditEvents(
  filters: AuditEventFilters,
  format: "csv" | "json",
  user: CurrentUser,
  context: RequestContext,
): Promise<{ events: AuditEventRecord[]; truncated: boolean }> {
  const events: AuditEventRecord[] = [];
  let cursor: bigint | null = null;
  do {
    const page = await listAuditEvents({ filters, cursor, limit: 500 });
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor !== null && events.length < auditExportLimit);
  const truncated = events.length > auditExportLimit || cursor !== null;
  const exported = events.slice(0, auditExportLimit);
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "audit.exported",
    target: { type: "audit_log" },
    outcome: "success",
    after: { format, count: exported.length, truncated, filters: {
        action: filters.action ?? null,
        outcome: filters.outcome ?? null,
        correlationId: filters.correlationId ?? null,
        tenantId: filters.tenantId ?? null,
        from: filters.from ?? null,
        to: filters.to ?? null,
      } },
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  });
  return { events: exported, truncated };
}
