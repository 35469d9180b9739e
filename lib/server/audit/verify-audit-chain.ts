import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import { type ChainPosition, chainStart, checkLink } from "@/lib/audit/chain-verifier";
import type { Prisma } from "@/lib/generated/prisma/client";

export type { ChainVerdict } from "@/lib/audit/chain-verifier";

/** What a break looks like, named for the reader of audit:verify and of the audit page. */
export type Tampering = "missing" | "altered" | "rewritten" | "forged-append" | "truncated" | "forged-checkpoint";

/** A verified checkpoint the walk holds the chain to (lib/server/audit/verify-audit-log.ts). */
export type ChainAnchor = { headSeq: bigint; headHash: string; signedAt: Date };

export type AnchoredChainVerdict = { ok: true; count: number } | { ok: false; count: number; firstBrokenSeq: bigint; reason: string; tampering: Tampering };

/**
 * Events are stamped under the chain's lock after the checkpoint that precedes them was taken, so one
 * dated earlier than that checkpoint was not appended by the portal. The margin absorbs clock skew
 * between portal instances (each stamps with its own clock).
 */
export const backdatingToleranceMs = 60_000;

/**
 * Walks the whole chain in seq order, a batch at a time (memory stays constant however long the log),
 * recomputing every hash and link, and reports the first place it breaks. Rows are immutable and
 * commit in seq order, so reading batch by batch while others append still sees a consistent prefix.
 *
 * `start` is where the walk begins: the genesis, or the last archived event (events below it left the
 * table through the archive, and a row still found below it is reported). The chain alone cannot tell a shortened, extended or recomputed chain from a genuine one: whoever
 * can write the table can recompute every hash. `anchors` (signed checkpoints, already verified) add
 * what the database owner cannot forge: the event at a checkpoint's seq must carry its hash (else the
 * chain was rewritten at or before that seq), and no event beyond a checkpoint may be dated before it
 * (else it was appended afterwards with a forged date). Truncation below the newest checkpoint is the
 * caller's check, since it needs the head.
 */
export async function verifyAuditChain(
  client: Prisma.TransactionClient,
  options: { batchSize?: number; anchors?: readonly ChainAnchor[]; start?: ChainPosition } = {},
): Promise<AnchoredChainVerdict> {
  const batchSize = options.batchSize ?? 1000;
  const anchors = [...(options.anchors ?? [])].sort((a, b) => (a.headSeq < b.headSeq ? -1 : a.headSeq > b.headSeq ? 1 : 0));
  let nextAnchor = 0;
  let passed: ChainAnchor | undefined; // the newest anchor at or below the walk
  // After an archive (archive-audit-log.ts) the walk starts from the last archived event's hash.
  const start = options.start ?? chainStart;
  let position = start;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      // The first batch has no lower bound, so a stray row below seq 1 is reported too.
      where: position === start ? {} : { seq: { gte: position.nextSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows satisfies AuditEventRecord[]) {
      const check = checkLink(position, row);
      if (!check.ok) return { ok: false, count: position.count, firstBrokenSeq: check.firstBrokenSeq, reason: check.reason, tampering: row.seq === position.nextSeq ? "altered" : "missing" };
      if (passed && row.occurredAt.getTime() < passed.signedAt.getTime() - backdatingToleranceMs) {
        return {
          ok: false,
          count: position.count,
          firstBrokenSeq: row.seq,
          tampering: "forged-append",
          reason: `event ${row.seq} is dated ${row.occurredAt.toISOString()}, before the checkpoint signed at ${passed.signedAt.toISOString()} for seq ${passed.headSeq}: it was appended after that checkpoint with a date in the past`,
        };
      }
      for (let anchor = anchors[nextAnchor]; anchor && anchor.headSeq <= row.seq; anchor = anchors[++nextAnchor]) {
        if (anchor.headSeq === row.seq && anchor.headHash !== row.hash) {
          return {
            ok: false,
            count: position.count,
            firstBrokenSeq: row.seq,
            tampering: "rewritten",
            reason: `event ${row.seq} has hash ${row.hash}, but the checkpoint signed at ${anchor.signedAt.toISOString()} recorded ${anchor.headHash}: the chain was rewritten at or before seq ${row.seq}${passed ? ` (after seq ${passed.headSeq}, where the previous checkpoint still holds)` : ""}`,
          };
        }
        passed = anchor;
      }
      position = check.position;
    }
    if (rows.length < batchSize) return { ok: true, count: position.count };
  }
}
