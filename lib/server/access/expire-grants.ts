import "server-only";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import { terminalStatuses } from "@/lib/requests/state-machine";
import { db } from "@/lib/server/db/client";
import { systemActor } from "@/lib/server/requests/actor";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { appendGrantEvent, describeGrant } from "./grant-lifecycle-events";

/**
 * Revokes expired grants through the same engine as everyone else, as for expired IP ranges: one
 * approved revocation per grant, made by Clusterdesk itself and audited as such, belonging to the
 * grant's tenant so its leads see the access go. A grant whose revocation is still open is left
 * alone, so running this every minute asks only once; a failed one stays visible for an admin to retry.
 * The grant's own request records `access.grant_expired` (its correlation id), naming the revocation.
 */
export async function expireNamespaceAccessGrants(now = new Date()): Promise<number> {
  const expired = await db().namespaceAccessGrant.findMany({
    where: { expiresAt: { lte: now }, revokedAt: null },
    orderBy: { expiresAt: "asc" },
    take: 200,
  });
  const openRevocations = new Set(
    (
      await db().changeRequest.findMany({
        where: { id: { in: expired.flatMap((grant) => (grant.revocationRequestId ? [grant.revocationRequestId] : [])) }, status: { notIn: [...terminalStatuses] } },
        select: { id: true },
      })
    ).map((request) => request.id),
  );
  let requested = 0;
  for (const grant of expired) {
    if (grant.revocationRequestId && openRevocations.has(grant.revocationRequestId)) continue;
    if (!isAccessRole(grant.role)) continue;
    const principal = { objectId: grant.principalId, type: grant.principalType === "Group" ? ("Group" as const) : ("User" as const), displayName: grant.principalName, userPrincipalName: grant.principalUpn };
    const created = await createChangeRequest(
      {
        kind: "namespace-access",
        clusterResourceId: grant.clusterResourceId,
        tenantId: grant.tenantId,
        payload: { action: "revoke", grantId: grant.id, role: grant.role, namespace: grant.namespace, principal },
        justification: `${accessRoles[grant.role].name} for ${grant.principalName}${grant.namespace ? ` in ${grant.namespace}` : ""} expired at ${grant.expiresAt?.toISOString()}.`,
        decideBy: null,
      },
      systemActor,
      { clientIp: null, userAgent: null, correlationId: `expiry:${grant.id}`, path: "" },
      { applyDirectly: { reason: "The grant reached its expiry time." } },
    );
    await db().$transaction(async (tx) => {
      await tx.namespaceAccessGrant.updateMany({ where: { id: grant.id }, data: { revocationRequestId: created.id } });
      await appendGrantEvent(tx, grant, {
        action: "access.grant_expired",
        after: { expiresAt: grant.expiresAt?.toISOString() ?? null, revocationRequest: created.number },
        reason: `${describeGrant(grant)} reached its end; Clusterdesk asked for its revocation as request #${created.number}.`,
      });
    });
    requested += 1;
  }
  return requested;
}
