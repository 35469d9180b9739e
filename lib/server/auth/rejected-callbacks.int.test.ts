import { expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { countRejectedCallback, summariseRejectedCallbacks } from "./rejected-callbacks";

// Long before anything else in the test database, so only these counters fall in the closed windows.
const at = (seconds: number) => new Date(Date.UTC(2000, 0, 1, 0, 0, seconds));

it("summarises a window only once it has been closed for a while, then forgets its counters", async () => {
  const before = await db().auditEvent.count();
  await Promise.all([
    ...Array.from({ length: 5 }, () => countRejectedCallback("missing_attempt", "192.0.2.10", at(10))),
    ...Array.from({ length: 3 }, () => countRejectedCallback("unknown_attempt", "192.0.2.11", at(59))),
  ]);
  expect(await db().signInRejection.findMany({ where: { windowStart: at(0) }, select: { clientKey: true, count: true }, orderBy: { clientKey: "asc" } })).toEqual([
    { clientKey: "192.0.2.10", count: 5 },
    { clientKey: "192.0.2.11", count: 3 },
  ]);

  // Just after the minute ends, a late write may still be on its way: nothing is summarised yet.
  expect(await summariseRejectedCallbacks(at(65))).toEqual({ windows: 0, callbacks: 0 });
  expect(await summariseRejectedCallbacks(at(95))).toEqual({ windows: 1, callbacks: 8 });

  const [event, ...more] = await db().auditEvent.findMany({ where: { seq: { gt: before } } });
  expect(more).toEqual([]);
  expect(event?.after).toMatchObject({ total: 8, byReason: { missing_attempt: 5, unknown_attempt: 3 }, clientCount: 2, topClients: [{ client: "192.0.2.10", count: 5 }, { client: "192.0.2.11", count: 3 }] });
  expect(await db().signInRejection.count({ where: { windowStart: at(0) } })).toBe(0);
  expect(await summariseRejectedCallbacks(at(95))).toEqual({ windows: 0, callbacks: 0 });
});
