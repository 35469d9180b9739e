import "server-only";
import { callbackRejectionSummaries } from "@/lib/auth/callback-rejection-summary";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import { signInLimits } from "./sign-in-limits";

/** Why a callback had no attempt to complete. */
export type RejectedCallbackReason = "missing_attempt" | "unknown_attempt" | "expired_attempt";

const windowStartOf = (time: Date) => new Date(Math.floor(time.getTime() / signInLimits.rejectionWindowMs) * signInLimits.rejectionWindowMs);

/**
 * Counts a callback that arrived without a valid sign-in attempt. Anyone can send those, so each one
 * is a counter increment on its own row instead of a chained audit event: it never waits for the audit
 * chain's lock, and a flood adds one row per minute, reason and client.
 */
export async function countRejectedCallback(reason: RejectedCallbackReason, clientKey: string, now = new Date()): Promise<void> {
  const key = { windowStart: windowStartOf(now), reason, clientKey };
  const increment = () => db().signInRejection.update({ where: { windowStart_reason_clientKey: key }, data: { count: { increment: 1 }, lastSeenAt: now } });
  try {
    await db().signInRejection.upsert({
      where: { windowStart_reason_clientKey: key },
      create: { ...key, count: 1, lastSeenAt: now },
      update: { count: { increment: 1 }, lastSeenAt: now },
    });
  } catch (error) {
    // Two first callbacks of a window raced to create the row: the other one won, count on it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") await increment();
    else throw error;
  }
}

const settleMs = 30_000;
// Bounds one transaction; a larger backlog is summarised over the next runs.
const maxRowsPerRun = 5_000;

/**
 * Turns every closed window's counters into one audit event for the window (in the same transaction
 * as deleting them), so a flood of bogus callbacks costs the chain one append per minute at most.
 */
export async function summariseRejectedCallbacks(now = new Date()): Promise<{ windows: number; callbacks: number }> {
  return db().$transaction(async (tx) => {
    // Only windows closed for a while: a callback counted just before the boundary has been written.
    const closedBefore = windowStartOf(new Date(now.getTime() - settleMs));
    const rows = await tx.signInRejection.findMany({ where: { windowStart: { lt: closedBefore } }, orderBy: { windowStart: "asc" }, take: maxRowsPerRun });
    if (rows.length === 0) return { windows: 0, callbacks: 0 };
    await tx.signInRejection.deleteMany({ where: { OR: rows.map(({ windowStart, reason, clientKey }) => ({ windowStart, reason, clientKey })) } });
    const summaries = callbackRejectionSummaries(rows, { windowMs: signInLimits.rejectionWindowMs, clientsNamed: signInLimits.summarisedClients });
    for (const summary of summaries) await appendAuditEvent(tx, summary);
    return { windows: summaries.length, callbacks: rows.reduce((sum, row) => sum + row.count, 0) };
  });
}
