import { request } from "node:https";
import { describe, expect, it } from "vitest";
import { CoreV1Api, KubeConfig, PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions } from "@kubernetes/client-node";
import type { DemoPersona } from "../seed/organisation";
import { demoSubscriptions } from "../seed/organisation";
import { failure } from "./testing/kube-client";
import { emulatorForSuite } from "./testing/emulator-suite";
import { withKubectl } from "./testing/kubectl";
import { userKubeconfig as armKubeconfig, type Cluster } from "./testing/arm-kubeconfig";

const emulator = emulatorForSuite();

const searchProd: Cluster = { subscriptionId: demoSubscriptions.production, resourceGroup: "rg-search-prod", name: "aks-search-prod" };
const sharedDev: Cluster = { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" };
const platform: Cluster = { subscriptionId: demoSubscriptions.production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared" };
const paymentsProd: Cluster = { subscriptionId: demoSubscriptions.production, resourceGroup: "rg-payments-prod", name: "aks-payments-prod" };
const legacy: Cluster = { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" };

/** The portal's way: the ARM kubeconfig's cluster and CA, plus an Entra token for the AKS server application. */
async function clientsFor(cluster: Cluster, user: DemoPersona) {
  const fromArm = new KubeConfig();
  fromArm.loadFromString(await armKubeconfig(emulator(), cluster));
  const server = fromArm.getCurrentCluster();
  if (!server) throw new Error("kubeconfig without a cluster");
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [server],
    users: [{ name: "entra", token: await emulator().issueTestToken({ user, audience: "aks" }) }],
    contexts: [{ name: "c", cluster: server.name, user: "entra" }],
    currentContext: "c",
  });
  return { core: kc.makeApiClient(CoreV1Api), rbac: kc.makeApiClient(RbacAuthorizationV1Api) };
}

describe("the Kubernetes side inside the real emulator()", () => {
  it("lets a namespace Reader list pods there, and denies other namespaces and writes", async () => {
    const { core } = await clientsFor(searchProd, "searchEngineer");
    expect((await core.listNamespacedPod({ namespace: "search-prod" })).items.length).toBeGreaterThan(0);
    expect(await failure(core.listNamespacedPod({ namespace: "kube-system" }))).toMatchObject({
      code: 403,
      body: { reason: "Forbidden", message: expect.stringContaining("User does not have access to the resource in Azure.") },
    });
    expect((await failure(core.createNamespacedConfigMap({ namespace: "search-prod", body: { metadata: { name: "c" } } }))).code).toBe(403);
  });

  it("keeps RBAC Admin (a team owner on its namespace) away from resource quotas", async () => {
    const { core, rbac } = await clientsFor(sharedDev, "paymentsLead");
    const body = { metadata: { name: "q" }, spec: { hard: { pods: "5" } } };
    expect((await failure(core.createNamespacedResourceQuota({ namespace: "payments-dev", body }))).code).toBe(403);
    const binding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "readers", namespace: "payments-dev" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "g" }],
    };
    const applied = await rbac.patchNamespacedRoleBinding(
      { name: "readers", namespace: "payments-dev", body: binding, fieldManager: "clusterdesk" },
      setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply),
    );
    expect(applied.roleRef.name).toBe("view");
  });

  it("makes the Clusterdesk admins cluster admins", async () => {
    const { core } = await clientsFor(sharedDev, "admin");
    await core.createNamespace({ body: { metadata: { name: "onboarded" } } });
    await core.createNamespacedResourceQuota({ namespace: "onboarded", body: { metadata: { name: "q" }, spec: { hard: { pods: "5" } } } });
  });

  it("grants a team its RoleBinding's verbs on the Kubernetes-RBAC-only cluster", async () => {
    const { core, rbac } = await clientsFor(platform, "paymentsEngineer");
    await core.createNamespacedConfigMap({ namespace: "payments-dev", body: { metadata: { name: "c" } } });
    expect((await failure(rbac.listNamespacedRoleBinding({ namespace: "payments-dev" }))).code).toBe(403);
    expect((await failure(core.listNamespacedPod({ namespace: "search-dev" }))).code).toBe(403);
  });

  it("seeds the legacy pod identity objects and nodes from the agent pools", async () => {
    const { core } = await clientsFor(legacy, "admin");
    expect((await core.listNamespacedPod({ namespace: "payments-dev", labelSelector: "aadpodidbinding" })).items).toHaveLength(1);
    const { core: search } = await clientsFor(searchProd, "admin");
    const gpu = await search.listNode({ labelSelector: "agentpool=gpu" });
    expect(gpu.items[0]?.spec?.taints).toEqual([{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }]);
  });

  it("does not reach a private cluster's API server", async () => {
    const yaml = await armKubeconfig(emulator(), paymentsProd);
    expect(yaml).toContain("privatelink");
    const response = await new Promise<string>((resolve) => {
      const call = request(new URL(`/k8s/${paymentsProd.subscriptionId}/${paymentsProd.resourceGroup}/${paymentsProd.name}/api`, emulator().url), { ca: emulator().caPem }, () => resolve("answered"));
      call.on("error", (error) => resolve(error.message));
      call.end();
    });
    expect(response).toMatch(/socket hang up|ECONNRESET/);
  });

  it("drives kubectl with the ARM kubeconfig and an Entra token", async () => {
    const fromArm = new KubeConfig();
    fromArm.loadFromString(await armKubeconfig(emulator(), searchProd));
    const server = fromArm.getCurrentCluster();
    const token = await emulator().issueTestToken({ user: "searchEngineer", audience: "aks" });
    await withKubectl(server?.server ?? "", emulator().caPem, async (kubectl) => {
      expect((await kubectl(token, "auth", "can-i", "list", "pods", "-n", "search-prod")).stdout.trim()).toBe("yes");
      expect((await kubectl(token, "auth", "can-i", "list", "pods", "-n", "kube-system")).stdout.trim()).toMatch(/^no/);
      const pods = await kubectl(token, "get", "pods", "-n", "search-prod", "-o", "name");
      expect(pods.stdout).toContain("pod/search-api-");
    });
  });
});
