import { CoreV1Api, KubeConfig, NetworkingV1Api } from "@kubernetes/client-node";
import { load } from "js-yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { armFailure } from "../../lib/server/azure/arm-errors";
import { kubernetesServerUrl } from "../contracts";
import { demoSubscriptions } from "../seed/organisation";
import { containerServiceClient } from "../test-support/sdk-clients";
import { rejection } from "../test-support/rejection";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

let emulator: TestEmulator;
const sub = demoSubscriptions.nonProduction;
const analytics = { subscriptionId: sub, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" };

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());
beforeEach(() => emulator.reset());

/** The cluster's API server as an Entra admin (the cluster's admin group), to see what ARM wrote. */
async function core(cluster = analytics) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server: kubernetesServerUrl(emulator.url, cluster), caData: Buffer.from(emulator.caPem).toString("base64") }],
    users: [{ name: "u", token: await emulator.issueTestToken({ user: "admin", audience: "aks" }) }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
  return { core: kc.makeApiClient(CoreV1Api), networking: kc.makeApiClient(NetworkingV1Api) };
}

const orionProperties = {
  labels: { "clusterdesk.io/tenant": "orion" },
  annotations: { "clusterdesk.io/owner": "orion" },
  defaultResourceQuota: { cpuRequest: "2", cpuLimit: "4", memoryRequest: "4Gi", memoryLimit: "8Gi" },
  defaultNetworkPolicy: { ingress: "DenyAll" as const, egress: "AllowSameNamespace" as const },
  adoptionPolicy: "Never" as const,
  deletePolicy: "Delete" as const,
};
const orion = { location: "eastus", properties: orionProperties };

