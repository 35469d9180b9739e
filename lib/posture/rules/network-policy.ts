import { azTarget } from "../az";
import type { PostureRule } from "../types";

/**
 * Seed, "Networking": use network policies "to prevent pods from different teams / namespaces /
 * projects from sending traffic between them", with Azure or Calico (today also Cilium) as the engine.
 */
export const networkPolicy: PostureRule = {
  id: "network-policy",
  title: "Network policy engine installed",
  severity: "high",
  why: "Without a policy engine, NetworkPolicy objects are accepted but ignored: every pod can talk to every other pod, so the default-deny isolation of a tenant's namespaces silently does nothing.",
  fix: (cluster) => `az aks update ${azTarget(cluster)} --network-policy <azure|cilium|calico> (which engines are available depends on the network plugin; see the documentation)`,
  docsUrl: "https://learn.microsoft.com/azure/aks/use-network-policies",
  evaluate: (cluster) => {
    const policy = cluster.network.policy;
    if (policy === "unrecognized") return { status: "unknown", detail: "ARM reports a network policy value Clusterdesk does not recognise." };
    if (policy === "none") return { status: "fail", detail: "No network policy engine: NetworkPolicy objects have no effect." };
    return { status: "pass", detail: `Network policies are enforced by ${policy}.` };
  },
};
