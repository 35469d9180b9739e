import "server-only";
import type { Cluster, NamespaceFacts } from "@/lib/clusters/cluster";
import { portalCredential } from "@/lib/server/azure/credential";
import { userKubeconfig } from "@/lib/server/azure/managed-clusters";
import { describeKubeFailure, readInCluster, type NodeRead } from "@/lib/server/kube/in-cluster-reader";

/** The AKS server application: the audience of tokens AKS API servers accept from Entra. */
const AKS_SERVER_SCOPE = "6dae42f8-4368-4678-94ff-3960e28e3630/.default";

export const PRIVATE_CLUSTER_UNREACHABLE = "API server not reachable from the portal (private cluster).";

export type Inspection =
  | { reachable: true; cluster: Cluster; nodes: NodeRead[] }
  | { reachable: false; cluster: Cluster; error: string };

/**
 * Completes an ARM cluster with what its API server says: namespaces (labels, owning tenant) and
 * nodes. Private clusters are not tried: their API server has only a private address, which the
 * portal cannot reach from outside the virtual network.
 */
export async function inspectCluster(cluster: Cluster, tenantOfNamespace: (namespace: string) => string | null): Promise<Inspection> {
  if (cluster.apiServerAccess.privateCluster) return { reachable: false, cluster, error: PRIVATE_CLUSTER_UNREACHABLE };
  try {
    const kubeconfig = await userKubeconfig(cluster.id);
    const bearerToken = cluster.identity.managedAad ? ((await portalCredential().getToken(AKS_SERVER_SCOPE))?.token ?? null) : null;
    const read = await readInCluster({ kubeconfig, bearerToken });
    const namespaces: NamespaceFacts[] = read.namespaces.map((ns) => ({ ...ns, tenant: tenantOfNamespace(ns.name) }));
    return {
      reachable: true,
      cluster: { ...cluster, inCluster: { gatheredAt: new Date().toISOString(), namespaces } },
      nodes: read.nodes,
    };
  } catch (error) {
    return { reachable: false, cluster, error: describeKubeFailure(error) };
  }
}
