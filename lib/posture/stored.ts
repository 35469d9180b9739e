import type { PostureEvaluation } from "./evaluate";
import { postureRules } from "./rules";
import type { PostureFinding, PostureRuleId } from "./types";

/** A finding as the inventory cache keeps it: what was observed on the cluster, not the rule's own text. */
export type StoredFinding = Omit<PostureFinding, "title" | "why" | "docsUrl"> & Partial<Pick<PostureFinding, "title" | "why" | "docsUrl">>;
export type StoredPosture = Omit<PostureEvaluation, "findings"> & { findings: StoredFinding[] };

const rulesById = new Map<PostureRuleId, (typeof postureRules)[number]>(postureRules.map((rule) => [rule.id, rule]));

/**
 * The evaluation without each rule's title, rationale and documentation link: the same text for every
 * cluster, it was more than half of each cached row, written 20,000 times a sync.
 */
export function storedPosture(evaluation: PostureEvaluation): StoredPosture {
  return { ...evaluation, findings: evaluation.findings.map(({ title: _title, why: _why, docsUrl: _docsUrl, ...observed }) => observed) };
}

/**
 * The evaluation again, the rule's text from the rules this build ships. Rows written before the
 * cache was compacted still carry their own text, used for a rule this build no longer has.
 */
export function postureFromStored(stored: StoredPosture): PostureEvaluation {
  return {
    ...stored,
    findings: stored.findings.map((finding) => {
      const rule = rulesById.get(finding.id);
      return { ...finding, title: rule?.title ?? finding.title ?? finding.id, why: rule?.why ?? finding.why ?? "", docsUrl: rule?.docsUrl ?? finding.docsUrl ?? "" };
    }),
  };
}
