import "server-only";
import type { NamespaceAccessResource } from "@/lib/auth/policy";
import { isAccessRole } from "@/lib/access/roles";
import { namespaceAccessPayload } from "@/lib/requests/kinds";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import type { AccessRequestOutcome } from "./request-grant";
import { sameAccessChange } from "./same-access-change";

export type RevocationTarget = { resource: NamespaceAccessResource; grantId: string };

/** The policy's view of an active grant to revoke, from its record; null when there is no such active grant. */
export async function revocationTarget(grantId: string): Promise<RevocationTarget | null> {
  const grant = await db().namespaceAccessGrant.findFirst({ where: { id: grantId, revokedAt: null }, select: { id: true, clusterResourceId: true, namespace: true, tenantId: true, role: true } });
  if (!grant || !isAccessRole(grant.role)) return null;
  const cluster = await clusterResource(grant.clusterResourceId);
  return {
    grantId: grant.id,
    // Membership does not matter for a revocation: taking access away is never limited to members.
    resource: { kind: "namespace-access", cluster, scope: grant.namespace === null ? "cluster" : "namespace", namespaceTenantId: grant.tenantId, role: grant.role, principalInTenantGroups: true },
  };
}

/** Records the revocation of a grant, applied at once when the policy allows the caller a direct revocation. */
export async function requestAccessRevocation(grantId: string, justification: string, options: { applyNow: boolean }, user: CurrentUser, context: RequestContext): Promise<AccessRequestOutcome> {
  const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grantId } });
  const principal = { objectId: grant.principalId, type: grant.principalType, displayName: grant.principalName, userPrincipalName: grant.principalUpn };
  const payload = namespaceAccessPayload.parse({ action: "revoke", grantId: grant.id, role: grant.role, namespace: grant.namespace, principal });
  const created = await createChangeRequestUnlessOpen(
    { kind: "namespace-access", clusterResourceId: grant.clusterResourceId, tenantId: grant.tenantId, payload, justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: sameAccessChange, ...(options.applyNow ? { applyDirectly: { reason: justification } } : {}) },
  );
  if (!created.ok) {
    const { number } = created.openRequest;
    return { ok: false, error: `Request #${number} already revokes this access and is still open (/requests/${number}).`, openRequest: number };
  }
  await db().namespaceAccessGrant.updateMany({ where: { id: grant.id, revocationRequestId: null }, data: { revocationRequestId: created.id } });
  return { ok: true, number: created.number, status: created.status };
}
