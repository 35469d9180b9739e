import { azTarget } from "../az";
import type { PostureRule } from "../types";

function minorVersion(version: string): string | undefined {
  return /^(\d+\.\d+)(?:\.|$)/.exec(version)?.[1];
}

/**
 * AKS supports a window of Kubernetes minor versions (three GA minors; learn.microsoft.com/azure/aks/supported-kubernetes-versions).
 * Which ones is a moving fact, so the rule takes the list ARM gives for the cluster's location instead of
 * hard-coding it, and says "unknown" without it.
 */
export const kubernetesVersion: PostureRule = {
  id: "kubernetes-version",
  title: "Supported Kubernetes version",
  severity: "medium",
  why: "Outside the supported window a cluster stops receiving Kubernetes security patches and AKS support, and upgrades later have to cross several versions at once.",
  fix: (cluster) => `az aks get-upgrades ${azTarget(cluster)}, then az aks upgrade ${azTarget(cluster)} --kubernetes-version <version>`,
  docsUrl: "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions",
  evaluate: (cluster, context) => {
    const supported = context.supportedKubernetesVersions?.[cluster.location];
    const minor = cluster.kubernetesVersion === null ? undefined : minorVersion(cluster.kubernetesVersion);
    if (supported === undefined || minor === undefined) {
      return { status: "unknown", detail: "The supported Kubernetes versions for this location, or the cluster's version, are not known." };
    }
    return supported.includes(minor)
      ? { status: "pass", detail: `Kubernetes ${cluster.kubernetesVersion} is supported in ${cluster.location}.` }
      : { status: "fail", detail: `Kubernetes ${cluster.kubernetesVersion} is outside the versions AKS supports in ${cluster.location} (${supported.join(", ")}).` };
  },
};
