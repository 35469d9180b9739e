import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { describeSource } from "@/lib/access/found-access";
import type { PersonAccessEntry } from "@/lib/server/access/person-view";

/** One row per grant or assignment the person holds, directly or through a group. */
export function PersonAccessTable({ name, entries }: { name: string; entries: readonly PersonAccessEntry[] }) {
  return (
    <Table caption={`Access ${name} holds, by cluster`}>
      <thead className="bg-slate-50 dark:bg-slate-950">
        <tr>
          <Th>Cluster</Th>
          <Th>Namespace</Th>
          <Th>Role</Th>
          <Th>Through</Th>
          <Th>Source</Th>
          <Th>Expires</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {entries.map((entry) => (
          <tr key={entry.key}>
            <Td>
              <Link href={entry.cluster.accessHref} className="text-sky-700 hover:underline dark:text-sky-400">
                {entry.cluster.name}
                <span className="sr-only"> (Access tab)</span>
              </Link>
            </Td>
            <Td className="font-mono">
              {entry.namespace ?? (entry.inheritedFrom ? <Badge tone="muted">inherited from the {entry.inheritedFrom}</Badge> : <Badge tone="info">whole cluster</Badge>)}
            </Td>
            <Td>{entry.roleName}</Td>
            <Td>{entry.via.kind === "direct" ? "Directly" : `Group ${entry.via.groupName}`}</Td>
            <Td>
              {entry.source.kind === "found-on-cluster" ? (
                <Badge tone="danger">found on the cluster</Badge>
              ) : entry.source.kind === "tenant-environment" ? (
                describeSource(entry.source)
              ) : entry.source.requestNumber ? (
                <Link href={`/requests/${entry.source.requestNumber}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  Clusterdesk request #{entry.source.requestNumber}
                </Link>
              ) : (
                "Clusterdesk"
              )}
            </Td>
            <Td>{entry.expiresAt ? <Timestamp date={entry.expiresAt} withAbsolute /> : "Never"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
