import { describe, expect, it } from "vitest";
import { applyJsonPatch, JsonPatchError } from "./json-patch";
import { mergePatch } from "./merge-patch";

describe("JSON merge patch (RFC 7386)", () => {
  it("merges objects, deletes nulls and replaces lists", () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
    expect(mergePatch({ a: 1 }, "x")).toBe("x");
  });
});

describe("JSON patch (RFC 6902)", () => {
  const doc = { metadata: { labels: { "a/b": "1" } }, list: [1, 2, 3] };
  it("applies add, remove, replace, move, copy and test", () => {
    expect(
      applyJsonPatch(doc, [
        { op: "add", path: "/list/-", value: 4 },
        { op: "add", path: "/list/0", value: 0 },
        { op: "remove", path: "/list/1" },
        { op: "replace", path: "/metadata/labels/a~1b", value: "2" },
        { op: "copy", from: "/metadata/labels/a~1b", path: "/copied" },
        { op: "move", from: "/copied", path: "/moved" },
        { op: "test", path: "/moved", value: "2" },
      ]),
    ).toEqual({ metadata: { labels: { "a/b": "2" } }, list: [0, 2, 3, 4], moved: "2" });
  });
  it("fails as a whole on a missing path, a bad index or a failed test", () => {
    expect(() => applyJsonPatch(doc, [{ op: "remove", path: "/nope" }])).toThrow(JsonPatchError);
    expect(() => applyJsonPatch(doc, [{ op: "replace", path: "/list/9", value: 1 }])).toThrow(JsonPatchError);
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/list/0", value: 9 }])).toThrow(JsonPatchError);
    expect(() => applyJsonPatch(doc, { op: "add" })).toThrow(JsonPatchError);
    expect(doc.list).toEqual([1, 2, 3]);
  });
});
