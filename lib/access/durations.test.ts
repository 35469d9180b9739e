import { describe, expect, it } from "vitest";
import { grantExpiresAt, maximumUntilDays, untilDateProblem } from "./durations";
import { describeGrantLifetime } from "./describe-change";

const now = new Date("2026-11-30T10:00:00Z");
const hours = (count: number) => new Date(now.getTime() + count * 3_600_000);

describe("a grant until a date", () => {
  it("must be a time, in the future, and within the maximum", () => {
    expect(untilDateProblem(null, now)).toBe("Choose the date and time the access ends.");
    expect(untilDateProblem(new Date("nonsense"), now)).toBe("Choose the date and time the access ends.");
    expect(untilDateProblem(hours(-1), now)).toBe("Choose a time in the future.");
    expect(untilDateProblem(now, now)).toBe("Choose a time in the future.");
    expect(untilDateProblem(hours(maximumUntilDays * 24 + 1), now)).toBe(`Choose a time within ${maximumUntilDays} days; longer access is permanent access and should say so.`);
    expect(untilDateProblem(hours(maximumUntilDays * 24), now)).toBeNull();
    expect(untilDateProblem(hours(2), now)).toBeNull();
  });

  it("expires at that instant, whenever it is applied; a duration counts from application", () => {
    expect(grantExpiresAt(null, hours(1), hours(30))).toEqual(hours(30));
    expect(grantExpiresAt(8 * 3600, hours(1))).toEqual(hours(9));
    expect(grantExpiresAt(null, hours(1))).toBeNull();
  });

  it("is described with its end, not as permanent", () => {
    expect(describeGrantLifetime(null, "2026-12-01T17:30:00.000Z")).toBe("until 2026-12-01 17:30 UTC");
    expect(describeGrantLifetime(null)).toBe("until revoked");
    expect(describeGrantLifetime(3600)).toBe("for 1 hour from when it takes effect");
  });
});

describe("extending a grant", () => {
  it("moves the end from the one it had when asked, so applying it twice moves it once, and says so in words", async () => {
    const { describeAccessExtension, extendedExpiry } = await import("./describe-change");
    const extension = {
      grantId: "30000000-0000-4000-8000-000000000001",
      role: "writer" as const,
      namespace: "payments-dev",
      principal: { objectId: "10000000-0000-4000-8000-000000000007", type: "User" as const, displayName: "Liam O'Brien", userPrincipalName: null },
      fromExpiresAt: "2026-11-30T18:00:00.000Z",
      extendBySeconds: 8 * 3600,
    };
    expect(extendedExpiry(extension)).toEqual(new Date("2026-12-01T02:00:00.000Z"));
    expect(describeAccessExtension(extension)).toBe("Extend Azure Kubernetes Service RBAC Writer on namespace payments-dev for Liam O'Brien by 8 hours: from 2026-11-30 18:00 UTC to 2026-12-01 02:00 UTC.");
  });
});
