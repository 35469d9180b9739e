import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { findCluster, type AgentPoolWire, type ClusterRecord } from "../state";
import { armErrors, sendArm } from "./errors";
import { page } from "./paging";
import type { ClusterAddress } from "./managed-clusters";

/**
 * managedClusters/{c}/agentPools (list, get): the cluster's `agentPoolProfiles` as sub-resources, with
 * their taints and labels. Pool writes go through the cluster's PUT; pool PUT/DELETE are not emulated.
 */
function clusterOf(runtime: Runtime, address: ClusterAddress): ClusterRecord {
  const cluster = findCluster(runtime.state(), address.subscriptionId, address.resourceGroup, address.name);
  if (!cluster) throw armErrors.resourceNotFound("Microsoft.ContainerService/managedClusters", address.name, address.resourceGroup);
  return cluster;
}

/** The sub-resource's wire shape: name at the top, the profile (without its name) under `properties`. */
function agentPoolResource(cluster: ClusterRecord, pool: AgentPoolWire) {
  const { name, eTag, ...properties } = pool;
  return { id: `${cluster.resource.id}/agentPools/${name}`, name, type: "Microsoft.ContainerService/managedClusters/agentPools", ...(eTag ? { eTag } : {}), properties };
}

export function listAgentPools(exchange: Exchange, runtime: Runtime, address: ClusterAddress): void {
  const cluster = clusterOf(runtime, address);
  const pools = (cluster.resource.properties.agentPoolProfiles ?? []).map((pool) => agentPoolResource(cluster, pool));
  sendArm(exchange, 200, page(exchange, runtime.baseUrl(), pools, runtime.settings.armPageSize));
}

export function getAgentPool(exchange: Exchange, runtime: Runtime, address: ClusterAddress, name: string): void {
  const cluster = clusterOf(runtime, address);
  const pool = (cluster.resource.properties.agentPoolProfiles ?? []).find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!pool) throw armErrors.resourceNotFound("Microsoft.ContainerService/managedClusters/agentPools", `${cluster.resource.name}/${name}`, cluster.resourceGroup);
  sendArm(exchange, 200, agentPoolResource(cluster, pool));
}
