import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainAuditEvent } from "@/lib/audit/audit-hash";
import { checkpointSigningKey, exportCheckpointPublicKey } from "@/lib/audit/checkpoint-signature";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createPrismaClient } from "@/test/prisma-client";
import { childEnvironment, createIsolatedDatabase } from "@/test/support";
import { recordAuditEvent } from "./append-audit-event";
import { writeAuditCheckpoint } from "./checkpoint";
import { type CheckpointMemory, runScheduledCheckpoint } from "./scheduled-checkpoint";
import { verifyAuditChain } from "./verify-audit-chain";
import { verifyAuditLogIntegrity } from "./verify-audit-log";

/**
 * Someone with enough rights to drop the triggers edits the log directly: verification must name what
 * was done and where. Each scenario has a database of its own, because triggers are dropped and rows
 * are altered for good.
 */
const seed = randomBytes(32).toString("base64");
const key = checkpointSigningKey(seed);
const opened: Array<{ database: TestDatabase; client: PrismaClient }> = [];

async function logOf(label: string, events: number): Promise<{ url: string; client: PrismaClient; sql: (text: string, values?: unknown[]) => Promise<pg.QueryResult> }> {
  const database = await createIsolatedDatabase(`audit_tamper_${label}`);
  await migrate(database.url);
  const client = createPrismaClient(database.url);
  opened.push({ database, client });
  for (let index = 1; index <= events; index += 1) {
    await recordAuditEvent({ actor: { kind: "user", objectId: `user-${index}`, name: `User ${index}` }, action: "request.created", outcome: "success", after: { index } }, client);
  }
  const sql = async (text: string, values: unknown[] = []) => {
    const connection = new pg.Client({ connectionString: database.url });
    await connection.connect();
    return connection.query(text, values).finally(() => connection.end());
  };
  return { url: database.url, client, sql };
}

afterAll(async () => {
  for (const { database, client } of opened) {
    await client.$disconnect();
    await database.drop();
  }
});

