// Lives in a route group so this loading state wraps only the list: a loading boundary above
// /requests/<n> would start streaming before the page can answer 403 or 404, and the response
// would carry status 200.
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Requests</h1>
      <span className="sr-only">Loading requests…</span>
      <div aria-hidden="true" className="h-10 w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div aria-hidden="true" className="h-64 w-full rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
