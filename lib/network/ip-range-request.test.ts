import { describe, expect, it } from "vitest";
import { addRangeForm, describeLifetime, expiresAtAfter, lifetimeSecondsFor } from "./ip-range-request";

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

it("stores the chosen lifetime and counts it from the moment the range is applied", () => {
  expect(lifetimeSecondsFor("8h")).toBe(8 * 3600);
  expect(lifetimeSecondsFor("never")).toBeNull();
  // Requested at 10:00, approved and applied at 18:30: the range stays until 02:30, not until 18:00.
  const appliedAt = new Date("2026-11-26T18:30:00Z");
  expect(expiresAtAfter(lifetimeSecondsFor("8h"), appliedAt)?.toISOString()).toBe("2026-11-27T02:30:00.000Z");
  expect(expiresAtAfter(null, appliedAt)).toBeNull();
});

it("describes a stored lifetime in words, also one migrated from an older absolute expiry", () => {
  expect(describeLifetime(8 * 3600)).toBe("8 hours");
  expect(describeLifetime(7 * 86_400)).toBe("7 days");
  expect(describeLifetime(90 * 60)).toBe("90 minutes");
  expect(describeLifetime(3600)).toBe("1 hour");
});
