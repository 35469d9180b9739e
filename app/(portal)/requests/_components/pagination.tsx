import Link from "next/link";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)} className={linkClass}>Previous page</Link> : <span />}
      <p>
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? <Link href={hrefFor(page + 1)} className={linkClass}>Next page</Link> : <span />}
    </nav>
  );
}
