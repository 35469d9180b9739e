import "server-only";
import type { Principal } from "@/lib/auth/policy";
import { type AccessSource, type CachedRole } from "@/lib/access/found-access";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { Prisma } from "@/lib/generated/prisma/client";
import { type DirectoryPrincipal, findDirectoryPrincipal, transitiveGroupsOf } from "@/lib/server/azure/directory-principals";
import { db } from "@/lib/server/db/client";
import { grantVisibility } from "./access-view";

export type PersonAccessEntry = {
  key: string;
  cluster: { name: string; accessHref: string };
  /** Null: the whole cluster. */
  namespace: string | null;
  /** Set when the assignment lies on the cluster's subscription or resource group (it reaches every namespace). */
  inheritedFrom: "subscription" | "resource group" | null;
  role: CachedRole;
  roleName: string;
  /** Held directly, or through a group the person is in (nested groups included). */
  via: { kind: "direct" } | { kind: "group"; groupName: string };
  source: AccessSource;
  expiresAt: Date | null;
};

export type PersonAccess =
  | { ok: true; principal: DirectoryPrincipal; groupCount: number; entries: PersonAccessEntry[]; warnings: string[]; page: number; pageCount: number; foundTotal: number }
  | { ok: false; error: string };

/** Entries found on clusters per page: a group on 2,000 clusters must not be one 2,000-row page. */
export const personViewPageSize = 100;

/**
 * Everything one user or group can reach on the clusters Clusterdesk knows: the grants Clusterdesk
 * made (from its records) and what the inventory's access cache found on the clusters, held directly
 * or through groups (Graph's transitiveMemberOf). No ARM call: the cache is read, one page at a time.
 * A team lead sees only what lies in their own tenants' namespaces, as on the Access tab.
 */
export async function personAccess(objectId: string, viewer: Principal, _correlationId: string, page = 1): Promise<PersonAccess> {
  const lookup = await findDirectoryPrincipal(objectId);
  if (!lookup.ok) return { ok: false, error: `Microsoft Graph could not be asked who this is (${lookup.status ?? "no answer"}). Try again.` };
  if (!lookup.principal) return { ok: false, error: "No user or group with this object id exists in the directory." };
  const principal = lookup.principal;
  const memberships = await transitiveGroupsOf(principal);
  if (!memberships.ok) return { ok: false, error: `Microsoft Graph could not list ${principal.displayName}'s groups (${memberships.status ?? "no answer"}). Try again.` };
  const holders = new Map<string, PersonAccessEntry["via"]>([[principal.objectId, { kind: "direct" }]]);
  for (const group of memberships.groups) holders.set(group.objectId, { kind: "group", groupName: group.displayName });

  const grants = await db().namespaceAccessGrant.findMany({
    where: { principalId: { in: [...holders.keys()] }, revokedAt: null, ...grantVisibility(viewer) },
    orderBy: [{ clusterResourceId: "asc" }, { namespace: "asc" }],
    take: 500,
  });
  const [requests, clusters] = await Promise.all([
    db().changeRequest.findMany({ where: { id: { in: grants.map((grant) => grant.requestId) } }, select: { id: true, number: true } }),
    db().inventoryCluster.findMany({ where: { key: { in: [...new Set(grants.map((grant) => grant.clusterResourceId))] } }, select: { key: true, resourceId: true } }),
  ]);
  const numbers = new Map(requests.map((request) => [request.id, request.number]));
  const resourceIds = new Map(clusters.map((cluster) => [cluster.key, cluster.resourceId]));
  const granted: PersonAccessEntry[] = grants.flatMap((grant) => {
    const resourceId = resourceIds.get(grant.clusterResourceId);
    const via = holders.get(grant.principalId);
    if (!resourceId || !via || !isAccessRole(grant.role)) return [];
    const source: AccessSource = { kind: "clusterdesk", requestNumber: numbers.get(grant.requestId) ?? null };
    return [{ key: grant.id, cluster: clusterLink(resourceId), namespace: grant.namespace, inheritedFrom: null, role: grant.role, roleName: accessRoles[grant.role].name, via, source, expiresAt: grant.expiresAt }];
  });

  // Clusterdesk's own grants are listed above, from its records; entries of clusters the inventory
  // no longer lists (deleted in Azure) are left out.
  const where = Prisma.sql`e.principal_id IN (${Prisma.join([...holders.keys()])})
    AND NOT (e.external_id = ANY(${grants.map((grant) => grant.externalId)}::text[]))
    AND EXISTS (SELECT 1 FROM inventory_cluster c WHERE c.key = e.cluster_key)
    AND ${await leadScope(viewer)}`;
  const [{ total } = { total: 0 }] = await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM cluster_access_entry e WHERE ${where}`;
  const foundTotal = total;
  const pageCount = Math.max(1, Math.ceil(foundTotal / personViewPageSize));
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const cached = await db().$queryRaw<CachedRow[]>`
    SELECT e.id, e.cluster_resource_id AS "clusterResourceId", e.scope_kind AS "scopeKind", e.namespace, e.role, e.role_name AS "roleName",
           e.principal_id AS "principalId", e.managed_by_clusterdesk AS "managedByClusterdesk"
    FROM cluster_access_entry e WHERE ${where}
    ORDER BY e.cluster_key, e.namespace NULLS FIRST, e.id
    OFFSET ${(current - 1) * personViewPageSize} LIMIT ${personViewPageSize}`;
  const found: PersonAccessEntry[] = cached.map((entry) => ({
    key: entry.id,
    cluster: clusterLink(entry.clusterResourceId),
    namespace: entry.scopeKind === "namespace" ? entry.namespace : null,
    inheritedFrom: entry.scopeKind === "subscription" ? "subscription" : entry.scopeKind === "resource-group" ? "resource group" : null,
    role: isAccessRole(entry.role) ? entry.role : "custom",
    roleName: entry.roleName,
    via: holders.get(entry.principalId) ?? { kind: "direct" },
    source: entry.managedByClusterdesk ? { kind: "tenant-environment" } : { kind: "found-on-cluster" },
    expiresAt: null,
  }));
  return { ok: true, principal, groupCount: memberships.groups.length, entries: current === 1 ? [...granted, ...found] : found, warnings: [], page: current, pageCount, foundTotal };
}

type CachedRow = { id: string; clusterResourceId: string; scopeKind: string; namespace: string | null; role: string; roleName: string; principalId: string; managedByClusterdesk: boolean };

/** A lead reads only entries in their own tenants' namespaces (each environment is a cluster + namespace). */
async function leadScope(viewer: Principal): Promise<Prisma.Sql> {
  if (viewer.roles.includes("admin") || viewer.roles.includes("auditor")) return Prisma.sql`TRUE`;
  const environments = await db().tenantEnvironment.findMany({ where: { tenantId: { in: [...viewer.ownedTenantIds] } }, select: { clusterResourceId: true, namespace: true } });
  if (environments.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(e.cluster_key, e.namespace) IN (${Prisma.join(environments.map((environment) => Prisma.sql`(${clusterKey(environment.clusterResourceId)}, ${environment.namespace})`))})`;
}

function clusterLink(resourceId: string) {
  const parsed = parseClusterResourceId(resourceId);
  if (!parsed) return { name: resourceId, accessHref: "/clusters" };
  return { name: parsed.name, accessHref: `/clusters/${parsed.subscriptionId}/${parsed.resourceGroup}/${parsed.name}/access` };
}
