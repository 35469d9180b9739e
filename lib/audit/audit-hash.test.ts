import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditEventDocument, chainAuditEvent, computeAuditHash, genesisHash } from "./audit-hash";
import { sampleContent } from "./sample-audit-event";


describe("audit hash", () => {
  it("is sha256 of prevHash followed by the canonical document, in lower-case hex", () => {
    const first = chainAuditEvent(null, sampleContent);
    const expected = createHash("sha256").update(genesisHash + auditEventDocument(first)).digest("hex");
    expect(first.hash).toBe(expected);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("starts the chain at seq 1 on the genesis hash and links each event to its predecessor", () => {
    const first = chainAuditEvent(null, sampleContent);
    const second = chainAuditEvent(first, { ...sampleContent, action: "request.created" });
    expect(first).toMatchObject({ seq: 1n, prevHash: genesisHash });
    expect(second).toMatchObject({ seq: 2n, prevHash: first.hash });
    expect(second.hash).toBe(computeAuditHash(second));
  });

  it("documents every field with sorted keys, seq as a decimal string and nulls kept", () => {
    const event = chainAuditEvent(null, { ...sampleContent, before: null, reason: null });
    const document = JSON.parse(auditEventDocument(event)) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual([...Object.keys(document)].sort());
    expect(document).toMatchObject({ seq: "1", occurredAt: "2026-11-26T09:30:00.125Z", before: null, reason: null });
    expect(Object.keys(document)).toHaveLength(19);
    expect(document).not.toHaveProperty("hash");
  });

  it("depends on the previous hash", () => {
    const fields = { ...sampleContent, seq: 5n, prevHash: "a".repeat(64) };
    expect(computeAuditHash(fields)).not.toBe(computeAuditHash({ ...fields, prevHash: "b".repeat(64) }));
  });
});
