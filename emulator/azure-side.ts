import { roleDefinitionOf } from "./arm/custom-roles";
import { roleDefinitionId } from "./arm/role-definitions";
import { isAtOrAbove, normaliseScope } from "./arm/role-assignment-filter";
import { aksServerApplicationId, type AzureSideForKubernetes, type ClusterKey, type EmulatedClusterView, type EmulatedRoleAssignment } from "./contracts";
import { findServicePrincipalByAppId, findUser, transitiveGroups } from "./directory";
import type { Runtime } from "./runtime";
import { findCluster, type ClusterRecord } from "./state";

/** The Azure facts the Kubernetes side needs: who a token is, what a cluster looks like, which roles apply. */
function view(record: ClusterRecord): EmulatedClusterView {
  const { resource } = record;
  const p = resource.properties;
  return {
    subscriptionId: record.subscriptionId, resourceGroup: record.resourceGroup, name: resource.name, resourceId: resource.id,
    location: resource.location, kubernetesVersion: p.currentKubernetesVersion ?? p.kubernetesVersion ?? "",
    privateCluster: p.apiServerAccessProfile?.enablePrivateCluster === true, managedAad: p.aadProfile?.managed === true,
    azureRbac: p.aadProfile?.enableAzureRBAC === true, adminGroupObjectIds: p.aadProfile?.adminGroupObjectIDs ?? [],
    localAccountsDisabled: p.disableLocalAccounts === true, podIdentityEnabled: p.podIdentityProfile?.enabled === true,
    agentPools: (p.agentPoolProfiles ?? []).map((pool) => ({
      name: pool.name, count: pool.count, vmSize: pool.vmSize, mode: pool.mode, osType: pool.osType,
      nodeTaints: pool.nodeTaints ?? [], nodeLabels: pool.nodeLabels ?? {},
    })),
  };
}

export function createAzureSide(runtime: Runtime): AzureSideForKubernetes {
  const settled = () => {
    runtime.operations.settle(runtime.state());
    return runtime.state();
  };
  return {
    async authenticate(bearerToken) {
      const check = await runtime.tokens.verify(bearerToken, [aksServerApplicationId]);
      if (!check.ok) return null;
      const state = runtime.state();
      const objectId = String(check.claims.oid ?? "");
      const groups = transitiveGroups(state, objectId).map((group) => group.id);
      if (check.claims.idtyp === "app") {
        const sp = findServicePrincipalByAppId(state, String(check.claims.appid ?? check.claims.azp ?? ""));
        return { objectId, tenantId: state.tenantId, kind: "servicePrincipal", appId: sp?.appId, displayName: sp?.displayName, groups };
      }
      const user = findUser(state, objectId);
      if (!user?.accountEnabled) return null;
      return { objectId, tenantId: state.tenantId, kind: "user", userPrincipalName: user.userPrincipalName, displayName: user.displayName, groups };
    },
    cluster(key: ClusterKey) {
      const record = findCluster(settled(), key.subscriptionId, key.resourceGroup, key.name);
      return record ? view(record) : undefined;
    },
    listClusters() {
      return settled().clusters.map(view);
    },
    roleAssignmentsAffecting(clusterResourceId, principalIds) {
      const principals = new Set(principalIds.map((id) => id.toLowerCase()));
      const cluster = normaliseScope(clusterResourceId);
      // Guard sees a new assignment only once Azure has propagated it (up to minutes in Azure).
      const propagatedBefore = Date.now() - runtime.settings.roleAssignmentPropagationMs;
      return settled().roleAssignments
        .filter((assignment) => principals.has(assignment.principalId.toLowerCase()))
        .filter((assignment) => !(Date.parse(assignment.createdOn) > propagatedBefore))
        .filter((assignment) => isAtOrAbove(assignment.scope, cluster) || normaliseScope(assignment.scope).startsWith(`${cluster}/namespaces/`))
        .map((assignment): EmulatedRoleAssignment => ({
          id: `${assignment.scope}/providers/Microsoft.Authorization/roleAssignments/${assignment.name}`,
          scope: assignment.scope,
          roleDefinitionId: roleDefinitionId(clusterResourceId, assignment.roleDefinitionGuid),
          principalId: assignment.principalId,
          principalType: assignment.principalType === "ServicePrincipal" || assignment.principalType === "User" ? assignment.principalType : "Group",
        }));
    },
    roleDefinition(guid) {
      const role = roleDefinitionOf(runtime.state(), guid);
      return role ? { guid: role.guid, roleName: role.roleName, actions: role.actions, notActions: role.notActions, dataActions: role.dataActions, notDataActions: role.notDataActions } : undefined;
    },
  };
}
