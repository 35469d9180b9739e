import { describe, expect, it } from "vitest";
import { azureRbacExample, managedClustersGet, podIdentityExample, privateClusterExample, securityProfileExample, wireProtocolsC1 } from "./arm-fixtures.test-helper";
import { ArmClusterShapeError, fromArmManagedCluster } from "./cluster-from-arm";

const egress = (name: string) => ({
  publicIpResourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MC_rg1/providers/Microsoft.Network/publicIPAddresses/${name}`,
  address: null,
  source: "load-balancer",
});

describe("fromArmManagedCluster", () => {
  it("maps ManagedClustersGet completely", () => {
    expect(fromArmManagedCluster(managedClustersGet)).toEqual({
      id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1",
      name: "clustername1",
      subscriptionId: "00000000-0000-0000-0000-000000000000",
      resourceGroup: "rg1",
      location: "location1",
      kubernetesVersion: "1.9.6",
      provisioningState: "Succeeded",
      powerState: "Unknown",
      nodePools: [{ name: "nodepool1", mode: "Unknown", osType: "Linux", vmSize: "Standard_DS1_v2", count: 3, taints: [], labels: {}, kubernetesVersion: "1.9.6" }],
      apiServerAccess: { privateCluster: false, authorizedIpRanges: [], publicFqdn: "dnsprefix1-abcd1234.hcp.eastus.azmk8s.io", privateFqdn: null },
      identity: { managedAad: false, adminGroupObjectIds: [], azureRbac: false, localAccountsDisabled: false, kubernetesRbac: false, entraTenantId: null },
      network: {
        plugin: "kubenet",
        pluginMode: null,
        policy: "none",
        outboundType: "loadBalancer",
        egressIps: [egress("mgdoutboundip1"), egress("mgdoutboundip2")],
        egressIpsComplete: true,
      },
      workloadIdentity: { workloadIdentityEnabled: false, oidcIssuerEnabled: false, oidcIssuerUrl: null },
      podIdentity: { podIdentityEnabled: false, identities: [], exceptions: [] },
      azurePolicyEnabled: false,
      tags: { archv2: "", tier: "production" },
      inCluster: null,
    });
  });

  it("maps a private cluster with its private FQDN", () => {
    expect(fromArmManagedCluster(privateClusterExample).apiServerAccess).toEqual({
      privateCluster: true,
      authorizedIpRanges: [],
      publicFqdn: "dnsprefix1-ee788a1f.hcp.location1.azmk8s.io",
      privateFqdn: "dnsprefix1-aae7e0f0.5cef6058-b6b5-414d-8cb1-4bd14eb0b15c.privatelink.location1.azmk8s.io",
    });
  });

  it("maps managed Entra integration with Azure RBAC, tolerating adminGroupObjectIDs: null", () => {
    expect(fromArmManagedCluster(azureRbacExample).identity).toEqual({
      managedAad: true,
      adminGroupObjectIds: [],
      azureRbac: true,
      localAccountsDisabled: false,
      kubernetesRbac: true,
      entraTenantId: "tenantID",
    });
  });

  it("maps legacy pod identity and workload identity", () => {
    expect(fromArmManagedCluster(podIdentityExample).podIdentity.podIdentityEnabled).toBe(true);
    expect(fromArmManagedCluster(securityProfileExample).workloadIdentity).toEqual({ workloadIdentityEnabled: true, oidcIssuerEnabled: false, oidcIssuerUrl: null });
  });

  it("maps the WIRE-PROTOCOLS cluster c1 with every profile set", () => {
    const cluster = fromArmManagedCluster(wireProtocolsC1);
    expect(cluster).toMatchObject({
      subscriptionId: "S",
      resourceGroup: "RG",
      kubernetesVersion: "1.30.5",
      powerState: "Running",
      apiServerAccess: { privateCluster: false, authorizedIpRanges: ["1.2.3.4/32"] },
      identity: { managedAad: true, azureRbac: true, localAccountsDisabled: true, kubernetesRbac: true, adminGroupObjectIds: ["8c2a0a3e-0000-4000-8000-000000000001"] },
      network: { plugin: "azure", pluginMode: "overlay", policy: "calico", outboundType: "loadBalancer", egressIpsComplete: true },
      workloadIdentity: { workloadIdentityEnabled: true, oidcIssuerEnabled: true, oidcIssuerUrl: "https://westeurope.oic.prod-aks.azure.com/tenant/guid/" },
      azurePolicyEnabled: true,
    });
    expect(cluster.nodePools).toEqual([
      { name: "system", mode: "System", osType: "Linux", vmSize: "Standard_D4s_v5", count: 3, taints: ["CriticalAddonsOnly=true:NoSchedule"], labels: { k: "v" }, kubernetesVersion: "1.30" },
    ]);
    expect(cluster.podIdentity).toEqual({
      podIdentityEnabled: false,
      identities: [
        {
          name: "id1",
          namespace: "ns",
          bindingSelector: "sel",
          identityResourceId: "/subscriptions/S/resourceGroups/RG/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1",
          identityClientId: "c-1",
          provisioningState: null,
        },
      ],
      exceptions: [{ name: "ex", namespace: "ns", podLabels: { a: "b" } }],
    });
  });

  it("reads unknown enum values as unrecognized rather than guessing", () => {
    const cluster = fromArmManagedCluster({ ...wireProtocolsC1, networkProfile: { networkPlugin: "future", networkPolicy: "future", outboundType: "future" } });
    expect(cluster.network).toEqual({ plugin: "unrecognized", pluginMode: null, policy: "unrecognized", outboundType: "unrecognized", egressIps: [], egressIpsComplete: false });
  });

  it("does not claim to know the egress IPs behind user-defined routing", () => {
    const cluster = fromArmManagedCluster({ ...wireProtocolsC1, networkProfile: { networkPlugin: "azure", outboundType: "userDefinedRouting" } });
    expect(cluster.network).toMatchObject({ outboundType: "userDefinedRouting", egressIps: [], egressIpsComplete: false });
  });

  it("takes NAT gateway egress IPs and the add-on key in any case", () => {
    const cluster = fromArmManagedCluster({
      ...wireProtocolsC1,
      addonProfiles: { azurePolicy: { enabled: true } },
      networkProfile: { outboundType: "managedNATGateway", natGatewayProfile: { effectiveOutboundIPs: [{ id: "/subscriptions/S/x/publicIPAddresses/nat1" }] } },
    });
    expect(cluster.network.egressIps).toEqual([{ publicIpResourceId: "/subscriptions/S/x/publicIPAddresses/nat1", address: null, source: "nat-gateway" }]);
    expect(cluster.azurePolicyEnabled).toBe(true);
  });

  it("refuses a resource that is not a managed cluster", () => {
    expect(() => fromArmManagedCluster({ ...wireProtocolsC1, id: "/subscriptions/S/resourceGroups/RG" })).toThrow(ArmClusterShapeError);
    expect(() => fromArmManagedCluster({ location: "x" })).toThrow(ArmClusterShapeError);
  });
});
