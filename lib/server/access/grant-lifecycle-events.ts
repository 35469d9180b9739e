import "server-only";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import type { NamespaceAccessGrant, Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import { type Actor, auditActor, systemActor } from "@/lib/server/requests/actor";

/**
 * A grant's later steps (its expiry, its revocation, a test hook moving its end) are audited on the
 * request that granted it, under that request's correlation id: the whole life of one access (asked,
 * approved, applied, effective, expired, revoked) reads as one thread in the audit log, whichever
 * request (a person's, or Clusterdesk's at expiry) ended it. Each event names the other request.
 */
type GrantRow = Pick<NamespaceAccessGrant, "id" | "requestId" | "clusterResourceId" | "tenantId" | "role" | "principalName" | "namespace">;

export function describeGrant(grant: Pick<GrantRow, "role" | "principalName" | "namespace">): string {
  const role = isAccessRole(grant.role) ? accessRoles[grant.role].name : grant.role;
  return `${role} for ${grant.principalName}${grant.namespace ? ` in ${grant.namespace}` : " on the whole cluster"}`;
}

export async function appendGrantEvent(
  tx: Prisma.TransactionClient,
  grant: GrantRow,
  event: { action: string; actor?: Actor; before?: Record<string, string | number | null>; after: Record<string, string | number | null>; reason: string },
): Promise<void> {
  const source = await tx.changeRequest.findUniqueOrThrow({ where: { id: grant.requestId }, select: { correlationId: true } });
  await appendAuditEvent(tx, {
    actor: auditActor(event.actor ?? systemActor),
    action: event.action,
    target: { type: "change_request", id: grant.requestId, clusterId: grant.clusterResourceId, tenantId: grant.tenantId },
    outcome: "success",
    before: event.before ?? null,
    after: { grantId: grant.id, ...event.after },
    reason: event.reason,
    correlationId: source.correlationId,
  });
}

/**
 * Marks the grant revoked by `revocation` (compare-and-set: once) with its `access.grant_revoked`
 * event in the same transaction; a resumed revocation finds it done and records nothing more.
 */
export async function recordGrantRevoked(grant: GrantRow, revocation: { id: string; number: number; requesterName: string }, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const moved = await tx.namespaceAccessGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { revokedAt: now, revocationRequestId: revocation.id } });
    if (moved.count === 0) return;
    await appendGrantEvent(tx, grant, {
      action: "access.grant_revoked",
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString(), revocationRequest: revocation.number },
      reason: `${describeGrant(grant)} revoked by request #${revocation.number} (asked by ${revocation.requesterName}).`,
    });
  });
}
