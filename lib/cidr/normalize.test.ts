import { describe, expect, it } from "vitest";
import { authorizedIpRangeKey, authorizedIpRangeSize, containsAddress, normalizeAuthorizedIpRange, sortAuthorizedIpRanges } from "./normalize";

describe("normalizeAuthorizedIpRange", () => {
  it("returns the canonical form or undefined", () => {
    expect(normalizeAuthorizedIpRange(" 198.51.100.4 ")).toBe("198.51.100.4/32");
    expect(normalizeAuthorizedIpRange("198.51.100.0/24")).toBe("198.51.100.0/24");
    expect(normalizeAuthorizedIpRange("198.51.100.4/24")).toBeUndefined();
  });

  it("keys entries it cannot parse by their trimmed text", () => {
    expect(authorizedIpRangeKey(" 2001:db8::/32 ")).toBe("2001:db8::/32");
    expect(authorizedIpRangeKey("198.51.100.4")).toBe("198.51.100.4/32");
  });
});

describe("containsAddress", () => {
  it.each([
    ["10.1.2.3", "10.0.0.0/8", true],
    ["11.0.0.0", "10.0.0.0/8", false],
    ["10.255.255.255", "10.0.0.0/8", true],
    ["203.0.113.7", "203.0.113.7/32", true],
    ["203.0.113.8", "203.0.113.7", false],
    ["1.2.3.4", "0.0.0.0/0", true],
    ["10.1.0.0/16", "10.0.0.0/8", true],
    ["10.0.0.0/8", "10.1.0.0/16", false],
    ["not an ip", "10.0.0.0/8", false],
    ["10.1.2.3", "10.1.2.3/8", false],
  ])("%s in %s → %s", (address, range, expected) => {
    expect(containsAddress(address, range)).toBe(expected);
  });
});

describe("authorizedIpRangeSize", () => {
  it("counts addresses", () => {
    expect(authorizedIpRangeSize("203.0.113.7")).toBe(1);
    expect(authorizedIpRangeSize("203.0.113.0/24")).toBe(256);
    expect(authorizedIpRangeSize("0.0.0.0/0")).toBe(4_294_967_296);
    expect(authorizedIpRangeSize("x")).toBeUndefined();
  });
});

describe("sortAuthorizedIpRanges", () => {
  it("orders numerically, wider first, unparseable last", () => {
    expect(sortAuthorizedIpRanges(["bogus", "10.2.0.0/16", "9.255.255.255", "10.0.0.0/16", "10.0.0.0/8", "100.0.0.0/8"])).toEqual([
      "9.255.255.255/32",
      "10.0.0.0/8",
      "10.0.0.0/16",
      "10.2.0.0/16",
      "100.0.0.0/8",
      "bogus",
    ]);
  });
});
