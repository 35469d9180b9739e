import { describe, expect, it } from "vitest";
import { parseAuditEventInput } from "@/lib/audit/audit-event-input";
import { callbackRejectionSummaries, type CallbackRejectionCount } from "./callback-rejection-summary";

const minute = (n: number) => new Date(Date.UTC(2026, 10, 29, 12, n));
const count = (window: number, reason: string, clientKey: string, n: number): CallbackRejectionCount => ({
  windowStart: minute(window),
  reason,
  clientKey,
  count: n,
  lastSeenAt: new Date(minute(window).getTime() + n * 1000),
});

describe("callbackRejectionSummaries", () => {
  it("makes one event per window with totals per reason and the most frequent clients", () => {
    const events = callbackRejectionSummaries(
      [count(1, "missing_attempt", "198.51.100.1", 5), count(0, "missing_attempt", "198.51.100.9", 1), count(1, "unknown_attempt", "198.51.100.1", 2), count(1, "missing_attempt", "198.51.100.2", 9)],
      { windowMs: 60_000, clientsNamed: 1 },
    );
    expect(events.map((event) => event.after)).toEqual([
      { windowStart: minute(0).toISOString(), windowEnd: minute(1).toISOString(), lastSeenAt: new Date(minute(0).getTime() + 1000).toISOString(), total: 1, byReason: { missing_attempt: 1 }, clientCount: 1, topClients: [{ client: "198.51.100.9", count: 1 }] },
      { windowStart: minute(1).toISOString(), windowEnd: minute(2).toISOString(), lastSeenAt: new Date(minute(1).getTime() + 9000).toISOString(), total: 16, byReason: { missing_attempt: 14, unknown_attempt: 2 }, clientCount: 2, topClients: [{ client: "198.51.100.2", count: 9 }] },
    ]);
  });

  it("produces valid audit events by the system actor", () => {
    const [event] = callbackRejectionSummaries([count(0, "expired_attempt", "unknown", 3)], { windowMs: 60_000, clientsNamed: 20 });
    if (!event) throw new Error("no event");
    expect(parseAuditEventInput(event)).toMatchObject({ action: "auth.callbacks_rejected", actorKind: "system", outcome: "failure", occurredAt: null });
  });

  it("makes nothing of nothing", () => expect(callbackRejectionSummaries([], { windowMs: 60_000, clientsNamed: 20 })).toEqual([]));
});
