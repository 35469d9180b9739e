export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading the request…</span>
      <div aria-hidden="true" className="h-8 w-56 rounded bg-slate-200 dark:bg-slate-800" />
      <div aria-hidden="true" className="h-40 w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div aria-hidden="true" className="h-64 w-full rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
