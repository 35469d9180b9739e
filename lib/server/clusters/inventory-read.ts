import "server-only";
import { decide, type Principal } from "@/lib/auth/policy";
import type { Cluster } from "@/lib/clusters/cluster";
import type { ApiServerExposure } from "@/lib/clusters/exposure";
import type { InventoryListQuery } from "@/lib/clusters/inventory-query";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import { type PostureEvaluation, postureFromStored, type StoredPosture } from "@/lib/posture";
import type { ClusterExposure, Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { NodeRead } from "@/lib/server/kube/in-cluster-reader";
import { listOverview } from "./inventory-overview";
import { type ClusterScope, inventoryOrderBy, inventoryWhere } from "./inventory-where";
import { tenantsHostedOn } from "./cluster-resource";

/** Reads of the inventory cache for the pages. Never calls ARM or a cluster. */

const exposureOf: Record<ClusterExposure, ApiServerExposure> = { private: "private", authorized_ranges: "authorized-ranges", open: "open" };

/** Admins and auditors see the fleet; a team lead the clusters hosting one of their tenants; others none. */
export async function clusterScopeFor(principal: Principal): Promise<ClusterScope> {
  if (decide(principal, "fleet.view", { kind: "portal" }).allowed) return { all: true };
  if (principal.ownedTenantIds.length === 0) return { all: false, clusterKeys: [] };
  const environments = await db().tenantEnvironment.findMany({
    where: { tenantId: { in: [...principal.ownedTenantIds] } },
    select: { clusterResourceId: true },
    distinct: ["clusterResourceId"],
  });
  return { all: false, clusterKeys: environments.map((environment) => clusterKey(environment.clusterResourceId)) };
}

/** Exactly what a row of the list renders: every other column stays in the database. */
const listSelect = {
  key: true, name: true, subscriptionId: true, resourceGroup: true, location: true, kubernetesVersion: true, exposure: true,
  nodeCount: true, postureScore: true, failingHigh: true, failingMedium: true, failingLow: true, apiServerReachable: true, unknownFindings: true,
} satisfies Prisma.InventoryClusterSelect;

type ListRow = Prisma.InventoryClusterGetPayload<{ select: typeof listSelect }>;

export type ClusterListItem = Omit<ListRow, "exposure"> & { exposure: ApiServerExposure; subscriptionName: string | null };

export type InventoryFacets = { subscriptions: Array<{ id: string; name: string | null }>; locations: string[]; versions: string[] };

export type InventoryPage = {
  items: ClusterListItem[];
  /** Clusters matching the filters. */
  total: number;
  /** Clusters visible to the user at all (to tell "no match" from "nothing here"). */
  visible: number;
  facets: InventoryFacets;
};

/**
 * One page of rows. With a search, PostgreSQL likes to walk the sort column's B-tree in order and
 * test each row against the pattern, betting that matches are spread evenly; a team's clusters all
 * sort together ("aks-payments-…"), so it read most of the fleet (61 ms at 20,000). Ordered index
 * walks are switched off for that one statement: it takes the matches from the trigram indexes and
 * sorts those (10–16 ms).
 */
function pageRows(where: Prisma.InventoryClusterWhereInput, query: InventoryListQuery) {
  const page = { where, orderBy: inventoryOrderBy(query), skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: listSelect };
  return query.search ? withIndexScansOff(db().inventoryCluster.findMany(page)) : db().inventoryCluster.findMany(page);
}

/**
 * `query` in a transaction of its own with index scans off (SET LOCAL ends with it): a batch
 * transaction, the same BEGIN, SET, SELECT, COMMIT without an interactive one's bookkeeping.
 */
export function withIndexScansOff<T>(query: Prisma.PrismaPromise<T>): Promise<T> {
  return db()
    .$transaction([db().$executeRaw`SET LOCAL enable_indexscan = off`, query])
    .then(([, result]) => result);
}

export async function listInventory(scope: ClusterScope, query: InventoryListQuery): Promise<InventoryPage> {
  const where = inventoryWhere(scope, query);
  const [rows, total, overview] = await Promise.all([
    pageRows(where, query),
    db().inventoryCluster.count({ where }),
    listOverview(scope, query),
  ]);
  return {
    items: rows.map((row) => ({ ...row, exposure: exposureOf[row.exposure], subscriptionName: overview.subscriptionNames.get(row.subscriptionId) ?? null })),
    total,
    // Without filters the live count is the visible count (the overview leaves it out): one count per request.
    visible: overview.visible ?? total,
    facets: overview.facets,
  };
}

export type NamespaceOwner = { tenantId: string; tenantName: string };

export type ClusterDetail = {
  key: string;
  cluster: Cluster;
  posture: PostureEvaluation;
  exposure: ApiServerExposure;
  subscriptionName: string | null;
  adminGroupNames: Record<string, string>;
  nodes: NodeRead[] | null;
  apiServerReachable: boolean;
  apiServerError: string | null;
  syncedAt: Date;
  /** Tenants with an environment on this cluster: what the visibility policy decides on. */
  hostedTenantIds: string[];
  /** namespace → owning tenant, from Clusterdesk's tenant records (current, not as of the sync). */
  namespaceOwners: Record<string, NamespaceOwner>;
};

/** The cached cluster at `/subscriptions/{s}/resourceGroups/{rg}/…/managedClusters/{name}`, or null. */
export async function findClusterDetail(address: { subscriptionId: string; resourceGroup: string; name: string }): Promise<ClusterDetail | null> {
  const key = clusterKey(clusterResourceId(address));
  // All three at once (the cache stores subscription ids in lower case): every cluster page waits for them.
  const [row, tenants, subscription] = await Promise.all([
    db().inventoryCluster.findUnique({ where: { key } }),
    tenantsHostedOn(key),
    db().inventorySubscription.findUnique({ where: { id: address.subscriptionId.toLowerCase() }, select: { displayName: true } }),
  ]);
  if (!row) return null;
  return {
    key,
    // Written by saveInventoryEntry from these very types.
    cluster: row.cluster as unknown as Cluster,
    posture: postureFromStored(row.posture as unknown as StoredPosture),
    exposure: exposureOf[row.exposure],
    subscriptionName: subscription?.displayName ?? null,
    adminGroupNames: row.adminGroupNames as Record<string, string>,
    nodes: row.nodes as NodeRead[] | null,
    apiServerReachable: row.apiServerReachable,
    apiServerError: row.apiServerError,
    syncedAt: row.syncedAt,
    hostedTenantIds: tenants.map((tenant) => tenant.id),
    namespaceOwners: Object.fromEntries(tenants.flatMap((tenant) => tenant.namespaces.map((namespace) => [namespace, { tenantId: tenant.id, tenantName: tenant.displayName }]))),
  };
}
