import "server-only";
import { accessRoles, type AccessRole } from "@/lib/access/roles";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";

type AppliedGrant = {
  clusterResourceId: string;
  mechanism: "azure-rbac" | "kubernetes-rbac";
  externalId: string;
  namespace: string | null;
  role: AccessRole;
  principal: { objectId: string; type: string; displayName: string; userPrincipalName: string | null };
};

/**
 * After an executor wrote a grant, the cache holds it at once (the next inventory sync reads it
 * again from the cluster), so pages do not wait up to a sync interval. No network call: a cache
 * write failing must not fail the change that already happened.
 */
export async function cacheAppliedGrant(grant: AppliedGrant, now = new Date()): Promise<void> {
  const key = clusterKey(grant.clusterResourceId);
  const row = {
    clusterKey: key,
    clusterResourceId: grant.clusterResourceId,
    mechanism: grant.mechanism,
    scopeKind: grant.namespace === null ? "cluster" : "namespace",
    namespace: grant.namespace,
    inherited: false,
    role: grant.role,
    roleName: grant.mechanism === "azure-rbac" ? accessRoles[grant.role].name : `ClusterRole/${accessRoles[grant.role].clusterRole}`,
    principalId: grant.principal.objectId.toLowerCase(),
    principalType: grant.principal.type,
    principalName: grant.principal.displayName,
    principalUpn: grant.principal.userPrincipalName,
    principalDeleted: false,
    externalId: grant.externalId,
    managedByClusterdesk: grant.mechanism === "kubernetes-rbac",
    syncedAt: now,
  };
  await db()
    .clusterAccessEntry.upsert({ where: { clusterKey_externalId_principalId: { clusterKey: key, externalId: row.externalId, principalId: row.principalId } }, create: row, update: row })
    .catch((error: unknown) => logger.warn("access cache: could not record an applied grant", { externalId: grant.externalId, error: error instanceof Error ? error.message : String(error) }));
}

/** After an executor deleted a role assignment or binding: its entries leave the cache (every subject of a binding). */
export async function forgetCachedAccess(clusterResourceId: string, externalId: string): Promise<void> {
  await db()
    .clusterAccessEntry.deleteMany({ where: { clusterKey: clusterKey(clusterResourceId), externalId: { equals: externalId, mode: "insensitive" } } })
    .catch((error: unknown) => logger.warn("access cache: could not forget a revoked entry", { externalId, error: error instanceof Error ? error.message : String(error) }));
}
