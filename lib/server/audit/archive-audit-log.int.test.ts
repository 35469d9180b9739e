import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { checkpointSigningKey, exportCheckpointPublicKey } from "@/lib/audit/checkpoint-signature";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createPrismaClient } from "@/test/prisma-client";
import { childEnvironment, createIsolatedDatabase } from "@/test/support";
import { recordAuditEvent } from "./append-audit-event";
import { archiveAuditLog } from "./archive-audit-log";
import { verifyAuditArchiveFile } from "./archive-verify-file";
import { writeAuditCheckpoint } from "./checkpoint";
import { testRequestContext } from "@/lib/server/auth/sign-in.test-helper";
import { verifyAuditLog } from "./review-verify";
import { verifyAuditLogIntegrity } from "./verify-audit-log";

/** Archiving deletes events for good: each scenario has a database (and an archive folder) of its own. */
const seed = randomBytes(32).toString("base64");
const key = checkpointSigningKey(seed);
const opened: Array<{ database: TestDatabase; client: PrismaClient; directory: string }> = [];
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function logOf(label: string, old: number, recent: number, options: { checkpointAfterOld: boolean }) {
  const database = await createIsolatedDatabase(`audit_archive_${label}`);
  await migrate(database.url);
  const client = createPrismaClient(database.url);
  const directory = await mkdtemp(path.join(tmpdir(), "audit-archive-"));
  opened.push({ database, client, directory });
  const record = (index: number, occurredAt?: Date) =>
    recordAuditEvent({ actor: { kind: "user", objectId: `user-${index}`, name: `User ${index}` }, action: "request.created", outcome: "success", after: { index }, occurredAt }, client);
  for (let index = 1; index <= old; index += 1) await record(index, daysAgo(40));
  if (options.checkpointAfterOld) await writeAuditCheckpoint(client, key, "scheduled");
  for (let index = old + 1; index <= old + recent; index += 1) await record(index);
  const sql = async (text: string, values: unknown[] = []) => {
    const connection = new pg.Client({ connectionString: database.url });
    await connection.connect();
    return connection.query(text, values).finally(() => connection.end());
  };
  return { url: database.url, client, directory, sql };
}

afterAll(async () => {
  for (const { database, client, directory } of opened) {
    await client.$disconnect();
    await database.drop();
    await rm(directory, { recursive: true, force: true });
  }
});

