import { describe, expect, it } from "vitest";
import { addRangeForm, expiresAtFor } from "./ip-range-request";

const valid = { range: "203.0.113.7", owner: "CI", justification: "Build agents", expiry: "8h" };

describe("addRangeForm", () => {
  it("turns a bare address into a /32", () => {
    expect(addRangeForm.parse(valid).range).toBe("203.0.113.7/32");
  });

  it("rejects host bits and suggests the network address", () => {
    const result = addRangeForm.safeParse({ ...valid, range: "10.1.2.3/24" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["range", "10.1.2.3/24: host bits are set; did you mean 10.1.2.0/24?"]]);
  });

  it("requires a reason and a known expiry", () => {
    const result = addRangeForm.safeParse({ ...valid, justification: "", expiry: "forever" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["justification", "expiry"]);
  });
});

it("computes the expiry from the choice", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  expect(expiresAtFor("8h", now)?.toISOString()).toBe("2026-11-26T18:00:00.000Z");
  expect(expiresAtFor("never", now)).toBeNull();
});
