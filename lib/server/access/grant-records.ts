import "server-only";
import { grantExpiresAt } from "@/lib/access/durations";
import type { NamespaceAccessPayload } from "@/lib/requests/kinds";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db/client";
import type { ExecutableRequest } from "@/lib/server/requests/executor";

type Grant = Extract<NamespaceAccessPayload, { action: "grant" }>;

/**
 * Records an applied grant. The expiry starts now, when the access is in place, so a grant approved
 * late still lasts as long as asked; "until a date" ends at the date named, whenever it is applied. Idempotent: a resumed attempt upserts the same row (one per
 * request) and keeps the time the first attempt recorded.
 */
export async function recordGrant(
  request: ExecutableRequest,
  clusterResourceId: string,
  grant: Grant,
  applied: { mechanism: "azure-rbac" | "kubernetes-rbac"; externalId: string },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date | null }> {
  const source = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id }, select: { requesterName: true, justification: true } });
  const earlier = await db().namespaceAccessGrant.findUnique({ where: { requestId: request.id }, select: { id: true, expiresAt: true } });
  if (earlier) return earlier;
  return db().namespaceAccessGrant.upsert({
    where: { requestId: request.id },
    create: {
      clusterResourceId,
      namespace: grant.namespace,
      tenantId: request.tenantId,
      role: grant.role,
      principalId: grant.principal.objectId,
      principalType: grant.principal.type,
      principalName: grant.principal.displayName,
      principalUpn: grant.principal.userPrincipalName,
      mechanism: applied.mechanism,
      externalId: applied.externalId,
      lifetimeSeconds: grant.lifetimeSeconds,
      grantedAt: now,
      expiresAt: grantExpiresAt(grant.lifetimeSeconds, now, grant.expiresAt ? new Date(grant.expiresAt) : null),
      // Applied is not yet in force: the effect check (grant-effect-check.ts) waits for the cluster until then.
      effect: "waiting",
      effectDeadline: new Date(now.getTime() + env().accessEffectDeadlineMs),
      requestId: request.id,
      reason: source.justification,
      requestedByName: source.requesterName,
    },
    update: {},
    select: { id: true, expiresAt: true },
  });
}

export async function markRevoked(grantId: string, revocationRequestId: string, now = new Date()): Promise<void> {
  await db().namespaceAccessGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: now, revocationRequestId } });
}
