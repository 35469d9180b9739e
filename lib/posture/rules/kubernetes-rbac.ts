import type { PostureRule } from "../types";

/** Seed, "Identity with AAD": sharing a cluster makes RBAC rules "almost mandatory". */
export const kubernetesRbac: PostureRule = {
  id: "kubernetes-rbac",
  title: "Kubernetes RBAC enabled",
  severity: "high",
  why: "Without RBAC every authenticated identity can do everything: a developer of project X can change project Y, and one stolen credential exposes the whole cluster.",
  fix: () => "Kubernetes RBAC can only be chosen when a cluster is created: create a new cluster (RBAC is on by default) and move the workloads.",
  docsUrl: "https://learn.microsoft.com/azure/aks/concepts-identity",
  evaluate: (cluster) =>
    cluster.identity.kubernetesRbac ? { status: "pass", detail: "Kubernetes RBAC is enabled." } : { status: "fail", detail: "Kubernetes RBAC is disabled." },
};
