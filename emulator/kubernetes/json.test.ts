import { describe, expect, it } from "vitest";
import { clone, type JsonObject } from "./json";

describe("clone", () => {
  it("copies every level, so changing the copy leaves the stored object as it was", () => {
    const stored: JsonObject = { metadata: { name: "payments", labels: { team: "payments" } }, spec: { finalizers: ["kubernetes"] }, status: null };
    const copy = clone(stored);
    expect(copy).toEqual(stored);
    (copy.metadata as JsonObject).labels = { team: "search" };
    ((copy.spec as JsonObject).finalizers as string[]).push("other");
    expect(stored).toEqual({ metadata: { name: "payments", labels: { team: "payments" } }, spec: { finalizers: ["kubernetes"] }, status: null });
  });

  it("keeps a __proto__ key of a JSON body as an own property, as JSON.parse made it", () => {
    const parsed = JSON.parse('{"metadata":{"__proto__":{"polluted":true},"name":"x"}}') as JsonObject;
    const copy = clone(parsed);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    expect(Object.getPrototypeOf(copy.metadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
