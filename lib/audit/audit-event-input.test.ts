import { describe, expect, it } from "vitest";
import { parseAuditEventInput } from "./audit-event-input";

const minimal = { actor: { kind: "system" }, action: "expiry.range_removed", outcome: "success" } as const;

describe("parseAuditEventInput", () => {
  it("flattens actor and target and turns absent fields into nulls", () => {
    expect(parseAuditEventInput({ ...minimal, target: { type: "cluster", id: "aks-1" } })).toEqual({
      occurredAt: null,
      actorKind: "system",
      actorObjectId: null,
      actorName: null,
      actorUpn: null,
      action: "expiry.range_removed",
      targetType: "cluster",
      targetId: "aks-1",
      clusterId: null,
      tenantId: null,
      outcome: "success",
      before: null,
      after: null,
      reason: null,
      correlationId: null,
      clientIp: null,
      userAgent: null,
    });
  });

  it("stores snapshots as plain JSON", () => {
    const parsed = parseAuditEventInput({ ...minimal, after: { expiresAt: new Date(0), gone: undefined, ranges: ["203.0.113.7/32"] } });
    expect(parsed.after).toEqual({ expiresAt: "1970-01-01T00:00:00.000Z", ranges: ["203.0.113.7/32"] });
  });

  it.each(["Sign In", "sign_in", "auth.", "auth.Sign_in", ".auth"])("refuses the action %j", (action) => {
    expect(() => parseAuditEventInput({ ...minimal, action })).toThrow(/dotted lower-case verb/);
  });

  it("refuses unknown outcomes and actor kinds", () => {
    expect(() => parseAuditEventInput({ ...minimal, outcome: "maybe" as "success" })).toThrow();
    expect(() => parseAuditEventInput({ ...minimal, actor: { kind: "robot" as "system" } })).toThrow();
  });

  it("refuses snapshots that JSON cannot hold unchanged", () => {
    expect(() => parseAuditEventInput({ ...minimal, before: { ratio: Number.NaN } })).toThrow(/NaN/);
  });
});
