import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, toJsonValue } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("orders keys by UTF-16 code units as RFC 8785 does", () => {
    // RFC 8785 §3.2.3 example: "\u20ac" (€) sorts before "\ud83d\ude00" (😀), and "\r" before "1".
    expect(canonicalJson({ "😀": 1, "€": 2, "1": 3, "\r": 4, ö: 5 })).toBe('{"\\r":4,"1":3,"ö":5,"€":2,"😀":1}');
  });

  it("keeps array order", () => {
    expect(canonicalJson([3, 1, 2, "a", [], {}])).toBe('[3,1,2,"a",[],{}]');
  });

  it("writes non-ASCII text as is and escapes only what JSON requires", () => {
    expect(canonicalJson("Zoë 🚀 \u0001\n\t\"\\/")).toBe('"Zoë 🚀 \\u0001\\n\\t\\"\\\\/"');
  });

  it("encodes numbers in ECMAScript shortest form (RFC 8785 appendix B samples)", () => {
    expect(canonicalJson([0, -0, 1, -1.5, 1e21, 1e-7, 333333333.33333329, 4.5, 2e-3, 0.000001, 9007199254740991])).toBe(
      "[0,0,1,-1.5,1e+21,1e-7,333333333.3333333,4.5,0.002,0.000001,9007199254740991]",
    );
  });

  it("encodes Dates as ISO 8601 UTC with milliseconds", () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)) })).toBe('{"at":"2026-01-02T03:04:05.006Z"}');
  });

  it("omits undefined properties, as a JSON round trip does", () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it("refuses values that would not survive a round trip", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(/\$\.n is Infinity/);
    expect(() => canonicalJson("\ud800")).toThrow(/lone surrogate/);
    expect(() => canonicalJson(new Date(Number.NaN))).toThrow(/invalid Date/);
    expect(() => canonicalJson([1, undefined] as unknown as number[])).toThrow(/\$\[1\] is undefined/);
    expect(() => canonicalJson({ big: 1n } as unknown as Record<string, number>)).toThrow(/bigint/);
  });

  it("is JSON that parses back to the same value, whatever the key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as Parameters<typeof canonicalJson>[0]);
        const parsed = JSON.parse(text) as Parameters<typeof canonicalJson>[0];
        expect(canonicalJson(parsed)).toBe(text);
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("toJsonValue turns Dates into strings", () => {
    expect(toJsonValue({ at: new Date(0), list: [1] })).toEqual({ at: "1970-01-01T00:00:00.000Z", list: [1] });
  });
});
