import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { archiveFilePath, archiveFileState, type AuditArchiveRow, findAuditArchive } from "./archive-listing";
import { verifyAuditArchiveFile } from "./archive-verify-file";
import { findArchivedEvent } from "./archived-event";
import { configuredCheckpointKey } from "./checkpoint";

/** The verdict on one recorded archive, as the audit page shows it. `line` 0: the file as a whole. */
export type RecordedArchiveVerdict =
  | { ok: true; fileName: string; count: number; checkpoint: "verified" | "unchecked" | "absent"; sha256: string; warnings: string[]; checkedAt: string }
  | { ok: false; fileName: string; line: number | null; reason: string; checkedAt: string };

type Failure = { line: number | null; reason: string };

/**
 * Verifies the file behind an audit_archive row: the file on its own (digest, chain, checkpoint
 * signature: archive-verify-file.ts), then that it is the file the database recorded, i.e. its SHA-256
 * and last hash are the row's and the `audit.archived` event's. A file rewritten with recomputed hashes
 * and a new `.sha256` passes the first check but not the second. Every run is audited with its verdict.
 * Null: no archive has this id.
 */
export async function verifyRecordedAuditArchive(id: string, user: CurrentUser, context: RequestContext, client: PrismaClient = db()): Promise<RecordedArchiveVerdict | null> {
  const row = await findAuditArchive(id, client);
  if (!row) return null;
  const checkedAt = new Date().toISOString();
  const outcome = await check(client, row);
  const verdict: RecordedArchiveVerdict = "reason" in outcome
    ? { ok: false, fileName: row.fileName, line: outcome.line, reason: outcome.reason, checkedAt }
    : { ok: true, fileName: row.fileName, ...outcome, checkedAt };
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "audit.archive_verified",
    target: { type: "audit_archive", id: row.id.toString() },
    outcome: verdict.ok ? "success" : "failure",
    after: { file: row.fileName, firstSeq: row.firstSeq.toString(), lastSeq: row.lastSeq.toString(), ok: verdict.ok, line: verdict.ok ? null : verdict.line, checkpoint: verdict.ok ? verdict.checkpoint : null },
    reason: verdict.ok ? null : verdict.reason,
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  }, client);
  return verdict;
}

async function check(client: PrismaClient, row: AuditArchiveRow): Promise<Failure | Omit<Extract<RecordedArchiveVerdict, { ok: true }>, "ok" | "fileName" | "checkedAt">> {
  const state = await archiveFileState(row);
  const file = archiveFilePath(row.fileName);
  if (!state.present || file === null) return { line: null, reason: state.present ? "the file cannot be read" : state.reason };
  const verdict = await verifyAuditArchiveFile(file, configuredCheckpointKey());
  if (!verdict.ok) return { line: verdict.line, reason: verdict.reason };
  const recorded = `archive #${row.id} (seq ${row.firstSeq}..${row.lastSeq})`;
  if (verdict.firstSeq !== row.firstSeq || verdict.lastSeq !== row.lastSeq) return { line: 1, reason: `the file holds seq ${verdict.firstSeq}..${verdict.lastSeq}, not the range of ${recorded}` };
  if (verdict.sha256 !== row.sha256) return { line: 0, reason: `the file's SHA-256 is ${verdict.sha256}, but ${recorded} was recorded with ${row.sha256}: the file was replaced` };
  if (verdict.lastHash !== row.lastHash) return { line: 0, reason: `the file's last event has hash ${verdict.lastHash}, but ${recorded} was recorded with ${row.lastHash}` };
  const warnings = [...verdict.warnings];
  const event = await findArchivedEvent(client, row);
  if (!event) {
    warnings.push("the audit.archived event that announced this archive was not found in the log or in a later archive");
  } else {
    const { after } = event;
    const differs = (["sha256", "lastHash", "file", "firstSeq"] as const).filter((field) => after[field] !== { sha256: row.sha256, lastHash: row.lastHash, file: row.fileName, firstSeq: row.firstSeq.toString() }[field]);
    if (differs.length > 0) return { line: 0, reason: `the audit.archived event (seq ${event.seq}) records another ${differs.join(", ")} than the archive row and the file` };
    if (event.archivedIn) warnings.push(`the audit.archived event (seq ${event.seq}) was itself archived since; it was read from ${event.archivedIn}`);
  }
  return { count: verdict.count, checkpoint: verdict.checkpoint, sha256: verdict.sha256, warnings };
}
