import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createPrismaClient } from "@/test/prisma-client";
import { childEnvironment, createIsolatedDatabase } from "@/test/support";
import { recordAuditEvent } from "./append-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

/**
 * Someone with enough rights to drop the trigger edits the log directly: the chain must name the row.
 * A database of its own, because the trigger is dropped and rows are altered for good.
 */
let database: TestDatabase;
let client: PrismaClient;
beforeAll(async () => {
  database = await createIsolatedDatabase("audit_tamper");
  await migrate(database.url);
  client = createPrismaClient(database.url);
  for (let index = 1; index <= 5; index += 1) {
    await recordAuditEvent(
      { actor: { kind: "user", objectId: `user-${index}`, name: `User ${index}` }, action: "request.created", outcome: "success", after: { index } },
      client,
    );
  }
});
afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

async function sql(text: string): Promise<void> {
  const connection = new pg.Client({ connectionString: database.url });
  await connection.connect();
  await connection.query(text).finally(() => connection.end());
}

async function runAuditVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "node",
      ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"],
      { env: childEnvironment({ DATABASE_URL: database.url }), timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

describe("tampering with the trigger dropped", () => {
  it("audit:verify passes on the intact chain", async () => {
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 5 });
    const result = await runAuditVerify();
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("audit chain intact: 5 event(s) verified");
  });

  it("names exactly the altered row", async () => {
    await sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await sql(`UPDATE audit_event SET actor_name = 'Somebody Else' WHERE seq = 3`);

    expect(await verifyAuditChain(client, { batchSize: 2 })).toMatchObject({ ok: false, count: 2, firstBrokenSeq: 3n, reason: expect.stringMatching(/altered/) });
    const result = await runAuditVerify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("audit chain broken at seq 3 (2 event(s) before it verified)");
  });

  it("names the gap a deleted row leaves", async () => {
    await sql(`DELETE FROM audit_event WHERE seq = 2`);
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, count: 1, firstBrokenSeq: 2n, reason: expect.stringMatching(/expected seq 2, found seq 3/) });
  });
});
