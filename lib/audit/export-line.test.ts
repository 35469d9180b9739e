import { describe, expect, it } from "vitest";
import type { AuditEventRecord } from "./audit-event";
import { auditEventToCsvLine, auditEventToJsonLine } from "./export-format";
import { exportCsvLine, exportJsonLine, type ExportLineRow } from "./export-line";
import { sampleContent } from "./sample-audit-event";

/** The row PostgreSQL sends for `event` (export-line-sql.ts): every column as text, jsonb as its text. */
function rowOf(event: AuditEventRecord): ExportLineRow {
  const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const e = event;
  return [e.seq.toString(), String(e.occurredAt.getTime()), e.actorKind, e.actorObjectId, e.actorName, e.actorUpn, e.action, e.targetType, e.targetId, e.clusterId, e.tenantId, e.outcome, jsonb(e.before), jsonb(e.after), e.reason, e.correlationId, e.clientIp, e.userAgent, e.prevHash, e.hash];
}

// Keys in the order the export's query selects them: JSON lines follow the record's key order.
const event: AuditEventRecord = { seq: 42n, ...sampleContent, prevHash: "0".repeat(64), hash: "f".repeat(64) };

describe("export lines written from the text PostgreSQL sends", () => {
  it("match the record export for CSV and JSON lines", () => {
    expect(exportCsvLine(rowOf(event))).toBe(auditEventToCsvLine(event));
    expect(exportJsonLine(rowOf(event))).toBe(auditEventToJsonLine(event));
  });

  it("write dates past year 9999 and before 1970 as Date#toISOString does, defused where it starts with +", () => {
    for (const occurredAt of [new Date(Date.UTC(10000, 0, 1)), new Date(-1), new Date(Date.UTC(1, 0, 1))]) {
      const dated = { ...event, occurredAt };
      expect(exportCsvLine(rowOf(dated))).toBe(auditEventToCsvLine(dated));
      expect(exportJsonLine(rowOf(dated))).toBe(auditEventToJsonLine(dated));
    }
    expect(exportCsvLine(rowOf({ ...event, occurredAt: new Date(Date.UTC(10000, 0, 1)) }))).toContain(",'+010000-01-01T00:00:00.000Z,");
  });

  it("write jsonb null, scalars and keys as the record export's JSON.stringify of the parsed value", () => {
    for (const [before, after] of [[null, null], ["=text", 12.5], [false, []], [{ "10": 1, b: [1e21, 0.1] }, { "": "\u2028" }]] as const) {
      const snapshot = { ...event, before, after };
      expect(exportCsvLine(rowOf(snapshot))).toBe(auditEventToCsvLine(snapshot));
      expect(exportJsonLine(rowOf(snapshot))).toBe(auditEventToJsonLine(snapshot));
    }
    // jsonb's own 'null' (not SQL NULL) reads the same as an absent snapshot.
    const row = rowOf(event);
    [row[12], row[13]] = ["null", "null"];
    expect(exportCsvLine(row)).toBe(auditEventToCsvLine({ ...event, before: null, after: null }));
    expect(exportJsonLine(row)).toBe(auditEventToJsonLine({ ...event, before: null, after: null }));
  });
});
