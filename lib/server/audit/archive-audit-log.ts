import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rename } from "node:fs/promises";
import path from "node:path";
import { type ArchiveCheckpoint, archiveHeaderLine, archiveTrailerLine } from "@/lib/audit/archive-file";
import { genesisHash } from "@/lib/audit/audit-hash";
import type { CheckpointVerificationKey } from "@/lib/audit/checkpoint-signature";
import { auditEventToJsonLine } from "@/lib/audit/export-format";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/server/logger";
import { appendAuditEvent } from "./append-audit-event";

export type AuditArchiveOutcome =
  | { archived: false; reason: string }
  | { archived: true; firstSeq: bigint; lastSeq: bigint; file: string; sha256: string; deleted: number };

/** The function refuses younger events too (migration audit_archive); retention below a day is not offered. */
const minimumRetentionDays = 1;

/**
 * Archives the audit events older than `retentionDays` to a file in `directory`, then deletes them
 * from audit_event through audit_event_delete_archived, in the transaction that records the archive
 * and appends `audit.archived`. The file is complete and fsynced before the database hears of it, so
 * a crash leaves either nothing or a file not yet recorded: the next run archives the same prefix
 * again (the file is rewritten under the same name, with the same bytes). The reverse (events deleted, no file) cannot
 * happen. With a key the archive ends at a signed checkpoint, so it verifies on its own.
 */
export async function archiveAuditLog(client: PrismaClient, options: { retentionDays: number; directory: string; key: CheckpointVerificationKey | null; now?: Date }): Promise<AuditArchiveOutcome> {
  const days = Math.max(options.retentionDays, minimumRetentionDays);
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * 86_400_000);
  const previous = await client.auditArchive.findFirst({ orderBy: { lastSeq: "desc" } });
  const firstSeq = (previous?.lastSeq ?? 0n) + 1n;
  // The head is never archived: the next append links to it.
  const head = await client.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const old = await client.auditEvent.findFirst({ where: { occurredAt: { lt: cutoff }, seq: { gte: firstSeq, lt: head?.seq ?? 0n } }, orderBy: { seq: "desc" }, select: { seq: true } });
  if (!old) return { archived: false, reason: `no event older than ${days} day(s) to archive` };
  let lastSeq = old.seq;
  let checkpoint: ArchiveCheckpoint | null = null;
  if (options.key) {
    const signed = await client.auditCheckpoint.findFirst({ where: { keyId: options.key.keyId, headSeq: { gte: firstSeq, lte: lastSeq } }, orderBy: [{ headSeq: "desc" }, { id: "desc" }] });
    if (!signed) return { archived: false, reason: `no signed checkpoint between seq ${firstSeq} and ${lastSeq} yet: the archive waits for one` };
    lastSeq = signed.headSeq;
    checkpoint = { id: signed.id.toString(), headSeq: signed.headSeq.toString(), headHash: signed.headHash, signedAt: signed.signedAt.toISOString(), keyId: signed.keyId, signature: signed.signature };
  }
  const fileName = `audit-${firstSeq}-${lastSeq}.jsonl`;
  const { sha256, lastHash, period } = await writeArchiveFile(client, { directory: options.directory, fileName, firstSeq, lastSeq, prevHash: previous?.lastHash ?? genesisHash, checkpoint });
  if (checkpoint && checkpoint.headHash !== lastHash) throw new Error(`event ${lastSeq} does not carry the hash its checkpoint signed: run npm run audit:verify before archiving`);

  const deleted = await client.$transaction(async (tx) => {
    // Appended first: the new event becomes the head, so the deleted prefix never includes it.
    await appendAuditEvent(tx, {
      actor: { kind: "system", name: "audit retention" },
      action: "audit.archived",
      target: { type: "audit_log" },
      outcome: "success",
      // The period is recorded here, not in the file's header: the audit page lists it without opening the file.
      after: { firstSeq: firstSeq.toString(), lastSeq: lastSeq.toString(), lastHash, file: fileName, sha256, checkpointId: checkpoint?.id ?? null, retentionDays: days, ...period },
    });
    const [row] = await tx.$queryRaw<{ deleted: bigint }[]>`
      SELECT audit_event_delete_archived(${firstSeq}, ${lastSeq}, ${lastHash}::char(64), ${fileName}, ${sha256}::char(64), ${checkpoint ? BigInt(checkpoint.id) : null}::bigint) AS deleted`;
    return Number(row?.deleted ?? 0);
  });
  logger.info("audit events archived", { firstSeq: firstSeq.toString(), lastSeq: lastSeq.toString(), file: fileName, sha256, deleted });
  return { archived: true, firstSeq, lastSeq, file: path.join(options.directory, fileName), sha256, deleted };
}

/** Streams events firstSeq..lastSeq into the file a page at a time; returns its SHA-256 and the last hash. */
async function writeArchiveFile(
  client: PrismaClient,
  archive: { directory: string; fileName: string; firstSeq: bigint; lastSeq: bigint; prevHash: string; checkpoint: ArchiveCheckpoint | null },
): Promise<{ sha256: string; lastHash: string; period: { firstOccurredAt: string | null; lastOccurredAt: string | null } }> {
  // turbopackIgnore: the folder is configured at run time; without it the build traces the whole project.
  await mkdir(/*turbopackIgnore: true*/ archive.directory, { recursive: true });
  const target = path.join(archive.directory, archive.fileName);
  // A name of its own, so two runs at once (the worker and the script) never interleave their writes.
  const partial = `${target}.${process.pid}-${randomUUID()}.partial`;
  const digest = createHash("sha256");
  const file = await open(/*turbopackIgnore: true*/ partial, "w");
  const write = async (text: string) => {
    digest.update(text);
    await file.write(text);
  };
  let lastHash = archive.prevHash;
  const period: { firstOccurredAt: string | null; lastOccurredAt: string | null } = { firstOccurredAt: null, lastOccurredAt: null };
  try {
    await write(archiveHeaderLine({ firstSeq: archive.firstSeq.toString(), lastSeq: archive.lastSeq.toString(), prevHash: archive.prevHash }));
    for (let cursor = archive.firstSeq; cursor <= archive.lastSeq; ) {
      const rows = await client.auditEvent.findMany({ where: { seq: { gte: cursor, lte: archive.lastSeq } }, orderBy: { seq: "asc" }, take: 1000 });
      if (rows.length === 0) break;
      await write(rows.map(auditEventToJsonLine).join(""));
      const last = rows[rows.length - 1];
      if (!last) break;
      lastHash = last.hash;
      period.firstOccurredAt ??= rows[0]?.occurredAt.toISOString() ?? null;
      period.lastOccurredAt = last.occurredAt.toISOString();
      cursor = last.seq + 1n;
    }
    await write(archiveTrailerLine(archive.checkpoint));
    await file.sync();
  } finally {
    await file.close();
  }
  const sha256 = digest.digest("hex");
  await rename(/*turbopackIgnore: true*/ partial, target);
  const sidecar = await open(/*turbopackIgnore: true*/ `${target}.sha256`, "w");
  try {
    await sidecar.write(`${sha256}  ${archive.fileName}\n`);
    await sidecar.sync();
  } finally {
    await sidecar.close();
  }
  return { sha256, lastHash, period };
}
