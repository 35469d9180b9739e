/**
 * npm run bench:audit [-- --events 4000 --writers 16]
 *
 * Append throughput of the hash-chained audit log versus plain inserts, in one run on one database,
 * with W concurrent writers each waiting for its event to commit before the next. The plain side
 * commits one event per Prisma interactive transaction into `audit_event_plain`, a copy of
 * `audit_event` with the same columns and indexes but no lock, no head read and no hashing (random
 * values fill the hash columns). Two chained sides: `recordAuditEvent` (an event in a transaction of
 * its own; concurrent callers share a group commit) and `appendAuditEvent` inside the caller's own
 * interactive transaction (as a state change with its event does; those cannot be grouped). Chained events can never be deleted, so the benchmark never
 * touches DATABASE_URL: it creates a throw-away database on TEST_DATABASE_URL's server (or an
 * embedded PostgreSQL server of its own without it) and drops it afterwards.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { AuditEventInput } from "../../lib/audit/audit-event-input";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { appendAuditEvent, recordAuditEvent } from "../../lib/server/audit/append-audit-event";
import { verifyAuditChain } from "../../lib/server/audit/verify-audit-chain";
import { migrate } from "../../lib/server/db/migrations";
import { createPrismaClient } from "../../test/prisma-client";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { events: { type: "string", default: "4000" }, writers: { type: "string", default: "16" } } });
const events = Number(values.events);
const writers = Number(values.writers);
if (!Number.isInteger(events) || !Number.isInteger(writers) || events < writers || writers < 1) {
  console.error("usage: npm run bench:audit -- [--events N] [--writers W] with N >= W >= 1");
  process.exit(1);
}

function sampleEvent(writer: number, index: number): AuditEventInput {
  return {
    actor: { kind: "user", objectId: "0f2c1a9e-5d7b-4c1e-9a0b-8c6d4e2f1a3b", name: "Ada Admin", upn: "ada@contoso.example" },
    action: "cluster.authorized_ip_ranges.changed",
    target: { type: "cluster", id: "aks-prod-weu", clusterId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-prod-weu", tenantId: "payments" },
    outcome: "success",
    before: { ranges: ["198.51.100.0/24"] },
    after: { ranges: ["198.51.100.0/24", `203.0.113.${index % 250}/32`], writer },
    reason: "VPN egress",
    correlationId: `bench-${writer}-${index}`,
    clientIp: "203.0.113.7",
    userAgent: "bench",
  };
}

async function plainInsert(client: PrismaClient, writer: number, index: number): Promise<void> {
  const event = sampleEvent(writer, index);
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO audit_event_plain (occurred_at, actor_kind, actor_object_id, actor_name, actor_upn, action, target_type,
        target_id, cluster_id, tenant_id, outcome, before, after, reason, correlation_id, client_ip, user_agent, prev_hash, hash)
      VALUES (${new Date()}, 'user'::audit_actor_kind, ${event.actor.objectId}, ${event.actor.name}, ${event.actor.upn}, ${event.action},
        ${event.target?.type}, ${event.target?.id}, ${event.target?.clusterId}, ${event.target?.tenantId}, 'success'::audit_outcome,
        ${JSON.stringify(event.before)}::jsonb, ${JSON.stringify(event.after)}::jsonb, ${event.reason}, ${event.correlationId},
        ${event.clientIp}, ${event.userAgent}, ${randomBytes(32).toString("hex")}, ${randomBytes(32).toString("hex")})`;
  });
}

async function chainedRecord(client: PrismaClient, writer: number, index: number): Promise<void> {
  await recordAuditEvent(sampleEvent(writer, index), client);
}

async function chainedInTransaction(client: PrismaClient, writer: number, index: number): Promise<void> {
  await client.$transaction((tx) => appendAuditEvent(tx, sampleEvent(writer, index)), { timeout: 60_000, maxWait: 60_000 });
}

/** Events per second for `count` events spread over `writerCount` concurrent writers. */
async function measure(count: number, writerCount: number, write: (writer: number, index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writerCount }, async (_, writer) => {
      for (let index = writer; index < count; index += writerCount) await write(writer, index);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
const client = createPrismaClient(database.url, writers);
try {
  await migrate(database.url);
  await client.$executeRawUnsafe(`CREATE TABLE audit_event_plain (LIKE audit_event INCLUDING ALL)`);
  await client.$executeRawUnsafe(`ALTER TABLE audit_event_plain ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY`);

  const plain = (writer: number, index: number) => plainInsert(client, writer, index);
  const chained = (writer: number, index: number) => chainedRecord(client, writer, index);
  const inTransaction = (writer: number, index: number) => chainedInTransaction(client, writer, index);
  // Warm up connections, Prisma's query compiler and the JIT on every path before timing.
  for (const write of [plain, chained, inTransaction]) await measure(Math.min(200, events), writers, write);

  const rows: Record<string, string | number>[] = [];
  for (const writerCount of [...new Set([writers, 1])]) {
    const count = writerCount === 1 ? Math.min(events, 1000) : events;
    const plainRate = await measure(count, writerCount, plain);
    const chainedRate = await measure(count, writerCount, chained);
    const inTransactionRate = await measure(count, writerCount, inTransaction);
    rows.push({
      case: `${count} events, ${writerCount} writer(s)`,
      "plain events/s": Math.round(plainRate),
      "recordAuditEvent/s": Math.round(chainedRate),
      "record / plain": `${(chainedRate / plainRate).toFixed(2)}×`,
      "in caller's tx/s": Math.round(inTransactionRate),
      "in tx / plain": `${(inTransactionRate / plainRate).toFixed(2)}×`,
    });
  }
  const verdict = await verifyAuditChain(client);
  console.log(`audit append benchmark on a throw-away ${database.kind} database (Node ${process.version})`);
  console.table(rows);
  console.log(`chain after the run: ${verdict.ok ? `intact, ${verdict.count} events` : `BROKEN at seq ${verdict.firstBrokenSeq}: ${verdict.reason}`}`);
  if (!verdict.ok) process.exitCode = 1;
} finally {
  await client.$disconnect();
  await database.drop();
}
