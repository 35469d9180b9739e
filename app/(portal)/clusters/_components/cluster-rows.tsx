"use client";

import Link from "next/link";
import type { ApiServerExposure } from "@/lib/clusters/exposure";
import { clusterPath } from "@/lib/clusters/cluster-path";
import { ExposureBadge, FindingCounts } from "./exposure-badge";

/**
 * The list's rows, rendered from plain data. As a server component each row travelled twice: as HTML
 * and as its whole element tree in the React payload (about 1.6 KB a row, classes and all); as a client
 * component the payload carries only these fields. Styles come from the table (`cluster-table.tsx`).
 */
export type ClusterRow = {
  name: string;
  subscriptionId: string;
  subscription: string;
  resourceGroup: string;
  location: string;
  kubernetesVersion: string | null;
  exposure: ApiServerExposure;
  apiServerReachable: boolean;
  nodeCount: number;
  postureScore: number;
  failing: [high: number, medium: number, low: number];
  unknownFindings: number;
};

export function ClusterRows({ rows }: { rows: ClusterRow[] }) {
  return rows.map((row) => {
    const path = clusterPath(row);
    return (
      <tr key={path}>
        <th scope="row">
          {/* No prefetch: fifty detail pages rendered on the server for a glance at the list. */}
          <Link href={path} prefetch={false}>{row.name}</Link>
          <small>{row.resourceGroup}</small>
        </th>
        <td>{row.subscription}</td>
        <td>{row.location}</td>
        <td>{row.kubernetesVersion ?? "—"}</td>
        <td>
          <ExposureBadge exposure={row.exposure} />
          {!row.apiServerReachable ? <small className="mt-1">Not reachable from the portal</small> : null}
        </td>
        <td className="text-right tabular-nums">{row.nodeCount}</td>
        <td className="tabular-nums">{row.postureScore}</td>
        <td><FindingCounts high={row.failing[0]} medium={row.failing[1]} low={row.failing[2]} unknown={row.unknownFindings} /></td>
      </tr>
    );
  });
}
