import type { AuditEventRecord } from "./audit-event";
import { type ChainPosition, checkLink } from "./chain-verifier";
import { type CheckpointVerificationKey, checkpointSignatureHolds } from "./checkpoint-signature";
import type { JsonValue } from "./canonical-json";

/**
 * An audit archive is JSON Lines: a header naming the archived range and the hash that precedes it,
 * the events exactly as exported (export-format.ts, with prevHash and hash), and a trailer with the
 * signed checkpoint whose head is the archive's last event (null when no key was configured). The
 * file's own SHA-256 sits beside it (`<file>.sha256`) and in the audit_archive row.
 */
export const auditArchiveFormat = "clusterdesk.audit-archive/1";

// No timestamp in the header: the same prefix always makes the same bytes, so a retried or concurrent
// run writes a file with the digest already recorded.
export type ArchiveHeader = { kind: "header"; format: typeof auditArchiveFormat; firstSeq: string; lastSeq: string; prevHash: string };
export type ArchiveCheckpoint = { id: string; headSeq: string; headHash: string; signedAt: string; keyId: string; signature: string };
export type ArchiveTrailer = { kind: "checkpoint"; checkpoint: ArchiveCheckpoint | null };

export function archiveHeaderLine(header: Omit<ArchiveHeader, "kind" | "format">): string {
  return `${JSON.stringify({ kind: "header", format: auditArchiveFormat, ...header })}\n`;
}

export function archiveTrailerLine(checkpoint: ArchiveCheckpoint | null): string {
  return `${JSON.stringify({ kind: "checkpoint", checkpoint })}\n`;
}

type SerializedEvent = Omit<AuditEventRecord, "seq" | "occurredAt"> & { seq: string; occurredAt: string };

function eventFromLine(value: SerializedEvent): AuditEventRecord {
  return { ...value, seq: BigInt(value.seq), occurredAt: new Date(value.occurredAt), before: value.before as JsonValue | null, after: value.after as JsonValue | null };
}

export type ArchiveVerdict =
  | { ok: true; firstSeq: bigint; lastSeq: bigint; lastHash: string; count: number; checkpoint: "verified" | "unchecked" | "absent"; warnings: string[] }
  | { ok: false; reason: string; line: number };

/**
 * Verifies an archive read line by line (memory stays constant): the header, every event's link and
 * hash from the header's prevHash, that the range ends where the header says, and that the trailer's
 * checkpoint signs the last event (with `key`; without one the signature is reported unchecked).
 */
export async function verifyArchiveLines(lines: AsyncIterable<string> | Iterable<string>, key: CheckpointVerificationKey | null): Promise<ArchiveVerdict> {
  let header: ArchiveHeader | null = null;
  let trailer: ArchiveTrailer | null = null;
  let position: ChainPosition | null = null;
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === "") continue;
    if (trailer) return { ok: false, line: lineNumber, reason: "content after the checkpoint trailer" };
    let value: { kind?: string } & Record<string, unknown>;
    try {
      value = JSON.parse(text) as typeof value;
    } catch {
      return { ok: false, line: lineNumber, reason: "not JSON" };
    }
    if (!header) {
      if (value.kind !== "header" || value.format !== auditArchiveFormat) return { ok: false, line: lineNumber, reason: `the first line is not a ${auditArchiveFormat} header` };
      header = value as ArchiveHeader;
      position = { nextSeq: BigInt(header.firstSeq), prevHash: header.prevHash, count: 0 };
      continue;
    }
    if (value.kind === "checkpoint") {
      trailer = value as ArchiveTrailer;
      continue;
    }
    if (!position) return { ok: false, line: lineNumber, reason: "no header" };
    const check = checkLink(position, eventFromLine(value as SerializedEvent));
    if (!check.ok) return { ok: false, line: lineNumber, reason: `event ${check.firstBrokenSeq}: ${check.reason}` };
    position = check.position;
  }
  if (!header || !position) return { ok: false, line: lineNumber, reason: "empty archive" };
  if (!trailer) return { ok: false, line: lineNumber, reason: "the checkpoint trailer is missing: the archive was cut short" };
  const lastSeq = position.nextSeq - 1n;
  if (lastSeq.toString() !== header.lastSeq) return { ok: false, line: lineNumber, reason: `the header announces events up to seq ${header.lastSeq}, the file ends at seq ${lastSeq}` };
  const warnings: string[] = [];
  let checkpoint: "verified" | "unchecked" | "absent" = "absent";
  if (trailer.checkpoint) {
    const signed = trailer.checkpoint;
    if (signed.headSeq !== header.lastSeq || signed.headHash !== position.prevHash) return { ok: false, line: lineNumber, reason: `the checkpoint covers seq ${signed.headSeq} (${signed.headHash}), not the archive's last event` };
    if (!key) {
      checkpoint = "unchecked";
      warnings.push("the checkpoint's signature was not checked: no key was given");
    } else if (key.keyId !== signed.keyId) {
      checkpoint = "unchecked";
      warnings.push(`the checkpoint was signed with key ${signed.keyId}, not ${key.keyId}: its signature was not checked`);
    } else if (!checkpointSignatureHolds(key, { headSeq: BigInt(signed.headSeq), headHash: signed.headHash, signedAt: new Date(signed.signedAt) }, signed.signature)) {
      return { ok: false, line: lineNumber, reason: "the checkpoint's signature does not hold: the archive was rewritten" };
    } else checkpoint = "verified";
  } else warnings.push("the archive carries no signed checkpoint: it is verified by its hashes alone");
  return { ok: true, firstSeq: BigInt(header.firstSeq), lastSeq, lastHash: position.prevHash, count: position.count, checkpoint, warnings };
}
