import { type InventoryListQuery, listQueryToParams } from "@/lib/clusters/inventory-query";
import { pagePosition } from "@/lib/format/page-position";
import type { PaginationProps } from "./pagination";

/** What `Pagination` (a client component) shows for this query and total: the links keep every filter. */
export function paginationProps(query: InventoryListQuery, total: number): PaginationProps {
  const { pages, first, last, label, beyondEnd } = pagePosition({ page: query.page, pageSize: query.pageSize, total });
  const link = (page: number) => `/clusters?${listQueryToParams({ ...query, page }).toString()}`;
  return {
    summary: `Showing ${first}–${last} of ${total} clusters`,
    label,
    ...(beyondEnd ? { back: [link(pages), "Last page"] } : query.page > 1 ? { back: [link(query.page - 1), "Previous"] } : {}),
    ...(query.page < pages ? { next: link(query.page + 1) } : {}),
  };
}
