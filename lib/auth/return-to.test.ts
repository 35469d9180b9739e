import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

const portal = "https://portal.example";

describe("safeReturnTo", () => {
  it.each([
    ["/clusters", "/clusters"],
    ["/clusters/a?tab=access#ranges", "/clusters/a?tab=access#ranges"],
    ["/", "/"],
    ["/clusters/../requests", "/requests"],
    ["/%2e%2e/requests", "/requests"],
  ])("keeps the local path %s", (input, expected) => expect(safeReturnTo(input, portal)).toBe(expected));

  it.each([
    [undefined],
    [""],
    ["https://evil.example/"],
    ["https://portal.example/clusters"],
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["clusters"],
    ["/auth/callback?code=x"],
    ["/a\nb"],
    ["/\t/evil.example"],
    // Each of these is a harmless-looking path that URL parsing normalises into `//evil.example`.
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/%2e%2e//evil.example"],
    ["/%2E%2e//evil.example"],
    ["/a/..//evil.example"],
    ["/./\\evil.example"],
    ["/x/%2e%2e/\\evil.example"],
  ])("falls back for %j", (input) => expect(safeReturnTo(input, portal)).toBe("/"));

  it("keeps the fallback the caller asks for", () => expect(safeReturnTo("/.//evil.example", portal, "/clusters")).toBe("/clusters"));

  it("stays on a portal served on a non-default port", () => {
    expect(safeReturnTo("/requests?x=1", "http://localhost:3000")).toBe("/requests?x=1");
    expect(safeReturnTo("/..//localhost:4000/", "http://localhost:3000")).toBe("/");
  });
});

/** Pieces an attacker combines to make a path that normalises into another origin. */
const piece = fc.constantFrom(
  "", ".", "..", "%2e", "%2E", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "a", "evil.example", "evil.example:443",
  "/", "\\", "//", "/\\", "%5c", "%2f", "%09", "\t", "\n", "\r", " ", "@", "javascript:", "http:", "https:",
  "?next=//evil.example", "#//evil.example", "auth",
);
const craftedPath = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(""));
const portalBase = fc.constantFrom("https://portal.example", "http://localhost:3000", "https://portal.example:8443/");

function staysOnPortal(result: string, base: string): void {
  const origin = new URL(base).origin;
  // A browser resolves Location against the current URL; the result must not be reinterpretable.
  expect(result.startsWith("/")).toBe(true);
  expect(result.startsWith("//")).toBe(false);
  expect(result.startsWith("/\\")).toBe(false);
  expect(new URL(result, base).origin).toBe(origin);
  expect(new URL(result, "https://elsewhere.example/deep/page").origin).toBe("https://elsewhere.example");
  // Normalised already: parsing it again changes nothing, so nothing downstream can reinterpret it.
  expect(safeReturnTo(result, base)).toBe(result);
}

describe("safeReturnTo properties", () => {
  it("never leaves the portal for generated dot-segment, encoded-dot and backslash paths", () => {
    fc.assert(
      fc.property(craftedPath, fc.constantFrom("/", "/.", "/..", "/%2e", "\\", ""), portalBase, (path, prefix, base) => {
        staysOnPortal(safeReturnTo(`${prefix}${path}`, base), base);
      }),
      { numRuns: 2000 },
    );
  });

  it("never leaves the portal for arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), portalBase, (input, base) => staysOnPortal(safeReturnTo(input, base), base)));
  });
});
