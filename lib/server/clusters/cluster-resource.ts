import "server-only";
import type { Resource } from "@/lib/auth/policy";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";

export type HostedTenant = { id: string; slug: string; displayName: string; namespaces: string[] };

/** The tenants with an environment on a cluster: team-lead rights on the cluster derive from them. */
export async function tenantsHostedOn(clusterResourceId: string): Promise<HostedTenant[]> {
  const environments = await db().tenantEnvironment.findMany({
    where: { clusterResourceId: clusterKey(clusterResourceId) },
    select: { namespace: true, tenant: { select: { id: true, slug: true, displayName: true } } },
    orderBy: { namespace: "asc" },
  });
  const tenants = new Map<string, HostedTenant>();
  for (const { namespace, tenant } of environments) {
    const entry = tenants.get(tenant.id) ?? { ...tenant, namespaces: [] };
    entry.namespaces.push(namespace);
    tenants.set(tenant.id, entry);
  }
  return [...tenants.values()];
}

/** The policy's view of a cluster, built from what the server knows, never from the request. */
export async function clusterResource(clusterResourceId: string): Promise<Extract<Resource, { kind: "cluster" }>> {
  const tenants = await tenantsHostedOn(clusterResourceId);
  return { kind: "cluster", hostedTenantIds: tenants.map((tenant) => tenant.id) };
}
