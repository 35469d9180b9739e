import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { auditEventCsvCells, auditEventToJsonLine, auditExportColumns } from "@/lib/audit/export-format";
import { testRequestContext } from "@/lib/server/auth/sign-in.test-helper";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { recordAuditEvent } from "./append-audit-event";
import { appendManyAuditEvents } from "./append-many.test-helper";
import { exportAuditEvents } from "./export-audit-events";

// Past the old export's 10,000-event cap.
const total = 10_050;
const correlation = `export-${randomUUID()}`;
const tenantA = randomUUID();
const tenantB = randomUUID();
const auditorId = randomUUID();
const auditor: CurrentUser = {
  sessionId: "s-ada", groupIds: [], objectId: auditorId, displayName: "Ada Auditor", userPrincipalName: "ada@contoso.example",
  principal: { objectId: auditorId, roles: ["auditor"], ownedTenantIds: [] },
};

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for await (const chunk of stream) {
    text += decoder.decode(chunk, { stream: true });
    chunks += 1;
  }
  return { text, chunks };
}

beforeAll(async () => {
  await appendManyAuditEvents(Array.from({ length: total }, (_, index) => ({
    actor: { kind: "system" as const }, action: "test.exported", outcome: "success" as const, correlationId: correlation,
    target: { type: "test", id: String(index), tenantId: index % 2 === 0 ? tenantA : tenantB },
  })));
}, 600_000);

it("streams every matching event as JSON lines, beyond 10,000, newest first, with the chain hashes", async () => {
  const stream = await exportAuditEvents({ scope: { kind: "all" }, filters: { correlationId: correlation }, format: "jsonl" }, auditor, testRequestContext());
  const { text, chunks } = await readAll(stream);
  const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line) as { seq: string; targetId: string; hash: string; prevHash: string });
  expect(lines).toHaveLength(total);
  expect(lines[0]?.targetId).toBe(String(total - 1));
  expect(lines.at(-1)?.targetId).toBe("0");
  expect(new Set(lines.map((line) => line.seq)).size).toBe(total);
  expect(lines.every((line) => /^[0-9a-f]{64}$/.test(line.hash) && /^[0-9a-f]{64}$/.test(line.prevHash))).toBe(true);
  // Passed on as PostgreSQL writes it, not gathered first.
  expect(chunks).toBeGreaterThan(10);
});

it("gives a lead's CSV export their tenants' events only, and records the export", async () => {
  const leadId = randomUUID();
  const lead: CurrentUser = { ...auditor, objectId: leadId, principal: { objectId: leadId, roles: [], ownedTenantIds: [tenantA] } };
  const context = testRequestContext();
  const { text } = await readAll(await exportAuditEvents({ scope: { kind: "tenants", tenantIds: [tenantA], actorObjectId: lead.objectId }, filters: { correlationId: correlation }, format: "csv" }, lead, context));
  const rows = text.trimEnd().split("\n");
  expect(rows[0]).toMatch(/^seq,occurredAt,/);
  expect(rows.slice(1)).toHaveLength(total / 2);
  expect(rows.slice(1).every((row) => row.includes(tenantA) && !row.includes(tenantB))).toBe(true);
  const recorded = await db().auditEvent.findFirst({ where: { action: "audit.exported", correlationId: context.correlationId } });
  expect(recorded?.after).toMatchObject({ format: "csv", scope: { tenantIds: [tenantA] } });
});

it("closes its cursor's connection when the download is cancelled half-way", async () => {
  const openExports = async () =>
    Number((await db().$queryRaw<Array<{ count: bigint }>>`SELECT count(*) FROM pg_stat_activity WHERE application_name = 'clusterdesk-audit-export' AND datname = current_database()`)[0]?.count ?? 0);
  const reader = (await exportAuditEvents({ scope: { kind: "all" }, filters: { correlationId: correlation }, format: "csv" }, auditor, testRequestContext())).getReader();
  await reader.read();
  await reader.read();
  expect(await openExports()).toBe(1);
  await reader.cancel();
  await expect.poll(openExports, { timeout: 10_000 }).toBe(0);
});

it("closes the connection of a download whose reader stopped pulling, so it cannot hold its snapshot", async () => {
  const openExports = async () =>
    Number((await db().$queryRaw<Array<{ count: bigint }>>`SELECT count(*) FROM pg_stat_activity WHERE application_name = 'clusterdesk-audit-export' AND datname = current_database()`)[0]?.count ?? 0);
  const reader = (await exportAuditEvents({ scope: { kind: "all" }, filters: { correlationId: correlation }, format: "csv", stalledMs: 1_000 }, auditor, testRequestContext())).getReader();
  await reader.read();
  await reader.read();
  expect(await openExports()).toBe(1);
  await expect.poll(openExports, { timeout: 20_000 }).toBe(0);
  await reader.cancel();
});

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks), as a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let [row, cell, quoted, index] = [[] as string[], "", false, 0];
  while (index < text.length) {
    const char = text[index] ?? "";
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') [cell, index] = [cell + '"', index + 2];
      else if (char === '"') [quoted, index] = [false, index + 1];
      else [cell, index] = [cell + char, index + 1];
    } else if (char === '"') [quoted, index] = [true, index + 1];
    else if (char === ",") [row, cell, index] = [[...row, cell], "", index + 1];
    else if (char === "\n") [rows[rows.length], row, cell, index] = [[...row, cell], [], "", index + 1];
    else [cell, index] = [cell + char, index + 1];
  }
  return rows;
}

