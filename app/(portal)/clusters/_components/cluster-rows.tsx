"use client";

import Link from "next/link";
import { exposureLabels } from "@/lib/clusters/exposure";
import { clusterPath } from "@/lib/clusters/cluster-path";
import { type ClusterRowsData, exposureCodes } from "./cluster-rows-data";

/**
 * The list's rows, rendered from plain data (`cluster-rows-data.ts`: what the React payload carries
 * instead of each row's element tree). Styles, badges included, come from the table
 * (`cluster-table.module.css`): a row's elements carry no classes. A badge is a `<data>` element,
 * its value the exposure class or the finding's severity (what the stylesheet colours by), its text
 * what the user reads. Counts and their words are one string: `{n} high` would be two text nodes,
 * which the streamed HTML separates with a `<!-- -->` comment each.
 */
function Findings({ high, medium, low, unknown }: { high: number; medium: number; low: number; unknown: number }) {
  // Unknown is not compliant: "None" only when every check could run.
  if (high + medium + low === 0) return unknown > 0 ? <data value="unknown">{`${unknown} not checked`}</data> : <data value="none">None</data>;
  return (
    <>
      {high > 0 ? <data value="high">{`${high} high`}</data> : null}
      {medium > 0 ? <data value="medium">{`${medium} medium`}</data> : null}
      {low > 0 ? <data value="low">{`${low} low`}</data> : null}
    </>
  );
}

export function ClusterRows({ strings, rows }: ClusterRowsData) {
  const text = (index: number) => strings[index] ?? "";
  return rows.map(([name, subscriptionId, subscription, resourceGroup, location, kubernetesVersion, exposureCode, apiServerReachable, nodeCount, postureScore, high, medium, low, unknown]) => {
    const path = clusterPath({ subscriptionId: text(subscriptionId), resourceGroup: text(resourceGroup), name });
    const exposure = exposureCodes[exposureCode] ?? "open";
    return (
      <tr key={path}>
        {/* No scope: a th in a row of data cells is that row's header (HTML's "auto" state; an e2e spec checks the rowheader role). */}
        <th>
          {/* No prefetch: fifty detail pages rendered on the server for a glance at the list. */}
          <Link href={path} prefetch={false}>{name}</Link>
          <small>{text(resourceGroup)}</small>
        </th>
        <td>{text(subscription)}</td>
        <td>{text(location)}</td>
        <td>{kubernetesVersion < 0 ? "—" : text(kubernetesVersion)}</td>
        <td>
          <data value={exposure}>{exposureLabels[exposure]}</data>
          {apiServerReachable ? null : <small>Not reachable from the portal</small>}
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
