import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManagedCluster } from "@azure/arm-containerservice";
import { demoSubscriptions } from "../seed/organisation";
import { containerServiceClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * Every seeded cluster carries the read-only fields real clusters do (az aks show/update read
 * servicePrincipalProfile and identityProfile.kubeletidentity unconditionally), with the JSON shape of
 * the official ManagedClustersGet example wherever the example's setting applies to the cluster.
 */
const examplePath = "../shared/reference/azure-rest-api-specs/containerservice/2026-08-01/ManagedClustersGet.json";
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const example = (JSON.parse(readFileSync(path.resolve(process.cwd(), examplePath), "utf8")) as {
  responses: { 200: { body: { properties: Record<string, Json> } } };
}).responses[200].body.properties;

/** The type skeleton of a JSON value: what "the same shape" means here. */
function shapeOf(value: Json | undefined): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  return value === null ? "null" : typeof value;
}

function pick(value: Record<string, Json>, keys: string[]): Record<string, Json> {
  return Object.fromEntries(keys.filter((key) => key in value).map((key) => [key, value[key] ?? null]));
}

const clusterKeys = ["currentKubernetesVersion", "dnsPrefix", "kubernetesVersion", "maxAgentPools", "nodeResourceGroup", "provisioningState", "servicePrincipalProfile", "azurePortalFQDN", "enableRBAC"];
const poolKeys = ["name", "availabilityZones", "count", "currentOrchestratorVersion", "eTag", "maxPods", "nodeImageVersion", "orchestratorVersion", "osType", "provisioningState", "upgradeSettings", "vmSize"];
const networkKeys = ["dnsServiceIP", "ipFamilies", "loadBalancerSku", "networkPlugin", "outboundType", "serviceCidr", "serviceCidrs"];

let emulator: TestEmulator;
let token: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  token = await emulator.issueTestToken({ user: "admin", audience: "arm" });
});
afterAll(() => emulator.dispose());

async function seededClusters(): Promise<ManagedCluster[]> {
  const clusters: ManagedCluster[] = [];
  for (const subscriptionId of Object.values(demoSubscriptions)) {
    for await (const cluster of containerServiceClient(emulator, subscriptionId).managedClusters.list()) clusters.push(cluster);
  }
  return clusters;
}

describe("the managed cluster's shape", () => {
  it("deserialises every seeded cluster through the SDK with identity, pool and network fields", async () => {
    const clusters = await seededClusters();
    expect(clusters.length).toBeGreaterThanOrEqual(7);
    for (const cluster of clusters) {
      expect(cluster.servicePrincipalProfile, cluster.name).toEqual({ clientId: "msi" });
      const kubelet = cluster.identityProfile?.kubeletidentity;
      expect(kubelet?.resourceId, cluster.name).toBe(`/subscriptions/${cluster.id?.split("/")[2]}/resourcegroups/${cluster.nodeResourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${cluster.name}-agentpool`);
      expect(kubelet?.clientId).toMatch(/^[0-9a-f-]{36}$/);
      expect(kubelet?.objectId).toMatch(/^[0-9a-f-]{36}$/);
      expect(cluster.maxAgentPools).toBe(100);
      for (const pool of cluster.agentPoolProfiles ?? []) {
        expect(pool.nodeImageVersion, `${cluster.name}/${pool.name}`).toMatch(pool.osType === "Windows" ? /^AKSWindows-2022-containerd-/ : /^AKSUbuntu-2204gen2containerd-\d{6}\.\d{2}\.\d$/);
        expect(pool.upgradeSettings?.maxSurge).toBe("10%");
        expect(pool.availabilityZones).toBeDefined();
      }
      const network = cluster.networkProfile;
      expect(network?.serviceCidr).toBe("10.0.0.0/16");
      expect(network?.serviceCidrs).toEqual(["10.0.0.0/16"]);
      expect(network?.dnsServiceIP).toBe("10.0.0.10");
      expect(network?.ipFamilies).toEqual(["IPv4"]);
      // Pods get their own range only when they do not take addresses from the VNet (kubenet, CNI overlay).
      const ownPodRange = network?.networkPlugin === "kubenet" || network?.networkPluginMode === "overlay";
      expect(network?.podCidr, cluster.name).toBe(ownPodRange ? "10.244.0.0/16" : undefined);
      expect(network?.podCidrs).toEqual(ownPodRange ? ["10.244.0.0/16"] : undefined);
    }
  });

  it("has the example's JSON shape for the fields that apply", async () => {
    const response = await fetch(`${emulator.url}/subscriptions/${demoSubscriptions.nonProduction}/providers/Microsoft.ContainerService/managedClusters?api-version=2026-08-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const clusters = ((await response.json()) as { value: Array<{ name: string; properties: Record<string, Json> }> }).value;
    const examplePool = (example.agentPoolProfiles as Array<Record<string, Json>>)[0] ?? {};
    const exampleNetwork = example.networkProfile as Record<string, Json>;
    for (const { name, properties } of clusters) {
      const pools = properties.agentPoolProfiles as Array<Record<string, Json>>;
      expect(shapeOf(pick(properties, clusterKeys)), name).toEqual(shapeOf(pick(example, clusterKeys)));
      for (const pool of pools) expect(shapeOf(pick(pool, poolKeys)), `${name}/${String(pool.name)}`).toEqual(shapeOf(pick(examplePool, poolKeys)));
      expect(shapeOf(pick(properties.networkProfile as Record<string, Json>, networkKeys)), name).toEqual(shapeOf(pick(exampleNetwork, networkKeys)));
    }
  });

  it("fills the same read-only fields on a cluster created through the SDK", async () => {
    const client = containerServiceClient(emulator, demoSubscriptions.nonProduction);
    const created = await client.managedClusters.beginCreateOrUpdateAndWait("rg-empty", "aks-shape", {
      location: "westeurope", dnsPrefix: "aks-shape", kubernetesVersion: "1.32", identity: { type: "SystemAssigned" },
      agentPoolProfiles: [{ name: "system", count: 1, vmSize: "Standard_D2s_v5", mode: "System", osType: "Linux" }],
    }, { updateIntervalInMs: 10 });
    expect(created.servicePrincipalProfile?.clientId).toBe("msi");
    expect(created.identityProfile?.kubeletidentity?.clientId).toBeDefined();
    expect(created.agentPoolProfiles?.[0]?.nodeImageVersion).toBeDefined();
    expect(created.networkProfile?.ipFamilies).toEqual(["IPv4"]);
    // The spec's defaults: az aks update --api-server-authorized-ip-ranges needs a standard load balancer.
    expect([created.networkProfile?.outboundType, created.networkProfile?.loadBalancerSku]).toEqual(["loadBalancer", "standard"]);
  });
});
