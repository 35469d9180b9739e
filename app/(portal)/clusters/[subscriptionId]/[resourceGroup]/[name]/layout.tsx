import type { ReactNode } from "react";
import Link from "next/link";
import { clusterPath } from "@/lib/clusters/cluster-path";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { PageHeader } from "@/components/ui/page-header";
import { ExposureBadge } from "../../../_components/exposure-badge";
import { ClusterTabs } from "./_components/cluster-tabs";

type Params = Promise<{ subscriptionId: string; resourceGroup: string; name: string }>;

// No generateMetadata here: metadata streams after the shell, which would send 200 before a 403 or 404.
export default async function ClusterLayout({ params, children }: { params: Params; children: ReactNode }) {
  const { subscriptionId, resourceGroup, name } = await params;
  const { detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  const { cluster } = detail;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clusters" className="text-sky-700 hover:underline dark:text-sky-400">Clusters</Link>
        <span aria-hidden> / </span>
        <span>{cluster.name}</span>
      </p>
      <PageHeader
        title={cluster.name}
        description={
          // On a phone the header keeps what decides a change (resource group, version, exposure) to
          // one or two rows; subscription, location and sync time appear from the sm breakpoint up.
          <span data-testid="cluster-header-facts">
            <span className="hidden sm:inline">{detail.subscriptionName ?? cluster.subscriptionId} · </span>
            {cluster.resourceGroup} ·<span className="hidden sm:inline"> {cluster.location} ·</span> Kubernetes {cluster.kubernetesVersion ?? "unknown"} ·{" "}
            <ExposureBadge exposure={detail.exposure} />
            <span className="hidden sm:inline"> · synced {detail.syncedAt.toISOString().replace("T", " ").slice(0, 16)} UTC</span>
          </span>
        }
      />
      <ClusterTabs basePath={clusterPath(cluster)} />
      {children}
    </>
  );
}
