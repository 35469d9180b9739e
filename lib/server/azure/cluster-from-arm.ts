import "server-only";
import type { ContainerServiceNetworkProfile, ManagedCluster, ManagedClusterAgentPoolProfile, ManagedClusterPodIdentityProfile } from "@azure/arm-containerservice";
import type { Cluster, ClusterNetwork, EgressIp, LegacyPodIdentity, NodePool } from "@/lib/clusters/cluster";
import { toNetworkPlugin, toNetworkPolicy, toNodePoolMode, toOsType, toOutboundType, toPowerState, toProvisioningState } from "./arm-enums";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";

/*
 * A type-only import: the SDK's model shape is the input, nothing of the SDK runs here, and no SDK type
 * appears in what this module returns (STYLE.md rule 4).
 */

export class ArmClusterShapeError extends Error {
  override name = "ArmClusterShapeError";
}

function toNodePool(profile: ManagedClusterAgentPoolProfile): NodePool {
  return {
    name: profile.name,
    mode: toNodePoolMode(profile.mode),
    osType: toOsType(profile.osType),
    vmSize: profile.vmSize ?? "",
    count: profile.count ?? 0,
    taints: profile.nodeTaints ?? [],
    labels: profile.nodeLabels ?? {},
    kubernetesVersion: profile.currentOrchestratorVersion ?? profile.orchestratorVersion ?? null,
  };
}

function egressIps(profile: ContainerServiceNetworkProfile | undefined): EgressIp[] {
  const fromLoadBalancer = (profile?.loadBalancerProfile?.effectiveOutboundIPs ?? []).map((ref) => ({ id: ref.id, source: "load-balancer" as const }));
  const fromNatGateway = (profile?.natGatewayProfile?.effectiveOutboundIPs ?? []).map((ref) => ({ id: ref.id, source: "nat-gateway" as const }));
  return [...fromLoadBalancer, ...fromNatGateway].flatMap(({ id, source }) => (id ? [{ publicIpResourceId: id, address: null, source }] : []));
}

function toNetwork(profile: ContainerServiceNetworkProfile | undefined): ClusterNetwork {
  const outboundType = toOutboundType(profile?.outboundType);
  const ips = egressIps(profile);
  return {
    plugin: toNetworkPlugin(profile?.networkPlugin),
    pluginMode: profile?.networkPluginMode ?? null,
    policy: toNetworkPolicy(profile?.networkPolicy),
    outboundType,
    egressIps: ips,
    // Only the AKS-managed load balancer and NAT gateway report their public IPs on the cluster resource.
    egressIpsComplete: (outboundType === "loadBalancer" || outboundType === "managedNATGateway") && ips.length > 0,
  };
}

function toPodIdentity(profile: ManagedClusterPodIdentityProfile | undefined): LegacyPodIdentity {
  return {
    podIdentityEnabled: profile?.enabled ?? false,
    identities: (profile?.userAssignedIdentities ?? []).map((identity) => ({
      name: identity.name,
      namespace: identity.namespace,
      bindingSelector: identity.bindingSelector ?? null,
      identityResourceId: identity.identity.resourceId ?? null,
      identityClientId: identity.identity.clientId ?? null,
      provisioningState: identity.provisioningState ?? null,
    })),
    exceptions: (profile?.userAssignedIdentityExceptions ?? []).map(({ name, namespace, podLabels }) => ({ name, namespace, podLabels })),
  };
}

/**
 * Clusterdesk's cluster from the SDK's `ManagedCluster` (@azure/arm-containerservice 25.x, flattened:
 * `enableRbac`, `aadProfile.enableAzureRbac`, `apiServerAccessProfile.authorizedIPRanges`).
 * In-cluster facts are not in ARM; they start as null and the inventory sync adds them.
 */
export function fromArmManagedCluster(arm: ManagedCluster): Cluster {
  const ids = arm.id === undefined ? undefined : parseClusterResourceId(arm.id);
  if (!arm.id || !ids) throw new ArmClusterShapeError(`Not a managed cluster resource id: ${JSON.stringify(arm.id)}`);
  const aad = arm.aadProfile;
  const access = arm.apiServerAccessProfile;
  const privateCluster = access?.enablePrivateCluster ?? false;
  return {
    id: arm.id,
    name: arm.name ?? ids.name,
    subscriptionId: ids.subscriptionId,
    resourceGroup: ids.resourceGroup,
    location: arm.location,
    kubernetesVersion: arm.currentKubernetesVersion ?? arm.kubernetesVersion ?? null,
    provisioningState: toProvisioningState(arm.provisioningState),
    powerState: toPowerState(arm.powerState?.code),
    nodePools: (arm.agentPoolProfiles ?? []).map(toNodePool),
    apiServerAccess: {
      privateCluster,
      authorizedIpRanges: access?.authorizedIPRanges ?? [],
      // A private cluster's `fqdn` is public only with enablePrivateClusterPublicFQDN, and then it resolves to the private IP.
      publicFqdn: arm.fqdn ?? null,
      privateFqdn: arm.privateFqdn ?? null,
    },
    identity: {
      managedAad: aad?.managed ?? false,
      adminGroupObjectIds: aad?.adminGroupObjectIDs ?? [],
      azureRbac: aad?.enableAzureRbac ?? false,
      localAccountsDisabled: arm.disableLocalAccounts ?? false,
      // ARM always reports enableRBAC on a GET; if it ever does not, the posture check fails rather than passes on no evidence.
      kubernetesRbac: arm.enableRbac ?? false,
      entraTenantId: aad?.tenantID ?? null,
    },
    network: toNetwork(arm.networkProfile),
    workloadIdentity: {
      workloadIdentityEnabled: arm.securityProfile?.workloadIdentity?.enabled ?? false,
      oidcIssuerEnabled: arm.oidcIssuerProfile?.enabled ?? false,
      oidcIssuerUrl: arm.oidcIssuerProfile?.issuerURL ?? null,
    },
    podIdentity: toPodIdentity(arm.podIdentityProfile),
    azurePolicyEnabled: azurePolicyAddonEnabled(arm.addonProfiles),
    tags: arm.tags ?? {},
    inCluster: null,
  };
}

/** Add-on keys are case-insensitive in practice (`azurepolicy`, `azurePolicy` both appear). */
function azurePolicyAddonEnabled(addons: ManagedCluster["addonProfiles"]): boolean {
  return Object.entries(addons ?? {}).some(([key, addon]) => key.toLowerCase() === "azurepolicy" && addon.enabled);
}
