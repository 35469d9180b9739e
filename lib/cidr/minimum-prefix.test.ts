import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rangeTooWide } from "./minimum-prefix";

describe("rangeTooWide", () => {
  it("always refuses the allow-all range, whatever the minimum", () => {
    expect(rangeTooWide("0.0.0.0/0", 0)).toMatch(/every IPv4 address.*whole internet/);
    expect(rangeTooWide("0.0.0.0/0", 16)).toMatch(/every IPv4 address/);
  });

  it("refuses ranges shorter than the minimum and explains the limit", () => {
    expect(rangeTooWide("10.0.0.0/8", 16)).toBe(
      "10.0.0.0/8 allows 16,777,216 addresses; Clusterdesk accepts ranges of /16 or narrower (at most 65,536 addresses). Ask for the networks that need the API server.",
    );
  });

  it("accepts the minimum itself and anything narrower, and leaves unparsable text to the parser", () => {
    expect(rangeTooWide("172.16.0.0/16", 16)).toBeNull();
    expect(rangeTooWide("203.0.113.7", 16)).toBeNull();
    expect(rangeTooWide("not a range", 16)).toBeNull();
  });

  it("refuses exactly the prefixes below the minimum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 32 }), (prefix, minimum) => {
        expect(rangeTooWide(`0.0.0.0/${prefix}`, minimum) !== null).toBe(prefix < minimum);
      }),
    );
  });
});
