import type { AuditEventRecord } from "./audit-event";

/** The columns of an audit export, in order; `hash` and `prevHash` let a reader re-verify the chain. */
export const auditExportColumns = [
  "seq", "occurredAt", "actorKind", "actorObjectId", "actorName", "actorUpn", "action", "targetType", "targetId",
  "clusterId", "tenantId", "outcome", "reason", "correlationId", "clientIp", "userAgent", "before", "after", "prevHash", "hash",
] as const;

function cellValue(event: AuditEventRecord, column: (typeof auditExportColumns)[number]): string {
  const value = event[column];
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) is prefixed with an apostrophe: audit fields hold user-supplied text.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line of a CSV export, ending in LF as PostgreSQL's COPY writes the streamed export's lines. */
export const auditCsvHeader = `${auditExportColumns.join(",")}\n`;

/** One event as a CSV line ending in LF, so a streamed export can write it as it reads it. */
export function auditEventToCsvLine(event: AuditEventRecord): string {
  return `${auditEventCsvCells(event).join(",")}\n`;
}

/** One event's CSV cells, quoted and formula-safe, in the columns' order. */
export function auditEventCsvCells(event: AuditEventRecord): string[] {
  return auditExportColumns.map((column) => csvCell(cellValue(event, column)));
}

export function auditEventsToCsv(events: readonly AuditEventRecord[]): string {
  return auditCsvHeader + events.map(auditEventToCsvLine).join("");
}

/** One event as a JSON line (JSON Lines): seq as a string, since it may exceed a JSON number's safe range. */
export function auditEventToJsonLine(event: AuditEventRecord): string {
  return `${JSON.stringify({ ...event, seq: event.seq.toString(), occurredAt: event.occurredAt.toISOString() })}\n`;
}

export function auditEventsToJson(events: readonly AuditEventRecord[]): string {
  return JSON.stringify(
    events.map((event) => ({ ...event, seq: event.seq.toString(), occurredAt: event.occurredAt.toISOString() })),
    null,
    2,
  );
}
