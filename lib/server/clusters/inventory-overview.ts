import "server-only";
import { hasFilters, type InventoryListQuery } from "@/lib/clusters/inventory-query";
import { db } from "@/lib/server/db/client";
import type { InventoryFacets } from "./inventory-read";
import { type ClusterScope, inventoryWhere } from "./inventory-where";
import { createTtlCache } from "./ttl-cache";

/**
 * What the cluster list shows around its rows: the filters' options, how many clusters the user may
 * see at all, subscription names. At 20,000 clusters these are three GROUP BYs and a count over the
 * whole fleet, most of a request's database time, yet they change only when a sync writes. So each
 * instance keeps them for a few seconds per scope and filter combination; the rows and their total
 * are always read live. Past 10 s a request still gets the kept overview while one load refreshes it
 * in the background (for up to a minute after it was read): no request waits for the GROUP BYs except a
 * combination's first, so they do not set the page's p95. The cost: a filter option can lag a sync by
 * up to a minute (10 s while the list is in use).
 */
export type ListOverview = {
  facets: InventoryFacets;
  /** Clusters in the scope whatever the filters; null without filters, where the page's own count says it. */
  visible: number | null;
  subscriptionNames: Map<string, string | null>;
};

const overviews = createTtlCache<ListOverview>({ ttlMs: 10_000, staleMs: 50_000, maxEntries: 500 });

type FacetColumn = "subscriptionId" | "location" | "kubernetesVersion";

async function distinctValues(scope: ClusterScope, query: InventoryListQuery, column: FacetColumn): Promise<string[]> {
  const groups = await db().inventoryCluster.groupBy({ by: [column], where: inventoryWhere(scope, query, column) });
  return groups.flatMap((group) => (group[column] ? [group[column]] : [])).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Minor versions ("1.31") for the version filter; patch versions would fragment it. */
function minors(versions: string[]): string[] {
  return [...new Set(versions.map((version) => /^\d+\.\d+/.exec(version)?.[0] ?? version))];
}

const unfiltered = { search: "", subscriptionId: null, location: null, kubernetesVersion: null, exposure: null, posture: null } as const;

async function loadOverview(scope: ClusterScope, query: InventoryListQuery): Promise<ListOverview> {
  const [visible, subscriptionIds, locations, versions, subscriptions] = await Promise.all([
    hasFilters(query) ? db().inventoryCluster.count({ where: inventoryWhere(scope, { ...query, ...unfiltered }) }) : null,
    distinctValues(scope, query, "subscriptionId"),
    distinctValues(scope, query, "location"),
    distinctValues(scope, query, "kubernetesVersion"),
    db().inventorySubscription.findMany({ select: { id: true, displayName: true } }),
  ]);
  const subscriptionNames = new Map(subscriptions.map((subscription) => [subscription.id, subscription.displayName]));
  return {
    facets: { subscriptions: subscriptionIds.map((id) => ({ id, name: subscriptionNames.get(id) ?? null })), locations, versions: minors(versions) },
    visible,
    subscriptionNames,
  };
}

export function listOverview(scope: ClusterScope, query: InventoryListQuery): Promise<ListOverview> {
  // Everything the overview depends on; sort and page do not change it.
  const key = JSON.stringify([scope.all ? "all" : scope.clusterKeys, query.search, query.subscriptionId, query.location, query.kubernetesVersion, query.exposure, query.posture]);
  return overviews.get(key, () => loadOverview(scope, query));
}
