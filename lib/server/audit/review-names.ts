import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import type { ReviewNames } from "@/lib/audit/review-target";
import { db } from "@/lib/server/db/client";

/** The names one page of events refers to, three queries whatever the page holds. */
export async function reviewNamesOf(events: readonly AuditEventRecord[]): Promise<ReviewNames> {
  const ids = (type: string) => [...new Set(events.filter((event) => event.targetType === type && event.targetId !== null).map((event) => event.targetId as string))];
  const clusterIds = [...new Set([...events.map((event) => event.clusterId), ...ids("cluster")].filter((id): id is string => id !== null))];
  const tenantIds = [...new Set([...events.map((event) => event.tenantId), ...ids("tenant")].filter((id): id is string => id !== null))];
  const requestIds = ids("change_request");
  const [requests, clusters, tenants] = await Promise.all([
    requestIds.length ? db().changeRequest.findMany({ where: { id: { in: requestIds } }, select: { id: true, number: true } }) : [],
    clusterIds.length ? db().inventoryCluster.findMany({ where: { key: { in: clusterIds.map((id) => id.toLowerCase()) } }, select: { key: true, name: true } }) : [],
    tenantIds.length ? db().tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, displayName: true } }) : [],
  ]);
  return {
    requestNumbers: new Map(requests.map((request) => [request.id, request.number])),
    clusterNames: new Map(clusters.map((cluster) => [cluster.key, cluster.name])),
    tenantNames: new Map(tenants.map((tenant) => [tenant.id, tenant.displayName])),
  };
}
