import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import type { EnvironmentQuota, EnvironmentStatus } from "@/lib/server/tenants/environment-status";
import { RequestStatusBadge } from "../../../requests/_components/request-status-badge";
import { DriftDetails } from "./drift-details";

function QuotaCell({ quota }: { quota: EnvironmentQuota }) {
  if (quota.state === "none") return <span className="text-sm text-slate-600 dark:text-slate-400">No Clusterdesk quota</span>;
  if (quota.state === "unavailable") {
    return (
      <p role="status" className="text-sm text-red-800 dark:text-red-300">
        {quota.message}
      </p>
    );
  }
  return (
    <div role="group" aria-label="Quota used of hard limit">
      <dl className="grid grid-cols-[auto_auto] gap-x-3 text-xs">
        {quota.usage.map((entry) => (
          <div key={entry.resource} className="contents">
            <dt className="font-mono">{entry.resource}</dt>
            <dd>
              {entry.used} / {entry.hard}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * The tenant's environments: where, from which template, the latest request, live quota usage and
 * drift; for those who may ask, a link to re-apply an applied environment (its own page, so this
 * route carries no more client code).
 */
export function EnvironmentTable({ environments, tenantSlug, mayReapply }: { environments: EnvironmentStatus[]; tenantSlug: string; mayReapply: boolean }) {
  return (
    <Table caption="Environments">
      <thead>
        <tr>
          <Th>Namespace</Th>
          <Th>Cluster</Th>
          <Th>Template</Th>
          <Th>State</Th>
          <Th>Quota (used / hard)</Th>
          <Th>Drift</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {environments.map((environment) => (
          <tr key={`${environment.cluster.name}/${environment.namespace}`} data-testid={`environment-${environment.namespace}`}>
            <Td className="font-mono text-xs">{environment.namespace}</Td>
            <Td>
              <Link href={`/clusters/${environment.cluster.subscriptionId}/${environment.cluster.resourceGroup}/${environment.cluster.name}`} className="text-sky-700 hover:underline dark:text-sky-400">
                {environment.cluster.name}
              </Link>
            </Td>
            <Td>{environment.template ?? "Not made by Clusterdesk"}</Td>
            <Td>
              <div className="space-y-1 text-sm">
                {environment.appliedAt ? (
                  <p>
                    Applied <Timestamp date={environment.appliedAt} />
                  </p>
                ) : environment.template ? (
                  <p>Not applied yet</p>
                ) : null}
                {environment.request ? (
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/requests/${environment.request.number}`} className="text-sky-700 hover:underline dark:text-sky-400">
                      Request #{environment.request.number}
                    </Link>
                    <RequestStatusBadge status={environment.request.status} />
                  </p>
                ) : null}
              </div>
            </Td>
            <Td>
              <QuotaCell quota={environment.quota} />
            </Td>
            <Td className="min-w-48">
              <DriftDetails drift={environment.drift} />
              {mayReapply && environment.appliedAt && environment.template ? (
                <Link
                  href={`/tenants/${tenantSlug}/reapply?${new URLSearchParams({ cluster: environment.clusterResourceId, namespace: environment.namespace }).toString()}`}
                  className="mt-1 inline-block text-sm font-medium text-sky-700 hover:underline dark:text-sky-400"
                  aria-label={`Re-apply ${environment.namespace}`}
                >
                  Re-apply…
                </Link>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
