import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createPrismaClient } from "@/test/prisma-client";
import { createIsolatedDatabase } from "@/test/support";
import { recordAuditEvent } from "./append-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

/**
 * Group commit: events recorded at the same moment in one process are chained and committed together,
 * in one transaction. A database of its own, because one test adds a constraint that makes a batch fail.
 */
let database: TestDatabase;
let client: PrismaClient;
beforeAll(async () => {
  database = await createIsolatedDatabase("audit_group_commit");
  await migrate(database.url);
  client = createPrismaClient(database.url, 8);
});
afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

const event = (index: number, action = "test.group_commit") =>
  ({ actor: { kind: "system", name: "group commit test" }, action, outcome: "success", correlationId: `group-${index}`, after: { index } }) as const;

/** Transactions that wrote the given events: rows inserted by one transaction share its xmin. */
async function transactionsOf(correlationIds: string[]): Promise<number> {
  const [row] = await client.$queryRaw<{ transactions: bigint }[]>`
    SELECT count(DISTINCT xmin::text) AS transactions FROM audit_event WHERE correlation_id = ANY(${correlationIds})`;
  return Number(row?.transactions ?? 0);
}

describe("recordAuditEvent's group commit", () => {
  it("commits concurrent events in shared transactions; each caller gets the event as stored, chained and durable", { timeout: 120_000 }, async () => {
    const count = 64;
    const records = await Promise.all(Array.from({ length: count }, (_, index) => recordAuditEvent(event(index), client)));

    const stored = await client.auditEvent.findMany({ where: { correlationId: { startsWith: "group-" } }, orderBy: { seq: "asc" } });
    expect(stored).toHaveLength(count);
    expect([...records].sort((a, b) => Number(a.seq - b.seq))).toEqual(stored);
    expect(new Set(records.map((record) => record.seq)).size).toBe(count);
    expect(await transactionsOf(records.map((record) => record.correlationId ?? ""))).toBeLessThan(count);
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count });
  });

  it("fails every caller of a batch that cannot commit, writes none of its events, and keeps going", { timeout: 120_000 }, async () => {
    const before = await client.auditEvent.count();
    // A constraint the poisoned event violates: its batch's one INSERT fails, so the whole transaction rolls back.
    await client.$executeRawUnsafe(`ALTER TABLE audit_event ADD CONSTRAINT refuse_poison CHECK (action <> 'test.poison')`);
    const outcomes = await Promise.all(
      [event(100), event(101), event(102, "test.poison"), event(103)].map((input) =>
        recordAuditEvent(input, client).then(
          (record) => ({ ok: true as const, record }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      ),
    );
    // The first call may have started its batch alone; the poisoned event's batch fails as a whole.
    const failed = outcomes.filter((outcome) => !outcome.ok);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    const written = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.record.correlationId] : []));
    expect(await client.auditEvent.count()).toBe(before + written.length);
    expect(await client.auditEvent.count({ where: { action: "test.poison" } })).toBe(0);

    await client.$executeRawUnsafe(`ALTER TABLE audit_event DROP CONSTRAINT refuse_poison`);
    const next = await recordAuditEvent(event(104), client);
    expect(next.seq).toBe(BigInt(before + written.length + 1));
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: before + written.length + 1 });
  });
});
