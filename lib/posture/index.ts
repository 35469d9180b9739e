export { evaluatePosture, type PostureEvaluation } from "./evaluate";
export { summarizeFleet, summarizeEvaluations, type FleetPostureSummary, type FleetRuleSummary } from "./fleet";
export { postureScore, SEVERITY_WEIGHTS } from "./score";
export { postureRules } from "./rules";
export type { PostureContext, PostureFinding, PostureRule, PostureRuleId, PostureSeverity, PostureStatus, RuleOutcome } from "./types";
export { postureFromStored, storedPosture, type StoredPosture } from "./stored";
