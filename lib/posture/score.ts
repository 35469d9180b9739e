import type { PostureFinding, PostureSeverity } from "./types";

/**
 * Weight of a finding in the score. A high finding costs twice a medium one; a low one is a nudge;
 * info never moves the score.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<PostureSeverity, number>> = { high: 10, medium: 5, low: 2, info: 0 };

/**
 * score = floor(100 × weight of passing findings / weight of passing and failing findings).
 *
 * - "unknown" findings are left out of both sums: the score covers what could be checked, and the
 *   evaluation lists what could not (an unknown is never counted as a pass).
 * - A finding weighs its own severity: a pass weighs the rule's severity, a fail the severity it failed
 *   with, which may be milder (no workload identity at all is "low", pod identity still on is "medium").
 *   Since a rule never fails with a heavier weight than it passes with, fixing a failing rule never
 *   lowers the score.
 * - floor, so 100 means nothing weighted failed. With nothing weighted to judge, the score is 100.
 */
export function postureScore(findings: readonly PostureFinding[]): number {
  let passed = 0;
  let judged = 0;
  for (const finding of findings) {
    if (finding.status === "unknown") continue;
    const weight = SEVERITY_WEIGHTS[finding.severity];
    judged += weight;
    if (finding.status === "pass") passed += weight;
  }
  return judged === 0 ? 100 : Math.floor((100 * passed) / judged);
}
