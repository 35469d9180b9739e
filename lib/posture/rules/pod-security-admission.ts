import { POD_SECURITY_ENFORCE_LABEL, type Cluster, type NamespaceFacts } from "@/lib/clusters/cluster";
import type { PostureRule } from "../types";

/** Namespaces AKS and its add-ons own; they legitimately run privileged system pods. */
const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease", "default", "gatekeeper-system", "calico-system", "tigera-operator", "app-routing-system", "aks-command"]);

const ENFORCING_LEVELS = new Set(["baseline", "restricted"]);

/**
 * The namespaces tenants run in: those Clusterdesk assigned to a tenant, or, on a cluster with no
 * tenant yet, every namespace that is not a system one (`default` included among system ones: tenants
 * are never onboarded into it).
 */
export function tenantNamespaces(namespaces: readonly NamespaceFacts[]): NamespaceFacts[] {
  const owned = namespaces.filter((ns) => ns.tenant !== null);
  if (owned.length > 0) return owned;
  return namespaces.filter((ns) => !SYSTEM_NAMESPACES.has(ns.name) && !ns.name.startsWith("kube-"));
}

function unenforced(cluster: Cluster): string[] | undefined {
  if (cluster.inCluster === null) return undefined;
  return tenantNamespaces(cluster.inCluster.namespaces)
    .filter((ns) => !ENFORCING_LEVELS.has(ns.labels[POD_SECURITY_ENFORCE_LABEL] ?? ""))
    .map((ns) => ns.name);
}

/**
 * Seed, "Container security": pods must meet a security policy to be accepted. The PodSecurityPolicy it
 * names was removed in Kubernetes 1.25; Pod Security admission, driven by namespace labels, replaces it.
 */
export const podSecurityAdmission: PostureRule = {
  id: "pod-security-admission",
  title: "Pod Security admission on tenant namespaces",
  severity: "medium",
  why: "Without an enforced Pod Security level a tenant can run privileged pods, mount the host file system or share the host network, and so escape its namespace onto the node and into other tenants' workloads.",
  fix: () => `kubectl label namespace <namespace> ${POD_SECURITY_ENFORCE_LABEL}=baseline (or restricted); Clusterdesk's tenant template sets it.`,
  docsUrl: "https://learn.microsoft.com/azure/aks/use-psa",
  evaluate: (cluster) => {
    const missing = unenforced(cluster);
    if (missing === undefined) return { status: "unknown", detail: "The API server was not reachable from the portal, so namespace labels could not be read." };
    if (missing.length > 0) return { status: "fail", detail: `No baseline or restricted Pod Security level enforced on: ${missing.join(", ")}.` };
    return { status: "pass", detail: "Every tenant namespace enforces the baseline or restricted Pod Security level." };
  },
};
