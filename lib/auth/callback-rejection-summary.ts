import type { AuditEventInput } from "@/lib/audit/audit-event-input";

/** Callbacks without a valid sign-in attempt, counted for one window, reason and client. */
export type CallbackRejectionCount = { windowStart: Date; reason: string; clientKey: string; count: number; lastSeenAt: Date };

export type SummaryOptions = { windowMs: number; clientsNamed: number };

/** One audit event per window: how many, why, from how many clients, and the most frequent clients. */
export function callbackRejectionSummaries(counts: readonly CallbackRejectionCount[], options: SummaryOptions): AuditEventInput[] {
  const windows = new Map<number, CallbackRejectionCount[]>();
  for (const count of counts) {
    const window = windows.get(count.windowStart.getTime());
    if (window) window.push(count);
    else windows.set(count.windowStart.getTime(), [count]);
  }
  return [...windows].sort(([a], [b]) => a - b).map(([start, window]) => summaryOf(new Date(start), window, options));
}

function summaryOf(windowStart: Date, counts: readonly CallbackRejectionCount[], options: SummaryOptions): AuditEventInput {
  const total = counts.reduce((sum, count) => sum + count.count, 0);
  const perClient = [...totalsBy(counts, (count) => count.clientKey)].map(([client, count]) => ({ client, count }));
  perClient.sort((a, b) => b.count - a.count || a.client.localeCompare(b.client));
  return {
    actor: { kind: "system", objectId: null, name: "Clusterdesk" },
    action: "auth.callbacks_rejected",
    outcome: "failure",
    reason: `${total} sign-in callback(s) without a valid sign-in attempt`,
    after: {
      windowStart: windowStart.toISOString(),
      windowEnd: new Date(windowStart.getTime() + options.windowMs).toISOString(),
      lastSeenAt: new Date(Math.max(...counts.map((count) => count.lastSeenAt.getTime()))).toISOString(),
      total,
      byReason: Object.fromEntries(totalsBy(counts, (count) => count.reason)),
      clientCount: perClient.length,
      topClients: perClient.slice(0, options.clientsNamed),
    },
  };
}

function totalsBy(counts: readonly CallbackRejectionCount[], keyOf: (count: CallbackRejectionCount) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const count of counts) totals.set(keyOf(count), (totals.get(keyOf(count)) ?? 0) + count.count);
  return totals;
}
