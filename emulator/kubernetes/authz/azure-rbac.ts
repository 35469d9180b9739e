import type { AzureSideForKubernetes, EmulatedClusterView, EmulatedRoleAssignment } from "../../contracts";
import type { AccessAttributes } from "./attributes";
import { actionMatches, dataAction } from "./data-action";

/**
 * Whether an assignment's scope covers the request: the cluster or any ancestor covers everything;
 * `{cluster}/namespaces/{ns}` covers only requests in that namespace (guard's getScope joins the
 * request namespace, which for `namespaces/{name}` is the name itself).
 */
export function scopeCovers(scope: string, clusterResourceId: string, namespace: string): boolean {
  const normalizedScope = scope.replace(/\/+$/, "").toLowerCase();
  const cluster = clusterResourceId.toLowerCase();
  if (cluster === normalizedScope || cluster.startsWith(`${normalizedScope}/`)) return true;
  return namespace !== "" && normalizedScope === `${cluster}/namespaces/${namespace.toLowerCase()}`;
}

function roleGuid(roleDefinitionId: string): string {
  return roleDefinitionId.split("/").at(-1) ?? "";
}

export function roleGrants(
  azure: Pick<AzureSideForKubernetes, "roleDefinition">,
  assignment: EmulatedRoleAssignment,
  action: string,
): boolean {
  const role = azure.roleDefinition(roleGuid(assignment.roleDefinitionId));
  if (!role) return false;
  return (
    role.dataActions.some((pattern) => actionMatches(pattern, action)) &&
    !role.notDataActions.some((pattern) => actionMatches(pattern, action))
  );
}

export function azureRbacAllows(
  azure: Pick<AzureSideForKubernetes, "roleAssignmentsAffecting" | "roleDefinition">,
  cluster: EmulatedClusterView,
  principalIds: string[],
  attributes: AccessAttributes,
): boolean {
  if (!attributes.resourceRequest) return false;
  const action = dataAction(attributes);
  return azure
    .roleAssignmentsAffecting(cluster.resourceId, principalIds)
    .some((assignment) => scopeCovers(assignment.scope, cluster.resourceId, attributes.namespace) && roleGrants(azure, assignment, action));
}

export const azureDenialReason = "User does not have access to the resource in Azure. Update role assignment to allow access.";
