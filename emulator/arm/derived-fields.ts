import { randomUUID } from "node:crypto";
import type { AgentPoolWire, ManagedClusterWire } from "../state";
import { withReadOnlyDefaults } from "./read-only-defaults";
import { stableGuid, stableHash } from "./stable-ids";

export { stableGuid, stableHash };

export function newEtag(): string {
  return randomUUID();
}

/**
 * Read-only fields AKS computes (FQDNs, node resource group, identity ids, pool states). Used for
 * seeded clusters and on every PUT, because the SDK never sends read-only fields back.
 */
export function withDerivedFields(
  cluster: ManagedClusterWire,
  context: { resourceGroup: string; tenantId: string; provisioningState: string },
): ManagedClusterWire {
  const { location, name, id } = cluster;
  const properties = { ...cluster.properties };
  const dnsPrefix = properties.dnsPrefix ?? `${name}-dns`;
  const host = `${dnsPrefix}-${stableHash(id)}`;
  const isPrivate = properties.apiServerAccessProfile?.enablePrivateCluster === true;
  properties.dnsPrefix = dnsPrefix;
  properties.provisioningState = context.provisioningState;
  properties.powerState ??= { code: "Running" };
  properties.currentKubernetesVersion = properties.kubernetesVersion?.split(".").length === 2 ? `${properties.kubernetesVersion}.7` : properties.kubernetesVersion;
  properties.nodeResourceGroup ??= `MC_${context.resourceGroup}_${name}_${location}`;
  if (isPrivate) {
    properties.privateFQDN = `${name}-${stableHash(id, 4)}.privatelink.${location}.azmk8s.io`;
    if (properties.apiServerAccessProfile?.enablePrivateClusterPublicFQDN) properties.fqdn = `${host}.hcp.${location}.azmk8s.io`;
    else delete properties.fqdn;
  } else {
    properties.fqdn = `${host}.hcp.${location}.azmk8s.io`;
    delete properties.privateFQDN;
  }
  properties.azurePortalFQDN = `${host}.portal.hcp.${location}.azmk8s.io`;
  if (properties.aadProfile?.managed) properties.aadProfile = { ...properties.aadProfile, tenantID: properties.aadProfile.tenantID ?? context.tenantId };
  if (properties.oidcIssuerProfile?.enabled) {
    properties.oidcIssuerProfile = { enabled: true, issuerURL: `https://${location}.oic.prod-aks.azure.com/${context.tenantId}/${stableGuid(`${id}/oidc`)}/` };
  }
  properties.agentPoolProfiles = (properties.agentPoolProfiles ?? []).map((pool): AgentPoolWire => ({
    type: "VirtualMachineScaleSets",
    osSKU: pool.osType === "Windows" ? "Windows2022" : "Ubuntu",
    maxPods: 110,
    ...pool,
    orchestratorVersion: pool.orchestratorVersion ?? properties.kubernetesVersion,
    currentOrchestratorVersion: properties.currentKubernetesVersion,
    provisioningState: context.provisioningState,
    powerState: { code: "Running" },
    eTag: cluster.eTag,
  }));
  const identity = cluster.identity.type === "SystemAssigned"
    ? { ...cluster.identity, principalId: stableGuid(`${id}/identity`), tenantId: context.tenantId }
    : cluster.identity;
  return { ...cluster, type: "Microsoft.ContainerService/ManagedClusters", identity, properties: withReadOnlyDefaults(cluster, properties) };
}
