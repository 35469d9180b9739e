import { type RequestKind, requestKinds } from "@/lib/requests/kinds";
import type { RequestView } from "@/lib/requests/presentation";

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";
const button = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800";

/** A plain GET form (no client JavaScript): the kind lives in the URL beside the view, and a new filter starts at page 1. */
export function RequestKindFilter({ view, kind }: { view: RequestView; kind: RequestKind | null }) {
  return (
    <form method="get" role="search" aria-label="Filter requests" className="mb-4 flex flex-wrap items-end gap-3">
      <input type="hidden" name="view" value={view} />
      <label className="text-sm font-medium">
        Kind
        <select name="kind" defaultValue={kind ?? ""} className={field}>
          <option value="">All kinds</option>
          {Object.entries(requestKinds).map(([value, { label }]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </label>
      <button type="submit" className={button}>Filter</button>
    </form>
  );
}
