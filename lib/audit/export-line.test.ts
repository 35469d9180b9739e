import { describe, expect, it } from "vitest";
import type { AuditEventRecord } from "./audit-event";
import { auditEventToCsvLine, auditEventToJsonLine, csvCell } from "./export-format";
import { exportCsvLine, exportJsonLine, type ExportLineRow } from "./export-line";
import { sampleContent } from "./sample-audit-event";

/** The row PostgreSQL sends for `event` (export-line-sql.ts), built here with the JavaScript rules it mirrors. */
function rowOf(event: AuditEventRecord, format: "csv" | "jsonl"): ExportLineRow {
  const text = (value: string | null) => (format === "csv" ? csvCell(value ?? "") : JSON.stringify(value));
  const fields = (names: ReadonlyArray<keyof AuditEventRecord>) =>
    names.map((name) => (format === "csv" ? "" : `"${name}":`) + text(event[name] as string | null)).join(",");
  const actor = ["actorKind", "actorObjectId", "actorName", "actorUpn", "action", "targetType", "targetId", "clusterId", "tenantId", "outcome"] as const;
  const context = ["reason", "correlationId", "clientIp", "userAgent"] as const;
  const hashes = ["prevHash", "hash"] as const;
  const [head, tail] = format === "csv" ? [fields([...actor, ...context]), fields(hashes)] : [fields(actor), fields([...context, ...hashes])];
  const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return [event.seq.toString(), String(event.occurredAt.getTime()), head, jsonb(event.before), jsonb(event.after), tail];
}

// Keys in the order the export's query selects them: JSON lines follow the record's key order.
const event: AuditEventRecord = { seq: 42n, ...sampleContent, prevHash: "0".repeat(64), hash: "f".repeat(64) };

describe("export lines put together from PostgreSQL's cells", () => {
  it("match the record export for CSV and JSON lines", () => {
    expect(exportCsvLine(rowOf(event, "csv"))).toBe(auditEventToCsvLine(event));
    expect(exportJsonLine(rowOf(event, "jsonl"))).toBe(auditEventToJsonLine(event));
  });

  it("write dates past year 9999 and before 1970 as Date#toISOString does, defused where it starts with +", () => {
    for (const occurredAt of [new Date(Date.UTC(10000, 0, 1)), new Date(-1), new Date(Date.UTC(1, 0, 1))]) {
      const dated = { ...event, occurredAt };
      expect(exportCsvLine(rowOf(dated, "csv"))).toBe(auditEventToCsvLine(dated));
      expect(exportJsonLine(rowOf(dated, "jsonl"))).toBe(auditEventToJsonLine(dated));
    }
    expect(exportCsvLine(rowOf({ ...event, occurredAt: new Date(Date.UTC(10000, 0, 1)) }, "csv"))).toContain(",'+010000-01-01T00:00:00.000Z,");
  });

  it("write jsonb null, scalars and keys as the record export's JSON.stringify of the parsed value", () => {
    for (const [before, after] of [[null, null], ["=text", 12.5], [false, []], [{ "10": 1, b: [1e21, 0.1] }, { "": "\u2028" }]] as const) {
      const snapshot = { ...event, before, after };
      expect(exportCsvLine(rowOf(snapshot, "csv"))).toBe(auditEventToCsvLine(snapshot));
      expect(exportJsonLine(rowOf(snapshot, "jsonl"))).toBe(auditEventToJsonLine(snapshot));
    }
    // jsonb's own 'null' (not SQL NULL) reads the same as an absent snapshot.
    const row = rowOf(event, "csv");
    expect(exportCsvLine([row[0], row[1], row[2], "null", "null", row[5]])).toBe(auditEventToCsvLine({ ...event, before: null, after: null }));
  });
});
