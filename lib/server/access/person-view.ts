import "server-only";
import type { Principal } from "@/lib/auth/policy";
import { type AccessSource, type CachedRole } from "@/lib/access/found-access";
import { accessRoles, isAccessRole } from "@/lib/access/roles";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { Prisma } from "@/lib/generated/prisma/client";
import { type DirectoryPrincipal, findDirectoryPrincipal, transitiveGroupsOf } from "@/lib/server/azure/directory-principals";
import { createTtlCache } from "@/lib/server/clusters/ttl-cache";
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

/** Entries found on clusters per page: a group on 2,000 clusters must not be one 2,000-row page (50: each row is rendered as HTML and again in the React payload). */
export const personViewPageSize = 50;

/**
 * Everything one user or group can reach on the clusters Clusterdesk knows: the grants Clusterdesk
 * made (from its records) and what the inventory's access cache found on the clusters, held directly
 * or through groups (Graph's transitiveMemberOf). No ARM call: the cache is read, one page at a time.
 * A team lead sees only what lies in their own tenants' namespaces, as on the Access tab.
 */
export async function personAccess(objectId: string, viewer: Principal, _correlationId: string, page = 1): Promise<PersonAccess> {
  const directory = await directoryFacts(objectId);
  if (!directory.ok) return directory;
  const { principal, memberships } = directory;
  const holders = new Map<string, PersonAccessEntry["via"]>([[principal.objectId, { kind: "direct" }]]);
  for (const group of memberships) holders.set(group.objectId, { kind: "group", groupName: group.displayName });

  // Each round trip to the database costs most on a loaded machine: independent reads go together.
  const holderIds = [...holders.keys()];
  const [grants, scope] = await Promise.all([
    db().namespaceAccessGrant.findMany({ where: { principalId: { in: holderIds }, revokedAt: null, ...grantVisibility(viewer) }, orderBy: [{ clusterResourceId: "asc" }, { namespace: "asc" }], take: 500 }),
    leadScope(viewer),
  ]);
  // Clusterdesk's own grants are listed from its records; entries of clusters the inventory no longer
  // lists (deleted in Azure) are left out.
  const grantIds = grants.map((grant) => grant.externalId);
  const where = Prisma.sql`e.principal_id IN (${Prisma.join(holderIds)})
    ${grantIds.length ? Prisma.sql`AND NOT (e.external_id = ANY(${grantIds}::text[]))` : Prisma.empty}
    AND EXISTS (SELECT 1 FROM inventory_cluster c WHERE c.key = e.cluster_key)
    AND ${scope}`;
  const requested = Math.max(1, Math.trunc(page));
  // Without grants (most people) there is nothing to look up: no empty `IN ()` queries, each a round trip.
  const [first, requests, clusters] = await Promise.all([
    foundPage(where, requested),
    grants.length ? db().changeRequest.findMany({ where: { id: { in: grants.map((grant) => grant.requestId) } }, select: { id: true, number: true } }) : [],
    grants.length ? db().inventoryCluster.findMany({ where: { key: { in: [...new Set(grants.map((grant) => grant.clusterResourceId))] } }, select: { key: true, resourceId: true } }) : [],
  ]);
  // A page past the end (an old link) has no rows to carry the total: count, and show the last page.
  const foundTotal = first[0]?.total ?? (await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM cluster_access_entry e WHERE ${where}`)[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(foundTotal / personViewPageSize));
  const current = Math.min(requested, pageCount);
  const cached = current === requested ? first : await foundPage(where, current);
  const numbers = new Map(requests.map((request) => [request.id, request.number]));
  const resourceIds = new Map(clusters.map((cluster) => [cluster.key, cluster.resourceId]));
  const granted: PersonAccessEntry[] = grants.flatMap((grant) => {
    const resourceId = resourceIds.get(grant.clusterResourceId);
    const via = holders.get(grant.principalId);
    if (!resourceId || !via || !isAccessRole(grant.role)) return [];
    const source: AccessSource = { kind: "clusterdesk", requestNumber: numbers.get(grant.requestId) ?? null };
    return [{ key: grant.id, cluster: clusterLink(resourceId), namespace: grant.namespace, inheritedFrom: null, role: grant.role, roleName: accessRoles[grant.role].name, via, source, expiresAt: grant.expiresAt }];
  });
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
  return { ok: true, principal, groupCount: memberships.length, entries: current === 1 ? [...granted, ...found] : found, warnings: [], page: current, pageCount, foundTotal };
}

type CachedRow = { total: number; id: string; clusterResourceId: string; scopeKind: string; namespace: string | null; role: string; roleName: string; principalId: string; managedByClusterdesk: boolean };

/**
 * One page of cached entries and their total in one round trip: the page's ids are chosen from the (principal,
 * cluster, namespace, id) index alone (an index-only scan, sorted in byte order: the keys are
 * lower-cased ARM ids, and a linguistic sort of thousands of them costs more than the rest), then
 * only those rows are read.
 */
function foundPage(where: Prisma.Sql, page: number): Promise<CachedRow[]> {
  return db().$queryRaw<CachedRow[]>`
    WITH chosen AS (
      SELECT e.id, e.cluster_key, e.namespace, count(*) OVER ()::int AS total FROM cluster_access_entry e WHERE ${where}
      ORDER BY e.cluster_key COLLATE "C", e.namespace COLLATE "C" NULLS FIRST, e.id COLLATE "C"
      OFFSET ${(page - 1) * personViewPageSize} LIMIT ${personViewPageSize})
    SELECT chosen.total, e.id, e.cluster_resource_id AS "clusterResourceId", e.scope_kind AS "scopeKind", e.namespace, e.role, e.role_name AS "roleName",
           e.principal_id AS "principalId", e.managed_by_clusterdesk AS "managedByClusterdesk"
    FROM chosen JOIN cluster_access_entry e USING (id)
    ORDER BY chosen.cluster_key COLLATE "C", chosen.namespace COLLATE "C" NULLS FIRST, chosen.id COLLATE "C"`;
}

/** A lead reads only entries in their own tenants' namespaces (each environment is a cluster + namespace). */
async function leadScope(viewer: Principal): Promise<Prisma.Sql> {
  if (viewer.roles.includes("admin") || viewer.roles.includes("auditor")) return Prisma.sql`TRUE`;
  const environments = await db().tenantEnvironment.findMany({ where: { tenantId: { in: [...viewer.ownedTenantIds] } }, select: { clusterResourceId: true, namespace: true } });
  if (environments.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(e.cluster_key, e.namespace) IN (${Prisma.join(environments.map((environment) => Prisma.sql`(${clusterKey(environment.clusterResourceId)}, ${environment.namespace})`))})`;
}

type DirectoryFacts = { ok: true; principal: DirectoryPrincipal; memberships: { objectId: string; displayName: string }[] } | { ok: false; error: string };

// Who the person is and their groups, remembered for a minute per instance: paging through someone's
// access must not ask Graph twice per page, and a membership change shows within a minute.
const directoryCache = createTtlCache<DirectoryFacts & { ok: true }>({ ttlMs: 60_000, maxEntries: 500 });

class DirectoryFailure extends Error {}

async function directoryFacts(objectId: string): Promise<DirectoryFacts> {
  try {
    return await directoryCache.get(objectId, async () => {
      const lookup = await findDirectoryPrincipal(objectId);
      if (!lookup.ok) throw new DirectoryFailure(`Microsoft Graph could not be asked who this is (${lookup.status ?? "no answer"}). Try again.`);
      if (!lookup.principal) throw new DirectoryFailure("No user or group with this object id exists in the directory.");
      const memberships = await transitiveGroupsOf(lookup.principal);
      if (!memberships.ok) throw new DirectoryFailure(`Microsoft Graph could not list ${lookup.principal.displayName}'s groups (${memberships.status ?? "no answer"}). Try again.`);
      return { ok: true, principal: lookup.principal, memberships: memberships.groups };
    });
  } catch (error) {
    if (error instanceof DirectoryFailure) return { ok: false, error: error.message };
    throw error;
  }
}

function clusterLink(resourceId: string) {
  const parsed = parseClusterResourceId(resourceId);
  if (!parsed) return { name: resourceId, accessHref: "/clusters" };
  return { name: parsed.name, accessHref: `/clusters/${parsed.subscriptionId}/${parsed.resourceGroup}/${parsed.name}/access` };
}
