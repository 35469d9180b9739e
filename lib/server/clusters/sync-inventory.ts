import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Cluster } from "@/lib/clusters/cluster";
import { clusterKey } from "@/lib/clusters/resource-id";
import { evaluatePosture, type PostureContext } from "@/lib/posture";
import { env } from "@/lib/env";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { groupDisplayNames } from "@/lib/server/azure/graph";
import { subscriptionDisplayName, supportedKubernetesVersions } from "@/lib/server/azure/inventory-facts";
import { listClustersOf } from "@/lib/server/azure/managed-clusters";
import { db } from "@/lib/server/db/client";
import { type ReachedApiServer, syncClusterAccess } from "@/lib/server/access/sync-cluster-access";
import { accessSyncSession } from "@/lib/server/access/subscription-role-assignments";
import { logger } from "@/lib/server/logger";
import { limiter, mapBounded } from "./bounded";
import { inspectCluster } from "./inspect-cluster";
import { aksTokenSource, type KnownEndpoint } from "./api-server-access";
import { cacheWriter } from "./cache-writer";
import { type InventoryEntry, knownEndpoints, recordSubscriptionOutcome, removeClustersNotListed, saveInventoryEntries } from "./inventory-store";
import { metrics } from "@/lib/server/telemetry/metrics";
import { createSyncRun, finishRun, markRunStarted, recordRunProgress, type SyncFailure } from "./sync-runs";

export type SyncOptions = {
  /** Defaults to the configured subscriptions. */
  subscriptionIds?: readonly string[];
  /** Subscriptions listed at once. */
  subscriptionConcurrency?: number;
  /** API servers read at once, across all subscriptions; as many credential POSTs at once besides. */
  clusterConcurrency?: number;
  /** Aborted when the instance shuts down: the run stops between subscriptions and is closed as failed. */
  signal?: AbortSignal;
  /** Listing attempts per subscription after the SDK's own retries gave up (429 / 5xx / network). */
  listAttempts?: number;
  retryDelayMs?: number;
  /** Cache rows written per statement. */
  writeBatchSize?: number;
  /** The sync's database statements in flight at once. */
  databaseConcurrency?: number;
};

export type SyncResult = {
  syncId: string;
  clusters: number;
  failures: SyncFailure[];
  /** API servers that answered, and listClusterUserCredential calls made (the rest used stored endpoints). */
  apiServersRead: number;
  credentialFetches: number;
};


/**
 * Lists a subscription's clusters completely, or throws. The SDK pipeline already honours
 * Retry-After on 429 and retries 5xx with backoff; when it gives up, a few more attempts after a
 * pause ride out longer throttling windows. Only a complete listing is returned, so clusters are
 * never removed from the cache because of a half-read subscription.
 */
async function listCompletely(subscriptionId: string, attempts: number, delayMs: number, signal: AbortSignal | undefined): Promise<Cluster[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const clusters: Cluster[] = [];
      for await (const cluster of listClustersOf(subscriptionId)) clusters.push(cluster);
      return clusters;
    } catch (error) {
      const failure = armFailure(error);
      if (!failure.retryable || attempt >= attempts) throw error;
      logger.warn("listing clusters failed, retrying", { subscriptionId, attempt, kind: failure.kind, status: failure.statusCode });
      await sleep(delayMs * attempt, undefined, { signal });
    }
  }
}

function describeListFailure(error: unknown): string {
  const failure = armFailure(error);
  const prefix = failure.statusCode ? `ARM answered ${failure.statusCode}${failure.code ? ` (${failure.code})` : ""}` : "ARM could not be reached";
  return `${prefix}: ${failure.message}`.slice(0, 500);
}

/** Memoises a keyed async lookup for the duration of one sync; failures resolve to the fallback. */
function memo<T>(lookup: (key: string) => Promise<T>, fallback: T): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = lookup(key).catch((error: unknown) => {
        logger.warn("inventory lookup failed", { key, error: error instanceof Error ? error.message : String(error) });
        return fallback;
      });
      cache.set(key, value);
    }
    return value;
  };
}

async function namespaceOwners(): Promise<Map<string, Map<string, string>>> {
  const environments = await db().tenantEnvironment.findMany({ select: { clusterResourceId: true, namespace: true, tenant: { select: { slug: true } } } });
  const byCluster = new Map<string, Map<string, string>>();
  for (const environment of environments) {
    const key = clusterKey(environment.clusterResourceId);
    const namespaces = byCluster.get(key) ?? new Map<string, string>();
    namespaces.set(environment.namespace, environment.tenant.slug);
    byCluster.set(key, namespaces);
  }
  return byCluster;
}

/**
 * One full inventory sync: every configured subscription (bounded parallelism), every cluster's API
 * server where reachable (bounded, shared across subscriptions; through the endpoint stored by an
 * earlier sync when ARM still reports the same FQDN), posture evaluated, cache written in batches of
 * rows as they are ready. A subscription that cannot be listed is recorded and keeps its previous rows.
 */
