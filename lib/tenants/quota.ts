import { parseQuantity } from "./quantity";

/**
 * A ResourceQuota's `spec.hard`, checked before it is recorded: only the resources Clusterdesk's
 * templates set, each a non-negative Kubernetes quantity, object counts whole numbers.
 */
export const quotaResources = [
  "requests.cpu",
  "requests.memory",
  "limits.cpu",
  "limits.memory",
  "pods",
  "services.loadbalancers",
  "persistentvolumeclaims",
  "requests.storage",
] as const;

/** Counts of objects: a fraction of a pod means nothing. */
const countResources = new Set(["pods", "services.loadbalancers", "persistentvolumeclaims"]);

export type QuotaCheck = { ok: true } | { ok: false; errors: Record<string, string> };

export function checkQuota(hard: Readonly<Record<string, string>>): QuotaCheck {
  const errors: Record<string, string> = {};
  for (const [resource, text] of Object.entries(hard)) {
    if (!(quotaResources as readonly string[]).includes(resource)) {
      errors[resource] = `${resource} is not a quota Clusterdesk manages (${quotaResources.join(", ")}).`;
      continue;
    }
    const parsed = parseQuantity(text.trim());
    if (!parsed.ok) errors[resource] = `${resource}: ${parsed.message}`;
    else if (parsed.value < 0) errors[resource] = `${resource} cannot be negative.`;
    else if (countResources.has(resource) && !Number.isInteger(parsed.value)) errors[resource] = `${resource} counts objects: use a whole number, e.g. 10.`;
  }
  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}
