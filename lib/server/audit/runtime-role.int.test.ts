import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkpointSigningKey } from "@/lib/audit/checkpoint-signature";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate, pendingMigrations } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createPrismaClient } from "@/test/prisma-client";
import { createIsolatedDatabase } from "@/test/support";
import { recordAuditEvent } from "./append-audit-event";
import { writeAuditCheckpoint } from "./checkpoint";
import { verifyAuditChain } from "./verify-audit-chain";

/**
 * The portal runs as a role that may append to and read the audit log but not change it, nor drop
 * its triggers (only the owner, the migrator, can): deploy/database/runtime-grants.sql, as the
 * deployment guide says to run it. Roles are server-wide, so this one has a name of its own.
 */
const role = `clusterdesk_runtime_${randomBytes(4).toString("hex")}`;
let database: TestDatabase;
let runtimeUrl: string;
let runtime: PrismaClient;

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  return connection.query(text).finally(() => connection.end());
}

beforeAll(async () => {
  database = await createIsolatedDatabase("runtime_role");
  await migrate(database.url); // as the owner: the migrator's part
  await sql(database.url, `CREATE ROLE ${role} LOGIN`);
  const grants = readFileSync(path.join(import.meta.dirname, "..", "..", "..", "deploy", "database", "runtime-grants.sql"), "utf8");
  await sql(database.url, grants.replaceAll("clusterdesk_runtime", role));
  const url = new URL(database.url);
  url.username = role;
  runtimeUrl = url.toString();
  runtime = createPrismaClient(runtimeUrl);
});

afterAll(async () => {
  await runtime.$disconnect();
  await database.drop();
  await sql(new URL("/postgres", database.url).toString(), `DROP ROLE IF EXISTS ${role}`);
});

it("appends events and checkpoints and reads the chain as the runtime role", async () => {
  await recordAuditEvent({ actor: { kind: "system" }, action: "test.runtime_role", outcome: "success" }, runtime);
  const checkpoint = await writeAuditCheckpoint(runtime, checkpointSigningKey(randomBytes(32).toString("base64")), "scheduled");
  expect(checkpoint.headSeq).toBe(1n);
  expect(await verifyAuditChain(runtime)).toEqual({ ok: true, count: 1 });
  expect(await pendingMigrations(runtimeUrl)).toEqual([]);
});

it("cannot change the audit log, its checkpoints or their triggers as the runtime role", async () => {
  await expect(sql(runtimeUrl, `UPDATE audit_event SET actor_name = 'x'`)).rejects.toThrow(/permission denied for table audit_event/);
  await expect(sql(runtimeUrl, `DELETE FROM audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
  await expect(sql(runtimeUrl, `TRUNCATE audit_checkpoint`)).rejects.toThrow(/permission denied for table audit_checkpoint/);
  await expect(sql(runtimeUrl, `DELETE FROM audit_checkpoint`)).rejects.toThrow(/permission denied for table audit_checkpoint/);
  await expect(sql(runtimeUrl, `DROP TRIGGER audit_event_refuse_update_delete ON audit_event`)).rejects.toThrow(/must be owner/);
  await expect(sql(runtimeUrl, `DELETE FROM _prisma_migrations`)).rejects.toThrow(/permission denied/);
});
