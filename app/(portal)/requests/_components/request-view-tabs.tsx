import Link from "next/link";
import type { RequestView } from "@/lib/requests/presentation";

export type ViewTab = { view: RequestView; label: string; count: number | null };

/** Filters as links (each is its own URL, so it can be bookmarked and shared), current one marked. */
export function RequestViewTabs({ tabs, current }: { tabs: readonly ViewTab[]; current: RequestView }) {
  return (
    <nav aria-label="Request filters" className="mb-4 border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const active = tab.view === current;
          return (
            <li key={tab.view}>
              <Link
                href={`/requests?view=${tab.view}`}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
                  active
                    ? "border-sky-700 text-sky-800 dark:border-sky-400 dark:text-sky-300"
                    : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
                }`}
              >
                {tab.label}
                {tab.count !== null ? (
                  <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">
                    {tab.count}
                    <span className="sr-only"> requests</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
