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
 * present; the audit_archive row holds it too), then its chain and checkpoint (archive-file.ts). When
 * both fail, the chain's verdict (with its line) is returned, marked `sidecar: "differs"`.
 * Read as a stream: memory stays constant however large the archive.
 */
export async function verifyAuditArchiveFile(file: string, key: CheckpointVerificationKey | null): Promise<ArchiveFileVerdict> {
  const digest = createHash("sha256");
  const stream = createReadStream(/*turbopackIgnore: true*/ file);
  stream.on("data", (chunk) => digest.update(chunk));
  const verdict = await verifyArchiveLines(createInterface({ input: stream, crlfDelay: Infinity }), key);
  // A verdict found mid-file leaves the rest unread: close the file and digest it whole in a second pass.
  const complete = verdict.ok;
  if (!complete) stream.destroy();
  const sha256 = complete ? digest.digest("hex") : await fileSha256(file);
  const recorded = await readFile(/*turbopackIgnore: true*/ `${file}.sha256`, "utf8").then((text) => text.split(/\s/)[0] ?? "", () => null);
  if (recorded === null) return { ...verdict, sha256, sidecar: "absent" };
  // A broken chain names the line that was changed, which says more than the digest alone.
  if (recorded !== sha256 && !verdict.ok) return { ...verdict, sha256, sidecar: "differs" };
  if (recorded !== sha256) return { ok: false, line: 0, reason: `the file's SHA-256 is ${sha256}, but ${file}.sha256 records ${recorded}: the file was changed`, sha256, sidecar: "differs" };
  return { ...verdict, sha256, sidecar: "matches" };
}

async function fileSha256(file: string): Promise<string> {
  const digest = createHash("sha256");
  for await (const chunk of createReadStream(/*turbopackIgnore: true*/ file)) digest.update(chunk as Buffer);
  return digest.digest("hex");
}
