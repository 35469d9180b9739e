import Link from "next/link";
import type { IpRangeRow } from "@/lib/server/network/ip-ranges-view";
import { AdoptRangeForm } from "./adopt-range-form";
import { RemoveRangeForm } from "./remove-range-form";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function When({ date }: { date: Date | null }) {
  return date ? <time dateTime={date.toISOString()}>{dateTime.format(date)} UTC</time> : <span className="text-slate-500">—</span>;
}

/** `canChange`: direct changes (never on production); `canAnnotate`: recording facts such as adopting a range. */
export function RangeTable({ clusterId, rows, canChange, canAnnotate }: { clusterId: string; rows: IpRangeRow[]; canChange: boolean; canAnnotate: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">Authorized IP ranges of the API server</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:bg-slate-950 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-3">Range</th>
            {/* Actions right after the range: on a phone the table scrolls sideways, and Remove must not be off-screen. */}
            <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            <th scope="col" className="px-4 py-3">Source</th>
            <th scope="col" className="px-4 py-3">Owner and reason</th>
            <th scope="col" className="px-4 py-3">Expires</th>
            <th scope="col" className="px-4 py-3">Added</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.range} className="align-top">
              <th scope="row" className="px-4 py-3 text-left font-mono font-medium">
                {row.range}
                {row.egress ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 font-sans text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">cluster egress IP</span> : null}
              </th>
              <td className="space-y-2 px-4 py-3">
                {row.canRequestRemoval ? <RemoveRangeForm clusterId={clusterId} range={row.range} canApplyDirectly={canChange} /> : null}
                {canAnnotate && row.source === "found-on-cluster" ? <AdoptRangeForm clusterId={clusterId} range={row.range} /> : null}
              </td>
              <td className="px-4 py-3">
                {row.source === "clusterdesk" ? (
                  <span className="rounded bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900 dark:bg-sky-900 dark:text-sky-100">Clusterdesk</span>
                ) : (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50" title="This range was not added through Clusterdesk">
                    Found on cluster
                  </span>
                )}
              </td>
              <td className="px-4 py-3">
                {row.tenant ? <p className="font-medium">Tenant: {row.tenant.name}</p> : null}
                {row.owner ? <p className="font-medium">{row.owner}</p> : null}
                <p className="text-slate-600 dark:text-slate-400">{row.detailsHidden ? `Visible to ${row.tenant?.name ?? "the owning team"}'s leads and platform admins` : (row.reason ?? "Not recorded")}</p>
              </td>
              <td className="px-4 py-3"><When date={row.expiresAt} /></td>
              <td className="px-4 py-3">
                {row.addedByName ? <p>{row.addedByName}</p> : null}
                <When date={row.addedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OpenRequests({ requests }: { requests: { id: string; number: number; status: string; requesterName: string; adds: string[]; removes: string[] }[] }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="open-requests-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="open-requests-heading" className="font-semibold">Open requests for this cluster</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {requests.map((request) => (
          <li key={request.id}>
            <Link href={`/requests/${request.number}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
              #{request.number}
            </Link>{" "}
            {[...request.adds.map((range) => `add ${range}`), ...request.removes.map((range) => `remove ${range}`)].join(", ")} — {request.status}, by {request.requesterName}
          </li>
        ))}
      </ul>
    </section>
  );
}
