import Link from "next/link";
import { type InventoryListQuery, listQueryToParams, type SortKey } from "@/lib/clusters/inventory-query";
import type { ClusterListItem } from "@/lib/server/clusters/inventory-read";
import { type ClusterRow, ClusterRows } from "./cluster-rows";
import styles from "./cluster-table.module.css";

function SortHeader({ query, sort, children }: { query: InventoryListQuery; sort: SortKey; children: string }) {
  const current = query.sort === sort;
  const direction = current && query.direction === "asc" ? "desc" : current ? "asc" : undefined;
  const params = listQueryToParams({ ...query, sort, direction: direction ?? (sort === "findings" ? "desc" : "asc"), page: 1 });
  return (
    <th scope="col" aria-sort={current ? (query.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/clusters?${params.toString()}`}>
        {children}
        {current ? <span aria-hidden> {query.direction === "asc" ? "▲" : "▼"}</span> : null}
      </Link>
    </th>
  );
}

function toRow(item: ClusterListItem): ClusterRow {
  const subscription = item.subscriptionName ?? item.subscriptionId;
  return [
    item.name, item.subscriptionId, subscription, item.resourceGroup, item.location, item.kubernetesVersion, item.exposure, item.apiServerReachable,
    item.nodeCount, item.postureScore, item.failingHigh, item.failingMedium, item.failingLow, item.unknownFindings,
  ];
}

export function ClusterTable({ items, query }: { items: ClusterListItem[]; query: InventoryListQuery }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">AKS clusters</caption>
        <thead className={styles.head}>
          <tr>
            <SortHeader query={query} sort="name">Cluster</SortHeader>
            <SortHeader query={query} sort="subscription">Subscription</SortHeader>
            <SortHeader query={query} sort="location">Region</SortHeader>
            <SortHeader query={query} sort="version">Kubernetes</SortHeader>
            <th scope="col">API server</th>
            <th scope="col" className="text-right">Nodes</th>
            <SortHeader query={query} sort="score">Score</SortHeader>
            <SortHeader query={query} sort="findings">Findings</SortHeader>
          </tr>
        </thead>
        <tbody className={styles.rows}>
          <ClusterRows rows={items.map(toRow)} />
        </tbody>
      </table>
    </div>
  );
}
