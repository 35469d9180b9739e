import "server-only";
import type { AccessRole } from "@/lib/access/roles";
import { clusterKey } from "@/lib/clusters/resource-id";
import { namespaceAccessPayload } from "@/lib/requests/kinds";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import type { GrantTarget } from "./access-target";
import { sameAccessChange } from "./same-access-change";

export type AccessRequestOutcome = { ok: true; number: number; status: string } | { ok: false; error: string; openRequest?: number };

/**
 * Records a grant request the policy already allowed, after checking the cluster as ARM reports it
 * now. Refused with a reason, recording nothing: clusters without Entra ID (Entra principals cannot
 * sign in there), private Kubernetes-RBAC clusters (the portal cannot reach them), cluster scope on
 * Kubernetes-RBAC clusters (not built), access the principal already has through Clusterdesk, and a
 * change an open request already asks for.
 */
export async function requestAccessGrant(
  clusterResourceId: string,
  grant: { role: AccessRole; namespace: string | null; lifetimeSeconds: number | null; expiresAt?: Date | null },
  target: GrantTarget,
  justification: string,
  options: { applyNow: boolean },
  user: CurrentUser,
  context: RequestContext,
): Promise<AccessRequestOutcome> {
  let cluster;
  try {
    cluster = (await getCluster(clusterResourceId, context.correlationId)).cluster;
  } catch (error) {
    return { ok: false, error: `Azure could not be asked about the cluster (${armFailure(error).message}). Nothing was recorded; try again.` };
  }
  if (!cluster.identity.managedAad) return { ok: false, error: "This cluster does not use Microsoft Entra ID: Entra users and groups cannot sign in to it, so access cannot be granted to them." };
  if (!cluster.identity.azureRbac && cluster.apiServerAccess.privateCluster) {
    return { ok: false, error: "This private cluster uses Kubernetes RBAC: the portal cannot reach its API server to write a RoleBinding." };
  }
  if (!cluster.identity.azureRbac && grant.namespace === null) {
    return { ok: false, error: "Cluster-wide access on clusters without Azure RBAC (a ClusterRoleBinding) is not built yet; grant it per namespace." };
  }
  const existing = await db().namespaceAccessGrant.findFirst({
    where: { clusterResourceId: clusterKey(clusterResourceId), namespace: grant.namespace, role: grant.role, principalId: target.principal.objectId, revokedAt: null },
    select: { id: true },
  });
  if (existing) return { ok: false, error: `${target.principal.displayName} already has this role here through Clusterdesk.` };

  const payload = namespaceAccessPayload.parse({ action: "grant", role: grant.role, namespace: grant.namespace, principal: target.principal, lifetimeSeconds: grant.lifetimeSeconds, ...(grant.expiresAt ? { expiresAt: grant.expiresAt.toISOString() } : {}) });
  const created = await createChangeRequestUnlessOpen(
    { kind: "namespace-access", clusterResourceId: clusterKey(clusterResourceId), tenantId: target.tenantId, payload, justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: sameAccessChange, ...(options.applyNow ? { applyDirectly: { reason: justification } } : {}) },
  );
  if (!created.ok) {
    const { number } = created.openRequest;
    return { ok: false, error: `Request #${number} already asks for this and is still open (/requests/${number}).`, openRequest: number };
  }
  return { ok: true, number: created.number, status: created.status };
}
