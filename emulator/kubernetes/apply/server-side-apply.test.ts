import { describe, expect, it } from "vitest";
import type { JsonObject } from "../json";
import { fromFieldsV1, leafPaths, toFieldsV1 } from "./field-set";
import { recordUpdate, type ManagedFieldsEntry } from "./managed-fields";
import { conflictMessage, serverSideApply, type ApplyInput } from "./server-side-apply";

const config = (data: Record<string, string>, labels: Record<string, string> = {}): JsonObject => ({
  apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels }, data,
});
const apply = (input: Partial<ApplyInput> & Pick<ApplyInput, "applied" | "manager">) =>
  serverSideApply({ current: undefined, entries: [], apiVersion: "v1", force: false, time: "t", ...input });

describe("field sets", () => {
  it("tracks map leaves and skips identity fields; FieldsV1 round-trips", () => {
    const paths = leafPaths({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "n", labels: { a: "1" } }, data: { x: "1" }, status: { phase: "x" } });
    expect(paths).toEqual([["metadata", "labels", "a"], ["data", "x"]]);
    expect(toFieldsV1(paths)).toEqual({ "f:metadata": { "f:labels": { "f:a": {} } }, "f:data": { "f:x": {} } });
    expect(fromFieldsV1(toFieldsV1(paths))).toEqual(paths);
  });
});

describe("server-side apply", () => {
  it("creates and owns exactly the applied fields", () => {
    const result = apply({ applied: config({ a: "1" }), manager: "portal" });
    expect(result).toMatchObject({ ok: true, object: { data: { a: "1" } } });
    expect(result.ok && result.entries).toEqual([{ manager: "portal", operation: "Apply", apiVersion: "v1", time: "t", paths: [["data", "a"]] }]);
  });

  it("conflicts when another manager owns a field with a different value; agreeing values are shared", () => {
    const first = apply({ applied: config({ a: "1", b: "2" }), manager: "portal" });
    if (!first.ok) throw new Error("unexpected conflict");
    const same = apply({ current: first.object, entries: first.entries, applied: config({ a: "1" }), manager: "other" });
    expect(same.ok).toBe(true);
    const different = apply({ current: first.object, entries: first.entries, applied: config({ a: "9" }), manager: "other" });
    expect(different).toEqual({ ok: false, conflicts: [{ manager: "portal", apiVersion: "v1", path: ["data", "a"] }] });
  });

  it("force takes ownership away from the other manager", () => {
    const first = apply({ applied: config({ a: "1" }), manager: "portal" });
    if (!first.ok) throw new Error("unexpected conflict");
    const forced = apply({ current: first.object, entries: first.entries, applied: config({ a: "9" }), manager: "other", force: true });
    if (!forced.ok) throw new Error("force must not conflict");
    expect(forced.object.data).toEqual({ a: "9" });
    expect(forced.entries.map((entry) => entry.manager)).toEqual(["other"]);
  });

  it("removes fields the manager no longer applies unless someone else owns them", () => {
    const first = apply({ applied: config({ a: "1", b: "2" }), manager: "portal" });
    if (!first.ok) throw new Error("unexpected conflict");
    const shared = apply({ current: first.object, entries: first.entries, applied: config({ b: "2" }), manager: "other" });
    if (!shared.ok) throw new Error("unexpected conflict");
    const trimmed = apply({ current: shared.object, entries: shared.entries, applied: config({}), manager: "portal" });
    if (!trimmed.ok) throw new Error("unexpected conflict");
    expect(trimmed.object.data).toEqual({ b: "2" });
  });

  it("conflicts with fields an Update manager set", () => {
    const created = config({ a: "1" });
    const entries: ManagedFieldsEntry[] = recordUpdate([], "kubectl-create", "v1", undefined, created, "t");
    const result = apply({ current: created, entries, applied: config({ a: "2" }), manager: "portal" });
    expect(result.ok).toBe(false);
  });

  it("words conflicts like apimachinery", () => {
    expect(conflictMessage([{ manager: "m", apiVersion: "rbac.authorization.k8s.io/v1", path: ["roleRef", "name"] }]).message).toBe(
      'Apply failed with 1 conflict: conflict with "m" using rbac.authorization.k8s.io/v1: .roleRef.name',
    );
    expect(
      conflictMessage([
        { manager: "m", apiVersion: "v1", path: ["data", "a"] },
        { manager: "m", apiVersion: "v1", path: ["data", "b"] },
      ]).message,
    ).toBe('Apply failed with 2 conflicts: conflicts with "m" using v1:\n- .data.a\n- .data.b');
  });
});

describe("update ownership", () => {
  it("moves changed fields to the updating manager", () => {
    const before = config({ a: "1" });
    const entries = recordUpdate([], "creator", "v1", undefined, before, "t1");
    const after = recordUpdate(entries, "editor", "v1", before, config({ a: "2", b: "3" }), "t2");
    expect(after).toEqual([{ manager: "editor", operation: "Update", apiVersion: "v1", time: "t2", paths: [["data", "a"], ["data", "b"]] }]);
  });
});
