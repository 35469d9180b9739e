import "server-only";
import { z } from "zod";
import type { ClusterResource } from "@/lib/auth/policy";
import { isProductionCluster } from "@/lib/clusters/production";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { env } from "@/lib/env";

export type HostedTenant = { id: string; slug: string; displayName: string; namespaces: string[] };

/** The tenants with an environment on a cluster: team-lead rights on the cluster derive from them. */
export async function tenantsHostedOn(clusterResourceId: string): Promise<HostedTenant[]> {
  // One join: Prisma reads a relation with a second query (even for no environments), and every
  // cluster page waits for this one.
  const environments = await db().$queryRaw<Array<{ namespace: string; id: string; slug: string; displayName: string }>>`
    SELECT e.namespace, t.id, t.slug, t.display_name AS "displayName"
    FROM tenant_environment e JOIN tenant t ON t.id = e.tenant_id
    WHERE e.cluster_resource_id = ${clusterKey(clusterResourceId)}
    ORDER BY e.namespace`;
  const tenants = new Map<string, HostedTenant>();
  for (const { namespace, ...tenant } of environments) {
    const entry = tenants.get(tenant.id) ?? { ...tenant, namespaces: [] };
    entry.namespaces.push(namespace);
    tenants.set(tenant.id, entry);
  }
  return [...tenants.values()];
}

const taggedCluster = z.object({ tags: z.record(z.string(), z.string()) });

/**
 * Whether the production rule (settings `productionTags`) applies, from the tags the inventory last
 * read. A cluster the inventory does not know counts as production: four eyes is the safe default.
 */
export function productionByTags(cachedCluster: unknown): boolean {
  const parsed = taggedCluster.safeParse(cachedCluster);
  return parsed.success ? isProductionCluster(parsed.data.tags, env().productionTags) : true;
}

/** The policy's view of a cluster, built from what the server knows, never from the request. */
export async function clusterResource(clusterResourceId: string): Promise<ClusterResource> {
  const [tenants, cached] = await Promise.all([
    tenantsHostedOn(clusterResourceId),
    db().inventoryCluster.findUnique({ where: { key: clusterKey(clusterResourceId) }, select: { cluster: true } }),
  ]);
  return { kind: "cluster", hostedTenantIds: tenants.map((tenant) => tenant.id), production: productionByTags(cached?.cluster) };
}
