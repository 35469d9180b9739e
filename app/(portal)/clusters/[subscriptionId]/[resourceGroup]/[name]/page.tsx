import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingSection } from "@/components/ui/loading-section";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { OverviewSections } from "./_components/overview-sections";

export const metadata: Metadata = { title: "Cluster overview" };

type Params = Promise<{ subscriptionId: string; resourceGroup: string; name: string }>;

export default async function ClusterOverviewPage({ params }: { params: Params }) {
  const { subscriptionId, resourceGroup, name } = await params;
  // Before the boundary: an unknown cluster is a 404 and another tenant's a 403, never a streamed 200.
  const { user, detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  return (
    <Suspense fallback={<LoadingSection label="Loading the cluster overview…" rows={6} />}>
      <OverviewSections detail={detail} principal={user.principal} />
    </Suspense>
  );
}
