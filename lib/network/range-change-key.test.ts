import { expect, it } from "vitest";
import { rangeChangeKey } from "./range-change-key";

const add = (range: string, owner: string | null = null, lifetimeSeconds: number | null = null) => ({ range, owner, lifetimeSeconds });

it("treats requests that touch the same ranges as the same change, whatever their owner or lifetime", () => {
  const first = rangeChangeKey({ add: [add("203.0.113.7", "CI", 28_800)], remove: [] });
  expect(rangeChangeKey({ add: [add("203.0.113.7/32", "build agents", null)], remove: [] })).toBe(first);
});

it("ignores order and repetition, and tells additions from removals", () => {
  expect(rangeChangeKey({ add: [add("198.51.100.0/24"), add("203.0.113.7/32")], remove: [] })).toBe(
    rangeChangeKey({ add: [add("203.0.113.7/32"), add("198.51.100.0/24"), add("198.51.100.0/24")], remove: [] }),
  );
  expect(rangeChangeKey({ add: [add("203.0.113.7/32")], remove: [] })).not.toBe(rangeChangeKey({ add: [], remove: ["203.0.113.7/32"] }));
  expect(rangeChangeKey({ add: [add("203.0.113.7/32")], remove: [] })).not.toBe(rangeChangeKey({ add: [add("203.0.113.8/32")], remove: [] }));
});
