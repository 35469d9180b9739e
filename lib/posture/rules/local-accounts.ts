import { azTarget } from "../az";
import type { PostureRule } from "../types";

/**
 * Seed, "Private clusters": the worry about a kubectl configuration file "found" by an unauthorized
 * person. The local admin kubeconfig is exactly such a file, and it bypasses Entra ID.
 */
export const localAccountsDisabled: PostureRule = {
  id: "local-accounts-disabled",
  title: "Local accounts disabled",
  severity: "high",
  why: "While local accounts are enabled, anyone allowed to call listClusterAdminCredential gets a static cluster-admin kubeconfig that bypasses Entra ID, conditional access and Azure RBAC, and keeps working until the cluster certificates are rotated.",
  fix: (cluster) => `az aks update ${azTarget(cluster)} --disable-local-accounts (requires AKS-managed Entra integration)`,
  docsUrl: "https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad",
  evaluate: (cluster) =>
    cluster.identity.localAccountsDisabled
      ? { status: "pass", detail: "Static local credentials are disabled." }
      : { status: "fail", detail: "Local accounts are enabled: a static cluster-admin credential can be downloaded." },
};
