import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { archiveHeaderLine, archiveTrailerLine, verifyArchiveLines } from "./archive-file";
import { chainAuditEvent, genesisHash } from "./audit-hash";
import type { AuditEventRecord } from "./audit-event";
import { checkpointSigningKey, signCheckpoint } from "./checkpoint-signature";
import { auditEventToJsonLine } from "./export-format";

const key = checkpointSigningKey(randomBytes(32).toString("base64"));

function events(count: number): AuditEventRecord[] {
  const out: AuditEventRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    out.push(chainAuditEvent(out.at(-1) ?? null, {
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, index)), actorKind: "user", actorObjectId: `u${index}`, actorName: null, actorUpn: null, action: "request.created",
      targetType: null, targetId: null, clusterId: null, tenantId: null, outcome: "success", before: null, after: { index, nested: { b: 1, a: [1, "x"] } }, reason: null, correlationId: null, clientIp: null, userAgent: null,
    }));
  }
  return out;
}

function archive(records: AuditEventRecord[], options: { signed?: boolean; trailer?: boolean; lastSeq?: string } = {}): string[] {
  const last = records.at(-1);
  if (!last) throw new Error("no events");
  const fields = { headSeq: last.seq, headHash: last.hash, signedAt: new Date(Date.UTC(2026, 0, 2)) };
  const checkpoint = options.signed === false ? null : { id: "1", headSeq: String(last.seq), headHash: last.hash, signedAt: fields.signedAt.toISOString(), keyId: key.keyId, signature: signCheckpoint(key, fields) };
  const lines = [archiveHeaderLine({ firstSeq: "1", lastSeq: options.lastSeq ?? String(last.seq), prevHash: genesisHash }), ...records.map(auditEventToJsonLine)];
  if (options.trailer !== false) lines.push(archiveTrailerLine(checkpoint));
  return lines.join("").split("\n");
}

describe("verifyArchiveLines", () => {
  it("verifies the chain and the signed checkpoint of a whole archive", async () => {
    expect(await verifyArchiveLines(archive(events(5)), key)).toMatchObject({ ok: true, firstSeq: 1n, lastSeq: 5n, count: 5, checkpoint: "verified", warnings: [] });
    expect(await verifyArchiveLines(archive(events(5)), null)).toMatchObject({ ok: true, checkpoint: "unchecked" });
    expect(await verifyArchiveLines(archive(events(2), { signed: false }), key)).toMatchObject({ ok: true, checkpoint: "absent" });
  });

  it("refuses an archive cut short, a header that promises more, an altered event and a forged checkpoint", async () => {
    expect(await verifyArchiveLines(archive(events(3), { trailer: false }), key)).toMatchObject({ ok: false, reason: expect.stringMatching(/trailer is missing/) });
    expect(await verifyArchiveLines(archive(events(3), { lastSeq: "4" }), key)).toMatchObject({ ok: false, reason: expect.stringMatching(/announces events up to seq 4/) });
    const altered = archive(events(3)).map((line) => line.replace('"u1"', '"mallory"'));
    expect(await verifyArchiveLines(altered, key)).toMatchObject({ ok: false, line: 3, reason: expect.stringMatching(/event 2: .*altered/) });
    const forged = archive(events(3)).map((line) => line.replace(/"signature":"[^"]+"/, `"signature":"${Buffer.alloc(64).toString("base64")}"`));
    expect(await verifyArchiveLines(forged, key)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not hold/) });
    expect(await verifyArchiveLines(archive(events(3)).slice(1), key)).toMatchObject({ ok: false, line: 1 });
  });
});
