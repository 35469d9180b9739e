import "server-only";
import type { Principal } from "@/lib/auth/policy";
import { clusterScopeFor } from "@/lib/server/clusters/inventory-read";
import { db } from "@/lib/server/db/client";
import { listVisibleTenants } from "@/lib/server/tenants/list-tenants";

export type ReviewOption = { value: string; label: string };

/** The clusters and tenants the reader may filter by: those the policy lets them see. */
export async function reviewFilterOptions(principal: Principal): Promise<{ clusters: ReviewOption[]; tenants: ReviewOption[] }> {
  const [scope, tenants] = await Promise.all([clusterScopeFor(principal), listVisibleTenants(principal)]);
  const clusters = await db().inventoryCluster.findMany({
    where: scope.all ? {} : { key: { in: [...scope.clusterKeys] } },
    orderBy: [{ name: "asc" }, { key: "asc" }],
    select: { key: true, name: true, resourceGroup: true },
    take: 500,
  });
  return {
    clusters: clusters.map((cluster) => ({ value: cluster.key, label: `${cluster.name} (${cluster.resourceGroup})` })),
    tenants: tenants.map((tenant) => ({ value: tenant.id, label: tenant.displayName })),
  };
}
