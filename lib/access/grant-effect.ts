import type { AccessRole } from "./roles";

/**
 * Whether a grant is in force on the cluster. Applying is not enough: Azure RBAC takes up to
 * minutes to reach AKS (https://learn.microsoft.com/azure/aks/manage-azure-rbac), so Clusterdesk asks
 * the cluster itself (a SubjectAccessReview) until it allows the role's representative verb.
 */
export const grantEffects = ["waiting", "effective", "not-effective"] as const;
export type GrantEffect = (typeof grantEffects)[number];

export function isGrantEffect(value: string): value is GrantEffect {
  return (grantEffects as readonly string[]).includes(value);
}

/** What a SubjectAccessReview asks about: authorization.k8s.io/v1 ResourceAttributes. */
export type ReviewedAction = { namespace: string; verb: string; group: string; resource: string };

/** One verb each role has and the role below it lacks, so an allowed review proves this role took effect. */
export function representativeAction(role: AccessRole, namespace: string | null): ReviewedAction {
  const where = namespace ?? "";
  switch (role) {
    case "reader":
      return { namespace: where, verb: "list", group: "", resource: "pods" };
    case "writer":
      return { namespace: where, verb: "create", group: "apps", resource: "deployments" };
    case "admin":
      return { namespace: where, verb: "create", group: "rbac.authorization.k8s.io", resource: "rolebindings" };
    case "cluster-admin":
      return { namespace: where, verb: "*", group: "*", resource: "*" };
  }
}

export function describeAction(action: ReviewedAction): string {
  const resource = action.group && action.group !== "*" ? `${action.resource}.${action.group}` : action.resource;
  const where = action.namespace ? ` in ${action.namespace}` : " cluster-wide";
  return action.verb === "*" ? `do anything${where}` : `${action.verb} ${resource}${where}`;
}

/** Seconds to wait after the `checks`-th check that found the grant not yet effective: 5, 10, 20, 40, then every 60. */
export function nextCheckDelaySeconds(checks: number): number {
  return Math.min(60, 5 * 2 ** Math.max(0, checks - 1));
}

export type EffectCheck = { allowed: boolean; now: Date; deadline: Date; checks: number };
export type EffectDecision = { effect: "effective" } | { effect: "waiting"; checkAgainInSeconds: number } | { effect: "not-effective" };

/** After one review: effective, keep waiting (with backoff, never past the deadline), or give up and say so. */
export function decideEffect({ allowed, now, deadline, checks }: EffectCheck): EffectDecision {
  if (allowed) return { effect: "effective" };
  if (now.getTime() >= deadline.getTime()) return { effect: "not-effective" };
  const untilDeadline = Math.ceil((deadline.getTime() - now.getTime()) / 1000);
  return { effect: "waiting", checkAgainInSeconds: Math.max(1, Math.min(nextCheckDelaySeconds(checks), untilDeadline)) };
}

export type EffectWording = { label: string; tone: "progress" | "success" | "danger"; detail: string | null };

/** How grant states read wherever they are shown. */
export function describeEffect(grant: {
  effect: string;
  mechanism: string;
  grantedAt: Date;
  effectDeadline: Date;
  effectNote: string | null;
}): EffectWording {
  switch (grant.effect) {
    case "effective":
      return { label: "Effective", tone: "success", detail: null };
    case "not-effective": {
      const minutes = Math.max(1, Math.round((grant.effectDeadline.getTime() - grant.grantedAt.getTime()) / 60_000));
      const why = grant.effectNote ? ` The cluster's last answer: ${grant.effectNote}` : "";
      return {
        label: `Not effective after ${minutes} minute${minutes === 1 ? "" : "s"}`,
        tone: "danger",
        detail: `The role was applied, but the cluster still does not allow it.${why} Check the assignment or binding on the cluster, then revoke and grant again.`,
      };
    }
    default:
      return grant.mechanism === "azure-rbac"
        ? { label: "Applied, waiting for Azure to propagate", tone: "progress", detail: "Azure RBAC can take a few minutes to reach the cluster; Clusterdesk checks until it does." }
        : { label: "Applied, checking the cluster", tone: "progress", detail: null };
  }
}