export async function syncInventory(options: SyncOptions & { syncId?: string } = {}): Promise<SyncResult> {
  const timer = metrics().inventorySyncDuration.startTimer();
  const subscriptionIds = options.subscriptionIds ?? env().subscriptionIds;
  const syncId = options.syncId ?? (await createSyncRun("manual"));
  await markRunStarted(syncId, subscriptionIds.length);
  const owners = await namespaceOwners();
  const slots = { credentialPost: limiter(options.clusterConcurrency ?? 16), apiServerRead: limiter(options.clusterConcurrency ?? 16) };
  // The sync's statements share the process's connection pool (10) with any page served beside it
  // (local mode runs both in one process): a few at a time leaves the pages theirs. At 20,000 clusters
  // the sync's unbounded statements starved a page's transaction past its 2 s wait.
  const database = limiter(options.databaseConcurrency ?? 3);
  const failures: SyncFailure[] = [];
  let total = 0;
  let apiServersRead = 0;
  let credentialFetches = 0;

  // Facts shared by many clusters, looked up once per sync. AKS's supported versions depend on the
  // region, not the subscription: one lookup per location (through the first subscription that asks).
  const versionsIn = memo<string[] | null>((location) => supportedKubernetesVersions(versionsAsker.get(location) ?? "", location), null);
  const versionsAsker = new Map<string, string>();
  const groupName = memo((id) => groupDisplayNames([id]).then((names) => names[id.toLowerCase()] ?? ""), "");
  const aksToken = aksTokenSource();
  // Role assignments are listed once per subscription for the sync, not once per cluster.
  const accessReads = accessSyncSession();

  /** How the inspection reached a reachable Entra cluster's API server, for its access read. */
  async function reachedApiServer(armCluster: Cluster, inspection: Awaited<ReturnType<typeof inspectCluster>>): Promise<ReachedApiServer | undefined> {
    if (!inspection.reachable || !armCluster.identity.managedAad) return undefined;
    return { endpoint: inspection.endpoint, bearerToken: await aksToken() };
  }

  /**
   * Everything the sync does for one cluster: its API server read (bounded across the sync), posture,
   * the cache row to write. Per-cluster steps that must follow the read belong here.
   */
  async function syncCluster(armCluster: Cluster, known: KnownEndpoint | null): Promise<InventoryEntry> {
    const tenants = owners.get(clusterKey(armCluster.id));
    const inspection = await inspectCluster(armCluster, { known, aksToken, tenantOfNamespace: (namespace) => tenants?.get(namespace) ?? null, slots });
    credentialFetches += inspection.credentialFetches;
    if (inspection.reachable) apiServersRead += 1;
    if (!versionsAsker.has(armCluster.location)) versionsAsker.set(armCluster.location, armCluster.subscriptionId);
    const versions = await versionsIn(armCluster.location);
    const context: PostureContext = versions ? { supportedKubernetesVersions: { [armCluster.location]: versions } } : {};
    const names = await Promise.all(armCluster.identity.adminGroupObjectIds.map(async (id) => [id.toLowerCase(), await groupName(id)] as const));
    const entry: InventoryEntry = {
      cluster: inspection.cluster,
      posture: evaluatePosture(inspection.cluster, context),
      adminGroupNames: Object.fromEntries(names.filter(([, name]) => name !== "")),
      nodes: inspection.reachable ? inspection.nodes : null,
      apiServerError: inspection.reachable ? null : inspection.error,
      syncedAt: new Date(),
      apiServerEndpoint: inspection.endpoint,
    };
    // Never throws: a failed access read is recorded for the cluster. Through the endpoint just used,
    // so a Kubernetes-RBAC cluster's bindings cost no credential POST either.
    await syncClusterAccess(armCluster, undefined, await reachedApiServer(armCluster, inspection), accessReads);
    return entry;
  }

  async function recordListFailure(subscriptionId: string, message: string): Promise<void> {
    const known = await db().inventorySubscription.findUnique({ where: { id: subscriptionId.toLowerCase() }, select: { displayName: true } });
    failures.push({ subscriptionId, displayName: known?.displayName ?? null, error: message });
    await recordSubscriptionOutcome(subscriptionId, { ok: false, error: message }, new Date());
    await recordRunProgress(syncId, { clustersFound: 0, clustersInspected: 0 });
    logger.warn("inventory: subscription failed", { subscriptionId, error: message });
  }

  async function syncSubscription(subscriptionId: string): Promise<void> {
    options.signal?.throwIfAborted();
    let clusters: Cluster[];
    try {
      clusters = await listCompletely(subscriptionId, options.listAttempts ?? 3, options.retryDelayMs ?? 2_000, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return recordListFailure(subscriptionId, describeListFailure(error));
    }
    const [displayName, known] = await Promise.all([subscriptionDisplayName(subscriptionId).catch(() => null), database(() => knownEndpoints(subscriptionId))]);
    const rows = cacheWriter(options.writeBatchSize ?? 100, (batch) => database(() => saveInventoryEntries(batch)));
    await Promise.all(clusters.map(async (cluster) => {
      try {
        rows.add(await syncCluster(cluster, known.get(clusterKey(cluster.id)) ?? null));
      } catch (error) {
        logger.error("inventory: cluster failed", { clusterId: cluster.id, error: error instanceof Error ? error.message : String(error) });
      }
    }));
    try {
      await rows.flush();
    } catch (error) {
      // Rows already written stay (each says when it was synced); the subscription is named and retried next run.
      logger.error("inventory: cache write failed", { subscriptionId, error: error instanceof Error ? error.message : String(error) });
      return recordListFailure(subscriptionId, "The inventory cache could not be written; the next sync tries again.");
    }
    await database(async () => {
      await removeClustersNotListed(subscriptionId, clusters.map((cluster) => clusterKey(cluster.id)));
      await recordSubscriptionOutcome(subscriptionId, { ok: true, displayName, clusterCount: clusters.length }, new Date());
      await recordRunProgress(syncId, { clustersFound: clusters.length, clustersInspected: clusters.length });
    });
    total += clusters.length;
  }

  try {
    await mapBounded(subscriptionIds, options.subscriptionConcurrency ?? 8, syncSubscription);
    await finishRun(syncId, failures, subscriptionIds.length);
    timer({ outcome: failures.length > 0 ? "partial" : "succeeded" });
  } catch (error) {
    timer({ outcome: "failed" });
    await finishRun(syncId, failures, subscriptionIds.length, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return { syncId, clusters: total, failures, apiServersRead, credentialFetches };
}
