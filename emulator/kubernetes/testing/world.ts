import type { EmulatedAgentPool, EmulatedClusterView, EmulatedRoleAssignment, EntraIdentity } from "../../contracts";
import { teamGroups } from "../seed/tenant-plan";
import { aksRoles } from "./aks-roles";
import type { StandaloneWorld } from "./standalone-server";

/** A small demo world for the standalone tests, named like the Azure side's seed. */
export const tenantId = "5f1c7d2e-0c4a-4b8e-9a51-3d0e8b6f2c10";
export const subscriptionId = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
export const adminGroup = "a0000000-0000-4000-8000-0000000000a1";

const pools: EmulatedAgentPool[] = [
  { name: "system", count: 3, vmSize: "Standard_D4s_v5", mode: "System", osType: "Linux", nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"], nodeLabels: {} },
  { name: "gpu", count: 5, vmSize: "Standard_NC6s_v3", mode: "User", osType: "Linux", nodeTaints: ["nvidia.com/gpu=present:NoSchedule"], nodeLabels: { accelerator: "nvidia" } },
];

function cluster(name: string, options: Partial<EmulatedClusterView> = {}): EmulatedClusterView {
  const resourceGroup = "rg-dev";
  return {
    subscriptionId,
    resourceGroup,
    name,
    resourceId: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    location: "westeurope",
    kubernetesVersion: "1.32.4",
    privateCluster: false,
    managedAad: true,
    azureRbac: true,
    adminGroupObjectIds: [adminGroup],
    localAccountsDisabled: true,
    podIdentityEnabled: false,
    agentPools: pools,
    ...options,
  };
}

export const clusters = {
  sharedDev: cluster("aks-shared-dev"),
  platform: cluster("aks-platform-shared", { azureRbac: false }),
  legacy: cluster("aks-legacy-podid", { azureRbac: false, podIdentityEnabled: true }),
  privateProd: cluster("aks-payments-prod", { privateCluster: true }),
};

function user(login: string, objectId: string, groups: string[] = []): EntraIdentity {
  return { objectId, tenantId, kind: "user", userPrincipalName: `${login}@clusterdesk-demo.onmicrosoft.com`, displayName: login, groups };
}

export const users = {
  reader: user("rita.reader", "10000000-0000-4000-8000-0000000000a1"),
  rbacAdmin: user("adam.rbacadmin", "10000000-0000-4000-8000-0000000000a2"),
  clusterAdmin: user("cora.clusteradmin", "10000000-0000-4000-8000-0000000000a3", [adminGroup]),
  paymentsMember: user("pat.payments", "10000000-0000-4000-8000-0000000000a4", [teamGroups.payments.members]),
  nobody: user("nina.nobody", "10000000-0000-4000-8000-0000000000a5"),
};

function assignment(scope: string, role: string, principalId: string): EmulatedRoleAssignment {
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${principalId}-${role}`,
    scope,
    roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
    principalId,
    principalType: "User",
  };
}

export function demoWorld(): StandaloneWorld {
  const sharedDev = clusters.sharedDev.resourceId;
  return {
    tenantId,
    clusters: Object.values(clusters),
    users,
    roleAssignments: [
      assignment(`${sharedDev}/namespaces/payments-dev`, aksRoles.reader, users.reader.objectId),
      assignment(`/subscriptions/${subscriptionId}/resourceGroups/rg-dev`, aksRoles.admin, users.rbacAdmin.objectId),
    ],
  };
}

/** The two authorization modes issue 11 asks every kubectl operation to be tried against. */
export const rbacModes: [string, EmulatedClusterView][] = [
  ["an Azure RBAC cluster", clusters.sharedDev],
  ["a Kubernetes RBAC cluster", clusters.platform],
];
