import "server-only";
import { isRestError } from "@azure/core-rest-pipeline";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { containerServiceClient, withCorrelation } from "./arm-client";

/**
 * AKS managed namespaces and agent pools through @azure/arm-containerservice. Plain data out: the
 * SDK's models stay in this folder.
 */
export type ManagedNamespaceProperties = {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  defaultResourceQuota: { cpuRequest: string; cpuLimit: string; memoryRequest: string; memoryLimit: string };
  defaultNetworkPolicy: { ingress: string; egress: string };
  adoptionPolicy: string;
  deletePolicy: string;
};
export type ManagedNamespaceRead = { properties: Record<string, unknown> };

function partsOf(clusterResourceId: string) {
  const parts = parseClusterResourceId(clusterResourceId);
  if (!parts) throw new Error(`Not an AKS cluster resource id: ${clusterResourceId}`);
  return parts;
}

export async function getManagedNamespace(clusterResourceId: string, name: string, correlationId: string): Promise<ManagedNamespaceRead | null> {
  const { subscriptionId, resourceGroup, name: cluster } = partsOf(clusterResourceId);
  try {
    const found = await containerServiceClient(subscriptionId).managedNamespaces.get(resourceGroup, cluster, name, withCorrelation(correlationId));
    return { properties: { ...found.properties } };
  } catch (error) {
    if (isRestError(error) && error.statusCode === 404) return null;
    throw error;
  }
}

/** PUT and wait for the long-running operation; the same body again is an update that changes nothing. */
export async function putManagedNamespace(clusterResourceId: string, name: string, location: string, properties: ManagedNamespaceProperties, correlationId: string, signal?: AbortSignal): Promise<void> {
  const { subscriptionId, resourceGroup, name: cluster } = partsOf(clusterResourceId);
  const poller = containerServiceClient(subscriptionId).managedNamespaces.createOrUpdate(
    resourceGroup, cluster, name,
    { location, properties: { ...properties, adoptionPolicy: properties.adoptionPolicy as "Never", deletePolicy: properties.deletePolicy as "Keep", defaultNetworkPolicy: properties.defaultNetworkPolicy as { ingress: "DenyAll"; egress: "DenyAll" } } },
    { ...withCorrelation(correlationId), updateIntervalInMs: 500, abortSignal: signal },
  );
  await poller;
}

export type AgentPoolRead = { name: string; taints: string[]; labels: Record<string, string> };

export async function listAgentPools(clusterResourceId: string, correlationId: string): Promise<AgentPoolRead[]> {
  const { subscriptionId, resourceGroup, name } = partsOf(clusterResourceId);
  const pools: AgentPoolRead[] = [];
  for await (const pool of containerServiceClient(subscriptionId).agentPools.list(resourceGroup, name, withCorrelation(correlationId))) {
    pools.push({ name: pool.name ?? "", taints: pool.nodeTaints ?? [], labels: pool.nodeLabels ?? {} });
  }
  return pools;
}
