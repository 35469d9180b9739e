import { describe, expect, it } from "vitest";
import { auditCsvHeader, auditEventToCsvLine, auditEventToJsonLine, auditEventsToCsv, auditEventsToJson, csvCell } from "./export-format";
import type { AuditEventRecord } from "./audit-event";

const event: AuditEventRecord = {
  seq: 7n,
  occurredAt: new Date("2026-11-26T10:00:00.000Z"),
  actorKind: "user",
  actorObjectId: "o1",
  actorName: "Priya, \"Payments\" Lead",
  actorUpn: "priya@contoso.example",
  action: "request.created",
  targetType: "change_request",
  targetId: "r1",
  clusterId: null,
  tenantId: null,
  outcome: "success",
  before: null,
  after: { ranges: ["203.0.113.7/32"] },
  reason: "=HYPERLINK(\"http://evil\")",
  correlationId: "c1",
  clientIp: "192.0.2.1",
  userAgent: "line1\nline2",
  prevHash: "0".repeat(64),
  hash: "a".repeat(64),
};

describe("audit export", () => {
  it("quotes cells that need it", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });

  it("defuses spreadsheet formulas in user-supplied text", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2")).toBe("'-2");
  });

  it("writes a header and one row per event, with JSON for before/after and the chain hashes", () => {
    // A quoted cell may hold a line break: the row is everything after the header line.
    const [header, ...rest] = auditEventsToCsv([event]).split("\n");
    const lines = [header, rest.join("\n")];
    expect(lines[0]).toBe("seq,occurredAt,actorKind,actorObjectId,actorName,actorUpn,action,targetType,targetId,clusterId,tenantId,outcome,reason,correlationId,clientIp,userAgent,before,after,prevHash,hash");
    expect(lines[1]).toContain('7,2026-11-26T10:00:00.000Z,user,o1,"Priya, ""Payments"" Lead"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"{""ranges"":[""203.0.113.7/32""]}"');
  });

  it("exports JSON with the sequence number as a string", () => {
    const [exported] = JSON.parse(auditEventsToJson([event])) as Array<Record<string, unknown>>;
    expect(exported).toMatchObject({ seq: "7", occurredAt: "2026-11-26T10:00:00.000Z", action: "request.created", hash: "a".repeat(64) });
  });
});

describe("streamed export lines", () => {
  it("writes the same CSV line by line as in one piece", () => {
    expect(auditCsvHeader + auditEventToCsvLine(event)).toBe(auditEventsToCsv([event]));
  });

  it("writes one JSON object per line with the chain hashes", () => {
    const line = auditEventToJsonLine(event);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ seq: "7", occurredAt: "2026-11-26T10:00:00.000Z", prevHash: "0".repeat(64), hash: "a".repeat(64) });
  });
});
