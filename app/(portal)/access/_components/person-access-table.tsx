import Link from "next/link";
import rows from "@/components/access/access-rows.module.css";
import { RowBadge } from "@/components/access/row-badge";
import { Table } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { describeSource } from "@/lib/access/found-access";
import type { PersonAccessEntry } from "@/lib/server/access/person-view";

/** One row per grant or assignment the person holds, directly or through a group. */
export function PersonAccessTable({ name, entries }: { name: string; entries: readonly PersonAccessEntry[] }) {
  return (
    <Table caption={`Access ${name} holds, by cluster`}>
      <thead className={rows.head}>
        <tr>
          <th scope="col">Cluster</th>
          <th scope="col">Namespace</th>
          <th scope="col">Role</th>
          <th scope="col">Through</th>
          <th scope="col">Source</th>
          <th scope="col">Expires</th>
        </tr>
      </thead>
      <tbody className={rows.rows}>
        {entries.map((entry) => (
          <tr key={entry.key}>
            <td>
              <Link href={entry.cluster.accessHref}>
                {entry.cluster.name}
                <span className="sr-only"> (Access tab)</span>
              </Link>
            </td>
            <td className="font-mono">
              {entry.namespace ?? (entry.inheritedFrom ? <RowBadge tone="muted">{`inherited from the ${entry.inheritedFrom}`}</RowBadge> : <RowBadge tone="info">whole cluster</RowBadge>)}
            </td>
            <td>{entry.roleName}</td>
            <td>{entry.via.kind === "direct" ? "Directly" : `Group ${entry.via.groupName}`}</td>
            <td>
              {entry.source.kind === "found-on-cluster" ? (
                <RowBadge tone="danger">found on the cluster</RowBadge>
              ) : entry.source.kind === "tenant-environment" ? (
                describeSource(entry.source)
              ) : entry.source.requestNumber ? (
                <Link href={`/requests/${entry.source.requestNumber}`}>{`Clusterdesk request #${entry.source.requestNumber}`}</Link>
              ) : (
                "Clusterdesk"
              )}
            </td>
            <td>{entry.expiresAt ? <Timestamp date={entry.expiresAt} withAbsolute /> : "Never"}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
