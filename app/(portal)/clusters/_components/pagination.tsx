import Link from "next/link";
import { type InventoryListQuery, listQueryToParams } from "@/lib/clusters/inventory-query";
import { pagePosition } from "@/lib/format/page-position";

export function Pagination({ query, total }: { query: InventoryListQuery; total: number }) {
  const { pages, first, last, label, beyondEnd } = pagePosition({ page: query.page, pageSize: query.pageSize, total });
  const link = (page: number) => `/clusters?${listQueryToParams({ ...query, page }).toString()}`;
  const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>{`Showing ${first}–${last} of ${total} clusters`}</p>
      <div className="flex gap-2">
        {beyondEnd ? <Link href={link(pages)} className={linkClass}>Last page</Link> : query.page > 1 ? <Link href={link(query.page - 1)} className={linkClass} rel="prev">Previous</Link> : null}
        <span className="px-2 py-1.5" aria-current="page">{label}</span>
        {query.page < pages ? <Link href={link(query.page + 1)} className={linkClass} rel="next">Next</Link> : null}
      </div>
    </nav>
  );
}
