import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import type { ChangeRequestSummary } from "@/lib/server/requests/queries";
import { RequestStatusBadge } from "./request-status-badge";

export function RequestsTable({ caption, requests }: { caption: string; requests: readonly ChangeRequestSummary[] }) {
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50 dark:bg-slate-950">
        <tr>
          <Th>Request</Th>
          <Th>Change</Th>
          <Th>Cluster</Th>
          <Th>Tenant</Th>
          <Th>Requested by</Th>
          <Th>Age</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {requests.map((request) => (
          <tr key={request.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
            <Td>
              <Link href={`/requests/${request.number}`} className="font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
                #{request.number}
              </Link>
            </Td>
            <Td>{request.kindLabel}</Td>
            <Td>
              {request.cluster ? (
                <>
                  <span className="font-medium">{request.cluster.name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{request.cluster.resourceGroup}</span>
                </>
              ) : (
                <span className="text-slate-600 dark:text-slate-400">—</span>
              )}
            </Td>
            <Td>{request.tenant?.name ?? <span className="text-slate-600 dark:text-slate-400">—</span>}</Td>
            <Td>
              <span title={request.requester.upn ?? undefined}>{request.requester.name}</span>
            </Td>
            <Td className="whitespace-nowrap">
              <Timestamp date={request.createdAt} />
            </Td>
            <Td>
              <RequestStatusBadge status={request.status} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
