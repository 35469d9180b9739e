import type { ManagedCluster } from "@azure/arm-containerservice";

/*
 * SDK-shaped fixtures. How they were made: the wire JSON of the official examples in
 * Azure/azure-rest-api-specs (AKS 2026-08-01, copied in /work/shared/reference/azure-rest-api-specs,
 * commit e5ece90035d7ae87d13344585ab960c1c2a0ba99) was passed through the SDK's own
 * `managedClusterDeserializer` (@azure/arm-containerservice 25.5.0, dist/esm/models/models.js),
 * which moves `properties.*` up and renames `enableRBAC`→`enableRbac`, `privateFQDN`→`privateFqdn`,
 * `enableAzureRBAC`→`enableAzureRbac`, `enablePrivateClusterPublicFQDN`→`enablePrivateClusterPublicFqdn`.
 * The output was then trimmed to the fields Clusterdesk reads. Typing them as `ManagedCluster`
 * makes the compiler check every field name against the SDK.
 */

const id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1";
const effectiveOutboundIPs = [
  { id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg1/providers/Microsoft.Network/publicIPAddresses/mgdoutboundip1" },
  { id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg1/providers/Microsoft.Network/publicIPAddresses/mgdoutboundip2" },
];

/** What every 2026-08-01 create example's response shares. */
const exampleBase = {
  id,
  name: "clustername1",
  location: "location1",
  tags: { archv2: "", tier: "production" },
  provisioningState: "Succeeded",
  kubernetesVersion: "1.9.6",
  currentKubernetesVersion: "1.9.6",
  fqdn: "dnsprefix1-abcd1234.hcp.eastus.azmk8s.io",
  enableRbac: true,
  agentPoolProfiles: [{ name: "nodepool1", count: 3, vmSize: "Standard_DS2_v2", osType: "Linux", mode: "System", orchestratorVersion: "1.9.6", currentOrchestratorVersion: "1.9.6" }],
  networkProfile: { networkPlugin: "kubenet", outboundType: "loadBalancer", loadBalancerProfile: { effectiveOutboundIPs } },
} satisfies ManagedCluster;

/** ManagedClustersGet.json: kubenet, Kubernetes RBAC off, no mode on the pool, no Entra integration. */
export const managedClustersGet: ManagedCluster = {
  ...exampleBase,
  enableRbac: false,
  agentPoolProfiles: [{ name: "nodepool1", count: 3, vmSize: "Standard_DS1_v2", osType: "Linux", orchestratorVersion: "1.9.6", currentOrchestratorVersion: "1.9.6" }],
};

/** ManagedClustersCreate_PodIdentity.json. */
export const podIdentityExample: ManagedCluster = {
  ...exampleBase,
  podIdentityProfile: { enabled: true, allowNetworkPluginKubenet: true },
};

/** ManagedClustersCreate_PrivateClusterPublicFQDN.json. */
export const privateClusterExample: ManagedCluster = {
  ...exampleBase,
  fqdn: "dnsprefix1-ee788a1f.hcp.location1.azmk8s.io",
  privateFqdn: "dnsprefix1-aae7e0f0.5cef6058-b6b5-414d-8cb1-4bd14eb0b15c.privatelink.location1.azmk8s.io",
  apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system", enablePrivateClusterPublicFqdn: true },
};

/** ManagedClustersCreate_UpdateWithEnableAzureRBAC.json. ARM sends `adminGroupObjectIDs: null` and the SDK passes it through. */
export const azureRbacExample: ManagedCluster = {
  ...exampleBase,
  agentPoolProfiles: [{ name: "nodepool1", count: 3, vmSize: "Standard_DS1_v2", osType: "Linux", mode: "System", orchestratorVersion: "1.9.6", currentOrchestratorVersion: "1.9.6" }],
  aadProfile: { managed: true, enableAzureRbac: true, adminGroupObjectIDs: null as unknown as undefined, tenantID: "tenantID" },
};

/** ManagedClustersCreate_SecurityProfile.json: workload identity on, OIDC issuer not set. */
export const securityProfileExample: ManagedCluster = {
  ...exampleBase,
  securityProfile: {
    defender: {
      logAnalyticsWorkspaceResourceId: "/subscriptions/SUB_ID/resourceGroups/RG_NAME/providers/microsoft.operationalinsights/workspaces/WORKSPACE_NAME",
      securityMonitoring: { enabled: true },
    },
    workloadIdentity: { enabled: true },
  },
};

/**
 * The cluster `c1` of WIRE-PROTOCOLS.md §1 (the emulator's golden shape), deserialized the same way:
 * a public cluster behind an allow-list with Entra, Azure RBAC, Calico, workload identity and Azure Policy.
 */
export const wireProtocolsC1: ManagedCluster = {
  id: "/subscriptions/S/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/c1",
  name: "c1",
  location: "westeurope",
  tags: {},
  provisioningState: "Succeeded",
  powerState: { code: "Running" },
  kubernetesVersion: "1.30",
  currentKubernetesVersion: "1.30.5",
  fqdn: "c1-xxxx.hcp.westeurope.azmk8s.io",
  enableRbac: true,
  disableLocalAccounts: true,
  aadProfile: { managed: true, enableAzureRbac: true, adminGroupObjectIDs: ["8c2a0a3e-0000-4000-8000-000000000001"], tenantID: "72f988bf-0000-4000-8000-000000000000" },
  apiServerAccessProfile: { authorizedIPRanges: ["1.2.3.4/32"], enablePrivateCluster: false, privateDNSZone: "system" },
  networkProfile: {
    networkPlugin: "azure",
    networkPluginMode: "overlay",
    networkPolicy: "calico",
    outboundType: "loadBalancer",
    loadBalancerSku: "standard",
    loadBalancerProfile: {
      managedOutboundIPs: { count: 1 },
      effectiveOutboundIPs: [{ id: "/subscriptions/S/resourceGroups/MC_RG_c1_westeurope/providers/Microsoft.Network/publicIPAddresses/0b0e5c1e-0000-4000-8000-000000000002" }],
    },
  },
  agentPoolProfiles: [
    {
      name: "system",
      count: 3,
      vmSize: "Standard_D4s_v5",
      mode: "System",
      osType: "Linux",
      nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
      nodeLabels: { k: "v" },
      orchestratorVersion: "1.30",
    },
  ],
  podIdentityProfile: {
    enabled: false,
    allowNetworkPluginKubenet: false,
    userAssignedIdentities: [{ name: "id1", namespace: "ns", bindingSelector: "sel", identity: { resourceId: "/subscriptions/S/resourceGroups/RG/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1", clientId: "c-1", objectId: "o-1" } }],
    userAssignedIdentityExceptions: [{ name: "ex", namespace: "ns", podLabels: { a: "b" } }],
  },
  securityProfile: { workloadIdentity: { enabled: true } },
  oidcIssuerProfile: { enabled: true, issuerURL: "https://westeurope.oic.prod-aks.azure.com/tenant/guid/" },
  addonProfiles: { azurepolicy: { enabled: true } },
};
