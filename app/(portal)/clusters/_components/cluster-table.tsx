import { type InventoryListQuery, listQueryToParams, type SortKey } from "@/lib/clusters/inventory-query";
import type { ClusterListItem } from "@/lib/server/clusters/inventory-read";
import { ClusterRows } from "./cluster-rows";
import { encodeClusterRows } from "./cluster-rows-data";
import styles from "./cluster-table.module.css";
import { type ColumnHeader, SortHeaders } from "./sort-headers";

const columns: Array<[label: string, sort: SortKey | null]> = [
  ["Cluster", "name"],
  ["Subscription", "subscription"],
  ["Region", "location"],
  ["Kubernetes", "version"],
  ["API server", null],
  ["Nodes", null],
  ["Score", "score"],
  ["Findings", "findings"],
];

/** Each column's header: a click sorts by it, a second click on the sorted column reverses it; back to page 1. */
function columnHeaders(query: InventoryListQuery): ColumnHeader[] {
  return columns.map(([label, sort]): ColumnHeader => {
    if (sort === null) return [label, null];
    const current = query.sort === sort;
    const direction = current ? (query.direction === "asc" ? "desc" : "asc") : sort === "findings" ? "desc" : "asc";
    const href = `/clusters?${listQueryToParams({ ...query, sort, direction, page: 1 }).toString()}`;
    return current ? [label, href, query.direction === "asc" ? "ascending" : "descending"] : [label, href];
  });
}

export function ClusterTable({ items, query }: { items: ClusterListItem[]; query: InventoryListQuery }) {
  return (
    <div className={styles.frame}>
      <table>
        <caption className="sr-only">AKS clusters</caption>
        <thead>
          <SortHeaders headers={columnHeaders(query)} />
        </thead>
        <tbody>
          <ClusterRows {...encodeClusterRows(items)} />
        </tbody>
      </table>
    </div>
  );
}
