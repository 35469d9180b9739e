import "server-only";
import { stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/** One audit_archive row as the audit page shows it, with what the archive folder holds for it. */
export type AuditArchiveListing = {
  id: string;
  firstSeq: string;
  lastSeq: string;
  fileName: string;
  sha256: string;
  archivedAt: Date;
  /** From the `audit.archived` event (archives written before it recorded the period have none). */
  period: { from: Date; to: Date } | null;
  /** The signed checkpoint the archive ends at (its row, when still found); null: verified by hashes alone. */
  checkpoint: { id: string; signedAt: Date | null; keyId: string | null } | null;
  /** `missing`: the row names a file the archive folder does not hold (moved, deleted, another host's folder). */
  file: { present: true; size: number } | { present: false; reason: string };
};

export type AuditArchiveRow = { id: bigint; firstSeq: bigint; lastSeq: bigint; lastHash: string; fileName: string; sha256: string; checkpointId: bigint | null; archivedAt: Date };

/**
 * The file behind an archive row. Only the row's name is used, never anything a request carries; a
 * name that is not a plain file name (a row written by hand with `../`) is refused rather than followed.
 */
export function archiveFilePath(fileName: string, directory = env().auditRetention.directory): string | null {
  if (fileName !== path.basename(fileName) || fileName === "." || fileName === ".." || fileName.includes("\0")) return null;
  return path.join(directory, fileName);
}

/** The archive row with this id, or null for anything that is not one (not a number, no such row). */
export async function findAuditArchive(id: string, client: PrismaClient = db()): Promise<AuditArchiveRow | null> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return null;
  return client.auditArchive.findUnique({ where: { id: BigInt(id) } });
}

/** What the folder holds at the row's file name: its size, or why it cannot be read. */
export async function archiveFileState(row: Pick<AuditArchiveRow, "fileName">): Promise<AuditArchiveListing["file"]> {
  const file = archiveFilePath(row.fileName);
  if (file === null) return { present: false, reason: `the recorded file name ${JSON.stringify(row.fileName)} is not a plain file name` };
  try {
    // turbopackIgnore: the folder is configured at run time; without it the build traces (and ships) the whole project.
    const found = await stat(/*turbopackIgnore: true*/ file);
    return found.isFile() ? { present: true, size: found.size } : { present: false, reason: `${row.fileName} in the archive folder is not a file` };
  } catch {
    return { present: false, reason: `${row.fileName} is missing from the archive folder` };
  }
}

/** Every archive, oldest first, with its period, checkpoint and file. Archives are few (one a day at most). */
export async function listAuditArchives(client: PrismaClient = db()): Promise<AuditArchiveListing[]> {
  const rows = await client.auditArchive.findMany({ orderBy: { lastSeq: "asc" } });
  if (rows.length === 0) return [];
  const checkpointIds = rows.flatMap((row) => (row.checkpointId === null ? [] : [row.checkpointId]));
  const [checkpoints, events] = await Promise.all([
    client.auditCheckpoint.findMany({ where: { id: { in: checkpointIds } }, select: { id: true, signedAt: true, keyId: true } }),
    // The `audit.archived` events still in the table (an older one may itself have been archived since).
    client.auditEvent.findMany({ where: { action: "audit.archived" }, select: { after: true } }),
  ]);
  const periods = new Map(events.flatMap(({ after }) => {
    const recorded = after as { lastSeq?: unknown; firstOccurredAt?: unknown; lastOccurredAt?: unknown } | null;
    if (typeof recorded?.lastSeq !== "string" || typeof recorded.firstOccurredAt !== "string" || typeof recorded.lastOccurredAt !== "string") return [];
    return [[recorded.lastSeq, { from: new Date(recorded.firstOccurredAt), to: new Date(recorded.lastOccurredAt) }] as const];
  }));
  return Promise.all(rows.map(async (row) => {
    const checkpoint = row.checkpointId === null ? undefined : checkpoints.find((candidate) => candidate.id === row.checkpointId);
    return {
      id: row.id.toString(),
      firstSeq: row.firstSeq.toString(),
      lastSeq: row.lastSeq.toString(),
      fileName: row.fileName,
      sha256: row.sha256,
      archivedAt: row.archivedAt,
      period: periods.get(row.lastSeq.toString()) ?? null,
      checkpoint: row.checkpointId === null ? null : { id: row.checkpointId.toString(), signedAt: checkpoint?.signedAt ?? null, keyId: checkpoint?.keyId ?? null },
      file: await archiveFileState(row),
    };
  }));
}
