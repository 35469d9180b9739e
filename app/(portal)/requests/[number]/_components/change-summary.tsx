import { Table, Td, Th } from "@/components/ui/table";
import { describeLifetime } from "@/lib/network/ip-range-request";
import type { RangeOwner, RequestChange } from "@/lib/server/requests/queries";

function ownerOf(range: string, owners: readonly RangeOwner[]): string | null {
  const owner = owners.find((candidate) => candidate.range === range);
  if (!owner) return null;
  if (owner.owner) return `owned by ${owner.owner}`;
  return owner.source === "found-on-cluster" ? "found on the cluster: no tenant owns it" : "no tenant owns it (adopted by an admin)";
}

/** `rangeOwners` comes only for open requests: the approver must see whose range a removal takes away. */
export function ChangeSummary({ change, rangeOwners, tenantName }: { change: RequestChange; rangeOwners: readonly RangeOwner[]; tenantName: string | null }) {
  if (change.kind === "unrecognized") {
    return (
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">This version of Clusterdesk cannot describe this change; its stored form is:</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">{change.json}</pre>
      </div>
    );
  }
  if (change.kind === "namespace-access" || change.kind === "tenant-environment") {
    return <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-900">{change.description}</p>;
  }
  return (
    <div className="space-y-4">
      {change.add.length > 0 ? (
        <Table caption="API server IP ranges to add" showCaption>
          <thead className="bg-slate-50 dark:bg-slate-950">
            <tr>
              <Th>Range</Th>
              <Th>Tenant</Th>
              <Th>Owner</Th>
              <Th>Removed automatically</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {change.add.map((entry) => (
              <tr key={entry.range}>
                <Td className="font-mono">{entry.range}</Td>
                <Td>{tenantName ?? "None (a platform admin's range)"}</Td>
                <Td>{entry.owner ?? "—"}</Td>
                <Td>{entry.lifetimeSeconds === null ? "Never (kept until removed)" : `${describeLifetime(entry.lifetimeSeconds)} after it is applied`}</Td>
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
            {change.remove.map((range) => {
              const owner = ownerOf(range, rangeOwners);
              return (
                <li key={range}>
                  {range}
                  {owner ? <span className="font-sans text-slate-700 dark:text-slate-300"> ({owner})</span> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
