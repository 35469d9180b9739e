import "server-only";
import { decideEffect, describeAction, type GrantEffect, isGrantEffect, representativeAction } from "@/lib/access/grant-effect";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import { env } from "@/lib/env";
import type { NamespaceAccessGrant } from "@/lib/generated/prisma/client";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import { reviewAccess, type ReviewedSubject } from "@/lib/server/kube/subject-access-review";
import { auditActor, systemActor } from "@/lib/server/requests/actor";
import { logger } from "@/lib/server/logger";
import { portalClusterCredentials } from "./cluster-credentials";
import { relabelGrantRoleBinding } from "./grant-role-binding-expiry";

export type EffectCheckOutcome = { effect: GrantEffect; checkAgainInSeconds?: number };


/**
 * The subject as AKS presents it to authorizers: a user by UPN (what RoleBinding `User` subjects
 * name) with its object id as the `oid` extra (what guard looks Azure role assignments up by); a
 * group only as a group, by object id.
 */
function subjectOf(grant: Pick<NamespaceAccessGrant, "principalType" | "principalId" | "principalUpn">): ReviewedSubject {
  if (grant.principalType === "Group") return { user: "", groups: [grant.principalId], extra: {} };
  return { user: grant.principalUpn ?? grant.principalId, groups: [], extra: { oid: [grant.principalId] } };
}

/** The deadline of a grant; grants recorded before it was kept get one counted from when they were granted. */
export function effectDeadlineOf(grant: { effectDeadline: Date | null; grantedAt: Date }, deadlineMs = env().accessEffectDeadlineMs): Date {
  return grant.effectDeadline ?? new Date(grant.grantedAt.getTime() + deadlineMs);
}

/**
 * One check of a waiting grant (a step of the effect-check job): asks the cluster, with the portal's
 * own credentials, whether the principal may do the role's representative verb. Records the answer
 * with a compare-and-set, so a check repeated after a crash or by two workers records one outcome;
 * the move to effective or not effective is audited on the grant's request in the same transaction.
 * A failed review (cluster unreachable, the portal refused) counts as "not yet", with its message kept.
 */
export async function checkGrantEffect(grantId: string, options: { now?: () => Date; deadlineMs?: number } = {}): Promise<EffectCheckOutcome | null> {
  const grant = await db().namespaceAccessGrant.findUnique({ where: { id: grantId } });
  if (!grant) return null;
  if (grant.revokedAt || grant.effect !== "waiting" || !isAccessRole(grant.role)) return { effect: isGrantEffect(grant.effect) ? grant.effect : "waiting" };
  const request = await db().changeRequest.findUniqueOrThrow({ where: { id: grant.requestId }, select: { correlationId: true } });
  const action = representativeAction(grant.role, grant.namespace);
  let allowed = false;
  let note: string | null = null;
  try {
    const { cluster } = await getCluster(grant.clusterResourceId, request.correlationId);
    const answer = await reviewAccess(await portalClusterCredentials(cluster, request.correlationId), subjectOf(grant), action);
    allowed = answer.allowed;
    note = answer.allowed ? null : (answer.reason ?? `The cluster does not yet allow ${grant.principalName} to ${describeAction(action)}.`);
  } catch (error) {
    note = error instanceof Error ? error.message : String(error);
  }
  const now = options.now?.() ?? new Date();
  const deadline = effectDeadlineOf(grant, options.deadlineMs);
  const decision = decideEffect({ allowed, now, deadline, checks: grant.effectChecks + 1 });
  const checked = { effectChecks: { increment: 1 }, effectCheckedAt: now, effectNote: note };
  if (decision.effect === "waiting") {
    await db().namespaceAccessGrant.updateMany({ where: { id: grant.id, effect: "waiting" }, data: checked });
    return decision;
  }
  const what = `${accessRoles[grant.role].name} for ${grant.principalName}${grant.namespace ? ` in ${grant.namespace}` : " on the whole cluster"}`;
  const minutes = Math.round((deadline.getTime() - grant.grantedAt.getTime()) / 60_000);
  // Expiry counts from when the access took effect (issue 12 item 4), unless its revocation is already asked for.
  const expiresAt = decision.effect === "effective" && grant.lifetimeSeconds && !grant.revocationRequestId ? new Date(now.getTime() + grant.lifetimeSeconds * 1000) : grant.expiresAt;
  const recorded = await db().$transaction(async (tx) => {
    const moved = await tx.namespaceAccessGrant.updateMany({
      where: { id: grant.id, effect: "waiting" },
      data: { ...checked, effect: decision.effect, effectiveAt: decision.effect === "effective" ? now : null, effectDeadline: deadline, expiresAt },
    });
    if (moved.count === 0) return false;
    await appendAuditEvent(tx, {
      actor: auditActor(systemActor),
      action: decision.effect === "effective" ? "access.grant_effective" : "access.grant_not_effective",
      target: { type: "change_request", id: grant.requestId, clusterId: grant.clusterResourceId, tenantId: grant.tenantId },
      outcome: decision.effect === "effective" ? "success" : "failure",
      before: { effect: "waiting" },
      after: { grantId: grant.id, effect: decision.effect, checks: grant.effectChecks + 1, reviewed: describeAction(action), expiresAt: expiresAt?.toISOString() ?? null },
      reason:
        decision.effect === "effective"
          ? `${what} is effective: the cluster allows ${describeAction(action)}.`
          : `${what} is not effective after ${minutes} minutes: ${note ?? "the cluster does not allow it"}`,
      correlationId: request.correlationId,
    });
    return true;
  });
  if (recorded && decision.effect === "effective" && grant.mechanism === "kubernetes-rbac" && expiresAt && expiresAt.getTime() !== grant.expiresAt?.getTime()) {
    // The record is right either way; a RoleBinding left with the earlier end in its label is only a
    // display difference, so a failure here is logged, not retried. The end is read again, so an
    // extension or revocation recorded meanwhile is not overwritten with this one.
    const current = await db().namespaceAccessGrant.findUnique({ where: { id: grant.id }, select: { expiresAt: true, revokedAt: true } });
    if (current && !current.revokedAt) {
      await relabelGrantRoleBinding(grant, current.expiresAt, request.correlationId).catch((error: unknown) =>
        logger.warn("could not label the RoleBinding with the grant's end", { grantId: grant.id, correlationId: request.correlationId, error }),
      );
    }
  }
  return { effect: decision.effect };
}
