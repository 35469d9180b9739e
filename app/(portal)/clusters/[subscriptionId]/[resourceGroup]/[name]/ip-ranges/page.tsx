import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingSection } from "@/components/ui/loading-section";
import type { Resource } from "@/lib/auth/policy";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { productionByTags } from "@/lib/server/clusters/cluster-resource";
import { IpRangesSection } from "./_components/ip-ranges-section";

export const metadata: Metadata = { title: "API server IP ranges" };

type Params = { subscriptionId: string; resourceGroup: string; name: string };

export default async function IpRangesPage({ params }: { params: Promise<Params> }) {
  const { subscriptionId, resourceGroup, name } = await params;
  // The layout already looked the cluster up and authorized the user; this is the same cached call.
  // Only the live read from Azure streams in, behind the boundary.
  const { user, detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  const production = productionByTags(detail.cluster);
  const resource: Resource = { kind: "cluster", hostedTenantIds: detail.hostedTenantIds, production };
  const clusterId = clusterResourceId({ subscriptionId: detail.cluster.subscriptionId, resourceGroup: detail.cluster.resourceGroup, name: detail.cluster.name });
  return (
    <>
      <h2 className="mb-4 mt-6 text-xl font-semibold">API server IP ranges</h2>
      <Suspense fallback={<LoadingSection label="Reading the API server's IP ranges from Azure…" rows={4} showLabel />}>
        <IpRangesSection clusterId={clusterId} resource={resource} production={production} principal={user.principal} />
      </Suspense>
    </>
  );
}
