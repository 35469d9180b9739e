import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import { apiServerExposure } from "@/lib/clusters/exposure";
import { clusterKey } from "@/lib/clusters/resource-id";
import { type PostureEvaluation, storedPosture } from "@/lib/posture";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { NodeRead } from "@/lib/server/kube/in-cluster-reader";
import type { KnownEndpoint } from "./api-server-access";

/** Writes of the inventory cache. Each is a short statement of its own: no transaction spans a network call. */

import { exposureColumn } from "./inventory-where";

export type InventoryEntry = {
  cluster: Cluster;
  posture: PostureEvaluation;
  adminGroupNames: Record<string, string>;
  nodes: NodeRead[] | null;
  apiServerError: string | null;
  syncedAt: Date;
  /** Where the API server was reached; null keeps the endpoint stored before (if any). */
  apiServerEndpoint?: KnownEndpoint | null;
};

/** One row as jsonb_to_recordset reads it: snake_case columns, JSON values. */
function rowOf(entry: InventoryEntry) {
  const { cluster, posture } = entry;
  return {
    key: clusterKey(cluster.id),
    resource_id: cluster.id,
    name: cluster.name,
    subscription_id: cluster.subscriptionId.toLowerCase(),
    resource_group: cluster.resourceGroup,
    location: cluster.location,
    kubernetes_version: cluster.kubernetesVersion,
    provisioning_state: cluster.provisioningState,
    power_state: cluster.powerState,
    exposure: exposureColumn[apiServerExposure(cluster)],
    node_pool_count: cluster.nodePools.length,
    node_count: cluster.nodePools.reduce((sum, pool) => sum + pool.count, 0),
    posture_score: posture.score,
    failing_high: posture.failing.high,
    failing_medium: posture.failing.medium,
    failing_low: posture.failing.low,
    unknown_findings: posture.unknownCount,
    cluster,
    posture: storedPosture(posture),
    admin_group_names: entry.adminGroupNames,
    nodes: entry.nodes,
    api_server_reachable: entry.nodes !== null,
    api_server_error: entry.apiServerError,
    synced_at: entry.syncedAt.toISOString(),
    api_server_endpoint: entry.apiServerEndpoint ?? null,
  };
}

const columns = [
  "key text", "resource_id text", "name text", "subscription_id text", "resource_group text", "location text", "kubernetes_version text",
  "provisioning_state text", "power_state text", "exposure cluster_exposure", "node_pool_count int", "node_count int", "posture_score int",
  "failing_high int", "failing_medium int", "failing_low int", "unknown_findings int", "cluster jsonb", "posture jsonb", "admin_group_names jsonb",
  "nodes jsonb", "api_server_reachable boolean", "api_server_error text", "synced_at timestamp(3)", "api_server_endpoint jsonb",
];
const names = columns.map((column) => column.split(" ")[0] ?? "");
const updates = names
  .filter((name) => name !== "key")
  .map((name) => (name === "api_server_endpoint" ? `${name} = COALESCE(EXCLUDED.${name}, inventory_cluster.${name})` : `${name} = EXCLUDED.${name}`));

/**
 * Writes a batch of cache rows in one statement (INSERT … ON CONFLICT from one jsonb parameter): at
 * 20,000 clusters, a Prisma upsert per row was a quarter of the sync's CPU and a round trip each.
 * A JSON null in `nodes` becomes SQL NULL (the API server was not read), as before.
 */
export async function saveInventoryEntries(entries: readonly InventoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // One row per key: a cluster listed twice in one batch would make ON CONFLICT touch a row twice.
  const rows = [...new Map(entries.map((entry) => [clusterKey(entry.cluster.id), rowOf(entry)])).values()];
  await db().$executeRawUnsafe(
    `INSERT INTO inventory_cluster (${names.join(", ")})
     SELECT ${names.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.join(", ")})
     ON CONFLICT (key) DO UPDATE SET ${updates.join(", ")}`,
    JSON.stringify(rows),
  );
}

export async function saveInventoryEntry(entry: InventoryEntry): Promise<void> {
  await saveInventoryEntries([entry]);
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

/** The API-server endpoints earlier syncs stored for a subscription's clusters, by cluster key. */
export async function knownEndpoints(subscriptionId: string): Promise<Map<string, KnownEndpoint>> {
  const rows = await db().inventoryCluster.findMany({
    where: { subscriptionId: subscriptionId.toLowerCase(), apiServerEndpoint: { not: Prisma.AnyNull } },
    select: { key: true, apiServerEndpoint: true },
  });
  // Written by saveInventoryEntries from this very type.
  return new Map(rows.map((row) => [row.key, row.apiServerEndpoint as unknown as KnownEndpoint]));
}
