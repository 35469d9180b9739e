import "server-only";
import type { ClusterNamespaceResource } from "@/lib/auth/policy";
import { clusterKey } from "@/lib/clusters/resource-id";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { db } from "@/lib/server/db/client";

/** The policy's view of a namespace to check access in: the cluster as the server knows it and the tenant whose environment the namespace is. */
export async function clusterNamespaceResource(clusterId: string, namespace: string): Promise<ClusterNamespaceResource> {
  const [cluster, environment] = await Promise.all([
    clusterResource(clusterId),
    db().tenantEnvironment.findUnique({ where: { clusterResourceId_namespace: { clusterResourceId: clusterKey(clusterId), namespace } }, select: { tenantId: true } }),
  ]);
  return { kind: "cluster-namespace", cluster, namespace, tenantId: environment?.tenantId ?? null };
}

/** The namespaces of tenant environments on the cluster, with their tenant's id and name, for the form's choice. */
export async function tenantNamespacesOn(clusterId: string): Promise<Array<{ namespace: string; tenantId: string; tenantName: string }>> {
  const environments = await db().tenantEnvironment.findMany({
    where: { clusterResourceId: clusterKey(clusterId) },
    select: { namespace: true, tenant: { select: { id: true, displayName: true } } },
    orderBy: { namespace: "asc" },
  });
  return environments.map(({ namespace, tenant }) => ({ namespace, tenantId: tenant.id, tenantName: tenant.displayName }));
}
