import { randomBytes } from "node:crypto";
import pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointSigningKey } from "@/lib/audit/checkpoint-signature";
import type { Principal } from "@/lib/auth/policy";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { setAppEnvironment } from "@/test/app-under-test";
import { createIsolatedDatabase } from "@/test/support";

/**
 * The scheduled verification meets a tampered chain: /api/health must warn (still 200, the portal
 * serves), the break must be recorded once however often the schedule runs, and only admins and
 * auditors are shown it in the portal. The log is tampered with for good, so it has a database of its own.
 */
const key = checkpointSigningKey(randomBytes(32).toString("base64"));
let database: TestDatabase;

async function sql(text: string): Promise<void> {
  const connection = new pg.Client({ connectionString: database.url });
  await connection.connect();
  await connection.query(text).finally(() => connection.end());
}

beforeAll(async () => {
  database = await createIsolatedDatabase("audit_chain_health");
  await migrate(database.url);
  // The app's own modules (db(), /api/health) read this database: set before anything reads settings.
  setAppEnvironment({ DATABASE_URL: database.url });
});
afterAll(async () => {
  const { db } = await import("@/lib/server/db/client");
  await db().$disconnect();
  await database.drop();
});

const admin: Principal = { objectId: "chain-health-admin", roles: ["admin"], ownedTenantIds: [] };
const auditor: Principal = { objectId: "chain-health-auditor", roles: ["auditor"], ownedTenantIds: [] };
const lead: Principal = { objectId: "chain-health-lead", roles: [], ownedTenantIds: ["t-chain-health"] };

async function health(): Promise<{ status: number; body: { status: string; warnings: Array<{ code: string; message: string; since: string }> } }> {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: (await response.json()) as never };
}

describe("a broken audit chain in the health report", () => {
  it("warns once the scheduled verification finds the break, records it once, and shows it to admins and auditors only", async () => {
    const { db } = await import("@/lib/server/db/client");
    const { recordAuditEvent } = await import("./append-audit-event");
    const { runScheduledCheckpoint } = await import("./scheduled-checkpoint");
    const { auditChainBreakFor } = await import("./chain-health");
    for (let index = 1; index <= 3; index += 1) {
      await recordAuditEvent({ actor: { kind: "user", objectId: `chain-health-${index}`, name: `Chain Health ${index}` }, action: "request.created", outcome: "success" }, db());
    }
    const memory = { last: null };
    expect(await runScheduledCheckpoint(db(), key, memory)).toEqual({ signed: true, headSeq: 3n });
    expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ status: "ok", warnings: [] }) });
    expect(await auditChainBreakFor(admin)).toBeNull();

    await recordAuditEvent({ actor: { kind: "system" }, action: "test.after_checkpoint", outcome: "success" }, db());
    await sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await sql(`UPDATE audit_event SET reason = 'quietly edited' WHERE seq = 4`);

    for (let run = 0; run < 3; run += 1) {
      expect(await runScheduledCheckpoint(db(), key, memory)).toMatchObject({ signed: false, tampering: "altered", firstBrokenSeq: 4n });
    }
    const recorded = await db().auditEvent.findMany({ where: { action: "audit.chain_broken" } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ outcome: "failure", after: { tampering: "altered", firstBrokenSeq: "4" } });

    const report = await health();
    expect(report.status).toBe(200);
    expect(report.body.status).toBe("ok");
    expect(report.body.warnings).toEqual([{ code: "audit-chain-broken", message: expect.stringContaining("broken (altered)"), since: recorded[0]?.occurredAt.toISOString() }]);

    expect(await auditChainBreakFor(admin)).toMatchObject({ tampering: "altered", firstBrokenSeq: "4" });
    expect(await auditChainBreakFor(auditor)).toMatchObject({ tampering: "altered" });
    expect(await auditChainBreakFor(lead)).toBeNull();
    const { AuditChainBanner } = await import("@/app/(portal)/_components/audit-chain-banner");
    const banner = await AuditChainBanner({ principal: admin });
    expect(banner).not.toBeNull();
    const html = renderToStaticMarkup(banner ?? "");
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/Audit log tampering detected.*broken \(altered\) from event 4/);
    expect(html).toContain('href="/audit"');
    expect(await AuditChainBanner({ principal: lead })).toBeNull();

    // A restarted process starts afresh from the head; the recorded break still stands in the report.
    expect(await runScheduledCheckpoint(db(), key, { last: null })).toMatchObject({ signed: true });
    expect((await health()).body.warnings).toHaveLength(1);
  });
});
