export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
      <span className="sr-only">Loading notifications…</span>
      <div aria-hidden="true" className="h-64 w-full rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
