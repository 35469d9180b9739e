import type { Cluster } from "@/lib/clusters/cluster";
import { evaluatePosture, type PostureEvaluation } from "./evaluate";
import { postureRules } from "./rules";
import type { PostureContext, PostureRuleId, PostureSeverity } from "./types";

export type FleetRuleSummary = {
  id: PostureRuleId;
  title: string;
  severity: PostureSeverity;
  failingClusterIds: string[];
  unknownClusterIds: string[];
};

export type FleetPostureSummary = {
  clusterCount: number;
  /** Mean of the clusters' scores, rounded; null for an empty fleet. */
  averageScore: number | null;
  /** Failing findings across the fleet, by severity. */
  failingFindings: Record<PostureSeverity, number>;
  /** Clusters with at least one failing finding of high severity. */
  clustersWithHighFindings: number;
  /** Every rule, in rule order, with the clusters failing it and those it could not check. */
  rules: FleetRuleSummary[];
};

/** For the home page, from evaluations the inventory may already hold. */
export function summarizeEvaluations(evaluations: readonly PostureEvaluation[]): FleetPostureSummary {
  const failingFindings: Record<PostureSeverity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  const rules = postureRules.map((rule): FleetRuleSummary => ({ id: rule.id, title: rule.title, severity: rule.severity, failingClusterIds: [], unknownClusterIds: [] }));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const evaluation of evaluations) {
    for (const severity of Object.keys(failingFindings) as PostureSeverity[]) failingFindings[severity] += evaluation.failing[severity];
    for (const finding of evaluation.findings) {
      const rule = byId.get(finding.id);
      if (finding.status === "fail") rule?.failingClusterIds.push(evaluation.clusterId);
      if (finding.status === "unknown") rule?.unknownClusterIds.push(evaluation.clusterId);
    }
  }
  const total = evaluations.reduce((sum, e) => sum + e.score, 0);
  return {
    clusterCount: evaluations.length,
    averageScore: evaluations.length === 0 ? null : Math.round(total / evaluations.length),
    failingFindings,
    clustersWithHighFindings: evaluations.filter((e) => e.failing.high > 0).length,
    rules,
  };
}

export function summarizeFleet(clusters: readonly Cluster[], context: PostureContext = {}): FleetPostureSummary {
  return summarizeEvaluations(clusters.map((cluster) => evaluatePosture(cluster, context)));
}
