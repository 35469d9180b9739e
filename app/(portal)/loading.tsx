/** Shown while a portal page reads its data: the shell stays, the content area says it is loading. */
export default function PortalLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading…</span>
      <div aria-hidden className="h-8 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div aria-hidden className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div aria-hidden className="h-64 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" />
    </div>
  );
}
