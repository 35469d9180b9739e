/** The audit page while its (possibly filtered, possibly deep) page of events is read. */
export default function AuditLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading audit events…</span>
      <div aria-hidden className="h-8 w-32 rounded bg-slate-200 dark:bg-slate-800" />
      <div aria-hidden className="h-40 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" />
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} aria-hidden className="h-10 rounded bg-slate-100 dark:bg-slate-800/60" />
      ))}
    </div>
  );
}