async function runScript(script: string, variables: Record<string, string | undefined>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["--conditions=react-server", "--import", "tsx", script, ...args], {
      env: childEnvironment({ CLUSTERDESK_AUDIT_CHECKPOINT_KEY: undefined, CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY: undefined, ...variables }),
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

describe("archiving with signed checkpoints", () => {
  it("archives the old prefix up to its checkpoint, then the log verifies from the archived anchor", async () => {
    const log = await logOf("signed", 6, 2, { checkpointAfterOld: true });
    const outcome = await archiveAuditLog(log.client, { retentionDays: 30, directory: log.directory, key });
    expect(outcome).toMatchObject({ archived: true, firstSeq: 1n, lastSeq: 6n, deleted: 6 });
    if (!outcome.archived) return;

    expect(await log.client.auditEvent.count({ where: { seq: { lte: 6n } } })).toBe(0);
    const recorded = await log.client.auditEvent.findFirstOrThrow({ where: { action: "audit.archived" } });
    expect(recorded).toMatchObject({ seq: 9n, after: { firstSeq: "1", lastSeq: "6", sha256: outcome.sha256, file: "audit-1-6.jsonl" } });
    expect(await log.client.auditArchive.findMany()).toMatchObject([{ firstSeq: 1n, lastSeq: 6n, sha256: outcome.sha256, fileName: "audit-1-6.jsonl" }]);

    const verdict = await verifyAuditLogIntegrity(log.client, { key });
    expect(verdict).toMatchObject({ ok: true, count: 3, archive: { throughSeq: 6n, archives: 1, newestFile: "audit-1-6.jsonl" } });
    // The audit page's "Verify" says so too (no key configured in this test process: chain only).
    const reviewer = { sessionId: "s", groupIds: [], objectId: "olu", displayName: "Olu", userPrincipalName: "olu@contoso.example", principal: { objectId: "olu", roles: ["auditor" as const], ownedTenantIds: [] } };
    expect(await verifyAuditLog(reviewer, testRequestContext(), log.client)).toMatchObject({ intact: true, count: 3, archive: { throughSeq: "6", archives: 1, newestFile: "audit-1-6.jsonl" } });
    const cli = await runScript("scripts/audit-verify.ts", { DATABASE_URL: log.url, CLUSTERDESK_AUDIT_CHECKPOINT_KEY: seed });
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.stdout).toContain("from the archived anchor at seq 6 (1 archive(s), newest audit-1-6.jsonl)");

    // The file verifies on its own, with the auditor's public key.
    expect(await verifyAuditArchiveFile(outcome.file, key)).toMatchObject({ ok: true, firstSeq: 1n, lastSeq: 6n, count: 6, checkpoint: "verified", sha256: outcome.sha256, sidecar: "matches" });
    const offline = await runScript("scripts/audit-verify.ts", { DATABASE_URL: undefined, CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY: exportCheckpointPublicKey(key) }, ["--archive", outcome.file]);
    expect(offline).toMatchObject({ code: 0 });
    expect(offline.stdout).toContain("events 1..6 (6), checkpoint verified");

    // Nothing more is due: the rest is younger than the retention.
    expect(await archiveAuditLog(log.client, { retentionDays: 30, directory: log.directory, key })).toMatchObject({ archived: false });

    // An edited archive no longer verifies, by its digest and by its chain.
    const text = await readFile(outcome.file, "utf8");
    await writeFile(outcome.file, text.replace('"User 3"', '"User 33"'));
    expect(await verifyAuditArchiveFile(outcome.file, key)).toMatchObject({ ok: false, sidecar: "differs" });
    await rm(`${outcome.file}.sha256`);
    expect(await verifyAuditArchiveFile(outcome.file, key)).toMatchObject({ ok: false, reason: expect.stringMatching(/event 3: .*altered/) });
    const broken = await runScript("scripts/audit-verify.ts", { DATABASE_URL: undefined }, ["--archive", outcome.file]);
    expect(broken.code).toBe(1);
  });

  it("waits for a checkpoint rather than archive what no signature covers", async () => {
    const log = await logOf("unsigned_yet", 4, 1, { checkpointAfterOld: false });
    expect(await archiveAuditLog(log.client, { retentionDays: 30, directory: log.directory, key })).toMatchObject({ archived: false, reason: expect.stringMatching(/no signed checkpoint/) });
    expect(await log.client.auditEvent.count()).toBe(5);
  });

  it("a failure between the file and the delete loses nothing, and the next run completes", async () => {
    const log = await logOf("retry", 3, 1, { checkpointAfterOld: true });
    const failing = new Proxy(log.client, {
      get: (target, property, receiver) => (property === "$transaction" ? () => Promise.reject(new Error("connection lost")) : Reflect.get(target, property, receiver)),
    });
    await expect(archiveAuditLog(failing, { retentionDays: 30, directory: log.directory, key })).rejects.toThrow("connection lost");
    expect(await log.client.auditEvent.count()).toBe(4);
    expect(await log.client.auditArchive.count()).toBe(0);
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: true, count: 4, archive: null });
    const firstAttempt = await readFile(path.join(log.directory, "audit-1-3.jsonl.sha256"), "utf8");

    const retried = await archiveAuditLog(log.client, { retentionDays: 30, directory: log.directory, key });
    expect(retried).toMatchObject({ archived: true, firstSeq: 1n, lastSeq: 3n, deleted: 3 });
    // The same prefix makes the same bytes: the retry's digest is the first attempt's.
    expect(firstAttempt.startsWith(retried.archived ? retried.sha256 : "-")).toBe(true);
    if (retried.archived) expect(await verifyAuditArchiveFile(retried.file, key)).toMatchObject({ ok: true, sidecar: "matches" });
  });
});

