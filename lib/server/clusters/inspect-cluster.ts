import "server-only";
import type { Cluster, NamespaceFacts } from "@/lib/clusters/cluster";
import { describeKubeFailure, readInClusterAt, type InClusterRead, type NodeRead } from "@/lib/server/kube/in-cluster-reader";
import { apiServerAccess, type KnownEndpoint, mayBeStaleEndpoint, type Slot } from "./api-server-access";

export const PRIVATE_CLUSTER_UNREACHABLE = "API server not reachable from the portal (private cluster).";

export type Inspection = (
  | { reachable: true; cluster: Cluster; nodes: NodeRead[]; endpoint: KnownEndpoint }
  | { reachable: false; cluster: Cluster; error: string; endpoint: KnownEndpoint | null }
) & { /** listClusterUserCredential calls this inspection made (ARM counts them as writes). */ credentialFetches: number };

export type InspectionContext = {
  /** The endpoint an earlier sync stored for this cluster, if any. */
  known: KnownEndpoint | null;
  aksToken: () => Promise<string>;
  tenantOfNamespace: (namespace: string) => string | null;
  /**
   * Bounds on the sync's concurrency, each shared by every inspection of a sync: credential POSTs to
   * ARM, and reads of API servers. Separate, so that neither waits on the other: with one bound over
   * both, a slot sat idle for ARM's latency of each POST while reads queued behind it, and vice versa.
   */
  slots?: { credentialPost: Slot; apiServerRead: Slot };
};

/**
 * Completes an ARM cluster with what its API server says: namespaces (labels, owning tenant) and
 * nodes. Private clusters are not tried: their API server has only a private address, which the
 * portal cannot reach from outside the virtual network. A read through a stored endpoint that gets
 * no answer (or 401) is tried once more with a fresh credential: the cluster may have moved, or its
 * CA or local account token rotated.
 */
export async function inspectCluster(cluster: Cluster, context: InspectionContext): Promise<Inspection> {
  if (cluster.apiServerAccess.privateCluster) return { reachable: false, cluster, error: PRIVATE_CLUSTER_UNREACHABLE, endpoint: context.known, credentialFetches: 0 };
  let endpoint = context.known;
  let credentialFetches = 0;
  const now: Slot = (task) => task();
  const { credentialPost, apiServerRead } = context.slots ?? { credentialPost: now, apiServerRead: now };
  try {
    let access = await apiServerAccess(cluster, context.known, context.aksToken, false, credentialPost);
    endpoint = access.endpoint;
    if (access.fetched) credentialFetches += 1;
    let read: InClusterRead;
    try {
      read = await apiServerRead(() => readInClusterAt(access.endpoint, access.token));
    } catch (error) {
      if (access.fetched || !mayBeStaleEndpoint(error)) throw error;
      access = await apiServerAccess(cluster, context.known, context.aksToken, true, credentialPost);
      endpoint = access.endpoint;
      credentialFetches += 1;
      read = await apiServerRead(() => readInClusterAt(access.endpoint, access.token));
    }
    const namespaces: NamespaceFacts[] = read.namespaces.map((ns) => ({ ...ns, tenant: context.tenantOfNamespace(ns.name) }));
    return {
      reachable: true,
      cluster: { ...cluster, inCluster: { gatheredAt: new Date().toISOString(), namespaces } },
      nodes: read.nodes,
      endpoint: access.endpoint,
      credentialFetches,
    };
  } catch (error) {
    return { reachable: false, cluster, error: describeKubeFailure(error), endpoint, credentialFetches };
  }
}