async function runAuditVerify(databaseUrl: string, variables: Record<string, string | undefined> = {}, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts", ...args], {
      env: childEnvironment({ DATABASE_URL: databaseUrl, CLUSTERDESK_AUDIT_CHECKPOINT_KEY: undefined, CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY: undefined, ...variables }),
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

/** The database owner's forgery: an event with a valid hash, linked to the current head. */
async function forgeAppend(log: Awaited<ReturnType<typeof logOf>>, occurredAt: Date): Promise<bigint> {
  const head = await log.client.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
  const forged = chainAuditEvent(head, {
    occurredAt, actorKind: "user", actorObjectId: "mallory", actorName: "Mallory", actorUpn: null, action: "request.approved", targetType: null, targetId: null,
    clusterId: null, tenantId: null, outcome: "success", before: null, after: null, reason: null, correlationId: null, clientIp: null, userAgent: null,
  });
  await log.client.auditEvent.create({ data: { ...forged, before: undefined, after: undefined } });
  return forged.seq;
}

describe("tampering with the chain alone (no checkpoints)", () => {
  let log: Awaited<ReturnType<typeof logOf>>;
  beforeAll(async () => {
    log = await logOf("chain", 5);
  });

  it("audit:verify passes on the intact chain, and says checkpoints were not checked", async () => {
    expect(await verifyAuditChain(log.client)).toEqual({ ok: true, count: 5 });
    const result = await runAuditVerify(log.url);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("audit chain intact: 5 event(s) verified");
    expect(result.stderr).toContain("warning: checkpoints were not checked");
  });

  it("names exactly the altered row", async () => {
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await log.sql(`UPDATE audit_event SET actor_name = 'Somebody Else' WHERE seq = 3`);

    expect(await verifyAuditChain(log.client, { batchSize: 2 })).toMatchObject({ ok: false, count: 2, firstBrokenSeq: 3n, tampering: "altered", reason: expect.stringMatching(/altered/) });
    const result = await runAuditVerify(log.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("audit chain broken (altered) at seq 3 (2 event(s) before it verified)");
  });

  it("names the gap a deleted row leaves", async () => {
    await log.sql(`DELETE FROM audit_event WHERE seq = 2`);
    expect(await verifyAuditChain(log.client)).toMatchObject({ ok: false, count: 1, firstBrokenSeq: 2n, tampering: "missing", reason: expect.stringMatching(/expected seq 2, found seq 3/) });
  });
});

describe("tampering that the chain alone cannot see, caught by signed checkpoints", () => {
  it("truncation: the newest events deleted", async () => {
    const log = await logOf("truncate", 6);
    const checkpoint = await writeAuditCheckpoint(log.client, key, "scheduled");
    expect(checkpoint.headSeq).toBe(6n);
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await log.sql(`DELETE FROM audit_event WHERE seq > 4`);

    expect(await verifyAuditChain(log.client)).toEqual({ ok: true, count: 4 }); // the chain alone is fooled
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: false, tampering: "truncated", count: 4, firstBrokenSeq: 5n, reason: expect.stringMatching(/covers seq 6: 2 newest event\(s\) were deleted/) });
    const result = await runAuditVerify(log.url, { CLUSTERDESK_AUDIT_CHECKPOINT_KEY: seed });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("audit chain broken (truncated) at seq 5");
  });

  it("truncation with the checkpoints deleted too: a warning in the database, an error against the logged copy", async () => {
    const log = await logOf("truncate_all", 6);
    const checkpoint = await writeAuditCheckpoint(log.client, key, "scheduled");
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await log.sql(`DROP TRIGGER audit_checkpoint_refuse_update_delete ON audit_checkpoint`);
    await log.sql(`DELETE FROM audit_event WHERE seq > 4`);
    await log.sql(`DELETE FROM audit_checkpoint`);
    const older = await writeAuditCheckpoint(log.client, key, "scheduled"); // as if the last one had been at seq 4

    const later = new Date(older.signedAt.getTime() + 20 * 60_000);
    const inDatabase = await verifyAuditLogIntegrity(log.client, { key, now: later });
    expect(inDatabase).toMatchObject({ ok: true, count: 4 });
    expect(inDatabase.warnings.join("\n")).toMatch(/more than 15 minutes ago: either no worker has run since, or newer checkpoints were deleted/);

    // The copy the portal logged when it signed (its "checkpoint" field) is outside the owner's reach.
    const logged = JSON.stringify({ headSeq: checkpoint.headSeq.toString(), headHash: checkpoint.headHash, signedAt: checkpoint.signedAt.toISOString(), signature: checkpoint.signature });
    const result = await runAuditVerify(log.url, { CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY: exportCheckpointPublicKey(key) }, ["--checkpoint", logged]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("audit chain broken (truncated) at seq 5");
  });

  it("forged append: a valid-hash event dated before the checkpoint it follows", async () => {
    const log = await logOf("forge", 4);
    const checkpoint = await writeAuditCheckpoint(log.client, key, "scheduled");
    const forgedSeq = await forgeAppend(log, new Date(checkpoint.signedAt.getTime() - 60 * 60_000));

    expect(await verifyAuditChain(log.client)).toEqual({ ok: true, count: 5 }); // the chain alone is fooled
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: false, tampering: "forged-append", firstBrokenSeq: forgedSeq, reason: expect.stringMatching(/appended after that checkpoint with a date in the past/) });
    const result = await runAuditVerify(log.url, { CLUSTERDESK_AUDIT_CHECKPOINT_KEY: seed });
    expect(result.stderr).toContain(`audit chain broken (forged-append) at seq ${forgedSeq}`);
  });

  it("forged append dated now, after the newest checkpoint: not detectable, and reported as covered by the chain only", async () => {
    const log = await logOf("forge_now", 3);
    await writeAuditCheckpoint(log.client, key, "scheduled");
    await forgeAppend(log, new Date());
    const verdict = await verifyAuditLogIntegrity(log.client, { key });
    expect(verdict).toMatchObject({ ok: true, count: 4 });
    expect(verdict.warnings).toContain("1 event(s) after the newest checkpoint are covered by the hash chain only");
  });

  it("rewrite: an old event changed and every later hash recomputed", async () => {
    const log = await logOf("rewrite", 6);
    await writeAuditCheckpoint(log.client, key, "scheduled"); // at seq 6
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    const events = await log.client.auditEvent.findMany({ orderBy: { seq: "asc" } });
    // Recompute from seq 3 on, the owner's rewrite: content changed, chain valid again.
    let head: { seq: bigint; hash: string } = { seq: 2n, hash: events.find((event) => event.seq === 2n)?.hash ?? "" };
    await log.sql(`DELETE FROM audit_event WHERE seq >= 3`);
    for (const event of events.slice(2)) {
      const { seq: _seq, prevHash: _prev, hash: _hash, ...content } = event;
      const rewritten = chainAuditEvent(head, { ...content, actorName: event.seq === 3n ? "Somebody Else" : content.actorName, before: content.before as never, after: content.after as never });
      await log.client.auditEvent.create({ data: { ...rewritten, before: rewritten.before ?? undefined, after: rewritten.after ?? undefined } });
      head = rewritten;
    }

    expect(await verifyAuditChain(log.client)).toEqual({ ok: true, count: 6 }); // the chain alone is fooled
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: false, tampering: "rewritten", firstBrokenSeq: 6n, reason: expect.stringMatching(/rewritten at or before seq 6/) });
    const result = await runAuditVerify(log.url, { CLUSTERDESK_AUDIT_CHECKPOINT_KEY: seed });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("audit chain broken (rewritten) at seq 6");
  });

  it("forged checkpoint: one made without the key, to bless a rewritten head", async () => {
    const log = await logOf("forge_checkpoint", 2);
    const genuine = await writeAuditCheckpoint(log.client, key, "scheduled");
    await log.sql(`INSERT INTO audit_checkpoint (head_seq, head_hash, signed_at, key_id, signature) VALUES ($1, $2, now(), $3, $4)`, [
      "2", "f".repeat(64), key.keyId, genuine.signature,
    ]);
    expect(await verifyAuditLogIntegrity(log.client, { key })).toMatchObject({ ok: false, tampering: "forged-checkpoint", reason: expect.stringMatching(/does not carry a valid signature/) });
  });

  it("an untouched log with checkpoints passes, before and after more events", async () => {
    const log = await logOf("intact", 3);
    await writeAuditCheckpoint(log.client, key, "scheduled");
    await recordAuditEvent({ actor: { kind: "system" }, action: "test.after_checkpoint", outcome: "success" }, log.client);
    await writeAuditCheckpoint(log.client, key, "export");
    const verdict = await verifyAuditLogIntegrity(log.client, { key });
    expect(verdict).toEqual({ ok: true, count: 4, archive: null, checkpoints: { verified: 2, otherKeys: 0, newest: { headSeq: 4n, signedAt: expect.any(Date) } }, warnings: [] });
    const result = await runAuditVerify(log.url, { CLUSTERDESK_AUDIT_CHECKPOINT_KEY: seed });
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("audit chain intact: 4 event(s) verified, held to 2 signed checkpoint(s)");
  });

  it("checkpoints refuse to be changed while the triggers stand", async () => {
    const log = await logOf("checkpoint_trigger", 1);
    await writeAuditCheckpoint(log.client, key, "scheduled");
    await expect(log.sql(`DELETE FROM audit_checkpoint`)).rejects.toThrow(/audit_checkpoint is append-only: DELETE is not allowed/);
    await expect(log.sql(`TRUNCATE audit_checkpoint`)).rejects.toThrow(/audit_checkpoint is append-only: TRUNCATE is not allowed/);
  });
});

