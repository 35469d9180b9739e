import "server-only";
import { auditCsvHeader } from "@/lib/audit/export-format";
import { exportCsvLine, exportJsonLine } from "@/lib/audit/export-line";
import type { AuditReviewScope } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { configuredCheckpointKey, writeAuditCheckpoint } from "./checkpoint";
import { db } from "@/lib/server/db/client";
import { openAuditEventCursor } from "./export-cursor";
import { exportLineColumns } from "./export-line-sql";
import { type ReviewFilters, reviewExportQuery } from "./review-audit-events";

export type AuditExportFormat = "csv" | "jsonl";

/**
 * Events fetched from the cursor per pull: memory holds two batches (a few MB of text), whatever the
 * export's length. Fewer, larger fetches spend fewer round trips, which a loaded machine makes slow.
 */
export const auditExportPageSize = 5000;

/**
 * The events `scope` may read that match `filters`, newest first, as a byte stream fetched from a
 * server-side cursor one batch at a time when the consumer asks for more (backpressure: a slow
 * download does not buffer the log in memory; a cancelled one closes the cursor and its connection). The export is recorded in the log first, so an aborted download is audited too;
 * the stream starts below that event, i.e. it is the log as it stood when the export was asked for.
 */
export async function exportAuditEvents(
  { scope, filters, format, pageSize = auditExportPageSize }: { scope: AuditReviewScope; filters: ReviewFilters; format: AuditExportFormat; pageSize?: number },
  user: CurrentUser,
  context: RequestContext,
): Promise<ReadableStream<Uint8Array>> {
  const recorded = await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "audit.exported",
    target: { type: "audit_log" },
    outcome: "success",
    after: {
      format,
      scope: scope.kind === "all" ? "all" : { tenantIds: [...scope.tenantIds] },
      filters: JSON.parse(JSON.stringify(filters)) as Record<string, never>,
    },
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  });
  // The log as exported is anchored by a signed checkpoint: its owner cannot later shorten or
  // rewrite it below this point without contradicting the checkpoint (and the exported copy).
  const key = configuredCheckpointKey();
  if (key) await writeAuditCheckpoint(db(), key, "export");
  const encoder = new TextEncoder();
  const line = format === "csv" ? exportCsvLine : exportJsonLine;
  const query = await reviewExportQuery({ scope, filters, cursor: recorded.seq, select: exportLineColumns });
  const cursor = query === null ? null : await openAuditEventCursor(query, pageSize);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(auditCsvHeader));
      if (cursor === null) controller.close();
    },
    async pull(controller) {
      if (cursor === null) return;
      try {
        const rows = await cursor.next();
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(line).join("")));
        if (rows.length < pageSize) {
          await cursor.close();
          controller.close();
        }
      } catch (error) {
        await cursor.close();
        throw error;
      }
    },
    cancel: () => cursor?.close(),
  }, { highWaterMark: 1 });
}
