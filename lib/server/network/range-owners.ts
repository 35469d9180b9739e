import "server-only";
import { authorizedIpRangeKey } from "@/lib/cidr";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";

/**
 * Who owns a range on a cluster: the tenant whose request added it (`tenant`), or nobody when it was
 * found on the cluster or adopted by an admin. `source` says whether Clusterdesk has a record at all.
 */
export type RangeOwnership = { range: string; source: "clusterdesk" | "found-on-cluster"; tenant: { id: string; name: string } | null };

export async function rangeOwnersOn(clusterResourceId: string, ranges: readonly string[]): Promise<RangeOwnership[]> {
  if (ranges.length === 0) return [];
  const keys = ranges.map(authorizedIpRangeKey);
  const records = await db().authorizedIpRange.findMany({
    where: { clusterResourceId: clusterKey(clusterResourceId), range: { in: keys } },
    select: { range: true, tenantId: true },
  });
  const tenantIds = [...new Set(records.flatMap((record) => (record.tenantId ? [record.tenantId] : [])))];
  const tenants = tenantIds.length === 0 ? [] : await db().tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, displayName: true } });
  const names = new Map(tenants.map((tenant) => [tenant.id, tenant.displayName]));
  const byRange = new Map(records.map((record) => [record.range, record]));
  return ranges.map((range, index) => {
    const record = byRange.get(keys[index] ?? range);
    if (!record) return { range, source: "found-on-cluster", tenant: null };
    // A tenant deleted since keeps its id visible rather than making the range look unowned.
    return { range, source: "clusterdesk", tenant: record.tenantId ? { id: record.tenantId, name: names.get(record.tenantId) ?? record.tenantId } : null };
  });
}
