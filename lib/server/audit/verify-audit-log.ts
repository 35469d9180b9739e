import "server-only";
import { type CheckpointVerificationKey, checkpointSignatureHolds } from "@/lib/audit/checkpoint-signature";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditCheckpointIntervalMinutes } from "./checkpoint";
import { type ChainAnchor, type Tampering, verifyAuditChain } from "./verify-audit-chain";

export type CheckpointSummary = { verified: number; otherKeys: number; newest: { headSeq: bigint; signedAt: Date } | null };

/** The archived prefix the walk started after (archive-audit-log.ts); null when nothing was archived. */
export type ArchiveSummary = { throughSeq: bigint; lastHash: string; archives: number; newestFile: string } | null;

export type AuditLogIntegrity =
  | { ok: true; count: number; checkpoints: CheckpointSummary | null; archive: ArchiveSummary; warnings: string[] }
  | { ok: false; count: number; firstBrokenSeq: bigint; reason: string; tampering: Tampering; checkpoints: CheckpointSummary | null; archive: ArchiveSummary; warnings: string[] };

/**
 * The audit log's integrity: the hash chain (verify-audit-chain.ts), held to the signed checkpoints
 * when a key is given. Detected, and named:
 *  - missing / altered: a gap in seq, or an event whose content or link no longer matches its hash;
 *  - forged-checkpoint: a checkpoint row whose signature does not hold (made without the key);
 *  - rewritten: the event at a checkpoint's seq no longer has the signed hash (the chain was
 *    recomputed from some earlier point);
 *  - truncated: the chain ends below the newest checkpoint's seq (newest events deleted);
 *  - forged-append: an event beyond a checkpoint dated before it.
 * Not detectable without the key's help: events appended, deleted or rewritten after the newest
 * checkpoint (at most one interval, 5 minutes, or since the last export), and an attacker who also
 * deletes the checkpoints that would contradict them. The latter shows as a warning that the newest
 * checkpoint is older than 3 intervals, and is caught against a checkpoint kept outside the database
 * (the logged copy, or an export's) by passing it as `external`.
 */
export async function verifyAuditLogIntegrity(
  client: PrismaClient,
  options: { key: CheckpointVerificationKey | null; external?: readonly ChainAnchor[]; batchSize?: number; now?: Date },
): Promise<AuditLogIntegrity> {
  const warnings: string[] = [];
  const archive = await archivedPrefix(client);
  const start = archive ? { nextSeq: archive.throughSeq + 1n, prevHash: archive.lastHash, count: 0 } : undefined;
  const archivedThrough = archive?.throughSeq ?? 0n;
  if (!options.key) {
    warnings.push("checkpoints were not checked: no checkpoint key is configured, so truncation and rewrites by a database owner go unnoticed");
    const verdict = await verifyAuditChain(client, { batchSize: options.batchSize, start });
    return { ...verdict, checkpoints: null, archive, warnings };
  }
  const anchors: ChainAnchor[] = [...(options.external ?? [])];
  let otherKeys = 0;
  // Checkpoints are few (one per interval, and one per export): read them whole.
  for (const row of await client.auditCheckpoint.findMany({ orderBy: { id: "asc" } })) {
    if (row.keyId !== options.key.keyId) {
      otherKeys += 1; // signed by a previous key: a rotation leaves them, and they cannot be checked
      continue;
    }
    if (!checkpointSignatureHolds(options.key, row, row.signature)) {
      return {
        ok: false,
        count: 0,
        firstBrokenSeq: row.headSeq,
        tampering: "forged-checkpoint",
        reason: `checkpoint ${row.id} (seq ${row.headSeq}, signed at ${row.signedAt.toISOString()}) does not carry a valid signature: it was made or altered without the key`,
        checkpoints: null,
        archive,
        warnings,
      };
    }
    if (archive && row.headSeq === archive.throughSeq && row.headHash !== archive.lastHash) {
      return {
        ok: false,
        count: 0,
        firstBrokenSeq: row.headSeq,
        tampering: "rewritten",
        reason: `the archive through seq ${archive.throughSeq} records hash ${archive.lastHash}, but the checkpoint signed at ${row.signedAt.toISOString()} recorded ${row.headHash}`,
        checkpoints: null,
        archive,
        warnings,
      };
    }
    anchors.push(row);
  }
  const newest = anchors.reduce<ChainAnchor | null>((best, anchor) => (!best || anchor.headSeq > best.headSeq || (anchor.headSeq === best.headSeq && anchor.signedAt > best.signedAt) ? anchor : best), null);
  const checkpoints: CheckpointSummary = { verified: anchors.length, otherKeys, newest: newest && { headSeq: newest.headSeq, signedAt: newest.signedAt } };
  if (otherKeys > 0) warnings.push(`${otherKeys} checkpoint(s) signed with another key were not checked`);

  const verdict = await verifyAuditChain(client, { batchSize: options.batchSize, anchors, start });
  if (!verdict.ok) return { ...verdict, checkpoints, archive, warnings };
  const chainEnd = archivedThrough + BigInt(verdict.count);
  if (newest && chainEnd < newest.headSeq) {
    return {
      ok: false,
      count: verdict.count,
      firstBrokenSeq: chainEnd + 1n,
      tampering: "truncated",
      reason: `the chain ends at seq ${chainEnd}, but the checkpoint signed at ${newest.signedAt.toISOString()} covers seq ${newest.headSeq}: ${newest.headSeq - chainEnd} newest event(s) were deleted`,
      checkpoints,
      archive,
      warnings,
    };
  }
  const now = options.now ?? new Date();
  const staleAfterMs = 3 * auditCheckpointIntervalMinutes * 60_000;
  if (!newest) {
    if (verdict.count > 0) warnings.push("no signed checkpoint exists yet: the chain is verified by its hashes alone");
  } else if (now.getTime() - newest.signedAt.getTime() > staleAfterMs) {
    warnings.push(
      `the newest checkpoint was signed at ${newest.signedAt.toISOString()}, more than ${3 * auditCheckpointIntervalMinutes} minutes ago: ` +
        "either no worker has run since, or newer checkpoints were deleted (compare with a checkpoint from the logs or an export)",
    );
  }
  const unanchored = chainEnd - (newest?.headSeq ?? 0n);
  if (newest && unanchored > 0n) warnings.push(`${unanchored} event(s) after the newest checkpoint are covered by the hash chain only`);
  return { ok: true, count: verdict.count, checkpoints, archive, warnings };
}

/** The newest archive (the prefix that left the table through audit_event_delete_archived). */
async function archivedPrefix(client: PrismaClient): Promise<ArchiveSummary> {
  const [newest, archives] = await Promise.all([client.auditArchive.findFirst({ orderBy: { lastSeq: "desc" } }), client.auditArchive.count()]);
  return newest && { throughSeq: newest.lastSeq, lastHash: newest.lastHash, archives, newestFile: newest.fileName };
}
