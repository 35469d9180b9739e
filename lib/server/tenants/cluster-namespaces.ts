import "server-only";
import { portalClusterCredentials } from "@/lib/server/access/cluster-credentials";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import type { ClusterCredentials } from "@/lib/server/kube/in-cluster-reader";
import { type NamespaceClient, namespaceClient } from "@/lib/server/kube/namespaces";
import { EnvironmentUnavailable } from "./environment-on-cluster";

/** The portal's namespace client on one cluster, reached as the inventory reaches it; failures as `EnvironmentUnavailable`. */
export async function namespacesOn(clusterResourceId: string, correlationId: string): Promise<NamespaceClient> {
  return namespaceClient(await clusterCredentialsFor(clusterResourceId, correlationId));
}

export async function clusterCredentialsFor(clusterResourceId: string, correlationId: string): Promise<ClusterCredentials> {
  try {
    const { cluster } = await getCluster(clusterResourceId, correlationId);
    if (cluster.apiServerAccess.privateCluster) throw new EnvironmentUnavailable("The cluster is private: the portal cannot reach its API server.", false);
    return await portalClusterCredentials(cluster, correlationId);
  } catch (error) {
    if (error instanceof EnvironmentUnavailable) throw error;
    const failure = armFailure(error);
    throw new EnvironmentUnavailable(`Azure Resource Manager could not be asked about the cluster: ${failure.message}`, failure.retryable, { cause: error });
  }
}
