import "server-only";
import type { ManagedCluster } from "@azure/arm-containerservice";
import type { Cluster } from "@/lib/clusters/cluster";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { containerServiceClient, withCorrelation } from "./arm-client";
import { fromArmManagedCluster } from "./cluster-from-arm";

/**
 * Microsoft.ContainerService/managedClusters through the real SDK. SDK types stay in this folder:
 * callers get Clusterdesk's `Cluster`.
 */

export type ClusterWithEtag = { cluster: Cluster; etag: string | null };

/**
 * The ARM resource behind each read, kept here so SDK types stay in this folder: an update builds its
 * PUT body from the very version whose eTag guards it, without reading the cluster a second time.
 */
const armResources = new WeakMap<ClusterWithEtag, ManagedCluster>();

function clusterRead(resource: ManagedCluster): ClusterWithEtag {
  const read = { cluster: fromArmManagedCluster(resource), etag: resource.eTag ?? null };
  armResources.set(read, resource);
  return read;
}

function partsOf(resourceId: string) {
  const parts = parseClusterResourceId(resourceId);
  if (!parts) throw new Error(`Not an AKS cluster resource id: ${resourceId}`);
  return parts;
}

/** Every cluster of a subscription, page by page (the SDK follows nextLink; 429s honour Retry-After). */
export async function* listClustersOf(subscriptionId: string, correlationId?: string): AsyncGenerator<Cluster> {
  for await (const cluster of containerServiceClient(subscriptionId).managedClusters.list(withCorrelation(correlationId))) {
    yield fromArmManagedCluster(cluster);
  }
}

export async function getCluster(resourceId: string, correlationId?: string): Promise<ClusterWithEtag> {
  const { subscriptionId, resourceGroup, name } = partsOf(resourceId);
  return clusterRead(await containerServiceClient(subscriptionId).managedClusters.get(resourceGroup, name, withCorrelation(correlationId)));
}

export type OperationProgress = (status: string) => Promise<void> | void;

/**
 * Replaces the API server's authorized IP ranges of the cluster `read` (from getCluster). ARM has no
 * partial update for them, so this is a PUT of the whole cluster as read, guarded by If-Match on the
 * read's eTag: if anyone changed the cluster since, ARM answers 412 and nothing is written (the caller
 * re-reads and re-plans). Waits for the long-running operation and returns the cluster as ARM reports
 * it afterwards.
 */
export async function replaceAuthorizedIpRanges(
  read: ClusterWithEtag,
  ranges: readonly string[],
  options: { correlationId: string; onProgress?: OperationProgress; pollIntervalMs?: number; signal?: AbortSignal },
): Promise<ClusterWithEtag> {
  const current = armResources.get(read);
  if (!current || !read.etag) throw new Error("replaceAuthorizedIpRanges needs a read of the cluster from getCluster, with its eTag.");
  const { subscriptionId, resourceGroup, name } = partsOf(read.cluster.id);
  const clusters = containerServiceClient(subscriptionId).managedClusters;
  const updated = {
    ...current,
    apiServerAccessProfile: { ...current.apiServerAccessProfile, authorizedIPRanges: [...ranges] },
  };
  const poller = clusters.createOrUpdate(resourceGroup, name, updated, {
    ...withCorrelation(options.correlationId),
    ifMatch: read.etag,
    updateIntervalInMs: options.pollIntervalMs,
    abortSignal: options.signal,
  });
  poller.onProgress((state) => void options.onProgress?.(state.status));
  // Aborting stops our waiting, not Azure's operation: the next attempt finds it and waits again.
  return clusterRead(await poller.pollUntilDone({ abortSignal: options.signal }));
}

/** The kubeconfig (YAML) that `az aks get-credentials` would write, for the portal's own use. */
export async function userKubeconfig(resourceId: string, correlationId?: string): Promise<string> {
  const { subscriptionId, resourceGroup, name } = partsOf(resourceId);
  const result = await containerServiceClient(subscriptionId).managedClusters.listClusterUserCredentials(resourceGroup, name, withCorrelation(correlationId));
  const kubeconfig = result.kubeconfigs?.[0]?.value;
  if (!kubeconfig) throw new Error(`ARM returned no kubeconfig for ${name}`);
  return new TextDecoder().decode(kubeconfig);
}
