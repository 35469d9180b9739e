import "server-only";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { archiveFilePath, findAuditArchive } from "./archive-listing";

export type AuditArchiveDownload =
  | { ok: true; fileName: string; size: number; body: ReadableStream<Uint8Array> }
  | { ok: false; status: 404; error: string };

/**
 * Opens the file of archive `id` for download: the path is the archive row's file name in the
 * configured folder, never anything the request names. Recorded as `audit.archive_downloaded` before
 * the first byte, like the export, so an aborted download is audited too; a missing file is recorded
 * as a failure. The file is opened before the event is written and streamed from that handle, so what
 * is sent is what was there when it was recorded.
 */
export async function openAuditArchiveDownload(id: string, user: CurrentUser, context: RequestContext, client: PrismaClient = db()): Promise<AuditArchiveDownload> {
  const row = await findAuditArchive(id, client);
  if (!row) return { ok: false, status: 404, error: "No audit archive has this id." };
  const file = archiveFilePath(row.fileName);
  const handle = file === null ? null : await open(/*turbopackIgnore: true*/ file, "r").catch(() => null);
  const size = handle ? (await handle.stat()).size : null;
  const record = (outcome: "success" | "failure", reason: string | null) =>
    recordAuditEvent({
      actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
      action: "audit.archive_downloaded",
      target: { type: "audit_archive", id: row.id.toString() },
      outcome,
      after: { file: row.fileName, firstSeq: row.firstSeq.toString(), lastSeq: row.lastSeq.toString(), sha256: row.sha256, size },
      reason,
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    }, client);
  if (handle === null || size === null) {
    const error = `${row.fileName} is missing from the archive folder.`;
    await record("failure", error);
    return { ok: false, status: 404, error };
  }
  try {
    await record("success", null);
  } catch (error) {
    await handle.close();
    throw error;
  }
  // The stream owns the handle from here and closes it at the end or when the download is cancelled.
  const stream = handle.createReadStream({ highWaterMark: 256 * 1024 });
  return { ok: true, fileName: row.fileName, size, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
}
