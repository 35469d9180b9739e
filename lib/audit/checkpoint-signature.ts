import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

/**
 * Signed checkpoints of the audit chain's head: "the chain's event seq N had hash H at time T",
 * signed with an Ed25519 key that lives in the portal's environment (or a Key Vault secret mounted
 * there), never in the database. Whoever owns the database can delete checkpoints but cannot make
 * one, so a chain that was truncated, extended into the past or rewritten contradicts them.
 * Ed25519 rather than an HMAC: an auditor verifies with the public key alone and cannot sign.
 */
export type CheckpointFields = { headSeq: bigint; headHash: string; signedAt: Date };

export type CheckpointVerificationKey = { keyId: string; publicKey: KeyObject };
export type CheckpointSigningKey = CheckpointVerificationKey & { privateKey: KeyObject };

// DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS#8) or public key (SPKI), RFC 8410.
const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");
const spkiPrefix = Buffer.from("302a300506032b6570032100", "hex");

function rawKeyBytes(base64: string, what: string): Buffer {
  const bytes = Buffer.from(base64.trim(), "base64");
  if (bytes.length !== 32) throw new Error(`${what} must be 32 bytes in base64 (openssl rand -base64 32), got ${bytes.length}`);
  return bytes;
}

function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(spkiPrefix.length);
  return createHash("sha256").update(raw).digest("hex").slice(0, 16);
}

/** The signing key from its 32-byte seed in base64 (CLUSTERDESK_AUDIT_CHECKPOINT_KEY). */
export function checkpointSigningKey(seedBase64: string): CheckpointSigningKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([pkcs8Prefix, rawKeyBytes(seedBase64, "the checkpoint key")]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), publicKey, privateKey };
}

/** A verification-only key from the raw 32-byte public key in base64 (what an auditor is given). */
export function checkpointVerificationKey(publicKeyBase64: string): CheckpointVerificationKey {
  const publicKey = createPublicKey({ key: Buffer.concat([spkiPrefix, rawKeyBytes(publicKeyBase64, "the checkpoint public key")]), format: "der", type: "spki" });
  return { keyId: keyIdOf(publicKey), publicKey };
}

/** The raw public key in base64, to hand to auditors (CLUSTERDESK_AUDIT_CHECKPOINT_PUBLIC_KEY). */
export function exportCheckpointPublicKey(key: CheckpointVerificationKey): string {
  return key.publicKey.export({ format: "der", type: "spki" }).subarray(spkiPrefix.length).toString("base64");
}

/** The exact bytes signed: versioned, one field a line, seq in decimal and time in ISO 8601 UTC. */
export function checkpointDocument(fields: CheckpointFields): Buffer {
  if (!/^[0-9a-f]{64}$/.test(fields.headHash)) throw new Error("a checkpoint's head hash must be 64 lower-case hex digits");
  return Buffer.from(`clusterdesk-audit-checkpoint/v1\n${fields.headSeq.toString()}\n${fields.headHash}\n${fields.signedAt.toISOString()}\n`, "utf8");
}

export function signCheckpoint(key: CheckpointSigningKey, fields: CheckpointFields): string {
  return sign(null, checkpointDocument(fields), key.privateKey).toString("base64");
}

export function checkpointSignatureHolds(key: CheckpointVerificationKey, fields: CheckpointFields, signature: string): boolean {
  try {
    return verify(null, checkpointDocument(fields), key.publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false; // a malformed hash or signature is simply not a valid checkpoint
  }
}
