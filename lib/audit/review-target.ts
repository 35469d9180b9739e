import { parseClusterResourceId } from "@/lib/clusters/resource-id";

/** Names the review page shows instead of ids, looked up on the server for one page of events. */
export type ReviewNames = {
  requestNumbers: ReadonlyMap<string, number>;
  clusterNames: ReadonlyMap<string, string>;
  tenantNames: ReadonlyMap<string, string>;
};

export type TargetView = {
  label: string;
  /** The object's own page, where there is one. */
  href?: string;
  /** Everything that happened to the object: the audit page filtered by this target. */
  timelineHref?: string;
};

const clusterHref = (clusterId: string) => {
  const parts = parseClusterResourceId(clusterId);
  return parts ? `/clusters/${encodeURIComponent(parts.subscriptionId)}/${encodeURIComponent(parts.resourceGroup)}/${encodeURIComponent(parts.name)}` : undefined;
};

// A range's id is the CIDR alone: the same range on another cluster is another object.
const timeline = (type: string, id: string, clusterId?: string | null) =>
  `/audit?${new URLSearchParams({ target: `${type}:${id}`, ...(clusterId ? { cluster: clusterId } : {}) }).toString()}`;

/** How one event's target reads: "Request #2" linking to the request, a cluster's name to its page. */
export function targetView(event: { targetType: string | null; targetId: string | null; clusterId: string | null }, names: ReviewNames): TargetView {
  const { targetType: type, targetId: id, clusterId } = event;
  if (type === null) return { label: "—" };
  const clusterName = clusterId ? (names.clusterNames.get(clusterId) ?? parseClusterResourceId(clusterId)?.name ?? clusterId) : undefined;
  if (id === null) return { label: type.replace(/_/g, " ") };
  switch (type) {
    case "change_request": {
      const number = names.requestNumbers.get(id);
      return number === undefined
        ? { label: "A request no longer on record", timelineHref: timeline(type, id) }
        : { label: `Request #${number}`, href: `/requests/${number}`, timelineHref: timeline(type, id) };
    }
    case "cluster":
      return { label: names.clusterNames.get(id) ?? parseClusterResourceId(id)?.name ?? id, href: clusterHref(id), timelineHref: timeline(type, id) };
    case "authorized_ip_range":
      return {
        label: clusterName ? `${id} on ${clusterName}` : id,
        href: clusterId ? `${clusterHref(clusterId) ?? ""}/ip-ranges` : undefined,
        timelineHref: timeline(type, id, clusterId),
      };
    case "tenant":
      return { label: `Tenant ${names.tenantNames.get(id) ?? id}`, href: names.tenantNames.has(id) ? "/tenants" : undefined, timelineHref: timeline(type, id) };
    default:
      return { label: `${type.replace(/_/g, " ")} ${id.length > 40 ? `${id.slice(0, 40)}…` : id}`, timelineHref: timeline(type, id) };
  }
}
