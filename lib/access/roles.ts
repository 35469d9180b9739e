/**
 * The AKS data-plane roles Clusterdesk grants (PRODUCT.md item 4). Role definition ids are the
 * built-in ones, the same in every Azure tenant:
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers
 * On clusters with Kubernetes RBAC only, the same intent is a binding to the default ClusterRole
 * AKS ships with the matching rights.
 */
export const accessRoles = {
  reader: { name: "Azure Kubernetes Service RBAC Reader", roleDefinitionGuid: "7f6c6a51-bcf8-42ba-9220-52d62157d7db", clusterRole: "view" },
  writer: { name: "Azure Kubernetes Service RBAC Writer", roleDefinitionGuid: "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb", clusterRole: "edit" },
  admin: { name: "Azure Kubernetes Service RBAC Admin", roleDefinitionGuid: "3498e952-d568-435e-9b2c-8d77e338d7f7", clusterRole: "admin" },
  "cluster-admin": { name: "Azure Kubernetes Service RBAC Cluster Admin", roleDefinitionGuid: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b", clusterRole: "cluster-admin" },
} as const;

export type AccessRole = keyof typeof accessRoles;
export const accessRoleKeys = Object.keys(accessRoles) as AccessRole[];

export function isAccessRole(value: string): value is AccessRole {
  return value in accessRoles;
}

/** `/subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{guid}`: what ARM expects in a role assignment. */
export function roleDefinitionId(subscriptionId: string, role: AccessRole): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${accessRoles[role].roleDefinitionGuid}`;
}

/** The role whose built-in definition id ends in `guid` (case-insensitive), if it is one of ours. */
export function accessRoleOfDefinition(roleDefinitionIdOrGuid: string): AccessRole | null {
  const guid = roleDefinitionIdOrGuid.split("/").at(-1)?.toLowerCase();
  return accessRoleKeys.find((role) => accessRoles[role].roleDefinitionGuid === guid) ?? null;
}