describe("the narrow path out of audit_event", () => {
  it("refuses deletes that no archive covers, whoever asks and however", async () => {
    const log = await logOf("refuse", 3, 2, { checkpointAfterOld: false });
    const hashOf = async (seq: number) => (await log.client.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(seq) } })).hash;
    await expect(log.sql(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow("audit_event is append-only: DELETE is not allowed");
    // The function's announcement, set by hand, does not open anything no archive row covers.
    await expect(log.sql(`BEGIN; SELECT set_config('clusterdesk.audit_archive_through', '5', true); DELETE FROM audit_event WHERE seq = 1; COMMIT`)).rejects.toThrow("append-only");
    const call = (first: number, last: number, hash: string) => log.sql(`SELECT audit_event_delete_archived($1, $2, $3, 'x.jsonl', $4, NULL)`, [first, last, hash, "a".repeat(64)]);
    await expect(call(2, 3, await hashOf(3))).rejects.toThrow(/must start at the oldest event/);
    await expect(call(1, 3, await hashOf(2))).rejects.toThrow(/hash differs/);
    await expect(call(1, 5, await hashOf(5))).rejects.toThrow(/may not include the chain's head/);
    await expect(call(1, 4, await hashOf(4))).rejects.toThrow(/less than a day old/);
    await expect(log.sql(`INSERT INTO audit_archive (first_seq, last_seq, last_hash, file_name, sha256) VALUES (1, 1, $1, 'y', $2)`, [await hashOf(1), "b".repeat(64)]).then(() => log.sql(`UPDATE audit_archive SET last_seq = 4`))).rejects.toThrow("append-only");
    expect(await log.client.auditEvent.count()).toBe(5);
  });

  it("still detects events deleted beyond the archive", async () => {
    const log = await logOf("beyond", 4, 3, { checkpointAfterOld: true });
    expect(await archiveAuditLog(log.client, { retentionDays: 30, directory: log.directory, key })).toMatchObject({ archived: true, lastSeq: 4n });
    await writeAuditCheckpoint(log.client, key, "scheduled"); // head 8 (7 events and audit.archived)
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await log.sql(`DELETE FROM audit_event WHERE seq = 5`);
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: false, tampering: "missing", firstBrokenSeq: 5n });

    await log.sql(`DELETE FROM audit_event WHERE seq >= 5`);
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: false, tampering: "truncated", firstBrokenSeq: 5n });
  });

  it("without a key the archive ends at the retention cutoff and says it is verified by hashes alone", async () => {
    const log = await logOf("unsigned", 3, 1, { checkpointAfterOld: false });
    const outcome = await archiveAuditLog(log.client, { retentionDays: 30, directory: log.directory, key: null });
    expect(outcome).toMatchObject({ archived: true, firstSeq: 1n, lastSeq: 3n });
    if (outcome.archived) expect(await verifyAuditArchiveFile(outcome.file, null)).toMatchObject({ ok: true, checkpoint: "absent", warnings: [expect.stringMatching(/hashes alone/)] });
    expect(await verifyAuditLogIntegrity(log.client, { key: null })).toMatchObject({ ok: true, count: 2, archive: { throughSeq: 3n } });
  });

  it("npm run audit:archive archives with the configured retention and folder, and refuses without a retention", async () => {
    const log = await logOf("script", 3, 1, { checkpointAfterOld: false });
    const unset = await runScript("scripts/audit-archive.ts", { DATABASE_URL: log.url, CLUSTERDESK_AUDIT_RETENTION_DAYS: undefined });
    expect(unset).toMatchObject({ code: 2, stderr: expect.stringContaining("CLUSTERDESK_AUDIT_RETENTION_DAYS is not set") });
    const run = await runScript("scripts/audit-archive.ts", { DATABASE_URL: log.url, CLUSTERDESK_AUDIT_RETENTION_DAYS: "30", CLUSTERDESK_AUDIT_ARCHIVE_DIR: log.directory });
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(`archived events 1..3 to ${path.join(log.directory, "audit-1-3.jsonl")}`);
    const again = await runScript("scripts/audit-archive.ts", { DATABASE_URL: log.url, CLUSTERDESK_AUDIT_RETENTION_DAYS: "30", CLUSTERDESK_AUDIT_ARCHIVE_DIR: log.directory });
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining("nothing archived") });
  });
});
