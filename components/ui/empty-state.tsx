import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </section>
  );
}
