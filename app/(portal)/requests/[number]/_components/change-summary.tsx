import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import type { RequestChange } from "@/lib/server/requests/queries";

export function ChangeSummary({ change }: { change: RequestChange }) {
  if (change.kind === "unrecognized") {
    return (
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">This version of Clusterdesk cannot describe this change; its stored form is:</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">{change.json}</pre>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {change.add.length > 0 ? (
        <Table caption="API server IP ranges to add" showCaption>
          <thead className="bg-slate-50 dark:bg-slate-950">
            <tr>
              <Th>Range</Th>
              <Th>Owner</Th>
              <Th>Expires</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {change.add.map((entry) => (
              <tr key={entry.range}>
                <Td className="font-mono">{entry.range}</Td>
                <Td>{entry.owner ?? "—"}</Td>
                <Td>{entry.expiresAt ? <Timestamp date={new Date(entry.expiresAt)} withAbsolute /> : "Never (kept until removed)"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {change.remove.length > 0 ? (
        <section aria-labelledby="ranges-to-remove" className="rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
          <h3 id="ranges-to-remove" className="font-semibold">
            API server IP ranges to remove
          </h3>
          <ul className="mt-2 list-disc pl-5 font-mono text-sm">
            {change.remove.map((range) => (
              <li key={range}>{range}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
