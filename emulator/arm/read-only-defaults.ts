import type { AgentPoolWire, ManagedClusterPropertiesWire, ManagedClusterWire } from "../state";
import { stableGuid } from "./stable-ids";

/**
 * Settings AKS fills in when a create leaves them out, as real clusters report them (shapes from
 * the 2026-08-01 ManagedClustersGet example). Clients read some unconditionally: `az aks show|update`
 * crash without `servicePrincipalProfile` or `identityProfile.kubeletidentity`.
 */
const linuxNodeImage = "AKSUbuntu-2204gen2containerd-202501.12.0";
const windowsNodeImage = "AKSWindows-2022-containerd-20348.2966.250110";
// AKS defaults: service range 10.0.0.0/16 with CoreDNS at .10; pods get 10.244.0.0/16 only when they
// do not take addresses from the VNet (kubenet, Azure CNI overlay). https://aka.ms/aks/cni-overlay
const serviceCidr = "10.0.0.0/16";
const podCidr = "10.244.0.0/16";
/** The limit AKS reports for agent pools per cluster. */
const maxAgentPools = 100;

export function withPoolDefaults(pool: AgentPoolWire): AgentPoolWire {
  return {
    ...pool,
    nodeImageVersion: typeof pool.nodeImageVersion === "string" ? pool.nodeImageVersion : pool.osType === "Windows" ? windowsNodeImage : linuxNodeImage,
    upgradeSettings: typeof pool.upgradeSettings === "object" && pool.upgradeSettings !== null ? pool.upgradeSettings : { maxSurge: "10%" },
  };
}

function withNetworkDefaults(network: ManagedClusterPropertiesWire["networkProfile"]): ManagedClusterPropertiesWire["networkProfile"] {
  // The plugin itself is left as given: the spec names no default, and posture reads it.
  const profile = { ...network };
  const ownPodRange = profile.networkPlugin === "kubenet" || profile.networkPluginMode === "overlay";
  return {
    ...profile,
    // The spec's documented defaults.
    outboundType: profile.outboundType ?? "loadBalancer",
    loadBalancerSku: profile.loadBalancerSku ?? "standard",
    serviceCidr: profile.serviceCidr ?? serviceCidr,
    serviceCidrs: profile.serviceCidrs ?? [profile.serviceCidr ?? serviceCidr],
    dnsServiceIP: profile.dnsServiceIP ?? "10.0.0.10",
    ipFamilies: profile.ipFamilies ?? ["IPv4"],
    ...(ownPodRange ? { podCidr: profile.podCidr ?? podCidr, podCidrs: profile.podCidrs ?? [profile.podCidr ?? podCidr] } : {}),
  };
}

/**
 * A managed identity cluster reports `clientId: "msi"` as its service principal, and the kubelet's
 * user-assigned identity that AKS creates in the node resource group.
 */
export function withReadOnlyDefaults(cluster: ManagedClusterWire, properties: ManagedClusterPropertiesWire): ManagedClusterPropertiesWire {
  const subscriptionId = cluster.id.split("/")[2] ?? "";
  const kubeletName = `${cluster.name}-agentpool`;
  return {
    ...properties,
    servicePrincipalProfile: properties.servicePrincipalProfile ?? { clientId: "msi" },
    identityProfile: properties.identityProfile ?? {
      kubeletidentity: {
        resourceId: `/subscriptions/${subscriptionId}/resourcegroups/${properties.nodeResourceGroup ?? ""}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${kubeletName}`,
        clientId: stableGuid(`${cluster.id}/kubelet/client`),
        objectId: stableGuid(`${cluster.id}/kubelet/object`),
      },
    },
    maxAgentPools,
    networkProfile: withNetworkDefaults(properties.networkProfile),
    agentPoolProfiles: (properties.agentPoolProfiles ?? []).map(withPoolDefaults),
  };
}
