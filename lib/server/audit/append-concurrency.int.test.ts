import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/test/prisma-client";
import { appendAuditEvent } from "./append-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

const writers = 16;
const eventsPerWriter = 500;

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(inject("databaseUrl"), writers);
});
afterAll(() => client.$disconnect());

it(`${writers} concurrent writers × ${eventsPerWriter} events leave one valid, gap-free chain`, { timeout: 300_000 }, async () => {
  const before = await client.auditEvent.count();
  const run = `concurrency-${Date.now()}`;

  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; index < eventsPerWriter; index += 1) {
        // Each event rides in a transaction that also does other work, as a feature's would.
        await client.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await appendAuditEvent(tx, {
            actor: { kind: "system", name: `writer ${writer}` },
            action: "test.concurrent_append",
            outcome: "success",
            correlationId: `${run}-${writer}`,
            after: { writer, index },
          });
        }, { timeout: 60_000, maxWait: 60_000 });
      }
    }),
  );

  const total = before + writers * eventsPerWriter;
  expect(await verifyAuditChain(client)).toEqual({ ok: true, count: total });
  const head = await client.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" }, select: { seq: true } });
  expect(head.seq).toBe(BigInt(total));
  const perWriter = await client.auditEvent.groupBy({ by: ["correlationId"], where: { correlationId: { startsWith: run } }, _count: true });
  expect(perWriter).toHaveLength(writers);
  for (const group of perWriter) expect(group._count).toBe(eventsPerWriter);
});