describe("managedNamespaces through @azure/arm-containerservice", () => {
  it("creates a namespace as a long-running operation, with its quota and network policy on the API server", async () => {
    const client = containerServiceClient(emulator, sub);
    const created = await client.managedNamespaces.createOrUpdate(analytics.resourceGroup, analytics.name, "orion-dev", orion);
    expect(created).toMatchObject({ name: "orion-dev", type: "Microsoft.ContainerService/managedClusters/managedNamespaces", properties: { provisioningState: "Succeeded", adoptionPolicy: "Never", deletePolicy: "Delete" } });
    const read = await client.managedNamespaces.get(analytics.resourceGroup, analytics.name, "orion-dev");
    expect(read.properties?.defaultResourceQuota).toEqual(orionProperties.defaultResourceQuota);
    const listed = [];
    for await (const item of client.managedNamespaces.listByManagedCluster(analytics.resourceGroup, analytics.name)) listed.push(item.name);
    expect(listed).toEqual(["orion-dev"]);

    const { core: api, networking } = await core();
    const namespace = await api.readNamespace({ name: "orion-dev" });
    expect(namespace.metadata?.labels).toMatchObject({ "clusterdesk.io/tenant": "orion", "kubernetes.azure.com/managedByArm": "true", "kubernetes.io/metadata.name": "orion-dev" });
    expect(namespace.metadata?.annotations).toEqual({ "clusterdesk.io/owner": "orion" });
    const quota = await api.readNamespacedResourceQuota({ namespace: "orion-dev", name: "default" });
    expect(quota.spec?.hard).toEqual({ "requests.cpu": "2", "limits.cpu": "4", "requests.memory": "4Gi", "limits.memory": "8Gi" });
    expect(quota.status?.used).toMatchObject({ "requests.cpu": "0" });
    const policy = await networking.readNamespacedNetworkPolicy({ namespace: "orion-dev", name: "default" });
    expect(policy.spec).toMatchObject({ policyTypes: ["Ingress", "Egress"], egress: [{ to: [{ podSelector: {} }] }] });
    expect(policy.spec?.ingress).toBeUndefined();

    const tagged = await client.managedNamespaces.update(analytics.resourceGroup, analytics.name, "orion-dev", { tags: { costCentre: "4711" } });
    expect(tagged.tags).toEqual({ costCentre: "4711" });
    expect(tagged.properties?.defaultResourceQuota).toEqual(orionProperties.defaultResourceQuota);

    const credential = await client.managedNamespaces.listCredential(analytics.resourceGroup, analytics.name, "orion-dev");
    const kubeconfig = load(Buffer.from(credential.kubeconfigs?.[0]?.value ?? new Uint8Array()).toString()) as { contexts: Array<{ context: { namespace?: string } }> };
    expect(kubeconfig.contexts[0]?.context.namespace).toBe("orion-dev");
  });

  it("refuses an existing namespace with adoption Never, adopts it with Always, and keeps it on delete with Keep", async () => {
    const client = containerServiceClient(emulator, sub);
    // analytics-dev is seeded on the cluster, made outside ARM.
    const never = armFailure(await rejection(client.managedNamespaces.createOrUpdate(analytics.resourceGroup, analytics.name, "analytics-dev", orion)));
    expect(never).toMatchObject({ statusCode: 409, code: "NamespaceAlreadyExists" });
    expect(never.message).toContain("already exists on the cluster and the adoption policy is Never");
    const identical = armFailure(await rejection(client.managedNamespaces.createOrUpdate(analytics.resourceGroup, analytics.name, "analytics-dev", { ...orion, properties: { ...orionProperties, adoptionPolicy: "IfIdentical" as const } })));
    expect(identical.code).toBe("NamespaceNotIdentical");

    await client.managedNamespaces.createOrUpdate(analytics.resourceGroup, analytics.name, "analytics-dev", { ...orion, properties: { ...orionProperties, adoptionPolicy: "Always" as const, deletePolicy: "Keep" as const } });
    const { core: api } = await core();
    const podsBefore = (await api.listNamespacedPod({ namespace: "analytics-dev" })).items.length;
    expect(podsBefore).toBeGreaterThan(0);
    await client.managedNamespaces.delete(analytics.resourceGroup, analytics.name, "analytics-dev");
    const kept = await api.readNamespace({ name: "analytics-dev" });
    expect(kept.metadata?.labels?.["kubernetes.azure.com/managedByArm"]).toBeUndefined();
    expect((await api.listNamespacedPod({ namespace: "analytics-dev" })).items).toHaveLength(podsBefore);
    await expect(client.managedNamespaces.get(analytics.resourceGroup, analytics.name, "analytics-dev")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("deletes the namespace and its contents with Delete, and refuses clusters without Azure RBAC", async () => {
    const client = containerServiceClient(emulator, sub);
    await client.managedNamespaces.createOrUpdate(analytics.resourceGroup, analytics.name, "orion-dev", orion);
    await client.managedNamespaces.delete(analytics.resourceGroup, analytics.name, "orion-dev");
    const { core: api } = await core();
    await expect(api.readNamespace({ name: "orion-dev" })).rejects.toMatchObject({ code: 404 });

    const legacy = armFailure(await rejection(client.managedNamespaces.createOrUpdate("rg-dev", "aks-legacy-podid", "orion-dev", orion)));
    expect(legacy.message).toContain("require a cluster with Azure RBAC");
  });
});

describe("agentPools through @azure/arm-containerservice", () => {
  it("lists the pools with their taints and labels, the dedicated tenants pool among them", async () => {
    const client = containerServiceClient(emulator, sub);
    const pools = [];
    for await (const pool of client.agentPools.list(analytics.resourceGroup, analytics.name)) pools.push(pool);
    expect(pools.map((pool) => pool.name)).toEqual(["system", "tenants", "batch"]);
    const tenants = await client.agentPools.get(analytics.resourceGroup, analytics.name, "tenants");
    expect(tenants).toMatchObject({ mode: "User", nodeTaints: ["clusterdesk.io/dedicated=tenants:NoSchedule"], nodeLabels: { "clusterdesk.io/pool": "tenants" } });
    await expect(client.agentPools.get(analytics.resourceGroup, analytics.name, "gpu")).rejects.toMatchObject({ statusCode: 404 });
  });
});
