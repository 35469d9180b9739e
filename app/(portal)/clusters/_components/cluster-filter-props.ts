import type { InventoryListQuery } from "@/lib/clusters/inventory-query";
import type { InventoryPage } from "@/lib/server/clusters/inventory-read";
import type { ClusterFilterFacets, ClusterFilterValues } from "./cluster-filters";

/** Beyond this many subscriptions the filter takes a pasted ID instead of a list (1,000 options were 300 KB of a 450 KB page). */
export const maxSubscriptionOptions = 50;

/** What `ClusterFilters` (a client component) needs of the query and the facets, and no more. */
export function clusterFilterProps(query: InventoryListQuery, facets: InventoryPage["facets"]): { values: ClusterFilterValues; facets: ClusterFilterFacets } {
  return {
    values: {
      search: query.search,
      subscriptionId: query.subscriptionId ?? "",
      location: query.location ?? "",
      version: query.kubernetesVersion ?? "",
      exposure: query.exposure ?? "",
      posture: query.posture ?? "",
      ...(query.sort !== "name" ? { sort: query.sort } : {}),
    },
    facets: {
      subscriptions: facets.subscriptions.length <= maxSubscriptionOptions ? facets.subscriptions.map((s): [string, string] => [s.id, s.name ?? s.id]) : facets.subscriptions.length,
      locations: facets.locations,
      versions: facets.versions,
    },
  };
}
