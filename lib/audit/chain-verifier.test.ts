import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuditEventRecord } from "./audit-event";
import { chainAuditEvent, type AuditEventContent } from "./audit-hash";
import { sampleContent } from "./sample-audit-event";
import { verifyAuditEvents } from "./chain-verifier";

function buildChain(contents: AuditEventContent[]): AuditEventRecord[] {
  const events: AuditEventRecord[] = [];
  for (const content of contents) events.push(chainAuditEvent(events.at(-1) ?? null, content));
  return events;
}

const content: fc.Arbitrary<AuditEventContent> = fc.record({
  occurredAt: fc.date({ min: new Date("2020-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
  actorKind: fc.constantFrom("user", "system"),
  actorObjectId: fc.option(fc.uuid(), { nil: null }),
  actorName: fc.option(fc.string(), { nil: null }),
  actorUpn: fc.option(fc.emailAddress(), { nil: null }),
  action: fc.constantFrom("auth.sign_in", "request.created", "cluster.authorized_ip_ranges.changed"),
  targetType: fc.option(fc.constantFrom("cluster", "request"), { nil: null }),
  targetId: fc.option(fc.string(), { nil: null }),
  clusterId: fc.option(fc.string(), { nil: null }),
  tenantId: fc.option(fc.string(), { nil: null }),
  outcome: fc.constantFrom("success", "failure", "denied"),
  before: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: null }),
  after: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: null }),
  reason: fc.option(fc.string(), { nil: null }),
  correlationId: fc.option(fc.uuid(), { nil: null }),
  clientIp: fc.option(fc.ipV4(), { nil: null }),
  userAgent: fc.option(fc.string(), { nil: null }),
});

type Field = keyof AuditEventRecord;
const fields = Object.keys(chainAuditEvent(null, sampleContent)) as Field[];

/** A value for `field` that differs from the current one. */
function mutate(event: AuditEventRecord, field: Field, salt: number): AuditEventRecord {
  const value = event[field];
  const changed = (() => {
    switch (field) {
      case "seq": return event.seq + BigInt(salt + 1);
      case "occurredAt": return new Date(event.occurredAt.getTime() + salt + 1);
      case "actorKind": return event.actorKind === "user" ? "system" : "user";
      case "outcome": return event.outcome === "success" ? "denied" : "success";
      case "prevHash": case "hash": return (typeof value === "string" && value.startsWith("f") ? "e" : "f") + String(value).slice(1);
      case "before": case "after": return value === null ? { salt } : { wrapped: value, salt };
      default: return value === null ? `x${salt}` : `${String(value)}x`;
    }
  })();
  return { ...event, [field]: changed };
}

describe("verifyAuditEvents", () => {
  it("accepts an empty chain and an intact one", () => {
    expect(verifyAuditEvents([])).toEqual({ ok: true, count: 0 });
    expect(verifyAuditEvents(buildChain([sampleContent, sampleContent, sampleContent]))).toEqual({ ok: true, count: 3 });
  });

  it("reports a missing event at the seq that should have followed", () => {
    const chain = buildChain([sampleContent, sampleContent, sampleContent]);
    const verdict = verifyAuditEvents([chain[0], chain[2]].filter((event) => event !== undefined));
    expect(verdict).toMatchObject({ ok: false, count: 1, firstBrokenSeq: 2n });
  });

  it("detects any single-field mutation of any event at that event", () => {
    fc.assert(
      fc.property(
        fc.array(content, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...fields),
        fc.nat({ max: 1000 }),
        (contents, pick, field, salt) => {
          const chain = buildChain(contents);
          const index = pick % chain.length;
          const original = chain[index];
          if (!original) throw new Error("unreachable");
          chain[index] = mutate(original, field, salt);
          const verdict = verifyAuditEvents(chain);
          expect(verdict).toMatchObject({ ok: false, count: index, firstBrokenSeq: BigInt(index + 1) });
        },
      ),
      { numRuns: 300 },
    );
  });
});
