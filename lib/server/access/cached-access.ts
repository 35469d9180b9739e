import "server-only";
import { type AccessSource, type CachedRole, adoptProblem, revokeProblem } from "@/lib/access/found-access";
import { isAccessRole } from "@/lib/access/roles";
import { can, type ClusterResource, type FoundAccessResource, type Principal } from "@/lib/auth/policy";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { ClusterAccessEntry } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export type CachedScope = { kind: "inherited"; from: "subscription" | "resource group" } | { kind: "cluster" } | { kind: "namespace"; namespace: string };

export type CachedPrincipal = { id: string; type: string; name: string | null; upn: string | null; memberCount: number | null; deleted: boolean };

export type FoundAccessRow = {
  id: string;
  mechanism: "azure-rbac" | "kubernetes-rbac";
  scope: CachedScope;
  role: CachedRole;
  roleName: string;
  principal: CachedPrincipal;
  externalId: string;
  source: AccessSource;
  /** What the viewer may do about it; null when it cannot be done at all or the viewer may not. */
  canAdopt: boolean;
  canRevoke: boolean;
  /** Why neither is offered, when the entry itself is the reason (inherited, shared binding…). */
  note: string | null;
};

export type ClusterAccessCache = { syncedAt: Date | null; attemptedAt: Date | null; error: string | null; found: FoundAccessRow[]; truncated: boolean };

/** A page is bounded: a cluster with more entries shows the first ones and says so. */
export const clusterAccessLimit = 500;

export function cachedScopeOf(entry: Pick<ClusterAccessEntry, "scopeKind" | "namespace">): CachedScope {
  if (entry.scopeKind === "namespace" && entry.namespace) return { kind: "namespace", namespace: entry.namespace };
  if (entry.scopeKind === "subscription") return { kind: "inherited", from: "subscription" };
  if (entry.scopeKind === "resource-group") return { kind: "inherited", from: "resource group" };
  return { kind: "cluster" };
}

export function cachedPrincipalOf(entry: ClusterAccessEntry): CachedPrincipal {
  return { id: entry.principalId, type: entry.principalType, name: entry.principalName, upn: entry.principalUpn, memberCount: entry.groupMemberCount, deleted: entry.principalDeleted };
}

/**
 * The Access tab's "found on the cluster": the cluster's cached entries that no active Clusterdesk
 * grant names (those are listed as grants), read from the cache only. A team lead sees only entries
 * in their own tenants' namespaces, as for grants.
 */
export async function cachedClusterAccess(clusterId: string, cluster: ClusterResource, viewer: Principal): Promise<ClusterAccessCache> {
  const key = clusterKey(clusterId);
  const readsAll = viewer.roles.includes("admin") || viewer.roles.includes("auditor");
  const ownNamespaces = readsAll
    ? null
    : (await db().tenantEnvironment.findMany({ where: { clusterResourceId: key, tenantId: { in: [...viewer.ownedTenantIds] } }, select: { namespace: true, tenantId: true } }));
  const [sync, entries, grants, environments] = await Promise.all([
    db().clusterAccessSync.findUnique({ where: { clusterKey: key } }),
    db().clusterAccessEntry.findMany({
      where: { clusterKey: key, ...(ownNamespaces ? { namespace: { in: ownNamespaces.map((environment) => environment.namespace) } } : {}) },
      orderBy: [{ scopeKind: "desc" }, { namespace: "asc" }, { roleName: "asc" }, { principalName: "asc" }],
      take: clusterAccessLimit + 1,
    }),
    db().namespaceAccessGrant.findMany({ where: { clusterResourceId: key, revokedAt: null }, select: { externalId: true } }),
    ownNamespaces ?? db().tenantEnvironment.findMany({ where: { clusterResourceId: key }, select: { namespace: true, tenantId: true } }),
  ]);
  const granted = new Set(grants.map((grant) => grant.externalId.toLowerCase()));
  const tenantOf = new Map(environments.map((environment) => [environment.namespace, environment.tenantId]));
  const truncated = entries.length > clusterAccessLimit;
  const found = entries.slice(0, clusterAccessLimit).flatMap((entry): FoundAccessRow[] => {
    if (granted.has(entry.externalId.toLowerCase())) return [];
    const scope = cachedScopeOf(entry);
    const source: AccessSource = entry.managedByClusterdesk ? { kind: "tenant-environment" } : { kind: "found-on-cluster" };
    const resource: FoundAccessResource = { kind: "found-access", cluster, scope: scope.kind, namespaceTenantId: scope.kind === "namespace" ? (tenantOf.get(scope.namespace) ?? null) : null };
    const drift = source.kind === "found-on-cluster";
    const adoptBlocked = adoptProblem(entry);
    const revokeBlocked = revokeProblem(entry);
    const mayRevoke = can(viewer, "access.revoke-found", resource) || can(viewer, "access.request-revoke-found", resource);
    return [
      {
        id: entry.id,
        mechanism: entry.mechanism === "kubernetes-rbac" ? "kubernetes-rbac" : "azure-rbac",
        scope,
        role: isAccessRole(entry.role) ? entry.role : "custom",
        roleName: entry.roleName,
        principal: cachedPrincipalOf(entry),
        externalId: entry.externalId,
        source,
        canAdopt: drift && adoptBlocked === null && can(viewer, "access.adopt", resource),
        canRevoke: drift && revokeBlocked === null && mayRevoke,
        note: drift && (can(viewer, "access.adopt", resource) || mayRevoke) ? (revokeBlocked ?? adoptBlocked) : null,
      },
    ];
  });
  return { syncedAt: sync?.syncedAt ?? null, attemptedAt: sync?.attemptedAt ?? null, error: sync?.error ?? null, found, truncated };
}
