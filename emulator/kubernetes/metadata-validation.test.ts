import { describe, expect, it } from "vitest";
import { labelValueErrors, metadataErrors, qualifiedNameErrors } from "./metadata-validation";

describe("label and annotation validation", () => {
  it("accepts the keys and values real clusters carry", () => {
    for (const key of ["app", "app.kubernetes.io/name", "kubernetes.io/metadata.name", "A_b.c-9", "x".repeat(63), `${"a".repeat(253)}/n`]) expect(qualifiedNameErrors(key), key).toEqual([]);
    for (const value of ["", "v1", "my_value", "x".repeat(63)]) expect(labelValueErrors(value), value).toEqual([]);
  });

  it("refuses bad keys with IsQualifiedName's messages", () => {
    expect(qualifiedNameErrors("bad key!")).toEqual([expect.stringMatching(/^name part must consist of alphanumeric characters/)]);
    expect(qualifiedNameErrors("/name")).toEqual(["prefix part must be non-empty"]);
    expect(qualifiedNameErrors("Example.com/x")).toEqual([expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain/)]);
    expect(qualifiedNameErrors("a/b/c")).toEqual([expect.stringMatching(/^a qualified name must consist/)]);
    expect(qualifiedNameErrors("x".repeat(64))).toEqual(["name part must be no more than 63 characters"]);
    expect(qualifiedNameErrors("example.com/")).toEqual(["name part must be non-empty", expect.stringMatching(/^name part must consist/)]);
    expect(labelValueErrors("-v")).toHaveLength(1);
    expect(labelValueErrors("v".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });

  it("limits annotations to 256 KiB of keys and values together, any case in keys", () => {
    expect(metadataErrors({ annotations: { "Example.com/Note": "ok" } })).toEqual([]);
    expect(metadataErrors({ annotations: { a: "x".repeat(256 * 1024 - 1) } })).toEqual([]);
    expect(metadataErrors({ annotations: { a: "x".repeat(256 * 1024) } })).toEqual([
      { field: "metadata.annotations", value: "", detail: "must have at most 262144 bytes", type: "TooLong" },
    ]);
  });
});
