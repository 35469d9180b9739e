import { EmptyState } from "@/components/ui/empty-state";
import { can, type Principal, type Resource } from "@/lib/auth/policy";
import { formatRange, rangeForClientAddress } from "@/lib/cidr";
import { describeProductionTagRule } from "@/lib/clusters/production";
import { env } from "@/lib/env";
import { loadIpRangesView } from "@/lib/server/network/ip-ranges-view";
import { requestContext } from "@/lib/server/request-context";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { AddRangeForm } from "./add-range-form";
import { OpenRequests, RangeTable } from "./range-table";

/** "Add my IP" is offered only for an IPv4 caller: authorized IP ranges here are IPv4. */
function ipv4RangeOf(address: string | null): string | null {
  if (!address) return null;
  const parsed = rangeForClientAddress(address);
  return parsed.ok ? formatRange(parsed.range) : null;
}

/** The ranges as Azure reports them now (a live ARM read), streamed below the tab's title. */
export async function IpRangesSection({ clusterId, resource, production, principal }: { clusterId: string; resource: Resource; production: boolean; principal: Principal }) {
  await slowSection("ip-ranges");
  const view = await loadIpRangesView(clusterId, principal);
  const { minIpRangePrefixLength, productionTags } = env();
  const rules = {
    minimumPrefixLength: minIpRangePrefixLength,
    // Said before anyone submits, so an admin is not surprised that "apply now" is not offered.
    fourEyes: production ? `This is a production cluster (${describeProductionTagRule(productionTags)}): every change, also a platform admin's, needs a second platform admin's approval.` : null,
  };

  const canChange = can(principal, "cluster.change", resource);
  const canRequest = can(principal, "cluster.request-change", resource);
  const canAnnotate = can(principal, "cluster.annotate", resource);

  if (!view.ok) {
    // Known to the inventory (the page answered 404 otherwise) but gone from Azure since its last sync.
    const title = /not found/i.test(view.error) ? "Azure no longer has this cluster" : "The cluster's ranges could not be read";
    return <EmptyState title={title}>{view.error}</EmptyState>;
  }
  if (view.privateCluster) {
    return (
      <EmptyState title="Private cluster: no authorized IP ranges">
        This cluster&apos;s API server has no public endpoint; it is reachable only from its virtual network (and peered networks or VPN).
        Authorized IP ranges apply only to public API servers, so there is nothing to manage here.
      </EmptyState>
    );
  }
  return (
    <>
      <p className="-mt-3 mb-4 text-sm text-slate-600 dark:text-slate-400">
        {view.rows.length} of {view.limit} ranges in use, as Azure reports them now. Azure replaces the whole list on every change; Clusterdesk merges each change into the list as it is at that moment.
      </p>
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
