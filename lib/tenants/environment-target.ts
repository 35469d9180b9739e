import type { NodePoolPlacement } from "./templates";

/**
 * What of the target cluster shapes an environment: how authorization works there, whether it has an
 * OIDC issuer for workload identity, and its node pools. Read from ARM by the server, passed in here.
 */
export type EnvironmentTarget = {
  clusterResourceId: string;
  clusterName: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** aadProfile.enableAzureRBAC: Kubernetes authorization follows ARM role assignments. */
  azureRbac: boolean;
  oidcIssuerUrl: string | null;
  nodePools: ReadonlyArray<{ name: string; taints: readonly string[]; labels: Readonly<Record<string, string>> }>;
};

/**
 * The rule for AKS managed namespaces: AKS offers them (API 2025-09-01 and later, which every
 * api-version of the SDK Clusterdesk ships with is) only on clusters with Azure RBAC for Kubernetes
 * authorization. There Clusterdesk creates the namespace through ARM and grants the tenant's groups
 * role assignments at the namespace's scope; elsewhere the namespace and RoleBindings go through the
 * Kubernetes API.
 */
export function usesManagedNamespaces(target: Pick<EnvironmentTarget, "azureRbac">): boolean {
  return target.azureRbac;
}

const taintText = (placement: NodePoolPlacement) => `${placement.taint.key}=${placement.taint.value}:${placement.taint.effect}`;
const labelText = (placement: NodePoolPlacement) => `${placement.label.key}=${placement.label.value}`;

export type PlacementCheck = { ok: true; pool: string } | { ok: false; message: string };

/** A dedicated pool must both carry the taint (so others stay off it) and the label (so the tenant lands on it). */
export function checkPlacement(placement: NodePoolPlacement, target: Pick<EnvironmentTarget, "clusterName" | "nodePools">): PlacementCheck {
  const tainted = (pool: EnvironmentTarget["nodePools"][number]) => pool.taints.includes(taintText(placement));
  const labelled = (pool: EnvironmentTarget["nodePools"][number]) => pool.labels[placement.label.key] === placement.label.value;
  const pool = target.nodePools.find((candidate) => tainted(candidate) && labelled(candidate));
  if (pool) return { ok: true, pool: pool.name };
  const labelledOnly = target.nodePools.find(labelled);
  if (labelledOnly) {
    return { ok: false, message: `Node pool ${labelledOnly.name} on ${target.clusterName} has the label ${labelText(placement)} but not the taint ${taintText(placement)}: other workloads could run on it. Add the taint to the pool or choose another template.` };
  }
  return { ok: false, message: `No node pool on ${target.clusterName} has the taint ${taintText(placement)} and the label ${labelText(placement)} this template places workloads on. Add such a pool or choose another template.` };
}

/**
 * The namespace annotations that pin its pods to the pool: the PodNodeSelector and
 * PodTolerationRestriction admission plugins read them (AKS does not enable those plugins by default;
 * see docs/ARCHITECTURE.md, Tenant environments).
 */
export function placementAnnotations(placement: NodePoolPlacement | null): Record<string, string> {
  if (!placement) return {};
  return {
    "scheduler.alpha.kubernetes.io/node-selector": labelText(placement),
    "scheduler.alpha.kubernetes.io/defaultTolerations": JSON.stringify([{ key: placement.taint.key, operator: "Equal", value: placement.taint.value, effect: placement.taint.effect }]),
  };
}
