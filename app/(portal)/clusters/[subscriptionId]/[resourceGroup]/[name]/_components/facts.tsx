import type { ReactNode } from "react";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={id} className="mb-3 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-600 dark:text-slate-400">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const yesNo = (value: boolean, yes = "Yes", no = "No") => (value ? yes : no);

export const th = "px-3 py-2 text-left font-semibold";
export const td = "px-3 py-2 align-top";
export const tableClass = "min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800";
