"use client";

import Link from "next/link";
import { type ApiServerExposure, exposureLabels } from "@/lib/clusters/exposure";
import { clusterPath } from "@/lib/clusters/cluster-path";

/**
 * The list's rows, rendered from plain data. As a server component each row travelled twice: as HTML
 * and as its whole element tree in the React payload (about 1.6 KB a row, classes and all); as a client
 * component the payload carries only these fields, as a tuple (no key names fifty times). Styles,
 * badges included, come from the table (`cluster-table.module.css`): a row's elements carry no classes, only
 * `data-exposure` / `data-finding`. Counts and their words are one string: `{n} high` would be two text
 * nodes, which the streamed HTML separates with a `<!-- -->` comment each.
 */
export type ClusterRow = [
  name: string,
  subscriptionId: string,
  subscription: string,
  resourceGroup: string,
  location: string,
  kubernetesVersion: string | null,
  exposure: ApiServerExposure,
  apiServerReachable: boolean,
  nodeCount: number,
  postureScore: number,
  high: number,
  medium: number,
  low: number,
  unknownFindings: number,
];

function Findings({ high, medium, low, unknown }: { high: number; medium: number; low: number; unknown: number }) {
  // Unknown is not compliant: "None" only when every check could run.
  if (high + medium + low === 0) return unknown > 0 ? <span data-finding="unknown">{`${unknown} not checked`}</span> : <span data-finding="none">None</span>;
  return (
    <>
      {high > 0 ? <span data-finding="high">{`${high} high`}</span> : null}
      {medium > 0 ? <span data-finding="medium">{`${medium} medium`}</span> : null}
      {low > 0 ? <span data-finding="low">{`${low} low`}</span> : null}
    </>
  );
}

export function ClusterRows({ rows }: { rows: ClusterRow[] }) {
  return rows.map(([name, subscriptionId, subscription, resourceGroup, location, kubernetesVersion, exposure, apiServerReachable, nodeCount, postureScore, high, medium, low, unknown]) => {
    const path = clusterPath({ subscriptionId, resourceGroup, name });
    return (
      <tr key={path}>
        <th scope="row">
          {/* No prefetch: fifty detail pages rendered on the server for a glance at the list. */}
          <Link href={path} prefetch={false}>{name}</Link>
          <small>{resourceGroup}</small>
        </th>
        <td>{subscription}</td>
        <td>{location}</td>
        <td>{kubernetesVersion ?? "—"}</td>
        <td>
          <span data-exposure={exposure}>{exposureLabels[exposure]}</span>
          {!apiServerReachable ? <small>Not reachable from the portal</small> : null}
        </td>
        <td>{nodeCount}</td>
        <td>{postureScore}</td>
        <td>
          <Findings high={high} medium={medium} low={low} unknown={unknown} />
        </td>
      </tr>
    );
  });
}
