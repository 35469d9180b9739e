import { expect, it } from "vitest";
import { fieldDiff } from "./field-diff";

it("lists changed, added and removed fields by path, unchanged ones left out", () => {
  expect(
    fieldDiff(
      { status: "pending", decision: { by: "Alex", comment: null }, attempts: 1 },
      { status: "approved", decision: { by: "Alex", comment: "ok" }, appliedAt: "2026-11-30" },
    ),
  ).toEqual([
    { path: "appliedAt", change: "added", before: null, after: "2026-11-30" },
    { path: "attempts", change: "removed", before: "1", after: null },
    { path: "decision.comment", change: "changed", before: "null", after: "ok" },
    { path: "status", change: "changed", before: "pending", after: "approved" },
  ]);
});

it("names the elements a list gained and lost (an IP list, a role list)", () => {
  expect(fieldDiff({ ranges: ["203.0.113.7/32", "198.51.100.0/24"] }, { ranges: ["198.51.100.0/24", "192.0.2.1/32"] })).toEqual([
    { path: "ranges", change: "changed", before: "203.0.113.7/32, 198.51.100.0/24", after: "198.51.100.0/24, 192.0.2.1/32", added: ["192.0.2.1/32"], removed: ["203.0.113.7/32"] },
  ]);
});

it("treats a missing side as an object of nothing and a scalar side as the field `value`", () => {
  expect(fieldDiff(null, { range: "203.0.113.7/32" })).toEqual([{ path: "range", change: "added", before: null, after: "203.0.113.7/32" }]);
  expect(fieldDiff("pending", "approved")).toEqual([{ path: "value", change: "changed", before: "pending", after: "approved" }]);
  expect(fieldDiff(null, null)).toEqual([]);
  expect(fieldDiff({ same: [1, 2] }, { same: [1, 2] })).toEqual([]);
});
