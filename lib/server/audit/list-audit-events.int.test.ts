import { expect, it } from "vitest";
import { recordAuditEvent } from "./append-audit-event";
import { listAuditEvents } from "./list-audit-events";

it("pages through filtered events newest first", async () => {
  const correlationId = `list-${Date.now()}`;
  for (const outcome of ["success", "denied", "success", "success", "failure"] as const) {
    await recordAuditEvent({
      actor: { kind: "user", objectId: "list-user" },
      action: "request.created",
      target: { type: "request", id: "r-1", tenantId: "payments" },
      outcome,
      correlationId,
    });
  }
  const filters = { correlationId, outcome: "success" as const, tenantId: "payments", target: { type: "request", id: "r-1" } };

  const first = await listAuditEvents({ filters, limit: 2 });
  expect(first.events).toHaveLength(2);
  expect(first.events[0]?.seq).toBeGreaterThan(first.events[1]?.seq ?? 0n);
  expect(first.nextCursor).toBe(first.events[1]?.seq);

  const second = await listAuditEvents({ filters, limit: 2, cursor: first.nextCursor });
  expect(second.events).toHaveLength(1);
  expect(second.nextCursor).toBeNull();
  expect([...first.events, ...second.events].every((event) => event.outcome === "success" && event.correlationId === correlationId)).toBe(true);

  expect((await listAuditEvents({ filters: { correlationId, from: new Date(Date.now() + 60_000) } })).events).toEqual([]);
});
