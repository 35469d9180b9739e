import "server-only";
import { type CheckpointSigningKey, checkpointSigningKey, signCheckpoint } from "@/lib/audit/checkpoint-signature";
import { genesisHash } from "@/lib/audit/audit-hash";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { auditChainLockKey } from "./append-chain";

/** How often the worker signs the head (lib/server/audit/checkpoint-queue.ts); verification warns past 3×. */
export const auditCheckpointIntervalMinutes = 5;

export type WrittenCheckpoint = { id: bigint; headSeq: bigint; headHash: string; signedAt: Date; keyId: string; signature: string };

/** The configured signing key, or null when CLUSTERDESK_AUDIT_CHECKPOINT_KEY is unset. */
export function configuredCheckpointKey(): CheckpointSigningKey | null {
  const seed = env().auditCheckpointKey;
  return seed ? checkpointSigningKey(seed) : null;
}

/**
 * Signs the chain's current head and stores the checkpoint. The head is read under the chain's
 * append lock and the time taken after it, so every event appended later carries a later (or equal)
 * occurredAt: an event found beyond a checkpoint but dated before it was not appended by the portal.
 * The checkpoint is also logged, so a copy lives outside the database (the log pipeline).
 * An empty chain is signed as seq 0 with the genesis hash.
 */
export async function writeAuditCheckpoint(client: PrismaClient, key: CheckpointSigningKey, occasion: "scheduled" | "export"): Promise<WrittenCheckpoint> {
  const checkpoint = await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${auditChainLockKey})`);
    const [top] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1`;
    const fields = { headSeq: top ? BigInt(top.seq) : 0n, headHash: top?.hash ?? genesisHash, signedAt: new Date() };
    return tx.auditCheckpoint.create({ data: { ...fields, keyId: key.keyId, signature: signCheckpoint(key, fields) } });
  });
  logger.info("audit checkpoint signed", {
    occasion,
    checkpoint: { headSeq: checkpoint.headSeq.toString(), headHash: checkpoint.headHash, signedAt: checkpoint.signedAt.toISOString(), keyId: checkpoint.keyId, signature: checkpoint.signature },
  });
  return checkpoint;
}
