import { diffFields, type FieldChange } from "./field-diff";
import { type KubeManifest, manifestKey } from "./manifest";
import { managedByLabel, managedByValue, tenantLabel } from "./render-environment";

export type PlanAction = "create" | "update" | "unchanged" | "conflict";

export type PlanStep = {
  key: string;
  kind: string;
  name: string;
  namespace: string | null;
  action: PlanAction;
  /** For updates: the fields that change. */
  changes: FieldChange[];
  /** For conflicts: why Clusterdesk will not touch the object. */
  reason: string | null;
  /** Through which API the step is applied (Kubernetes when absent). */
  via?: "arm" | "kubernetes";
};

export type ObjectState = {
  intended: KubeManifest;
  /** The object on the cluster now, or null. */
  live: unknown;
  /** What the API server answered to a dry-run apply of `intended` (null when none could be made). */
  proposed: unknown;
};

function labelsOf(object: unknown): Record<string, unknown> {
  if (typeof object !== "object" || object === null || !("metadata" in object)) return {};
  const metadata = object.metadata;
  if (typeof metadata !== "object" || metadata === null || !("labels" in metadata)) return {};
  const labels = metadata.labels;
  return typeof labels === "object" && labels !== null ? (labels as Record<string, unknown>) : {};
}

/**
 * One object's step: create when absent; conflict when it exists but is not Clusterdesk's (no
 * managed-by label), or is another tenant's; otherwise update or unchanged by comparing the live
 * object with the server's dry-run answer. Taking over someone else's object (adoption) is a later
 * feature, so a conflict blocks the apply.
 */
export function classifyObject(state: ObjectState, tenantSlug: string): PlanStep {
  const { intended } = state;
  const base = { key: manifestKey(intended), kind: intended.kind, name: intended.metadata.name, namespace: intended.metadata.namespace ?? null };
  if (state.live === null || state.live === undefined) return { ...base, action: "create", changes: [], reason: null };
  const labels = labelsOf(state.live);
  if (labels[managedByLabel] !== managedByValue) {
    return { ...base, action: "conflict", changes: [], reason: `${base.key} already exists and was not made by Clusterdesk; adopting it is not supported yet.` };
  }
  const owner = labels[tenantLabel];
  if (owner !== tenantSlug) {
    return { ...base, action: "conflict", changes: [], reason: `${base.key} belongs to ${typeof owner === "string" ? `tenant ${owner}` : "no tenant"}.` };
  }
  const changes = diffFields(state.live, state.proposed ?? state.intended);
  return { ...base, action: changes.length === 0 ? "unchanged" : "update", changes, reason: null };
}

export type PlanSummary = Record<PlanAction, number>;

export function summarizePlan(steps: readonly PlanStep[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, unchanged: 0, conflict: 0 };
  for (const step of steps) summary[step.action] += 1;
  return summary;
}

export function describePlanSummary(summary: PlanSummary): string {
  if (summary.conflict > 0) return `${summary.conflict} conflict${summary.conflict === 1 ? "" : "s"}: nothing can be applied until resolved.`;
  const changes = summary.create + summary.update;
  if (changes === 0) return "No changes: the environment is as the template describes it.";
  return `${summary.create} to create, ${summary.update} to update, ${summary.unchanged} unchanged.`;
}
