import { azTarget } from "../az";
import type { PostureRule } from "../types";

/** Seed, "Using Azure RBAC": "all user and security management is done in Azure". */
export const azureRbac: PostureRule = {
  id: "azure-rbac",
  title: "Azure RBAC for Kubernetes authorization",
  severity: "medium",
  why: "With Azure RBAC, who may do what in which namespace is an Azure role assignment: granted, reviewed and revoked in one place with the rest of the estate and recorded in the Activity Log, instead of RoleBindings scattered across clusters.",
  fix: (cluster) => `az aks update ${azTarget(cluster)} --enable-azure-rbac (requires AKS-managed Entra integration)`,
  docsUrl: "https://learn.microsoft.com/azure/aks/manage-azure-rbac",
  evaluate: (cluster) => {
    if (!cluster.identity.managedAad) return { status: "fail", detail: "Azure RBAC needs AKS-managed Entra integration, which is off." };
    return cluster.identity.azureRbac
      ? { status: "pass", detail: "Kubernetes authorization follows Azure role assignments." }
      : { status: "fail", detail: "Kubernetes authorization relies on in-cluster RoleBindings only." };
  },
};
