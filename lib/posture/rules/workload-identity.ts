import { azTarget } from "../az";
import type { PostureRule } from "../types";

/**
 * Seed, "Pod Identity": pods gain Azure access "without the need to save passwords or tokens as
 * secrets". The AzureIdentity / AzureIdentityBinding mechanism it describes was deprecated on
 * 2022-10-24 and replaced by Microsoft Entra Workload ID (Azure/aad-pod-identity README).
 */
export const workloadIdentity: PostureRule = {
  id: "workload-identity",
  title: "Workload identity instead of pod identity",
  severity: "medium",
  why: "Pods that call Azure should use a federated identity, not secrets. Pod identity did that through a node-level component intercepting the metadata endpoint, and it is deprecated and no longer patched; Microsoft Entra Workload ID replaces it with service-account token federation.",
  fix: (cluster) =>
    `az aks update ${azTarget(cluster)} --enable-oidc-issuer --enable-workload-identity; federate each pod identity's managed identity with a service account and move the workloads; then az aks update ${azTarget(cluster)} --disable-pod-identity`,
  docsUrl: "https://learn.microsoft.com/azure/aks/workload-identity-migrate-from-pod-identity",
  evaluate: (cluster) => {
    const { podIdentityEnabled, identities } = cluster.podIdentity;
    if (podIdentityEnabled) {
      return { status: "fail", detail: `The deprecated pod identity add-on is enabled with ${identities.length} identity binding(s).` };
    }
    if (cluster.workloadIdentity.workloadIdentityEnabled) return { status: "pass", detail: "Workload identity is enabled and pod identity is off." };
    return {
      status: "fail",
      severity: "low",
      detail: "Neither workload identity nor pod identity is enabled: pods that need Azure access can only use stored secrets.",
    };
  },
};
