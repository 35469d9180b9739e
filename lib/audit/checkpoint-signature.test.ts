import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkpointSignatureHolds, checkpointSigningKey, checkpointVerificationKey, exportCheckpointPublicKey, signCheckpoint } from "./checkpoint-signature";

const seed = randomBytes(32).toString("base64");
const key = checkpointSigningKey(seed);
const fields = { headSeq: 42n, headHash: "a".repeat(64), signedAt: new Date("2026-11-30T03:00:00.000Z") };

describe("checkpoint signatures", () => {
  it("verify with the public key alone, which carries the same key id", () => {
    const signature = signCheckpoint(key, fields);
    const auditor = checkpointVerificationKey(exportCheckpointPublicKey(key));
    expect(auditor.keyId).toBe(key.keyId);
    expect(checkpointSignatureHolds(auditor, fields, signature)).toBe(true);
  });

  it("fail when any signed field changes", () => {
    const signature = signCheckpoint(key, fields);
    expect(checkpointSignatureHolds(key, { ...fields, headSeq: 43n }, signature)).toBe(false);
    expect(checkpointSignatureHolds(key, { ...fields, headHash: "b".repeat(64) }, signature)).toBe(false);
    expect(checkpointSignatureHolds(key, { ...fields, signedAt: new Date("2026-11-30T03:00:00.001Z") }, signature)).toBe(false);
  });

  it("fail under another key, and for garbage", () => {
    const other = checkpointSigningKey(randomBytes(32).toString("base64"));
    expect(other.keyId).not.toBe(key.keyId);
    expect(checkpointSignatureHolds(other, fields, signCheckpoint(key, fields))).toBe(false);
    expect(checkpointSignatureHolds(key, fields, "not a signature")).toBe(false);
    expect(checkpointSignatureHolds(key, { ...fields, headHash: "not hex" }, signCheckpoint(key, fields))).toBe(false);
  });

  it("refuse a key that is not 32 bytes, naming the variable's format", () => {
    expect(() => checkpointSigningKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes in base64/);
    expect(() => checkpointVerificationKey("")).toThrow(/32 bytes in base64/);
  });
});
