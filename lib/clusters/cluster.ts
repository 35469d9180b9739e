/**
 * Clusterdesk's own picture of an AKS cluster, as the inventory stores it and the pages and posture
 * rules read it. Built from ARM by `fromArmManagedCluster` and, when the API server is reachable from
 * the portal, completed with in-cluster facts. Plain data (JSON-serializable) so it can be cached.
 */

export type ProvisioningState = "Succeeded" | "Creating" | "Updating" | "Deleting" | "Failed" | "Canceled" | "Upgrading" | "Unknown";

export type PowerState = "Running" | "Stopped" | "Unknown";

export type NodePoolMode = "System" | "User" | "Gateway" | "Unknown";

export type NodePool = {
  name: string;
  mode: NodePoolMode;
  osType: "Linux" | "Windows" | "Unknown";
  vmSize: string;
  count: number;
  /** `key=value:Effect`, as AKS writes them (e.g. `CriticalAddonsOnly=true:NoSchedule`). */
  taints: string[];
  labels: Record<string, string>;
  kubernetesVersion: string | null;
};

export type ApiServerAccess = {
  /** The API server has only a private IP, reached through Private Link (the seed's "more secure" option). */
  privateCluster: boolean;
  /** The allow-list in front of a public API server; empty means no restriction. Verbatim from ARM. */
  authorizedIpRanges: string[];
  publicFqdn: string | null;
  privateFqdn: string | null;
};

export type ClusterIdentity = {
  /** AKS-managed Microsoft Entra integration (`aadProfile.managed`). */
  managedAad: boolean;
  adminGroupObjectIds: string[];
  /** Kubernetes authorization through Azure role assignments (`aadProfile.enableAzureRBAC`). */
  azureRbac: boolean;
  /** No static cluster-admin credential from listClusterAdminCredential (`disableLocalAccounts`). */
  localAccountsDisabled: boolean;
  /** Kubernetes RBAC (`enableRBAC`). */
  kubernetesRbac: boolean;
  entraTenantId: string | null;
};

export type NetworkPolicyEngine = "none" | "calico" | "azure" | "cilium" | "unrecognized";

export type OutboundType = "loadBalancer" | "userDefinedRouting" | "managedNATGateway" | "userAssignedNATGateway" | "none" | "unrecognized";

/**
 * A public IP the cluster's outbound traffic leaves from. ARM's cluster resource only names the
 * Microsoft.Network/publicIPAddresses resource; the address itself needs a separate read of that
 * resource, so it is null until something resolves it.
 */
export type EgressIp = {
  publicIpResourceId: string;
  address: string | null;
  source: "load-balancer" | "nat-gateway";
};

export type ClusterNetwork = {
  plugin: "azure" | "kubenet" | "none" | "unrecognized";
  pluginMode: string | null;
  policy: NetworkPolicyEngine;
  outboundType: OutboundType;
  egressIps: EgressIp[];
  /**
   * False when outbound traffic leaves through something the cluster resource does not describe
   * (a firewall behind user-defined routing, a user-assigned NAT gateway): then `egressIps` is not
   * the whole story and the firewall's public IP must be added to the allow-list by hand.
   */
  egressIpsComplete: boolean;
};

export type WorkloadIdentity = {
  workloadIdentityEnabled: boolean;
  oidcIssuerEnabled: boolean;
  oidcIssuerUrl: string | null;
};

export type PodIdentityBinding = {
  name: string;
  namespace: string;
  bindingSelector: string | null;
  identityResourceId: string | null;
  identityClientId: string | null;
  provisioningState: string | null;
};

/** The deprecated AAD pod identity add-on (AzureIdentity / AzureIdentityBinding, the `aadpodidbinding` label). */
export type LegacyPodIdentity = {
  podIdentityEnabled: boolean;
  identities: PodIdentityBinding[];
  exceptions: { name: string; namespace: string; podLabels: Record<string, string> }[];
};

export type NamespaceFacts = {
  name: string;
  labels: Record<string, string>;
  /** The Clusterdesk tenant owning the namespace, when one does. */
  tenant: string | null;
};

/** Facts read from the cluster's API server; null on the cluster when it was not reachable. */
export type InClusterFacts = {
  /** ISO 8601 time of the read. */
  gatheredAt: string;
  namespaces: NamespaceFacts[];
};

export type Cluster = {
  /** ARM resource id; the cluster's identity everywhere in Clusterdesk. */
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kubernetesVersion: string | null;
  provisioningState: ProvisioningState;
  powerState: PowerState;
  nodePools: NodePool[];
  apiServerAccess: ApiServerAccess;
  identity: ClusterIdentity;
  network: ClusterNetwork;
  workloadIdentity: WorkloadIdentity;
  podIdentity: LegacyPodIdentity;
  azurePolicyEnabled: boolean;
  tags: Record<string, string>;
  /** Null when the API server was not reachable from the portal (for example a private cluster). */
  inCluster: InClusterFacts | null;
};

/** Pod Security admission: the label that makes the API server reject pods above a level. */
export const POD_SECURITY_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
