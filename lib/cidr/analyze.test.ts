import { describe, expect, it } from "vitest";
import { analyzeAuthorizedIpRanges } from "./analyze";

describe("analyzeAuthorizedIpRanges", () => {
  it("finds nothing in a tidy list", () => {
    expect(analyzeAuthorizedIpRanges(["203.0.113.0/24", "198.51.100.7"])).toEqual([]);
  });

  it("reports entries that do not parse, with the suggestion", () => {
    expect(analyzeAuthorizedIpRanges(["10.1.2.3/24"])).toEqual([
      {
        kind: "invalid",
        severity: "error",
        index: 0,
        input: "10.1.2.3/24",
        code: "host-bits-set",
        message: "10.1.2.3/24: host bits are set; did you mean 10.1.2.0/24?",
        suggestion: "10.1.2.0/24",
      },
    ]);
  });

  it("reports duplicates in canonical form", () => {
    expect(analyzeAuthorizedIpRanges(["198.51.100.7", "198.51.100.7/32"])).toEqual([
      { kind: "duplicate", severity: "warning", index: 1, firstIndex: 0, range: "198.51.100.7/32", message: "198.51.100.7/32 is listed more than once." },
    ]);
  });

  it("reports which range contains which, naming the widest container", () => {
    expect(analyzeAuthorizedIpRanges(["198.51.100.0/24", "198.51.100.7", "198.51.0.0/16"])).toEqual([
      { kind: "overlap", severity: "warning", index: 0, containerIndex: 2, range: "198.51.100.0/24", container: "198.51.0.0/16", message: "198.51.100.0/24 is already covered by 198.51.0.0/16." },
      { kind: "overlap", severity: "warning", index: 1, containerIndex: 2, range: "198.51.100.7/32", container: "198.51.0.0/16", message: "198.51.100.7/32 is already covered by 198.51.0.0/16." },
    ]);
  });

  it("warns about ranges open to the internet and very broad ranges", () => {
    expect(analyzeAuthorizedIpRanges(["0.0.0.0/0"])).toEqual([
      { kind: "open-to-internet", severity: "warning", index: 0, range: "0.0.0.0/0", message: "0.0.0.0/0 allows every IPv4 address: the API server is open to the internet." },
    ]);
    expect(analyzeAuthorizedIpRanges(["20.0.0.0/8", "20.0.0.0/9"])).toEqual([
      { kind: "broad-range", severity: "warning", index: 0, range: "20.0.0.0/8", message: "20.0.0.0/8 allows 16,777,216 addresses; narrow it to the networks that need the API server." },
      { kind: "overlap", severity: "warning", index: 1, containerIndex: 0, range: "20.0.0.0/9", container: "20.0.0.0/8", message: "20.0.0.0/9 is already covered by 20.0.0.0/8." },
    ]);
  });

  it("enforces the limit of 200 ranges", () => {
    const ranges = Array.from({ length: 201 }, (_, i) => `198.51.${Math.floor(i / 256)}.${i % 256}`);
    expect(analyzeAuthorizedIpRanges(ranges)).toEqual([
      { kind: "too-many", severity: "error", count: 201, message: "There are 201 authorized IP ranges; AKS allows at most 200." },
    ]);
    expect(analyzeAuthorizedIpRanges(ranges.slice(0, 200))).toEqual([]);
  });
});
