import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { type ArchiveVerdict, verifyArchiveLines } from "@/lib/audit/archive-file";
import type { CheckpointVerificationKey } from "@/lib/audit/checkpoint-signature";

export type ArchiveFileVerdict = ArchiveVerdict & { sha256: string; sidecar: "matches" | "differs" | "absent" };

/**
 * Verifies an archive file on its own: its SHA-256 against the `<file>.sha256` beside it (when
 * present; the audit_archive row holds it too), then its chain and checkpoint (archive-file.ts).
 * Read as a stream: memory stays constant however large the archive.
 */
export async function verifyAuditArchiveFile(file: string, key: CheckpointVerificationKey | null): Promise<ArchiveFileVerdict> {
  const digest = createHash("sha256");
  const stream = createReadStream(file);
  stream.on("data", (chunk) => digest.update(chunk));
  const verdict = await verifyArchiveLines(createInterface({ input: stream, crlfDelay: Infinity }), key);
  const sha256 = digest.digest("hex");
  const recorded = await readFile(`${file}.sha256`, "utf8").then((text) => text.split(/\s/)[0] ?? "", () => null);
  if (recorded === null) return { ...verdict, sha256, sidecar: "absent" };
  if (recorded !== sha256) return { ok: false, line: 0, reason: `the file's SHA-256 is ${sha256}, but ${file}.sha256 records ${recorded}: the file was changed`, sha256, sidecar: "differs" };
  return { ...verdict, sha256, sidecar: "matches" };
}
