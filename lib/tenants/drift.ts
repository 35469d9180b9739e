import type { PlanStep } from "./plan";

/**
 * Drift: how an applied environment differs on the cluster from what Clusterdesk applied, read from
 * the same plan a re-apply would follow (dry run against the live objects). An object deleted outside
 * Clusterdesk plans as a create, one changed as an update with its fields, one taken over (its
 * managed-by label removed) as a conflict.
 */
export type DriftedObject = { key: string; via: "arm" | "kubernetes"; what: string };

export type EnvironmentDrift =
  | { state: "in-sync" }
  | { state: "drifted"; objects: DriftedObject[] }
  | { state: "unavailable"; message: string }
  /** Not applied by Clusterdesk (adopted, or only asked for): nothing to compare with. */
  | { state: "none" };

const shown = (value: string | null) => value ?? "(none)";

function describe(step: PlanStep): string {
  if (step.action === "create") return "missing: deleted outside Clusterdesk";
  if (step.action === "conflict") return step.reason ?? "no longer Clusterdesk's";
  return step.changes.map((change) => `${change.path}: ${shown(change.before)} → ${shown(change.after)}`).join("; ");
}

export function driftOf(steps: readonly PlanStep[]): EnvironmentDrift {
  const drifted = steps.filter((step) => step.action !== "unchanged");
  if (drifted.length === 0) return { state: "in-sync" };
  return { state: "drifted", objects: drifted.map((step) => ({ key: step.key, via: step.via ?? "kubernetes", what: describe(step) })) };
}
