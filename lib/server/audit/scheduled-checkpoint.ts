import "server-only";
import type { CheckpointSigningKey } from "@/lib/audit/checkpoint-signature";
import { chainStart, checkLink } from "@/lib/audit/chain-verifier";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/server/logger";
import { recordAuditEvent } from "./append-audit-event";
import { chainBrokenAction } from "./chain-health";
import { writeAuditCheckpoint } from "./checkpoint";
import type { ChainAnchor, Tampering } from "./verify-audit-chain";

/** What this process signed last: held in memory, where the database's owner cannot delete it. */
export type CheckpointMemory = { last: ChainAnchor | null };

export type ScheduledCheckpointOutcome =
  | { signed: true; headSeq: bigint }
  | { signed: false; tampering: Tampering; firstBrokenSeq: bigint; reason: string };

/**
 * Before signing the head, checks the chain from the checkpoint this process signed last: that
 * event must still carry its hash, and every event after it must link and hash. Only the new part
 * is read, so it runs on every schedule whatever the log's length. Signing over a truncated or
 * rewritten chain would bless it (and, if its owner also deleted the stored checkpoints, leave no
 * contradiction behind), so a break is not signed: it is logged as an error and recorded in the
 * audit log as `audit.chain_broken`, once per break (the health report and the admins' banner show it
 * from then on: ./chain-health.ts). A process that restarts begins afresh from the next head.
 */
export async function runScheduledCheckpoint(client: PrismaClient, key: CheckpointSigningKey, memory: CheckpointMemory): Promise<ScheduledCheckpointOutcome> {
  const broken = memory.last ? await breakSince(client, memory.last) : null;
  if (broken) {
    const facts = { tampering: broken.tampering, firstBrokenSeq: broken.firstBrokenSeq.toString(), reason: broken.reason };
    // Once per break, not on every schedule: the event is what /api/health and the admins' banner
    // report (chain-health.ts), and it stays in the log; this run's finding is the same break.
    if (await alreadyRecorded(client, broken.firstBrokenSeq)) {
      logger.error("audit chain still broken: checkpoint not signed", facts);
      return { signed: false, ...broken };
    }
    logger.error("audit chain broken: checkpoint not signed", facts);
    await recordAuditEvent(
      {
        actor: { kind: "system" },
        action: chainBrokenAction,
        target: { type: "audit_log" },
        outcome: "failure",
        after: { tampering: broken.tampering, firstBrokenSeq: broken.firstBrokenSeq.toString() },
        reason: broken.reason,
      },
      client,
    );
    return { signed: false, ...broken };
  }
  const checkpoint = await writeAuditCheckpoint(client, key, "scheduled");
  memory.last = checkpoint;
  return { signed: true, headSeq: checkpoint.headSeq };
}

async function alreadyRecorded(client: PrismaClient, firstBrokenSeq: bigint): Promise<boolean> {
  const found = await client.auditEvent.findFirst({
    where: { action: chainBrokenAction, after: { path: ["firstBrokenSeq"], equals: firstBrokenSeq.toString() } },
    select: { seq: true },
  });
  return found !== null;
}

async function breakSince(client: PrismaClient, anchor: ChainAnchor): Promise<{ tampering: Tampering; firstBrokenSeq: bigint; reason: string } | null> {
  let position = anchor.headSeq === 0n ? chainStart : { nextSeq: anchor.headSeq + 1n, prevHash: anchor.headHash, count: 0 };
  if (anchor.headSeq > 0n) {
    const at = await client.auditEvent.findUnique({ where: { seq: anchor.headSeq }, select: { hash: true } });
    if (!at) return { tampering: "truncated", firstBrokenSeq: anchor.headSeq, reason: `event ${anchor.headSeq}, signed at ${anchor.signedAt.toISOString()}, is gone: the newest events were deleted` };
    if (at.hash !== anchor.headHash) return { tampering: "rewritten", firstBrokenSeq: anchor.headSeq, reason: `event ${anchor.headSeq} no longer has the hash signed at ${anchor.signedAt.toISOString()}: the chain was rewritten` };
  }
  for (;;) {
    const rows = await client.auditEvent.findMany({ where: { seq: { gte: position.nextSeq } }, orderBy: { seq: "asc" }, take: 1000 });
    for (const row of rows) {
      const check = checkLink(position, row);
      if (!check.ok) return { tampering: row.seq === position.nextSeq ? "altered" : "missing", firstBrokenSeq: check.firstBrokenSeq, reason: check.reason };
      position = check.position;
    }
    if (rows.length < 1000) return null;
  }
}
