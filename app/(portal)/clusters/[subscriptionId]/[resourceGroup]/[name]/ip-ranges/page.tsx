import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { can, type Resource } from "@/lib/auth/policy";
import { formatRange, rangeForClientAddress } from "@/lib/cidr";
import { describeProductionTagRule } from "@/lib/clusters/production";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { env } from "@/lib/env";
import { clusterForPage } from "@/lib/server/clusters/cluster-page";
import { productionByTags } from "@/lib/server/clusters/cluster-resource";
import { loadIpRangesView } from "@/lib/server/network/ip-ranges-view";
import { requestContext } from "@/lib/server/request-context";
import { AddRangeForm } from "./_components/add-range-form";
import { OpenRequests, RangeTable } from "./_components/range-table";

export const metadata: Metadata = { title: "API server IP ranges" };

type Params = { subscriptionId: string; resourceGroup: string; name: string };

/** "Add my IP" is offered only for an IPv4 caller: authorized IP ranges here are IPv4. */
function ipv4RangeOf(address: string | null): string | null {
  if (!address) return null;
  const parsed = rangeForClientAddress(address);
  return parsed.ok ? formatRange(parsed.range) : null;
}

function SectionTitle({ description }: { description?: string }) {
  return (
    <div className="mb-4 mt-6">
      <h2 className="text-xl font-semibold">API server IP ranges</h2>
      {description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
    </div>
  );
}

export default async function IpRangesPage({ params }: { params: Promise<Params> }) {
  const { subscriptionId, resourceGroup, name } = await params;
  // The layout already looked the cluster up and authorized the user; this is the same cached call.
  const { user, detail } = await clusterForPage(subscriptionId, resourceGroup, name);
  const production = productionByTags(detail.cluster);
  const resource: Resource = { kind: "cluster", hostedTenantIds: detail.hostedTenantIds, production };
  const clusterId = clusterResourceId({ subscriptionId: detail.cluster.subscriptionId, resourceGroup: detail.cluster.resourceGroup, name: detail.cluster.name });
  const view = await loadIpRangesView(clusterId, user.principal);
  const { minIpRangePrefixLength, productionTags } = env();
  const rules = {
    minimumPrefixLength: minIpRangePrefixLength,
    // Said before anyone submits, so an admin is not surprised that "apply now" is not offered.
    fourEyes: production ? `This is a production cluster (${describeProductionTagRule(productionTags)}): every change, also a platform admin's, needs a second platform admin's approval.` : null,
  };
  if (!view.ok && /not found/i.test(view.error)) notFound();

  const canChange = can(user.principal, "cluster.change", resource);
  const canRequest = can(user.principal, "cluster.request-change", resource);
  const canAnnotate = can(user.principal, "cluster.annotate", resource);

  if (!view.ok) {
    return (
      <>
        <SectionTitle />
        <EmptyState title="The cluster's ranges could not be read">{view.error}</EmptyState>
      </>
    );
  }
  if (view.privateCluster) {
    return (
      <>
        <SectionTitle />
        <EmptyState title="Private cluster: no authorized IP ranges">
          This cluster&apos;s API server has no public endpoint; it is reachable only from its virtual network (and peered networks or VPN).
          Authorized IP ranges apply only to public API servers, so there is nothing to manage here.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <SectionTitle description={`${view.rows.length} of ${view.limit} ranges in use, as Azure reports them now. Azure replaces the whole list on every change; Clusterdesk merges each change into the list as it is at that moment.`} />
      <div className="space-y-6">
        {view.rows.length === 0 ? (
          <EmptyState title="Open to every address">
            This API server accepts connections from any IP address. Restricting it is a platform admin&apos;s decision.
          </EmptyState>
        ) : (
          <RangeTable clusterId={clusterId} rows={view.rows} canChange={canChange} canAnnotate={canAnnotate} />
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
            <AddRangeForm clusterId={clusterId} clientAddress={ipv4RangeOf((await requestContext()).clientIp)} canApplyDirectly={canChange} rules={rules} />
          </section>
        ) : null}
      </div>
    </>
  );
}
