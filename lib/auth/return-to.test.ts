import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/clusters", "/clusters"],
    ["/clusters/a?tab=access#ranges", "/clusters/a?tab=access#ranges"],
    ["/", "/"],
  ])("keeps the local path %s", (input, expected) => expect(safeReturnTo(input)).toBe(expected));

  it.each([
    [undefined],
    [""],
    ["https://evil.example/"],
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["clusters"],
    ["/auth/callback?code=x"],
    ["/a\nb"],
  ])("falls back for %j", (input) => expect(safeReturnTo(input)).toBe("/"));

  it("never returns anything that leaves the origin", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = safeReturnTo(input);
        const resolved = new URL(result, "https://portal.example");
        expect(resolved.origin).toBe("https://portal.example");
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
      }),
    );
  });
});
