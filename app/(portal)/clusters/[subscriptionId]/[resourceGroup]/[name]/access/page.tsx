import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingSection } from "@/components/ui/loading-section";
import type { ClusterResource } from "@/lib/auth/policy";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { authorizePage } from "@/lib/server/auth/current-user";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { productionByTags } from "@/lib/server/clusters/cluster-resource";
import { AccessSections } from "./_components/access-sections";

export const metadata: Metadata = { title: "Cluster access" };

type Params = { subscriptionId: string; resourceGroup: string; name: string };

export default async function AccessPage({ params }: { params: Promise<Params> }) {
  const { subscriptionId, resourceGroup, name } = await params;
  const { detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  const cluster: ClusterResource = { kind: "cluster", hostedTenantIds: detail.hostedTenantIds, production: productionByTags(detail.cluster) };
  const user = await authorizePage("cluster.access.view", cluster);
  const clusterId = clusterResourceId({ subscriptionId: detail.cluster.subscriptionId, resourceGroup: detail.cluster.resourceGroup, name: detail.cluster.name });
  const { identity } = detail.cluster;
  const mechanism = identity.azureRbac ? "Azure RBAC: each grant is an Azure role assignment at the namespace (or cluster) scope." : "Kubernetes RBAC: each grant is a RoleBinding to the matching default ClusterRole (view, edit, admin).";

  const heading = (
    <div className="mb-4 mt-6">
      <h2 className="text-xl font-semibold">Access granted through Clusterdesk</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {identity.managedAad ? mechanism : null}
      </p>
      <p className="mt-1 text-sm">
        <Link href={`/clusters/${encodeURIComponent(subscriptionId)}/${encodeURIComponent(resourceGroup)}/${encodeURIComponent(name)}/access/check`} className="font-medium underline underline-offset-2">
          Check access
        </Link>{" "}
        — can a person or group do something in a namespace, and why?
      </p>
    </div>
  );
  if (!identity.managedAad) {
    return (
      <>
        {heading}
        <EmptyState title="No Microsoft Entra ID on this cluster">
          Entra users and groups cannot sign in to this cluster, so Clusterdesk cannot grant them access. Enable AKS-managed Entra integration first.
        </EmptyState>
      </>
    );
  }
  // Authorized above (layout and page): only the grants and what was found stream in.
  return (
    <>
      {heading}
      <Suspense fallback={<LoadingSection label="Loading the cluster's access…" rows={5} />}>
        <AccessSections clusterId={clusterId} cluster={cluster} azureRbac={identity.azureRbac} principal={user.principal} />
      </Suspense>
    </>
  );
}
