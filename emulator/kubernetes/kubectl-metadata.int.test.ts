import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CoreV1Api } from "@kubernetes/client-node";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";
import { failure, kubeConfigFor } from "./testing/kube-client";

const server = standaloneServerForSuite();

describe.each(rbacModes)("object metadata validation on %s", (_label, cluster) => {
  it("answers 422 Invalid for a bad label key, naming metadata.labels", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "cm.yaml");
      await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: payments-dev, labels: { "bad key!": x } }\n');
      const created = await kubectl(token, "create", "-f", file);
      expect(created.stderr).toContain('The ConfigMap "c" is invalid: metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters');
      // kubectl label checks values itself; a patch reaches the server.
      const labelled = await kubectl(token, "patch", "ns", "payments-dev", "--type=merge", "-p", '{"metadata":{"labels":{"tier":"-bad-"}}}');
      expect(labelled.stderr).toContain('The Namespace "payments-dev" is invalid: metadata.labels: Invalid value: "-bad-": a valid label must be an empty string');
    });
  });
});

describe("metadata validation through client-node", () => {
  it("refuses label values and annotations the API server refuses, with field paths", async () => {
    const core = kubeConfigFor(server(), clusters.sharedDev, await server().token(users.clusterAdmin)).makeApiClient(CoreV1Api);
    const tooBig = { metadata: { name: "big", annotations: { note: "x".repeat(256 * 1024) } } };
    expect(await failure(core.createNamespacedConfigMap({ namespace: "payments-dev", body: tooBig }))).toMatchObject({
      code: 422,
      body: { reason: "Invalid", details: { causes: [{ reason: "FieldValueTooLong", field: "metadata.annotations", message: "Too long: must have at most 262144 bytes" }] } },
    });
    const longValue = { metadata: { name: "long", labels: { "example.com/team": "v".repeat(64) } } };
    expect(await failure(core.createNamespacedConfigMap({ namespace: "payments-dev", body: longValue }))).toMatchObject({
      code: 422,
      body: { details: { causes: [{ field: "metadata.labels", message: `Invalid value: "${"v".repeat(64)}": must be no more than 63 characters` }] } },
    });
    const fine = { metadata: { name: "fine", labels: { "app.kubernetes.io/name": "api" }, annotations: { "Example.com/Owner": "team" } } };
    expect((await core.createNamespacedConfigMap({ namespace: "payments-dev", body: fine })).metadata?.name).toBe("fine");
  });
});
