import "server-only";
import type { NamespaceAccessResource } from "@/lib/auth/policy";
import { extendedExpiry } from "@/lib/access/describe-change";
import { maximumUntilDays } from "@/lib/access/durations";
import { isAccessRole } from "@/lib/access/roles";
import { namespaceAccessExtensionPayload } from "@/lib/requests/kinds";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import type { AccessRequestOutcome } from "./request-grant";

export type ExtensionTarget = { resource: NamespaceAccessResource; grantId: string; expiresAt: Date | null };

/** The policy's view of an active grant to extend, from its record; null when there is no such active grant. */
export async function extensionTarget(grantId: string): Promise<ExtensionTarget | null> {
  const grant = await db().namespaceAccessGrant.findFirst({ where: { id: grantId, revokedAt: null }, select: { id: true, clusterResourceId: true, namespace: true, tenantId: true, role: true, expiresAt: true } });
  if (!grant || !isAccessRole(grant.role)) return null;
  const cluster = await clusterResource(grant.clusterResourceId);
  return {
    grantId: grant.id,
    expiresAt: grant.expiresAt,
    // The principal already holds the grant: membership was checked when it was granted.
    resource: { kind: "namespace-access", cluster, scope: grant.namespace === null ? "cluster" : "namespace", namespaceTenantId: grant.tenantId, role: grant.role, principalInTenantGroups: true },
  };
}

const extensionKey = (payload: unknown) => {
  const parsed = namespaceAccessExtensionPayload.safeParse(payload);
  return parsed.success ? `extend:${parsed.data.grantId}` : `unreadable:${JSON.stringify(payload)}`;
};

/**
 * Asks for more time on a time-bound grant the policy allowed the caller to extend, applied at once
 * when the policy allows a direct change. Refused with a reason, recording nothing: permanent or
 * already ended grants, an end beyond the maximum, and a grant whose extension is already open.
 */
export async function requestGrantExtension(grantId: string, extendBySeconds: number, justification: string, options: { applyNow: boolean }, user: CurrentUser, context: RequestContext, now = new Date()): Promise<AccessRequestOutcome> {
  const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grantId } });
  if (!grant.expiresAt) return { ok: false, error: "This access is permanent; there is nothing to extend." };
  if (grant.expiresAt.getTime() <= now.getTime()) return { ok: false, error: "This access has reached its end and is being revoked; ask for a new grant instead." };
  const principal = { objectId: grant.principalId, type: grant.principalType, displayName: grant.principalName, userPrincipalName: grant.principalUpn };
  const payload = namespaceAccessExtensionPayload.parse({ grantId: grant.id, role: grant.role, namespace: grant.namespace, principal, fromExpiresAt: grant.expiresAt.toISOString(), extendBySeconds });
  if (extendedExpiry(payload).getTime() > now.getTime() + maximumUntilDays * 86_400_000) {
    return { ok: false, error: `The access would then end more than ${maximumUntilDays} days from now; ask for a shorter extension.` };
  }
  const created = await createChangeRequestUnlessOpen(
    { kind: "namespace-access-extension", clusterResourceId: grant.clusterResourceId, tenantId: grant.tenantId, payload, justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: extensionKey, ...(options.applyNow ? { applyDirectly: { reason: justification } } : {}) },
  );
  if (!created.ok) {
    const { number } = created.openRequest;
    return { ok: false, error: `Request #${number} already extends this access and is still open (/requests/${number}).`, openRequest: number };
  }
  return { ok: true, number: created.number, status: created.status };
}
