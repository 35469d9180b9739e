/**
 * The fallback of a `<Suspense>` around a page's slow part. Pages authorize before any boundary, so a
 * 403 or 404 is decided before the first byte; only the data below streams in (a route-level
 * loading.tsx would send 200 first). Announced once to screen readers, the bars hidden from them.
 * `showLabel` prints the label too, for reads that take seconds (the clusters are asked live).
 */
export function LoadingSection({ label, rows = 4, showLabel = false }: { label: string; rows?: number; showLabel?: boolean }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="animate-pulse space-y-3" data-testid="loading-section">
      <span className={showLabel ? "text-sm text-slate-600 dark:text-slate-400" : "sr-only"}>{label}</span>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} aria-hidden="true" className="h-10 w-full rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
