import { describe, expect, it } from "vitest";
import { resourceTypes } from "../resources";
import { seedCluster } from "../seed";
import { ClusterStore } from "../store";
import { clusters } from "../testing/world";
import { groupVersionDocument, kindSchema } from "./documents";
import { pruneUnknownFields } from "./unknown-fields";

describe("the served kinds' schemas", () => {
  it("declare every field of every seeded object, so nothing the emulator stores is pruned", () => {
    for (const cluster of Object.values(clusters)) {
      const store = new ClusterStore();
      seedCluster(store, cluster);
      for (const type of resourceTypes.filter((candidate) => !candidate.virtual)) {
        const schema = kindSchema(type);
        expect(schema, type.kind).toBeDefined();
        for (const object of store.list(type, "")) expect(pruneUnknownFields(schema ?? {}, object).unknown, type.kind).toEqual([]);
      }
    }
  });

  it("finds unknown fields at their strict-decoding paths", () => {
    const role = resourceTypes.find((type) => type.kind === "Role");
    const schema = role ? kindSchema(role) : undefined;
    const object = { metadata: { name: "r", labelz: {} }, rules: [{ verbs: ["get"], verb: "list" }], extra: 1 };
    expect(pruneUnknownFields(schema ?? {}, object)).toEqual({
      value: { metadata: { name: "r" }, rules: [{ verbs: ["get"] }] },
      unknown: ["metadata.labelz", "rules[0].verb", "extra"],
    });
  });

  it("offer fieldValidation on every PATCH, which kubectl checks before validating on the server", () => {
    const document = groupVersionDocument("rbac.authorization.k8s.io", "v1");
    const item = (document?.paths as Record<string, { patch?: { parameters: { name: string }[] } }> | undefined)?.["/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}/roles/{name}"];
    expect(item?.patch?.parameters.map((parameter) => parameter.name)).toContain("fieldValidation");
  });
});
