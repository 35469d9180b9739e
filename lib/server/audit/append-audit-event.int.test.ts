import { describe, expect, it } from "vitest";
import { genesisHash } from "@/lib/audit/audit-hash";
import { db } from "@/lib/server/db/client";
import { appendAuditEvent, recordAuditEvent } from "./append-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

const signIn = {
  actor: { kind: "user", objectId: "11111111-1111-4111-8111-111111111111", name: "Ada Admin", upn: "ada@contoso.example" },
  action: "auth.sign_in",
  outcome: "success",
  correlationId: "append-test",
  clientIp: "127.0.0.1",
  userAgent: "vitest",
} as const;

class Rollback extends Error {}

describe("appendAuditEvent", () => {
  it("links each event to the chain head and stores exactly what it hashed", async () => {
    const first = await recordAuditEvent(signIn);
    const second = await db().$transaction((tx) =>
      appendAuditEvent(tx, {
        ...signIn,
        action: "cluster.authorized_ip_ranges.changed",
        target: { type: "cluster", id: "aks-1", clusterId: "/subscriptions/s/aks-1", tenantId: "payments" },
        before: { ranges: [], note: "Zoë 🚀", at: new Date(Date.UTC(2026, 0, 1)) },
        after: { ranges: ["203.0.113.7/32"], ratio: 0.1, big: 1e21, nested: { b: null, a: [true] } },
        reason: "VPN egress",
      }),
    );
    expect(second.seq).toBe(first.seq + 1n);
    expect(second.prevHash).toBe(first.hash);
    if (first.seq === 1n) expect(first.prevHash).toBe(genesisHash);

    const stored = await db().auditEvent.findUniqueOrThrow({ where: { seq: second.seq } });
    expect(stored).toEqual(second);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("leaves no event when the caller's transaction rolls back, and the chain still verifies", async () => {
    const before = await db().auditEvent.count();
    await expect(
      db().$transaction(async (tx) => {
        await appendAuditEvent(tx, { ...signIn, correlationId: "rolled-back" });
        throw new Rollback("the change failed");
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await db().auditEvent.count({ where: { correlationId: "rolled-back" } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(before);

    const next = await recordAuditEvent(signIn);
    expect(next.seq).toBe(BigInt(before) + 1n);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, count: before + 1 });
  });

  it("refuses an invalid event before writing anything", async () => {
    const before = await db().auditEvent.count();
    await expect(recordAuditEvent({ ...signIn, action: "Sign In" })).rejects.toThrow(/dotted lower-case verb/);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("makes untrusted header text storable without breaking the chain", async () => {
    const event = await recordAuditEvent({ ...signIn, userAgent: `bad\u0000agent \ud800 ${"x".repeat(600)}` });
    expect(event.userAgent).toMatch(/^bad\uFFFDagent \uFFFD x+$/);
    expect(event.userAgent).toHaveLength(512);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
