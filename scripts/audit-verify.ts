/**
 * npm run audit:verify — walks the audit chain of DATABASE_URL, recomputes every hash and link, and
 * holds the chain to its signed checkpoints when a key is given: CLUSTERDESK_AUDIT_CHECKPOINT_KEY (the
 * portal's) or CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY (an auditor's, verify-only).
 *   --checkpoint '<json>'   a checkpoint kept outside the database (a log line's "checkpoint" object,
 *                           repeatable): catches truncation even when the database's checkpoints were deleted
 *   --archive <file>        verifies an archive written by audit:archive on its own (its SHA-256, chain
 *                           and checkpoint), without a database
 * Exit 0 when the log is intact, 1 naming the kind of tampering and the first broken seq, 2 when it cannot run.
 */
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { type CheckpointVerificationKey, checkpointSignatureHolds, checkpointSigningKey, checkpointVerificationKey, exportCheckpointPublicKey } from "../lib/audit/checkpoint-signature";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { ChainAnchor } from "../lib/server/audit/verify-audit-chain";
import { verifyAuditArchiveFile } from "../lib/server/audit/archive-verify-file";
import { verifyAuditLogIntegrity } from "../lib/server/audit/verify-audit-log";

function verificationKey(): CheckpointVerificationKey | null {
  const seed = process.env.CLUSTERDESK_AUDIT_CHECKPOINT_KEY;
  if (seed) return checkpointSigningKey(seed);
  const publicKey = process.env.CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY;
  return publicKey ? checkpointVerificationKey(publicKey) : null;
}

/** An external checkpoint, as logged by the portal; refused unless its signature holds. */
function externalAnchor(text: string, key: CheckpointVerificationKey | null): ChainAnchor {
  const parsed = JSON.parse(text) as { headSeq: string; headHash: string; signedAt: string; signature: string };
  const anchor = { headSeq: BigInt(parsed.headSeq), headHash: parsed.headHash, signedAt: new Date(parsed.signedAt) };
  if (!key) throw new Error("--checkpoint needs a key to check it against (CLUSTERDESK_AUDIT_CHECKPOINT_KEY or _PUBLIC_KEY)");
  if (!checkpointSignatureHolds(key, anchor, parsed.signature)) throw new Error(`the --checkpoint for seq ${parsed.headSeq} does not carry a valid signature`);
  return anchor;
}

const { values } = parseArgs({ options: { checkpoint: { type: "string", multiple: true, default: [] }, archive: { type: "string", multiple: true, default: [] } } });
if (values.archive.length > 0) {
  const key = verificationKey();
  for (const file of values.archive) {
    const verdict = await verifyAuditArchiveFile(file, key);
    if (!verdict.ok) {
      console.error(`audit archive ${file} broken at line ${verdict.line}: ${verdict.reason}`);
      process.exitCode = 1;
      continue;
    }
    for (const warning of verdict.warnings) console.error(`warning: ${warning}`);
    if (verdict.sidecar === "absent") console.error(`warning: ${file}.sha256 is missing: compare the SHA-256 with the audit_archive row`);
    console.log(`audit archive intact: ${file}, events ${verdict.firstSeq}..${verdict.lastSeq} (${verdict.count}), checkpoint ${verdict.checkpoint}, sha256 ${verdict.sha256}`);
  }
  process.exit();
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
try {
  const key = verificationKey();
  if (key) console.log(`checkpoint key ${key.keyId} (public key ${exportCheckpointPublicKey(key)})`);
  const verdict = await verifyAuditLogIntegrity(client, { key, external: values.checkpoint.map((text) => externalAnchor(text, key)) });
  for (const warning of verdict.warnings) console.error(`warning: ${warning}`);
  if (verdict.ok) {
    const checked = verdict.checkpoints ? `, held to ${verdict.checkpoints.verified} signed checkpoint(s)` : "";
    const archived = verdict.archive ? `, from the archived anchor at seq ${verdict.archive.throughSeq} (${verdict.archive.archives} archive(s), newest ${verdict.archive.newestFile})` : "";
    console.log(`audit chain intact: ${verdict.count} event(s) verified${checked}${archived}`);
  } else {
    console.error(`audit chain broken (${verdict.tampering}) at seq ${verdict.firstBrokenSeq} (${verdict.count} event(s) before it verified): ${verdict.reason}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await client.$disconnect();
}
