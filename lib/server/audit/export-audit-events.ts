import "server-only";
import { auditExportColumns } from "@/lib/audit/export-format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditReviewScope } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { configuredCheckpointKey, writeAuditCheckpoint } from "./checkpoint";
import { db } from "@/lib/server/db/client";
import { inlineParameters, openAuditExportCopy } from "./export-copy";
import { exportCsvSelect, exportJsonSelect } from "./export-line-sql";
import { type ReviewFilters, reviewExportQuery } from "./review-audit-events";

export type AuditExportFormat = "csv" | "jsonl";

/** The CSV header, in export-format.ts's column order; lines end in LF, as COPY writes them. */
const csvHeader = `${auditExportColumns.join(",")}\n`;
// JSON lines are one text column: a CSV whose delimiter and quote (control characters, which JSON
// escapes) never occur, so COPY writes each line as it is.
const copyOptions: Record<AuditExportFormat, string> = { csv: "FORMAT csv", jsonl: "FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02'" };
const selects: Record<AuditExportFormat, string> = { csv: exportCsvSelect, jsonl: exportJsonSelect };

/**
 * The events `scope` may read that match `filters`, newest first, as a byte stream that PostgreSQL
 * writes (`COPY … TO STDOUT`, export-copy.ts) and this process passes on when the consumer asks for
 * more (backpressure: a slow download does not buffer the log in memory; a cancelled one ends the
 * COPY and its connection). The export is recorded in the log first, so an aborted download is audited too;
 * the stream starts below that event, i.e. it is the log as it stood when the export was asked for.
 */
export async function exportAuditEvents(
  { scope, filters, format, stalledMs }: { scope: AuditReviewScope; filters: ReviewFilters; format: AuditExportFormat; stalledMs?: number },
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
  const query = await reviewExportQuery({ scope, filters, cursor: recorded.seq, select: Prisma.raw(selects[format]) });
  const copy = query === null ? null : await openAuditExportCopy(inlineParameters(query), copyOptions[format], stalledMs);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(new TextEncoder().encode(csvHeader));
      if (copy === null) controller.close();
    },
    async pull(controller) {
      if (copy === null) return;
      try {
        const chunk = await copy.chunks.next();
        if (chunk.done) {
          await copy.close();
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength));
        }
      } catch (error) {
        await copy.close();
        throw error;
      }
    },
    cancel: () => copy?.close(),
  }, { highWaterMark: 1 });
}
