import fc from "fast-check";
import type { Cluster, NamespaceFacts } from "@/lib/clusters/cluster";
import type { PostureContext } from "./types";

export const context: PostureContext = { supportedKubernetesVersions: { westeurope: ["1.31", "1.32", "1.33"] } };

const tenantNamespace = (name: string, tenant: string, level = "restricted"): NamespaceFacts => ({
  name,
  tenant,
  labels: { "kubernetes.io/metadata.name": name, "pod-security.kubernetes.io/enforce": level },
});

/** A cluster that passes every rule under `context`. */
export function hardenedCluster(): Cluster {
  return {
    id: "/subscriptions/S/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod",
    name: "aks-prod",
    subscriptionId: "S",
    resourceGroup: "rg-prod",
    location: "westeurope",
    kubernetesVersion: "1.32.4",
    provisioningState: "Succeeded",
    powerState: "Running",
    nodePools: [{ name: "system", mode: "System", osType: "Linux", vmSize: "Standard_D4s_v5", count: 3, taints: ["CriticalAddonsOnly=true:NoSchedule"], labels: {}, kubernetesVersion: "1.32.4" }],
    apiServerAccess: { privateCluster: false, authorizedIpRanges: ["203.0.113.0/24", "20.50.60.70/32"], publicFqdn: "aks-prod.hcp.westeurope.azmk8s.io", privateFqdn: null },
    identity: { managedAad: true, adminGroupObjectIds: ["g-admins"], azureRbac: true, localAccountsDisabled: true, kubernetesRbac: true, entraTenantId: "t" },
    network: { plugin: "azure", pluginMode: "overlay", policy: "cilium", outboundType: "loadBalancer", egressIps: [], egressIpsComplete: false },
    workloadIdentity: { workloadIdentityEnabled: true, oidcIssuerEnabled: true, oidcIssuerUrl: "https://oidc.example/" },
    podIdentity: { podIdentityEnabled: false, identities: [], exceptions: [] },
    azurePolicyEnabled: true,
    tags: {},
    inCluster: {
      gatheredAt: "2026-01-01T00:00:00Z",
      namespaces: [
        { name: "kube-system", tenant: null, labels: {} },
        { name: "default", tenant: null, labels: {} },
        tenantNamespace("team-a-dev", "team-a", "baseline"),
        tenantNamespace("team-a-prod", "team-a"),
      ],
    },
  };
}

/** Any cluster, as far as the posture rules can tell clusters apart. */
export const anyCluster: fc.Arbitrary<Cluster> = fc
  .record({
    privateCluster: fc.boolean(),
    authorizedIpRanges: fc.subarray(["203.0.113.0/24", "0.0.0.0/0", "20.0.0.0/8", "198.51.100.7/32"]),
    managedAad: fc.boolean(),
    azureRbac: fc.boolean(),
    localAccountsDisabled: fc.boolean(),
    kubernetesRbac: fc.boolean(),
    policy: fc.constantFrom("none", "calico", "azure", "cilium", "unrecognized" as const),
    workloadIdentityEnabled: fc.boolean(),
    oidcIssuerEnabled: fc.boolean(),
    podIdentityEnabled: fc.boolean(),
    azurePolicyEnabled: fc.boolean(),
    kubernetesVersion: fc.constantFrom("1.29.9", "1.32.4", null),
    location: fc.constantFrom("westeurope", "eastus"),
    namespaceLevels: fc.option(fc.array(fc.constantFrom("restricted", "baseline", "privileged", ""), { maxLength: 4 })),
  })
  .map((f): Cluster => {
    const base = hardenedCluster();
    return {
      ...base,
      location: f.location,
      kubernetesVersion: f.kubernetesVersion,
      apiServerAccess: { ...base.apiServerAccess, privateCluster: f.privateCluster, authorizedIpRanges: f.authorizedIpRanges },
      identity: { ...base.identity, managedAad: f.managedAad, azureRbac: f.azureRbac, localAccountsDisabled: f.localAccountsDisabled, kubernetesRbac: f.kubernetesRbac },
      network: { ...base.network, policy: f.policy },
      workloadIdentity: { ...base.workloadIdentity, workloadIdentityEnabled: f.workloadIdentityEnabled, oidcIssuerEnabled: f.oidcIssuerEnabled },
      podIdentity: { ...base.podIdentity, podIdentityEnabled: f.podIdentityEnabled },
      azurePolicyEnabled: f.azurePolicyEnabled,
      inCluster:
        f.namespaceLevels === null
          ? null
          : { gatheredAt: "2026-01-01T00:00:00Z", namespaces: f.namespaceLevels.map((level, i) => tenantNamespace(`team-${i}`, `team-${i}`, level)) },
    };
  });
