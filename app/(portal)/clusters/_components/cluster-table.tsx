import Link from "next/link";
import { type InventoryListQuery, listQueryToParams, type SortKey } from "@/lib/clusters/inventory-query";
import type { ClusterListItem } from "@/lib/server/clusters/inventory-read";
import { type ClusterRow, ClusterRows } from "./cluster-rows";

function SortHeader({ query, sort, children }: { query: InventoryListQuery; sort: SortKey; children: string }) {
  const current = query.sort === sort;
  const direction = current && query.direction === "asc" ? "desc" : current ? "asc" : undefined;
  const params = listQueryToParams({ ...query, sort, direction: direction ?? (sort === "findings" ? "desc" : "asc"), page: 1 });
  return (
    <th scope="col" aria-sort={current ? (query.direction === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 text-left font-semibold">
      <Link href={`/clusters?${params.toString()}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-sky-500">
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

/**
 * Every style of the rows, set once here instead of on 50 rows × 8 cells (the rows carry only
 * `data-exposure` / `data-finding`): the same look as the detail page's badges.
 */
const rowStyles = [
  "divide-y divide-slate-100 dark:divide-slate-800",
  "[&_small]:block [&_small]:text-xs [&_small]:font-normal [&_small]:text-slate-500 dark:[&_small]:text-slate-400 [&_td_small]:mt-1",
  "[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:font-medium [&_th_a]:text-sky-700 [&_th_a]:hover:underline dark:[&_th_a]:text-sky-400",
  "[&_td:nth-child(6)]:text-right [&_td:nth-child(6)]:tabular-nums [&_td:nth-child(7)]:tabular-nums",
  "[&_[data-exposure]]:inline-block [&_[data-exposure]]:rounded [&_[data-exposure]]:px-2 [&_[data-exposure]]:py-0.5 [&_[data-exposure]]:text-xs [&_[data-exposure]]:font-medium",
  "[&_[data-exposure=private]]:bg-emerald-100 [&_[data-exposure=private]]:text-emerald-900 dark:[&_[data-exposure=private]]:bg-emerald-900 dark:[&_[data-exposure=private]]:text-emerald-100",
  "[&_[data-exposure=authorized-ranges]]:bg-sky-100 [&_[data-exposure=authorized-ranges]]:text-sky-900 dark:[&_[data-exposure=authorized-ranges]]:bg-sky-900 dark:[&_[data-exposure=authorized-ranges]]:text-sky-100",
  "[&_[data-exposure=open]]:bg-red-100 [&_[data-exposure=open]]:text-red-900 dark:[&_[data-exposure=open]]:bg-red-900 dark:[&_[data-exposure=open]]:text-red-100",
  "[&_[data-finding]]:mr-1 [&_[data-finding]]:inline-block [&_[data-finding]:not([data-finding=none])]:text-xs [&_[data-finding]:not([data-finding=none])]:font-medium",
  "[&_[data-finding=high]]:rounded [&_[data-finding=high]]:bg-red-100 [&_[data-finding=high]]:px-1.5 [&_[data-finding=high]]:py-0.5 [&_[data-finding=high]]:text-red-900 dark:[&_[data-finding=high]]:bg-red-900 dark:[&_[data-finding=high]]:text-red-100",
  "[&_[data-finding=medium]]:rounded [&_[data-finding=medium]]:bg-amber-100 [&_[data-finding=medium]]:px-1.5 [&_[data-finding=medium]]:py-0.5 [&_[data-finding=medium]]:text-amber-900 dark:[&_[data-finding=medium]]:bg-amber-900 dark:[&_[data-finding=medium]]:text-amber-100",
  "[&_[data-finding=low]]:rounded [&_[data-finding=low]]:bg-slate-200 [&_[data-finding=low]]:px-1.5 [&_[data-finding=low]]:py-0.5 [&_[data-finding=low]]:text-slate-900 dark:[&_[data-finding=low]]:bg-slate-700 dark:[&_[data-finding=low]]:text-slate-100",
  "[&_[data-finding=none]]:text-emerald-700 dark:[&_[data-finding=none]]:text-emerald-400",
  "[&_[data-finding=unknown]]:text-amber-800 dark:[&_[data-finding=unknown]]:text-amber-300",
].join(" ");

export function ClusterTable({ items, query }: { items: ClusterListItem[]; query: InventoryListQuery }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">AKS clusters</caption>
        <thead className="bg-slate-50 dark:bg-slate-950">
          <tr>
            <SortHeader query={query} sort="name">Cluster</SortHeader>
            <SortHeader query={query} sort="subscription">Subscription</SortHeader>
            <SortHeader query={query} sort="location">Region</SortHeader>
            <SortHeader query={query} sort="version">Kubernetes</SortHeader>
            <th scope="col" className="px-3 py-2 text-left font-semibold">API server</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Nodes</th>
            <SortHeader query={query} sort="score">Score</SortHeader>
            <SortHeader query={query} sort="findings">Findings</SortHeader>
          </tr>
        </thead>
        <tbody className={rowStyles}>
          <ClusterRows rows={items.map(toRow)} />
        </tbody>
      </table>
    </div>
  );
}
