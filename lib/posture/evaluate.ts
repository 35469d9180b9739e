import type { Cluster } from "@/lib/clusters/cluster";
import { postureRules } from "./rules";
import { postureScore } from "./score";
import type { PostureContext, PostureFinding, PostureRule, PostureSeverity } from "./types";

export type PostureEvaluation = {
  clusterId: string;
  /** One finding per rule, in rule order, passes included. */
  findings: PostureFinding[];
  score: number;
  /** Failing findings by severity. */
  failing: Record<PostureSeverity, number>;
  passCount: number;
  unknownCount: number;
};

function toFinding(rule: PostureRule, cluster: Cluster, context: PostureContext): PostureFinding {
  const outcome = rule.evaluate(cluster, context);
  return {
    id: rule.id,
    status: outcome.status,
    severity: outcome.status === "fail" && outcome.severity ? outcome.severity : rule.severity,
    title: rule.title,
    detail: outcome.detail,
    why: rule.why,
    fix: rule.fix(cluster),
    docsUrl: rule.docsUrl,
  };
}

export function evaluatePosture(cluster: Cluster, context: PostureContext = {}, rules: readonly PostureRule[] = postureRules): PostureEvaluation {
  const findings = rules.map((rule) => toFinding(rule, cluster, context));
  const failing: Record<PostureSeverity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of findings) if (finding.status === "fail") failing[finding.severity] += 1;
  return {
    clusterId: cluster.id,
    findings,
    score: postureScore(findings),
    failing,
    passCount: findings.filter((f) => f.status === "pass").length,
    unknownCount: findings.filter((f) => f.status === "unknown").length,
  };
}
