import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { hasFilters, parseListQuery } from "@/lib/clusters/inventory-query";
import { authorizePage } from "@/lib/server/auth/current-user";
import { clusterScopeFor, listInventory } from "@/lib/server/clusters/inventory-read";
import { inventorySyncStatus } from "@/lib/server/clusters/inventory-summary";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { clusterFilterProps } from "../_components/cluster-filter-props";
import { ClusterFilters } from "../_components/cluster-filters";
import { ClusterTable } from "../_components/cluster-table";
import { Pagination } from "../_components/pagination";
import { paginationProps } from "../_components/pagination-props";
import { SyncPanel } from "../_components/sync-panel";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await authorizePage("portal.view", { kind: "portal" });
  const query = parseListQuery(await searchParams);
  const scope = await clusterScopeFor(user.principal);
  const [page, status] = await Promise.all([listInventory(scope, query), inventorySyncStatus()]);
  const seesFleet = scope.all;

  if (!seesFleet && scope.clusterKeys.length === 0) {
    return (
      <>
        <PageHeader title="Clusters" description="AKS clusters hosting your tenants." />
        <EmptyState title="No clusters to show">
          You see the clusters that host a tenant you own. You do not own a tenant yet: once a platform admin makes your team&apos;s
          owner group the owner of a tenant, its clusters appear here. Platform admins and auditors see every cluster.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Clusters"
        description={seesFleet ? `${page.visible} AKS clusters across your subscriptions.` : `${page.visible} AKS clusters hosting your tenants.`}
      />
      {seesFleet ? <SyncPanel status={status} canRefresh={can(user.principal, "fleet.sync", { kind: "portal" })} /> : null}
      {page.visible === 0 ? (
        <EmptyState title="No clusters yet">
          {status.active
            ? "The first inventory sync is under way; clusters appear here as their subscriptions are read."
            : "The inventory holds no clusters. Every AKS cluster of the configured subscriptions appears here after a sync."}
        </EmptyState>
      ) : (
        <>
          <ClusterFilters {...clusterFilterProps(query, page.facets)} />
          {page.total === 0 ? (
            <EmptyState title="No cluster matches these filters">{hasFilters(query) ? "Change or clear the filters to see more clusters." : "Nothing to show."}</EmptyState>
          ) : (
            <>
              <ClusterTable items={page.items} query={query} />
              <Pagination {...paginationProps(query, page.total)} />
            </>
          )}
        </>
      )}
    </>
  );
}