it("writes every field as the record export does, for both formats and a lead's scope, whatever the text holds", async () => {
  // PostgreSQL writes the lines (export-line-sql.ts); these values hit every rule it mirrors.
  const tricky = `tricky-${randomUUID()}`;
  const texts = ["=SUM(A1)", "+1", "-2", "@cmd", "\tTab", "\rCR", 'He said "hi", then left', "line\nbreak", "Müller 😀 \u2028", "ctrl \u0001\u001f\u007f", "", "back\\slash /", "'quoted", " =spaced"];
  const snapshots = [
    { "10": 1, a: [1.5, 1e21, 0.1, true, null, 'x"y'], b: { nested: "=1", "2": "two" } },
    "=a bare string",
    12.25,
    -3,
    false,
    [],
    { "": "", "ü": "\u2029\n" },
  ];
  const when = [new Date("2026-01-02T03:04:05.678Z"), new Date("1969-12-31T23:59:59.999Z"), new Date("2026-11-30T00:00:00.000Z")];
  for (const [index, text] of texts.entries()) {
    await recordAuditEvent({
      occurredAt: when[index % when.length],
      actor: { kind: index % 2 ? "system" : "user", objectId: index % 3 ? randomUUID() : null, name: text, upn: index % 4 ? `${text}@contoso.example` : null },
      action: "test.tricky_export",
      target: { type: text || "t", id: text, clusterId: index % 2 ? text : null, tenantId: index % 2 ? tenantA : tenantB },
      outcome: index % 3 === 0 ? "success" : index % 3 === 1 ? "failure" : "denied",
      before: index % 5 === 0 ? null : snapshots[index % snapshots.length],
      after: snapshots[(index + 1) % snapshots.length],
      reason: text,
      correlationId: tricky,
      userAgent: text,
    });
  }
  const stored = await db().auditEvent.findMany({ where: { correlationId: tricky }, orderBy: { seq: "desc" } });
  expect(stored).toHaveLength(texts.length);
  const exported = async (format: "csv" | "jsonl", scope: Parameters<typeof exportAuditEvents>[0]["scope"] = { kind: "all" }) =>
    (await readAll(await exportAuditEvents({ scope, filters: { correlationId: tricky }, format }, auditor, testRequestContext()))).text;
  // Snapshots are JSON as jsonb prints it (`{"a": 1}`): the same value, compared as such; every other cell byte for byte.
  const snapshotColumns = new Set([auditExportColumns.indexOf("before"), auditExportColumns.indexOf("after")]);
  const comparable = (cells: string[]) => cells.map((cell, column) => (snapshotColumns.has(column) && /^[[{]/.test(cell) ? JSON.parse(cell) as unknown : cell));
  const expectCsv = (text: string, events: typeof stored) => {
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...auditExportColumns]);
    expect(rows.map(comparable)).toEqual(events.map((event) => comparable(parseCsv(`${auditEventCsvCells(event).join(",")}\n`)[0] ?? [])));
  };
  const expectJsonLines = (text: string, events: typeof stored) => {
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const expected = events.map((event) => JSON.parse(auditEventToJsonLine(event)) as Record<string, unknown>);
    expect(parsed).toEqual(expected);
    expect(parsed.map(Object.keys)).toEqual(expected.map(Object.keys));
  };

  expectCsv(await exported("csv"), stored);
  expectJsonLines(await exported("jsonl"), stored);
  const leadScope = { kind: "tenants" as const, tenantIds: [tenantA], actorObjectId: randomUUID() };
  const ofTenantA = stored.filter((event) => event.tenantId === tenantA);
  expect(ofTenantA.length).toBeGreaterThan(0);
  expectCsv(await exported("csv", leadScope), ofTenantA);
  expectJsonLines(await exported("jsonl", leadScope), ofTenantA);
});

it("takes filter values as data, whatever quotes or backslashes they hold", async () => {
  for (const correlationId of ["x'; SELECT pg_sleep(30); --", "back\\slash' OR 'a'='a", correlation.toUpperCase()]) {
    const { text } = await readAll(await exportAuditEvents({ scope: { kind: "all" }, filters: { correlationId }, format: "csv" }, auditor, testRequestContext()));
    expect(text).toBe(`${auditExportColumns.join(",")}\n`);
  }
  const { text } = await readAll(await exportAuditEvents({ scope: { kind: "tenants", tenantIds: [tenantA, "it's"], actorObjectId: randomUUID() }, filters: { correlationId: correlation, from: "2000-01-01" }, format: "jsonl" }, auditor, testRequestContext()));
  expect(text.trimEnd().split("\n")).toHaveLength(total / 2);
});
