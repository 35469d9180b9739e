import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import { apiServerExposure } from "@/lib/clusters/exposure";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { PostureEvaluation } from "@/lib/posture";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { NodeRead } from "@/lib/server/kube/in-cluster-reader";

/** Writes of the inventory cache. Each is a short statement of its own: no transaction spans a network call. */

import { exposureColumn } from "./inventory-where";

export type InventoryEntry = {
  cluster: Cluster;
  posture: PostureEvaluation;
  adminGroupNames: Record<string, string>;
  nodes: NodeRead[] | null;
  apiServerError: string | null;
  syncedAt: Date;
};

export async function saveInventoryEntry(entry: InventoryEntry): Promise<void> {
  const { cluster, posture } = entry;
  const row = {
    resourceId: cluster.id,
    name: cluster.name,
    subscriptionId: cluster.subscriptionId.toLowerCase(),
    resourceGroup: cluster.resourceGroup,
    location: cluster.location,
    kubernetesVersion: cluster.kubernetesVersion,
    provisioningState: cluster.provisioningState,
    powerState: cluster.powerState,
    exposure: exposureColumn[apiServerExposure(cluster)],
    nodePoolCount: cluster.nodePools.length,
    nodeCount: cluster.nodePools.reduce((sum, pool) => sum + pool.count, 0),
    postureScore: posture.score,
    failingHigh: posture.failing.high,
    failingMedium: posture.failing.medium,
    failingLow: posture.failing.low,
    unknownFindings: posture.unknownCount,
    cluster,
    posture,
    adminGroupNames: entry.adminGroupNames,
    nodes: entry.nodes ?? Prisma.DbNull,
    apiServerReachable: entry.nodes !== null,
    apiServerError: entry.apiServerError,
    syncedAt: entry.syncedAt,
  };
  const key = clusterKey(cluster.id);
  await db().inventoryCluster.upsert({ where: { key }, create: { key, ...row }, update: row });
}

/**
 * After a complete listing of a subscription: clusters ARM no longer reports are gone. Only called
 * when the listing succeeded, so a failed or throttled subscription never empties its inventory.
 */
export async function removeClustersNotListed(subscriptionId: string, listedKeys: readonly string[]): Promise<number> {
  const { count } = await db().inventoryCluster.deleteMany({ where: { subscriptionId: subscriptionId.toLowerCase(), key: { notIn: [...listedKeys] } } });
  return count;
}

export async function recordSubscriptionOutcome(
  subscriptionId: string,
  outcome: { ok: true; displayName: string | null; clusterCount: number } | { ok: false; error: string },
  at: Date,
): Promise<void> {
  const id = subscriptionId.toLowerCase();
  const fields = outcome.ok
    ? { lastStatus: "succeeded", lastError: null, lastAttemptAt: at, lastSucceededAt: at, clusterCount: outcome.clusterCount, ...(outcome.displayName ? { displayName: outcome.displayName } : {}) }
    : { lastStatus: "failed", lastError: outcome.error, lastAttemptAt: at };
  await db().inventorySubscription.upsert({ where: { id }, create: { id, ...fields }, update: fields });
}
