import type { PostureFinding, PostureSeverity } from "./types";

/**
 * Weight of a finding in the score. A high finding costs twice a medium one; a low one is a nudge;
 * info never moves the score.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<PostureSeverity, number>> = { high: 10, medium: 5, low: 2, info: 0 };

/**
 * score = floor(100 × weight of passing findings / weight of passing and failing findings).
 *
 * - "unknown" findings weigh like failures: unknown is not compliant. A private cluster whose in-cluster
 *   checks could not run must not read 100/100; the evaluation lists what could not be checked.
 * - A finding weighs its own severity: a pass weighs the rule's severity, a fail the severity it failed
 *   with, which may be milder (no workload identity at all is "low", pod identity still on is "medium").
 *   Since a rule never fails with a heavier weight than it passes with, fixing a failing rule never
 *   lowers the score.
 * - floor, so 100 means every weighted rule was checked and passed. With nothing weighted, the score is 100.
 */
export function postureScore(findings: readonly PostureFinding[]): number {
  let passed = 0;
  let judged = 0;
  for (const finding of findings) {
    const weight = SEVERITY_WEIGHTS[finding.severity];
    judged += weight;
    if (finding.status === "pass") passed += weight;
  }
  return judged === 0 ? 100 : Math.floor((100 * passed) / judged);
}
