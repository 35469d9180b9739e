import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type V1ConfigMap } from "@kubernetes/client-node";
import { startStandaloneServer, type StandaloneServer } from "./testing/standalone-server";
import { clusters, demoWorld, users } from "./testing/world";
import { failure, kubeConfigFor } from "./testing/kube-client";

/** `dryRun=All` through the SDK on every write verb: validated and answered, nothing stored. */
let server: StandaloneServer;
let core: CoreV1Api;
let objects: KubernetesObjectApi;

beforeAll(async () => {
  server = await startStandaloneServer(demoWorld());
  const kc = kubeConfigFor(server, clusters.sharedDev, await server.token(users.clusterAdmin));
  core = kc.makeApiClient(CoreV1Api);
  objects = KubernetesObjectApi.makeApiClient(kc);
});
afterAll(() => server.close());
beforeEach(() => server.side.reset());

const namespace = "payments-dev";
const configMap = (value: string): V1ConfigMap => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace }, data: { mode: value } });

describe("dryRun=All on every write", () => {
  it("create, replace, server-side apply and delete answer as if done, and store nothing", async () => {
    const created = await core.createNamespacedConfigMap({ namespace, body: configMap("a"), dryRun: "All" });
    expect(created.data).toEqual({ mode: "a" });
    expect((await failure(core.readNamespacedConfigMap({ namespace, name: "settings" }))).code).toBe(404);

    await core.createNamespacedConfigMap({ namespace, body: configMap("a") });
    const replaced = await core.replaceNamespacedConfigMap({ namespace, name: "settings", body: configMap("b"), dryRun: "All" });
    expect(replaced.data).toEqual({ mode: "b" });
    const applied = await objects.patch(configMap("c"), undefined, "All", "clusterdesk", true, PatchStrategy.ServerSideApply);
    expect((applied as V1ConfigMap).data).toEqual({ mode: "c" });
    await core.deleteNamespacedConfigMap({ namespace, name: "settings", dryRun: "All" });
    await core.deleteCollectionNamespacedConfigMap({ namespace, dryRun: "All" });
    expect((await core.readNamespacedConfigMap({ namespace, name: "settings" })).data).toEqual({ mode: "a" });

    await core.deleteNamespace({ name: namespace, dryRun: "All" });
    expect((await core.readNamespace({ name: namespace })).status?.phase).toBe("Active");
  });
});
