import "server-only";
import { chainAuditEvent } from "@/lib/audit/audit-hash";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import { parseAuditEventInput, type AuditEventInput } from "@/lib/audit/audit-event-input";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/**
 * Appends an event to the audit chain inside the caller's transaction, so the event commits or rolls
 * back together with the change it describes.
 *
 * Appends are serialized by a transaction-scoped advisory lock: the next appender waits until this
 * transaction ends, then reads the new head. PostgreSQL makes a commit visible before it releases the
 * transaction's locks, so under READ COMMITTED (the default, which callers must keep) the head read
 * after the lock is always the latest committed event. Under REPEATABLE READ or SERIALIZABLE the
 * snapshot could predate the lock; the unique seq and prev_hash then turn that into an error, never
 * a fork. The lock is held until commit: append as the last step of the transaction, and never hold
 * the transaction across a network call.
 */

// Any fixed 64-bit key distinct from the migration runner's (7_031_995_113).
const auditChainLockKey = "7031995114";

export async function appendAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<AuditEventRecord> {
  // Validate before taking the lock so that a bad input never makes other writers wait.
  const { occurredAt, ...content } = parseAuditEventInput(input);
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${auditChainLockKey})`);
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  // Stamped under the lock, so time follows seq unless the caller supplies its own time.
  const event = chainAuditEvent(head, { ...content, occurredAt: occurredAt ?? new Date() });
  await tx.auditEvent.create({
    data: { ...event, before: event.before ?? Prisma.DbNull, after: event.after ?? Prisma.DbNull },
    select: { seq: true },
  });
  return event;
}

/** Appends an event in a transaction of its own, for events that accompany no other write (e.g. a denied access). */
export function recordAuditEvent(input: AuditEventInput, client: PrismaClient = db()): Promise<AuditEventRecord> {
  return client.$transaction((tx) => appendAuditEvent(tx, input));
}
