import "server-only";
import { can, type Principal } from "@/lib/auth/policy";
import { authorizedIpRangeKey, rangesDrift, MAX_AUTHORIZED_IP_RANGES } from "@/lib/cidr";
import { clusterKey } from "@/lib/clusters/resource-id";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";
import { visibleRequestsWhere } from "@/lib/server/requests/queries";
import { egressRangesOf } from "./egress-ranges";
import { rangeOwnersOn } from "./range-owners";

export type IpRangeRow = {
  range: string;
  source: "clusterdesk" | "found-on-cluster";
  /** The cluster's own egress IP: removing it would cut the nodes off from their API server. */
  egress: boolean;
  owner: string | null;
  reason: string | null;
  expiresAt: Date | null;
  addedByName: string | null;
  addedAt: Date | null;
  requestId: string | null;
  /** The tenant whose request added the range; null when found on the cluster or adopted. */
  tenant: { id: string; name: string } | null;
  /** Whether the viewer may ask to remove it (policy `ip-range.request-removal`; never an egress IP). */
  canRequestRemoval: boolean;
  /** Another tenant's reason and owner label are that tenant's business (policy `tenant.view`): left out. */
  detailsHidden: boolean;
};

export type OpenRangeRequest = { id: string; number: number; status: string; requesterName: string; adds: string[]; removes: string[] };

export type IpRangesView =
  | {
      ok: true;
      clusterName: string;
      privateCluster: boolean;
      provisioningState: string;
      rows: IpRangeRow[];
      removedOutside: { range: string; owner: string | null; reason: string }[];
      openRequests: OpenRangeRequest[];
      limit: number;
      egressRanges: string[];
    }
  | { ok: false; error: string };

/**
 * The allow-list as ARM reports it, joined with Clusterdesk's records (owner, tenant, reason, expiry).
 * Ranges on the cluster without a record were added outside Clusterdesk; records whose range is
 * gone were removed outside it: both are drift, shown so an admin can adopt or clean up. Open
 * requests are only those the viewer may see: on a shared cluster, a lead sees their tenants' own.
 */
export async function loadIpRangesView(clusterResourceId: string, viewer: Principal): Promise<IpRangesView> {
  const key = clusterKey(clusterResourceId);
  let cluster;
  try {
    cluster = (await getCluster(clusterResourceId)).cluster;
  } catch (error) {
    return { ok: false, error: `Azure Resource Manager did not answer: ${armFailure(error).message}` };
  }
  const actual = cluster.apiServerAccess.authorizedIpRanges;
  const [records, requests, egress, owners, policyCluster] = await Promise.all([
    db().authorizedIpRange.findMany({ where: { clusterResourceId: key } }),
    db().changeRequest.findMany({
      where: { AND: [{ clusterResourceId: key, kind: "authorized-ip-ranges", status: { in: ["pending", "approved", "applying", "failed"] } }, visibleRequestsWhere(viewer)] },
      orderBy: { createdAt: "desc" },
      select: { id: true, number: true, status: true, requesterName: true, payload: true },
    }),
    egressRangesOf(cluster).catch(() => ({ ranges: [] as string[], complete: false })),
    rangeOwnersOn(clusterResourceId, actual),
    clusterResource(clusterResourceId),
  ]);
  const tenantOf = new Map(owners.map((owner) => [owner.range, owner.tenant]));
  const egressKeys = new Set(egress.ranges.map(authorizedIpRangeKey));
  const byRange = new Map(records.map((record) => [authorizedIpRangeKey(record.range), record]));
  const rows: IpRangeRow[] = actual.map((range) => {
    const record = byRange.get(authorizedIpRangeKey(range));
    const isEgress = egressKeys.has(authorizedIpRangeKey(range));
    const tenant = tenantOf.get(range) ?? null;
    const canRequestRemoval = !isEgress && can(viewer, "ip-range.request-removal", { kind: "ip-range", cluster: policyCluster, ownerTenantId: tenant?.id ?? null });
    const detailsHidden = tenant !== null && !can(viewer, "tenant.view", { kind: "tenant", tenantId: tenant.id });
    return record
      ? {
          range, egress: isEgress, source: "clusterdesk", owner: detailsHidden ? null : record.owner, reason: detailsHidden ? null : record.reason, expiresAt: record.expiresAt,
          addedByName: record.addedByName, addedAt: record.addedAt, requestId: record.requestId, tenant, canRequestRemoval, detailsHidden,
        }
      : { range, egress: isEgress, source: "found-on-cluster", owner: null, reason: null, expiresAt: null, addedByName: null, addedAt: null, requestId: null, tenant: null, canRequestRemoval, detailsHidden };
  });
  const drift = rangesDrift(records.map((record) => record.range), actual);
  return {
    ok: true,
    clusterName: cluster.name,
    privateCluster: cluster.apiServerAccess.privateCluster,
    provisioningState: cluster.provisioningState,
    rows,
    removedOutside: drift.removedOutside.map((range) => {
      const record = byRange.get(range);
      return { range, owner: record?.owner ?? null, reason: record?.reason ?? "" };
    }),
    openRequests: requests.map((request) => {
      const payload = request.payload as { add?: { range: string }[]; remove?: string[] };
      return { id: request.id, number: request.number, status: request.status, requesterName: request.requesterName, adds: payload.add?.map((entry) => entry.range) ?? [], removes: payload.remove ?? [] };
    }),
    limit: MAX_AUTHORIZED_IP_RANGES,
    egressRanges: egress.ranges,
  };
}
