import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import { clusterKey } from "@/lib/clusters/resource-id";
import { evaluatePosture } from "@/lib/posture";
import { supportedKubernetesVersions } from "@/lib/server/azure/inventory-facts";
import { db } from "@/lib/server/db/client";
import type { NodeRead } from "@/lib/server/kube/in-cluster-reader";
import { saveInventoryEntry } from "./inventory-store";

/**
 * After Clusterdesk itself changed a cluster in ARM, puts what ARM now reports into the inventory
 * cache at once (pages read only the cache), keeping the in-cluster facts of the last sync.
 */
export async function refreshCachedCluster(fromArm: Cluster): Promise<void> {
  const cached = await db().inventoryCluster.findUnique({ where: { key: clusterKey(fromArm.id) } });
  if (!cached) return;
  const previous = cached.cluster as unknown as Cluster;
  const cluster: Cluster = { ...fromArm, inCluster: previous.inCluster };
  const versions = await supportedKubernetesVersions(cluster.subscriptionId, cluster.location).catch(() => null);
  await saveInventoryEntry({
    cluster,
    posture: evaluatePosture(cluster, versions ? { supportedKubernetesVersions: { [cluster.location]: versions } } : {}),
    adminGroupNames: (cached.adminGroupNames ?? {}) as Record<string, string>,
    nodes: cached.nodes === null ? null : (cached.nodes as unknown as NodeRead[]),
    apiServerError: cached.apiServerError,
    syncedAt: new Date(),
  });
}
