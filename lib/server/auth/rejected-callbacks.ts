import "server-only";
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

type Row = { windowStart: Date; reason: string; clientKey: string; count: number; lastSeenAt: Date };

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
    const windows = new Map<number, Row[]>();
    for (const row of rows) windows.set(row.windowStart.getTime(), [...(windows.get(row.windowStart.getTime()) ?? []), row]);
    for (const [start, windowRows] of windows) await appendAuditEvent(tx, summaryEvent(new Date(start), windowRows));
    return { windows: windows.size, callbacks: rows.reduce((sum, row) => sum + row.count, 0) };
  });
}

function summaryEvent(windowStart: Date, rows: readonly Row[]): Parameters<typeof appendAuditEvent>[1] {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const byReason = Object.fromEntries(countsBy(rows, (row) => row.reason));
  const perClient = [...countsBy(rows, (row) => row.clientKey)].map(([client, count]) => ({ client, count }));
  perClient.sort((a, b) => b.count - a.count || a.client.localeCompare(b.client));
  return {
    // Stamped with the window's end, so the event sorts where the callbacks happened.
    occurredAt: new Date(Math.max(...rows.map((row) => row.lastSeenAt.getTime()))),
    actor: { kind: "system", objectId: null, name: "Clusterdesk" },
    action: "auth.callbacks_rejected",
    outcome: "failure",
    reason: `${total} sign-in callback(s) without a valid sign-in attempt`,
    after: {
      windowStart: windowStart.toISOString(),
      windowEnd: new Date(windowStart.getTime() + signInLimits.rejectionWindowMs).toISOString(),
      total,
      byReason,
      clientCount: perClient.length,
      topClients: perClient.slice(0, signInLimits.summarisedClients),
    },
  };
}

function countsBy(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + row.count);
  return counts;
}
