import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import { chainStart, checkLink, type ChainVerdict } from "@/lib/audit/chain-verifier";
import type { Prisma } from "@/lib/generated/prisma/client";

export type { ChainVerdict } from "@/lib/audit/chain-verifier";

/**
 * Walks the whole chain in seq order, a batch at a time (memory stays constant however long the log),
 * recomputing every hash and link, and reports the first place it breaks. Rows are immutable and
 * commit in seq order, so reading batch by batch while others append still sees a consistent prefix.
 * Deleting the newest events leaves a shorter chain that still verifies: anchoring the head hash
 * elsewhere is what would catch that.
 */
export async function verifyAuditChain(client: Prisma.TransactionClient, options: { batchSize?: number } = {}): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 1000;
  let position = chainStart;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      // The first batch has no lower bound, so a stray row below seq 1 is reported too.
      where: position.count === 0 ? {} : { seq: { gte: position.nextSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows satisfies AuditEventRecord[]) {
      const check = checkLink(position, row);
      if (!check.ok) return { ok: false, count: position.count, firstBrokenSeq: check.firstBrokenSeq, reason: check.reason };
      position = check.position;
    }
    if (rows.length < batchSize) return { ok: true, count: position.count };
  }
}
