// In a route group of its own so the streaming loading state does not wrap the cluster pages, whose
// 403 and 404 must be sent as the response status (a streamed response has already sent 200).
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      {/* The real title, so the page keeps its heading (and its place for screen readers) while loading. */}
      <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
      <span className="sr-only">Loading clusters…</span>
      <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      {/* The bars' classes once, on their parent: this state is part of every list response (HTML and payload). */}
      <div className="space-y-3 *:h-10 *:animate-pulse *:rounded *:bg-slate-100 dark:*:bg-slate-900">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} />
        ))}
      </div>
    </div>
  );
}
