import { expect, it } from "vitest";
import { groupsFreshness, sessionPolicy } from "./session-policy";

const checkedAt = new Date("2026-11-29T12:00:00Z");
const after = (ms: number) => new Date(checkedAt.getTime() + ms);
const interval = 5 * 60_000;

it("uses groups younger than the refresh interval as they are", () => {
  expect(groupsFreshness(checkedAt, after(interval - 1), interval)).toBe("fresh");
});

it("re-reads them after the interval, with the last known ones usable for the grace time only", () => {
  expect(groupsFreshness(checkedAt, after(interval), interval)).toBe("due");
  expect(groupsFreshness(checkedAt, after(interval + sessionPolicy.groupRefreshGraceMs - 1), interval)).toBe("due");
  expect(groupsFreshness(checkedAt, after(interval + sessionPolicy.groupRefreshGraceMs), interval)).toBe("expired");
});
