import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingSection } from "@/components/ui/loading-section";
import { can, type ClusterResource, type Principal } from "@/lib/auth/policy";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { tenantNamespacesOn } from "@/lib/server/access/access-check-target";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { authorizePage } from "@/lib/server/auth/current-user";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { productionByTags } from "@/lib/server/clusters/cluster-resource";
import { AccessCheckForm } from "./_components/access-check-form";

export const metadata: Metadata = { title: "Check access" };

type Params = { subscriptionId: string; resourceGroup: string; name: string };

/** The form, once the tenants' namespaces on the cluster are read and filtered to those the viewer may ask about. */
async function CheckForm({ clusterId, cluster, principal }: { clusterId: string; cluster: ClusterResource; principal: Principal }) {
  await slowSection("access-check");
  const namespaces = (await tenantNamespacesOn(clusterId)).filter((entry) =>
    can(principal, "access.check", { kind: "cluster-namespace", cluster, namespace: entry.namespace, tenantId: entry.tenantId }),
  );
  if (namespaces.length === 0) {
    return <EmptyState title="No namespace you may check here">Access can be checked in the namespaces of tenants on this cluster: a team lead in their own tenants&apos; namespaces, admins and auditors in all.</EmptyState>;
  }
  return <AccessCheckForm clusterId={clusterId} namespaces={namespaces.map(({ namespace, tenantName }) => ({ namespace, tenantName }))} />;
}

/** "Can <person> <verb> <resource> in <namespace>?" on this cluster, in the namespaces the viewer may ask about. */
export default async function AccessCheckPage({ params }: { params: Promise<Params> }) {
  const { subscriptionId, resourceGroup, name } = await params;
  const { detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  const cluster: ClusterResource = { kind: "cluster", hostedTenantIds: detail.hostedTenantIds, production: productionByTags(detail.cluster) };
  const user = await authorizePage("cluster.access.view", cluster);
  const clusterId = clusterResourceId({ subscriptionId: detail.cluster.subscriptionId, resourceGroup: detail.cluster.resourceGroup, name: detail.cluster.name });
  const backToAccess = `/clusters/${encodeURIComponent(detail.cluster.subscriptionId)}/${encodeURIComponent(detail.cluster.resourceGroup)}/${encodeURIComponent(detail.cluster.name)}/access`;
  return (
    <div className="mt-6 space-y-4">
      <div>
        <h2 className="text-xl font-semibold">Check access</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Asks the cluster&apos;s API server whether a person or group may do something in a namespace, and shows what grants it:{" "}
          {detail.cluster.identity.azureRbac ? "Azure role assignments (and any RoleBindings)" : "RoleBindings and ClusterRoleBindings"}.{" "}
          <Link href={backToAccess} className="font-medium underline underline-offset-2">
            Back to access
          </Link>
        </p>
      </div>
      {!detail.cluster.identity.managedAad ? (
        <EmptyState title="No Microsoft Entra ID on this cluster">Entra users and groups cannot sign in to this cluster, so there is no access of theirs to check.</EmptyState>
      ) : (
        <Suspense fallback={<LoadingSection label="Loading the namespaces you may check…" rows={3} />}>
          <CheckForm clusterId={clusterId} cluster={cluster} principal={user.principal} />
        </Suspense>
      )}
    </div>
  );
}
