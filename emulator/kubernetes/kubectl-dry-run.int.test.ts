import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CoreV1Api } from "@kubernetes/client-node";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";
import { failure, kubeConfigFor } from "./testing/kube-client";

const server = standaloneServerForSuite();

const quota = `apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: payments-dev }
spec: { hard: { pods: "10" } }
`;

/** `--dry-run=server` on every write: the answer is as if done, the store is untouched. */
describe.each(rbacModes)("kubectl --dry-run=server on %s", (_label, cluster) => {
  it("deletes nothing: the namespace and its contents stay", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl) => {
      const deleted = await kubectl(token, "delete", "ns", "payments-dev", "--dry-run=server");
      expect(deleted.stderr).toBe("");
      expect(deleted.stdout.trim()).toBe('namespace "payments-dev" deleted (server dry run)');
      const pods = await kubectl(token, "delete", "pods", "--all", "-n", "payments-dev", "--dry-run=server");
      expect(pods.stdout).toContain("(server dry run)");
      expect((await kubectl(token, "get", "ns", "payments-dev", "-o", "name")).stdout.trim()).toBe("namespace/payments-dev");
      expect((await kubectl(token, "get", "pods", "-n", "payments-dev", "-o", "name")).stdout.trim().split("\n")).toHaveLength(3);
    });
  });

  it("creates, labels and applies nothing", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl, directory) => {
      await writeFile(path.join(directory, "quota.yaml"), quota);
      const applied = await kubectl(token, "apply", "--server-side", "--dry-run=server", "--validate=false", "-f", path.join(directory, "quota.yaml"));
      expect(applied.stdout.trim()).toBe("resourcequota/compute serverside-applied (server dry run)");
      const labelled = await kubectl(token, "label", "ns", "payments-dev", "dry=run", "--dry-run=server");
      expect(labelled.stdout.trim()).toBe("namespace/payments-dev labeled (server dry run)");
      expect((await kubectl(token, "get", "resourcequota", "-n", "payments-dev", "-o", "name")).stdout).toBe("");
      expect((await kubectl(token, "get", "ns", "payments-dev", "-o", "jsonpath={.metadata.labels.dry}")).stdout).toBe("");
    });
  });
});

describe("deletecollection with dryRun=All", () => {
  it("answers the list it would delete and keeps it", async () => {
    const core = kubeConfigFor(server(), clusters.sharedDev, await server().token(users.clusterAdmin)).makeApiClient(CoreV1Api);
    const before = await core.listNamespacedPod({ namespace: "payments-dev" });
    await core.deleteCollectionNamespacedPod({ namespace: "payments-dev", dryRun: "All" });
    await core.deleteCollectionNamespacedPod({ namespace: "payments-dev", body: { dryRun: ["All"] } });
    expect((await core.listNamespacedPod({ namespace: "payments-dev" })).items).toHaveLength(before.items.length);
  });

  it("refuses a dryRun value other than All with 422 on the options kind", async () => {
    const core = kubeConfigFor(server(), clusters.sharedDev, await server().token(users.clusterAdmin)).makeApiClient(CoreV1Api);
    expect(await failure(core.createNamespacedConfigMap({ namespace: "payments-dev", body: { metadata: { name: "c" } }, dryRun: "Some" }))).toMatchObject({
      code: 422,
      body: { message: 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: "Some": supported values: "All"', details: { causes: [{ field: "dryRun" }] } },
    });
    expect(await failure(core.deleteNamespacedPod({ name: "x", namespace: "payments-dev", body: { dryRun: ["Some"] } }))).toMatchObject({ code: 422, body: { details: { kind: "DeleteOptions" } } });
  });
});
