import { azTarget } from "../az";
import type { PostureRule } from "../types";

/** Seed, "Container security": beyond security contexts and rootless images, "you can also use the Azure Policy Addon". */
export const azurePolicy: PostureRule = {
  id: "azure-policy",
  title: "Azure Policy add-on",
  severity: "medium",
  why: "The Azure Policy add-on (Gatekeeper) enforces and reports organisation-wide rules on what may run, such as no privileged containers or only approved registries, and shows compliance next to the rest of the Azure estate.",
  fix: (cluster) => `az aks enable-addons ${azTarget(cluster)} --addons azure-policy`,
  docsUrl: "https://learn.microsoft.com/azure/aks/use-azure-policy",
  evaluate: (cluster) =>
    cluster.azurePolicyEnabled ? { status: "pass", detail: "The Azure Policy add-on is enabled." } : { status: "fail", detail: "The Azure Policy add-on is not enabled." },
};
