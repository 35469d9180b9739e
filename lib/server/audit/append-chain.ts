import "server-only";
import { chainAuditEvent, type AuditChainHead } from "@/lib/audit/audit-hash";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import type { parseAuditEventInput } from "@/lib/audit/audit-event-input";
import { Prisma } from "@/lib/generated/prisma/client";

/** A validated event, not yet in the chain; occurredAt is null when the chain should stamp it. */
export type ParsedAuditEvent = ReturnType<typeof parseAuditEventInput>;

// Any fixed 64-bit key distinct from the migration runner's (7_031_995_113).
export const auditChainLockKey = "7031995114";

/**
 * Appends events, in order, to the chain inside `tx`, with the fewest round trips under the chain's
 * lock: take it, read the head once, hash in memory, insert every event in one statement.
 *
 * The lock is transaction-scoped: the next appender waits until this transaction ends, then reads the
 * new head. PostgreSQL makes a commit visible before it releases the transaction's locks, so under
 * READ COMMITTED (the default, which callers must keep) the head read after the lock is always the
 * latest committed event. Under REPEATABLE READ or SERIALIZABLE the snapshot could predate the lock;
 * the unique seq and prev_hash then turn that into an error, never a fork. The lock is held until
 * commit: append as the last step of the transaction, and never hold the transaction across a
 * network call.
 */
export async function appendParsedAuditEvents(tx: Prisma.TransactionClient, events: readonly ParsedAuditEvent[]): Promise<AuditEventRecord[]> {
  if (events.length === 0) return [];
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${auditChainLockKey})`);
  const [top] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1`;
  let head: AuditChainHead = top ? { seq: BigInt(top.seq), hash: top.hash } : null;
  // Stamped under the lock, so time follows seq unless the caller supplies its own time.
  const now = new Date();
  const records = events.map(({ occurredAt, ...content }) => {
    const record = chainAuditEvent(head, { ...content, occurredAt: occurredAt ?? now });
    head = record;
    return record;
  });
  await tx.auditEvent.createMany({
    data: records.map((record) => ({ ...record, before: record.before ?? Prisma.DbNull, after: record.after ?? Prisma.DbNull })),
  });
  return records;
}