describe("the scheduled checkpoint refuses to sign a broken chain", () => {
  it("signs one head after another while the chain holds", async () => {
    const log = await logOf("scheduled_intact", 2);
    const memory: CheckpointMemory = { last: null };
    expect(await runScheduledCheckpoint(log.client, key, memory)).toEqual({ signed: true, headSeq: 2n });
    await recordAuditEvent({ actor: { kind: "system" }, action: "test.between", outcome: "success" }, log.client);
    expect(await runScheduledCheckpoint(log.client, key, memory)).toEqual({ signed: true, headSeq: 3n });
    expect(await log.client.auditCheckpoint.count()).toBe(2);
  });

  it("truncation with every stored checkpoint deleted: not signed, recorded as audit.chain_broken", async () => {
    const log = await logOf("scheduled_truncate", 5);
    const memory: CheckpointMemory = { last: null };
    await runScheduledCheckpoint(log.client, key, memory);
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await log.sql(`DROP TRIGGER audit_checkpoint_refuse_update_delete ON audit_checkpoint`);
    await log.sql(`DELETE FROM audit_event WHERE seq > 3`);
    await log.sql(`DELETE FROM audit_checkpoint`);

    expect(await runScheduledCheckpoint(log.client, key, memory)).toMatchObject({ signed: false, tampering: "truncated", firstBrokenSeq: 5n });
    expect(await log.client.auditCheckpoint.count()).toBe(0); // the shortened chain was not blessed
    const recorded = await log.client.auditEvent.findFirstOrThrow({ where: { action: "audit.chain_broken" } });
    expect(recorded).toMatchObject({ outcome: "failure", after: { tampering: "truncated", firstBrokenSeq: "5" } });
  });

  it("a rewrite since the last checkpoint: not signed", async () => {
    const log = await logOf("scheduled_rewrite", 3);
    const memory: CheckpointMemory = { last: null };
    await runScheduledCheckpoint(log.client, key, memory);
    await recordAuditEvent({ actor: { kind: "system" }, action: "test.after", outcome: "success" }, log.client);
    await log.sql(`DROP TRIGGER audit_event_refuse_update_delete ON audit_event`);
    await log.sql(`UPDATE audit_event SET reason = 'edited' WHERE seq = 4`);
    expect(await runScheduledCheckpoint(log.client, key, memory)).toMatchObject({ signed: false, tampering: "altered", firstBrokenSeq: 4n });
    await log.sql(`UPDATE audit_event SET hash = repeat('e', 64) WHERE seq = 3`);
    expect(await runScheduledCheckpoint(log.client, key, memory)).toMatchObject({ signed: false, tampering: "rewritten", firstBrokenSeq: 3n });
  });
});
