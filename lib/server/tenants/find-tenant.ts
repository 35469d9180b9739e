import "server-only";
import { productionByTags } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";

export type TenantRecord = { id: string; slug: string; displayName: string; ownerGroupId: string; memberGroupIds: string[]; contacts: string[]; costCentre: string | null; archivedAt: Date | null };

/** One tenant by its slug, or null; callers authorize against its id. */
export async function findTenantBySlug(slug: string): Promise<TenantRecord | null> {
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  return db().tenant.findUnique({ where: { slug }, select: { id: true, slug: true, displayName: true, ownerGroupId: true, memberGroupIds: true, contacts: true, costCentre: true, archivedAt: true } });
}

/** The clusters an environment can be asked for on: every cluster in the inventory, by name. */
export async function environmentClusterChoices(): Promise<{ id: string; name: string; location: string; production: boolean }[]> {
  const clusters = await db().inventoryCluster.findMany({ orderBy: { name: "asc" }, select: { resourceId: true, name: true, location: true, cluster: true } });
  return clusters.map((cluster) => ({ id: cluster.resourceId, name: cluster.name, location: cluster.location, production: productionByTags(cluster.cluster) }));
}
