import { describe, expect, it } from "vitest";
import { formatAbsoluteTime, formatRelativeTime } from "./time";

const now = new Date("2025-05-12T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelativeTime", () => {
  it("says just now for the last few seconds, then minutes, hours and days", () => {
    expect(formatRelativeTime(ago(10_000), now)).toBe("just now");
    expect(formatRelativeTime(ago(50_000), now)).toBe("50 seconds ago");
    expect(formatRelativeTime(ago(5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(ago(3 * 3_600_000 + 59 * 60_000), now)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(24 * 3_600_000), now)).toBe("yesterday");
    expect(formatRelativeTime(ago(15 * 24 * 3_600_000), now)).toBe("2 weeks ago");
  });

  it("phrases future times too (a decision deadline)", () => {
    expect(formatRelativeTime(new Date(now.getTime() + 2 * 24 * 3_600_000), now)).toBe("in 2 days");
  });
});

describe("formatAbsoluteTime", () => {
  it("is in UTC and says so", () => {
    expect(formatAbsoluteTime(now)).toBe("12 May 2025, 12:00 UTC");
  });
});
