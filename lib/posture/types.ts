import type { Cluster } from "@/lib/clusters/cluster";

export type PostureSeverity = "high" | "medium" | "low" | "info";

/** "unknown" is never a pass: the portal lacked the facts (e.g. a private API server it cannot reach). */
export type PostureStatus = "pass" | "fail" | "unknown";

export type PostureRuleId =
  | "api-server-exposure"
  | "entra-integration"
  | "kubernetes-rbac"
  | "azure-rbac"
  | "local-accounts-disabled"
  | "network-policy"
  | "workload-identity"
  | "oidc-issuer"
  | "azure-policy"
  | "pod-security-admission"
  | "kubernetes-version";

/** Facts from outside the cluster resource that some rules need. */
export type PostureContext = {
  /**
   * Kubernetes minor versions ("1.31") AKS supports, per Azure location, as listed by ARM
   * (managedClusters listKubernetesVersions). Without it the version rule reports "unknown".
   */
  supportedKubernetesVersions?: Readonly<Record<string, readonly string[]>>;
};

export type RuleOutcome = {
  status: PostureStatus;
  /** What was observed on this cluster, in a sentence. */
  detail: string;
  /** A lower severity than the rule's own, for a milder way of failing it. */
  severity?: PostureSeverity;
};

export type PostureRule = {
  id: PostureRuleId;
  title: string;
  /** The most severe way of failing this rule; also the weight it carries when it passes. */
  severity: PostureSeverity;
  why: string;
  fix: (cluster: Cluster) => string;
  docsUrl: string;
  evaluate: (cluster: Cluster, context: PostureContext) => RuleOutcome;
};

export type PostureFinding = {
  id: PostureRuleId;
  status: PostureStatus;
  severity: PostureSeverity;
  title: string;
  detail: string;
  why: string;
  fix: string;
  docsUrl: string;
};
