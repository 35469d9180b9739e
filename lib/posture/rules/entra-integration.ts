import { azTarget } from "../az";
import type { PostureRule } from "../types";

/** Seed, "Identity with AAD": users authenticate to Entra ID before they reach the cluster. */
export const entraIntegration: PostureRule = {
  id: "entra-integration",
  title: "Microsoft Entra ID integration",
  severity: "high",
  why: "Without Entra ID integration people reach the cluster with certificates and service-account tokens that are hard to hand out, audit and revoke. With it, users sign in with their Entra identity and access follows group membership, so leavers lose access with their account.",
  fix: (cluster) => `az aks update ${azTarget(cluster)} --enable-aad --aad-admin-group-object-ids <admin-group-object-id>`,
  docsUrl: "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id",
  evaluate: (cluster) =>
    cluster.identity.managedAad
      ? { status: "pass", detail: `AKS-managed Entra integration is on with ${cluster.identity.adminGroupObjectIds.length} admin group(s).` }
      : { status: "fail", detail: "AKS-managed Entra integration is off." },
};
