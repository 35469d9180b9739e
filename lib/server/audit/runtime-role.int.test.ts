import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkpointSigningKey } from "@/lib/audit/checkpoint-signature";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate, pendingMigrations } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createPrismaClient } from "@/test/prisma-client";
import { childEnvironment, createIsolatedDatabase } from "@/test/support";
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

it("has the migration runner apply the same grants when CLUSTERDESK_RUNTIME_ROLE names the role", async () => {
  const other = `${role}_b`;
  await sql(database.url, `CREATE ROLE ${other} LOGIN`);
  try {
    const { stdout } = await promisify(execFile)("node", ["--conditions=react-server", "--import", "tsx", "scripts/db/migrate.ts"], {
      env: childEnvironment({ DATABASE_URL: database.url, CLUSTERDESK_RUNTIME_ROLE: other }),
      timeout: 60_000,
    });
    expect(stdout).toContain(`runtime role ${other}: granted its tables, INSERT and SELECT only on the audit log`);
    const privileges = await sql(database.url, `SELECT ${["INSERT", "SELECT", "UPDATE", "DELETE"].map((right) => `has_table_privilege('${other}', 'audit_event', '${right}') AS "${right}"`).join(", ")}, has_table_privilege('${other}', 'session', 'UPDATE') AS "sessionUpdate"`);
    expect(privileges.rows[0]).toEqual({ INSERT: true, SELECT: true, UPDATE: false, DELETE: false, sessionUpdate: true });
  } finally {
    await sql(database.url, `DROP OWNED BY ${other}`);
    await sql(database.url, `DROP ROLE ${other}`);
  }
});

it("refuses a role name that is not a plain identifier, before touching the database", async () => {
  const failure = await promisify(execFile)("node", ["--conditions=react-server", "--import", "tsx", "scripts/db/migrate.ts"], {
    env: childEnvironment({ DATABASE_URL: database.url, CLUSTERDESK_RUNTIME_ROLE: "x; DROP TABLE audit_event" }),
    timeout: 60_000,
  }).catch((error: unknown) => error as { code: number; stderr: string });
  expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("CLUSTERDESK_RUNTIME_ROLE must be a lower-case PostgreSQL role name") });
});

it("may archive only through audit_event_delete_archived, never write audit_archive itself", async () => {
  await expect(sql(runtimeUrl, `INSERT INTO audit_archive (first_seq, last_seq, last_hash, file_name, sha256) VALUES (1, 1, '${"0".repeat(64)}', 'x', '${"0".repeat(64)}')`)).rejects.toThrow(/permission denied for table audit_archive/);
  await recordAuditEvent({ actor: { kind: "system" }, action: "test.runtime_role", outcome: "success" }, runtime);
  const { hash } = await runtime.auditEvent.findUniqueOrThrow({ where: { seq: 1n } });
  // EXECUTE is granted (the refusal is the function's own), and the recent event stays.
  await expect(sql(runtimeUrl, `SELECT audit_event_delete_archived(1, 1, '${hash}', 'x.jsonl', '${"a".repeat(64)}', NULL)`)).rejects.toThrow(/less than a day old/);
  expect(await runtime.auditEvent.count({ where: { seq: 1n } })).toBe(1);
});
