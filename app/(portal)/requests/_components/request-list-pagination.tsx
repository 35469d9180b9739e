import Link from "next/link";
import { pagePosition } from "@/lib/format/page-position";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800";

/** Where the page sits in the list, as /clusters shows it: a page past the end says so and links back to the last one. */
export function RequestListPagination({ page, pageSize, total, hrefFor }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const { pages, first, last, label, beyondEnd } = pagePosition({ page, pageSize, total });
  if (pages <= 1 && !beyondEnd) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>Showing {first}–{last} of {total} requests</p>
      <div className="flex gap-2">
        {beyondEnd ? <Link href={hrefFor(pages)} className={linkClass}>Last page</Link> : page > 1 ? <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">Previous page</Link> : null}
        <span className="px-2 py-1.5" aria-current="page">{label}</span>
        {page < pages ? <Link href={hrefFor(page + 1)} className={linkClass} rel="next">Next page</Link> : null}
      </div>
    </nav>
  );
}
