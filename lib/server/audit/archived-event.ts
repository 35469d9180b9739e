import "server-only";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { archiveFilePath, type AuditArchiveRow } from "./archive-listing";

/** What `audit.archived` recorded about an archive (archive-audit-log.ts), and where it was found. */
export type ArchivedEventRecord = {
  seq: string;
  after: { firstSeq?: unknown; lastSeq?: unknown; lastHash?: unknown; file?: unknown; sha256?: unknown };
  /** null: still in audit_event; else the later archive file the event was itself archived into. */
  archivedIn: string | null;
};

/**
 * Finds the `audit.archived` event that announced `row`. It is appended after the archived range, so
 * it is in the table or, once a later run archived it too, in a later archive file: those are read
 * line by line (constant memory) and only lines naming the action are parsed.
 */
export async function findArchivedEvent(client: PrismaClient, row: AuditArchiveRow): Promise<ArchivedEventRecord | null> {
  const lastSeq = row.lastSeq.toString();
  const event = await client.auditEvent.findFirst({
    where: { action: "audit.archived", seq: { gt: row.lastSeq }, after: { path: ["lastSeq"], equals: lastSeq } },
    orderBy: { seq: "asc" },
    select: { seq: true, after: true },
  });
  if (event) return { seq: event.seq.toString(), after: event.after as ArchivedEventRecord["after"], archivedIn: null };
  const later = await client.auditArchive.findMany({ where: { lastSeq: { gt: row.lastSeq } }, orderBy: { lastSeq: "asc" } });
  for (const archive of later) {
    const file = archiveFilePath(archive.fileName);
    if (file === null) continue;
    const found = await scanForArchivedEvent(file, lastSeq).catch(() => null);
    if (found) return { ...found, archivedIn: archive.fileName };
  }
  return null;
}

async function scanForArchivedEvent(file: string, lastSeq: string): Promise<Omit<ArchivedEventRecord, "archivedIn"> | null> {
  const stream = createReadStream(/*turbopackIgnore: true*/ file);
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      if (!line.includes('"audit.archived"')) continue;
      const value = JSON.parse(line) as { seq?: unknown; action?: unknown; after?: ArchivedEventRecord["after"] | null };
      if (value.action === "audit.archived" && value.after?.lastSeq === lastSeq) return { seq: String(value.seq), after: value.after };
    }
    return null;
  } finally {
    stream.destroy();
  }
}
