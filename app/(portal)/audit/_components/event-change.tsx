import type { JsonValue } from "@/lib/audit/canonical-json";
import { fieldDiff } from "@/lib/audit/field-diff";

const changeLabel = { added: "added", removed: "removed", changed: "changed" } as const;

/** Before and after of an event as the fields that changed, behind a disclosure so the table stays scannable. */
export function EventChange({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  if (before === null && after === null) return null;
  const changes = fieldDiff(before, after);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer font-sans text-xs font-medium text-sky-700 hover:underline dark:text-sky-400">
        {changes.length === 0 ? "No field changed" : `Show change (${changes.length} ${changes.length === 1 ? "field" : "fields"})`}
      </summary>
      {changes.length > 0 ? (
        <table className="mt-2 w-full font-sans text-xs">
          <caption className="sr-only">Fields changed by this event</caption>
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-400">
              <th scope="col" className="pr-2 font-semibold">Field</th>
              <th scope="col" className="pr-2 font-semibold">Before</th>
              <th scope="col" className="font-semibold">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.path} className="align-top">
                <th scope="row" className="pr-2 text-left font-mono font-normal">
                  {change.path} <span className="sr-only">({changeLabel[change.change]})</span>
                </th>
                <td className="max-w-48 break-words pr-2 text-red-800 dark:text-red-300">{change.before === null ? <span aria-label="not set">—</span> : <del>{change.before}</del>}</td>
                <td className="max-w-48 break-words text-emerald-800 dark:text-emerald-300">
                  {change.after === null ? <span aria-label="not set">—</span> : <ins className="no-underline">{change.after}</ins>}
                  {change.added?.length || change.removed?.length ? (
                    <p className="mt-1 text-slate-600 dark:text-slate-400">
                      {change.added?.length ? `Added ${change.added.join(", ")}. ` : ""}
                      {change.removed?.length ? `Removed ${change.removed.join(", ")}.` : ""}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
