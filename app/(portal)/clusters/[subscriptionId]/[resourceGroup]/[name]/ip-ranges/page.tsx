import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { authorizePage } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { loadIpRangesView } from "@/lib/server/network/ip-ranges-view";
import { requestContext } from "@/lib/server/request-context";
import { AddRangeForm } from "./_components/add-range-form";
import { OpenRequests, RangeTable } from "./_components/range-table";

export const metadata: Metadata = { title: "API server IP ranges" };

type Params = { subscriptionId: string; resourceGroup: string; name: string };

export default async function IpRangesPage({ params }: { params: Promise<Params> }) {
  const { subscriptionId, resourceGroup, name } = await params;
  const clusterId = clusterResourceId({ subscriptionId: decodeURIComponent(subscriptionId), resourceGroup: decodeURIComponent(resourceGroup), name: decodeURIComponent(name) });
  const resource = await clusterResource(clusterId);
  const user = await authorizePage("cluster.view", resource);
  const view = await loadIpRangesView(clusterId);
  if (!view.ok && /not found/i.test(view.error)) notFound();

  const canChange = can(user.principal, "cluster.change", resource);
  const canRequest = can(user.principal, "cluster.request-change", resource);
  const title = view.ok ? `${view.clusterName}: API server IP ranges` : "API server IP ranges";

  if (!view.ok) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState title="The cluster's ranges could not be read">{view.error}</EmptyState>
      </>
    );
  }
  if (view.privateCluster) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState title="Private cluster: no authorized IP ranges">
          This cluster&apos;s API server has no public endpoint; it is reachable only from its virtual network (and peered networks or VPN).
          Authorized IP ranges apply only to public API servers, so there is nothing to manage here.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={title}
        description={`${view.rows.length} of ${view.limit} ranges in use. Azure replaces the whole list on every change; Clusterdesk merges each change into the list as it is at that moment.`}
      />
      <div className="space-y-6">
        {view.rows.length === 0 ? (
          <EmptyState title="Open to every address">
            This API server accepts connections from any IP address. Restricting it is a platform admin&apos;s decision.
          </EmptyState>
        ) : (
          <RangeTable clusterId={clusterId} rows={view.rows} canRequest={canRequest} canChange={canChange} />
        )}
        {view.egressRanges.length > 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The cluster&apos;s own outbound IPs ({view.egressRanges.join(", ")}) cannot be removed from the list: its nodes reach the API server through them.
          </p>
        ) : null}
        {view.removedOutside.length > 0 ? (
          <section role="note" aria-labelledby="drift-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
            <h2 id="drift-heading" className="font-semibold">Removed outside Clusterdesk</h2>
            <p>These ranges were recorded in Clusterdesk but are no longer on the cluster: {view.removedOutside.map((entry) => entry.range).join(", ")}.</p>
          </section>
        ) : null}
        <OpenRequests requests={view.openRequests} />
        {canRequest && view.rows.length > 0 ? (
          <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <AddRangeForm clusterId={clusterId} clientAddress={(await requestContext()).clientIp} canApplyDirectly={canChange} />
          </section>
        ) : null}
      </div>
    </>
  );
}
