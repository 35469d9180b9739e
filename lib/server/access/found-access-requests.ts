import "server-only";
import { adoptProblem, revokeProblem } from "@/lib/access/found-access";
import type { FoundAccessResource } from "@/lib/auth/policy";
import type { ClusterAccessEntry } from "@/lib/generated/prisma/client";
import { namespaceAccessAdoptionPayload } from "@/lib/requests/kinds";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import type { AccessRequestOutcome } from "./request-grant";

export type FoundAccessTarget = { entry: ClusterAccessEntry; resource: FoundAccessResource; tenantId: string | null };

/**
 * The policy's view of a cached entry found on the cluster, all looked up on the server: the
 * cluster (tags, hosted tenants), the tenant whose environment the namespace is. Null when the entry
 * is not in the cache (any more) or is a Clusterdesk grant's.
 */
export async function foundAccessTarget(entryId: string): Promise<FoundAccessTarget | null> {
  const entry = await db().clusterAccessEntry.findUnique({ where: { id: entryId } });
  if (!entry) return null;
  const [grant, environment, cluster] = await Promise.all([
    db().namespaceAccessGrant.findFirst({ where: { clusterResourceId: entry.clusterKey, revokedAt: null, externalId: { equals: entry.externalId, mode: "insensitive" } }, select: { id: true } }),
    entry.namespace === null ? null : db().tenantEnvironment.findUnique({ where: { clusterResourceId_namespace: { clusterResourceId: entry.clusterKey, namespace: entry.namespace } }, select: { tenantId: true } }),
    clusterResource(entry.clusterResourceId),
  ]);
  if (grant) return null;
  const scope = entry.inherited ? "inherited" : entry.scopeKind === "namespace" ? "namespace" : "cluster";
  const tenantId = environment?.tenantId ?? null;
  return { entry, tenantId, resource: { kind: "found-access", cluster, scope, namespaceTenantId: tenantId } };
}

function payloadOf(entry: ClusterAccessEntry) {
  return namespaceAccessAdoptionPayload.parse({
    entry: {
      entryId: entry.id,
      mechanism: entry.mechanism,
      scopeKind: entry.scopeKind,
      namespace: entry.namespace,
      role: entry.role,
      roleName: entry.roleName,
      principal: { objectId: entry.principalId, type: entry.principalType, displayName: entry.principalName, userPrincipalName: entry.principalUpn },
      externalId: entry.externalId,
    },
  });
}

/** Two open requests are the same change when they name the same assignment or binding subject. */
const sameEntry = (kind: string) => (payload: unknown) => {
  const parsed = namespaceAccessAdoptionPayload.safeParse(payload);
  return parsed.success ? `${kind}:${parsed.data.entry.externalId.toLowerCase()}|${parsed.data.entry.principal.objectId}` : `unreadable:${JSON.stringify(payload)}`;
};

/** Records an adoption, applied at once (the policy allows it to admins only, and it changes nothing on the cluster). */
export async function requestAdoption(target: FoundAccessTarget, justification: string, user: CurrentUser, context: RequestContext): Promise<AccessRequestOutcome> {
  const problem = adoptProblem(target.entry);
  if (problem) return { ok: false, error: `This access cannot be adopted: ${problem}` };
  const created = await createChangeRequestUnlessOpen(
    { kind: "namespace-access-adoption", clusterResourceId: target.entry.clusterResourceId, tenantId: target.tenantId, payload: payloadOf(target.entry), justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: sameEntry("adopt"), applyDirectly: { reason: justification } },
  );
  if (!created.ok) return { ok: false, error: `Request #${created.openRequest.number} already adopts this access and is still open (/requests/${created.openRequest.number}).`, openRequest: created.openRequest.number };
  return { ok: true, number: created.number, status: created.status };
}

/** Records the revocation of found access, applied at once when the policy allows the caller a direct revocation. */
export async function requestFoundRevocation(target: FoundAccessTarget, justification: string, options: { applyNow: boolean }, user: CurrentUser, context: RequestContext): Promise<AccessRequestOutcome> {
  const problem = revokeProblem(target.entry);
  if (problem) return { ok: false, error: `This access cannot be revoked from Clusterdesk: ${problem}` };
  const created = await createChangeRequestUnlessOpen(
    { kind: "found-access-revocation", clusterResourceId: target.entry.clusterResourceId, tenantId: target.tenantId, payload: payloadOf(target.entry), justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: sameEntry("revoke"), ...(options.applyNow ? { applyDirectly: { reason: justification } } : {}) },
  );
  if (!created.ok) return { ok: false, error: `Request #${created.openRequest.number} already revokes this access and is still open (/requests/${created.openRequest.number}).`, openRequest: created.openRequest.number };
  return { ok: true, number: created.number, status: created.status };
}
