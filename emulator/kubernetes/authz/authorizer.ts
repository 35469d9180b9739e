import type { AzureSideForKubernetes, EmulatedClusterView } from "../../contracts";
import type { AccessAttributes, Requester } from "./attributes";
import { azureDenialReason, azureRbacAllows } from "./azure-rbac";
import { rbacAllows, type RbacObjects } from "./kubernetes-rbac";

export type Decision = { allowed: boolean; reason: string };

export type AuthorizationContext = {
  azure: Pick<AzureSideForKubernetes, "roleAssignmentsAffecting" | "roleDefinition">;
  cluster: EmulatedClusterView;
  rbac: RbacObjects;
};

/** Discovery and version are readable by every authenticated caller (the system:discovery role). */
const publicPaths = ["/version", "/api", "/apis", "/openapi", "/healthz", "/livez", "/readyz"];

function isPublicPath(path: string): boolean {
  return publicPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * AKS's chain: members of the cluster's admin groups are cluster admins (AKS binds them to
 * cluster-admin); then Kubernetes RBAC; then, on Azure RBAC clusters, guard's check of the ARM role
 * assignments (https://learn.microsoft.com/azure/aks/manage-azure-rbac: both are evaluated and
 * either may allow). A denial on an Azure RBAC cluster carries guard's reason.
 */
export function authorize(context: AuthorizationContext, requester: Requester, attributes: AccessAttributes): Decision {
  const adminGroups = new Set(context.cluster.adminGroupObjectIds.map((id) => id.toLowerCase()));
  if (requester.principalIds.some((id) => adminGroups.has(id.toLowerCase()))) return { allowed: true, reason: "" };
  if (!attributes.resourceRequest && isPublicPath(attributes.path)) return { allowed: true, reason: "" };
  if (rbacAllows(context.rbac, requester, attributes)) return { allowed: true, reason: "" };
  if (context.cluster.azureRbac) {
    if (azureRbacAllows(context.azure, context.cluster, requester.principalIds, attributes)) return { allowed: true, reason: "" };
    return { allowed: false, reason: azureDenialReason };
  }
  return { allowed: false, reason: "" };
}
