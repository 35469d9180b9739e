import type { JsonValue } from "@/lib/audit/canonical-json";

function pretty(value: JsonValue | null): string {
  return value === null ? "—" : JSON.stringify(value, null, 2);
}

/** Before and after of an event, side by side, behind a disclosure so the table stays scannable. */
export function EventChange({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  if (before === null && after === null) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs font-medium text-sky-700 hover:underline dark:text-sky-400">Show change</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {(
          [
            ["Before", before],
            ["After", after],
          ] as const
        ).map(([label, value]) => (
          <figure key={label} className="min-w-0">
            <figcaption className="text-xs font-semibold text-slate-600 dark:text-slate-400">{label}</figcaption>
            {/* Focusable so keyboard users can scroll a long value. */}
            <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{pretty(value)}</pre>
          </figure>
        ))}
      </div>
    </details>
  );
}
