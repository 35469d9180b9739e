import { localDemoOrganisation } from "../../lib/config/local-mode";
import { newEtag, stableGuid, withDerivedFields } from "../arm/derived-fields";
import { clusterResourceId, type AgentPoolWire, type ClusterRecord, type ManagedClusterPropertiesWire } from "../state";
import { demoGroups, demoSubscriptions } from "./organisation";

/**
 * The seeded clusters, one per posture the portal must recognise. Each carries a comment naming the
 * findings it is built to trigger (or not), so posture tests can pick the right fixture.
 */
type ClusterSpec = {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties: ManagedClusterPropertiesWire;
};

// Every seeded region has three zones; pools spread over all of them, as most production pools do.
const zones = ["1", "2", "3"];
const systemPool: AgentPoolWire = {
  name: "system", count: 3, vmSize: "Standard_D4s_v5", mode: "System", osType: "Linux", availabilityZones: zones,
  nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"], nodeLabels: {},
};
const userPool = (name: string, extra: Partial<AgentPoolWire> = {}): AgentPoolWire => ({
  name, count: 3, vmSize: "Standard_D8s_v5", mode: "User", osType: "Linux", availabilityZones: zones, nodeTaints: [], nodeLabels: {}, ...extra,
});
const entra = (azureRbac: boolean) => ({
  managed: true, enableAzureRBAC: azureRbac, adminGroupObjectIDs: [demoGroups.clusterdeskAdmins], tenantID: localDemoOrganisation.tenantId,
});
const policyAddon = { azurepolicy: { enabled: true, config: null } };
const egressIps = (subscriptionId: string, resourceGroup: string, count: number) => ({
  managedOutboundIPs: { count },
  effectiveOutboundIPs: Array.from({ length: count }, (_, index) => ({
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/publicIPAddresses/${stableGuid(`${resourceGroup}/egress/${index}`)}`,
  })),
});

const { production, nonProduction } = demoSubscriptions;

export const demoClusterSpecs: ClusterSpec[] = [
  // The reference cluster: private API server, Entra + Azure RBAC, no local accounts, Cilium, workload
  // identity, Azure Policy, egress through a firewall (UDR). Expected findings: none.
  {
    subscriptionId: production, resourceGroup: "rg-payments-prod", name: "aks-payments-prod", location: "westeurope",
    tags: { team: "payments", environment: "prod" },
    properties: {
      kubernetesVersion: "1.32", enableRBAC: true, disableLocalAccounts: true, aadProfile: entra(true),
      apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system" },
      networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "cilium", networkDataplane: "cilium", outboundType: "userDefinedRouting", loadBalancerSku: "standard" },
      agentPoolProfiles: [systemPool, userPool("apps")],
      securityProfile: { workloadIdentity: { enabled: true } }, oidcIssuerProfile: { enabled: true }, addonProfiles: policyAddon,
    },
  },
  // Public API server restricted by authorized IP ranges; GPU pool with a taint; two egress IPs.
  // Expected findings: public API server (mitigated by authorized ranges).
  {
    subscriptionId: production, resourceGroup: "rg-search-prod", name: "aks-search-prod", location: "northeurope",
    tags: { team: "search", environment: "prod" },
    properties: {
      kubernetesVersion: "1.31", enableRBAC: true, disableLocalAccounts: true, aadProfile: entra(true),
      apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24", "198.51.100.17/32"], enablePrivateCluster: false },
      networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "calico", outboundType: "loadBalancer", loadBalancerSku: "standard", loadBalancerProfile: egressIps(production, "MC_rg-search-prod_aks-search-prod_northeurope", 2) },
      agentPoolProfiles: [systemPool, userPool("apps"), userPool("gpu", { count: 2, vmSize: "Standard_NC6s_v3", nodeTaints: ["nvidia.com/gpu=present:NoSchedule"], nodeLabels: { accelerator: "nvidia" } })],
      addonProfiles: policyAddon,
    },
  },
  // Entra authentication with Kubernetes RBAC only (no Azure RBAC), local accounts still enabled,
  // Azure network policy, a Windows pool. Expected findings: local accounts enabled; Kubernetes RBAC only.
  {
    subscriptionId: production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared", location: "westeurope",
    tags: { team: "platform", environment: "prod" },
    properties: {
      kubernetesVersion: "1.31", enableRBAC: true, disableLocalAccounts: false, aadProfile: entra(false),
      apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"], enablePrivateCluster: false },
      networkProfile: { networkPlugin: "azure", networkPolicy: "azure", outboundType: "loadBalancer", loadBalancerSku: "standard", loadBalancerProfile: egressIps(production, "MC_rg-platform-prod_aks-platform-shared_westeurope", 1) },
      agentPoolProfiles: [systemPool, userPool("win", { osType: "Windows", vmSize: "Standard_D4s_v5", nodeLabels: { "kubernetes.io/os": "windows" } })],
      addonProfiles: policyAddon,
    },
  },
  // The shared development cluster hosting the teams' dev namespaces (namespace-scoped role assignments).
  // Expected findings: public API server (mitigated by authorized ranges); no Azure Policy.
  {
    subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev", location: "westeurope",
    tags: { environment: "dev" },
    properties: {
      kubernetesVersion: "1.32", enableRBAC: true, disableLocalAccounts: true, aadProfile: entra(true),
      apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24", "192.0.2.0/24"], enablePrivateCluster: false },
      networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "calico", outboundType: "loadBalancer", loadBalancerSku: "standard", loadBalancerProfile: egressIps(nonProduction, "MC_rg-dev_aks-shared-dev_westeurope", 1) },
      agentPoolProfiles: [systemPool, userPool("apps")],
    },
  },
  // Wide open: public API server without authorized ranges, local accounts, no Entra, kubenet without
  // network policy. Expected findings: every one of those.
  {
    subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-dev-open", location: "westeurope",
    properties: {
      kubernetesVersion: "1.30", enableRBAC: true, disableLocalAccounts: false,
      apiServerAccessProfile: { enablePrivateCluster: false },
      networkProfile: { networkPlugin: "kubenet", networkPolicy: "none", outboundType: "loadBalancer", loadBalancerSku: "standard", loadBalancerProfile: egressIps(nonProduction, "MC_rg-dev_aks-dev-open_westeurope", 1) },
      agentPoolProfiles: [{ ...systemPool, nodeTaints: [] }],
    },
  },
  // Legacy AAD pod identity (deprecated) on kubenet, an old Kubernetes version, Kubernetes RBAC.
  // Expected findings: pod identity in use; outdated Kubernetes version; local accounts enabled.
  {
    subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid", location: "westeurope",
    tags: { team: "payments", environment: "dev" },
    properties: {
      kubernetesVersion: "1.29", enableRBAC: true, disableLocalAccounts: false, aadProfile: entra(false),
      apiServerAccessProfile: { authorizedIPRanges: ["198.51.100.0/24"], enablePrivateCluster: false },
      networkProfile: { networkPlugin: "kubenet", networkPolicy: "calico", outboundType: "loadBalancer", loadBalancerSku: "standard" },
      agentPoolProfiles: [systemPool],
      podIdentityProfile: {
        enabled: true, allowNetworkPluginKubenet: true,
        userAssignedIdentities: [{
          name: "payments-reader", namespace: "payments-dev", bindingSelector: "payments-reader",
          identity: { resourceId: `/subscriptions/${nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ManagedIdentity/userAssignedIdentities/payments-reader`, clientId: stableGuid("payments-reader/client"), objectId: stableGuid("payments-reader/object") },
          provisioningState: "Assigned",
        }],
        userAssignedIdentityExceptions: [{ name: "kube-proxy-exception", namespace: "kube-system", podLabels: { component: "kube-proxy" } }],
      },
    },
  },
  // Workload identity with an OIDC issuer, Cilium, NAT gateway egress, but a public API server open
  // to the internet. Expected findings: public API server without authorized ranges.
  {
    subscriptionId: nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi", location: "eastus",
    tags: { team: "analytics", environment: "sandbox" },
    properties: {
      kubernetesVersion: "1.32", enableRBAC: true, disableLocalAccounts: true, aadProfile: entra(true),
      apiServerAccessProfile: { enablePrivateCluster: false },
      networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", networkPolicy: "cilium", networkDataplane: "cilium", outboundType: "managedNATGateway", loadBalancerSku: "standard" },
      // A pool dedicated to tenants that ask for it (taint to tolerate, label to select): placed before
      // "batch" so that the seeded tenant workloads keep running on the last pool's nodes.
      agentPoolProfiles: [systemPool, userPool("tenants", { count: 1, nodeTaints: ["clusterdesk.io/dedicated=tenants:NoSchedule"], nodeLabels: { "clusterdesk.io/pool": "tenants" } }), userPool("batch", { enableAutoScaling: true, minCount: 1, maxCount: 10 })],
      securityProfile: { workloadIdentity: { enabled: true } }, oidcIssuerProfile: { enabled: true }, addonProfiles: policyAddon,
    },
  },
];

export function buildCluster(spec: ClusterSpec, tenantId: string): ClusterRecord {
  const id = clusterResourceId(spec.subscriptionId, spec.resourceGroup, spec.name);
  const resource = withDerivedFields(
    {
      id, name: spec.name, type: "Microsoft.ContainerService/ManagedClusters", location: spec.location, tags: spec.tags ?? {},
      eTag: newEtag(), sku: { name: "Base", tier: "Standard" }, identity: { type: "SystemAssigned" },
      properties: { dnsPrefix: spec.name, ...spec.properties },
    },
    { resourceGroup: spec.resourceGroup, tenantId, provisioningState: "Succeeded" },
  );
  return { subscriptionId: spec.subscriptionId, resourceGroup: spec.resourceGroup, resource };
}

export function seedClusters(tenantId: string): ClusterRecord[] {
  return demoClusterSpecs.map((spec) => buildCluster(spec, tenantId));
}
export type { ClusterSpec };
