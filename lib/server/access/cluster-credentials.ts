import "server-only";
import type { Cluster } from "@/lib/clusters/cluster";
import { portalCredential } from "@/lib/server/azure/credential";
import { userKubeconfig } from "@/lib/server/azure/managed-clusters";
import type { ClusterCredentials } from "@/lib/server/kube/in-cluster-reader";

/** The AKS server application: the audience of tokens AKS API servers accept from Entra. */
const aksServerScope = "6dae42f8-4368-4678-94ff-3960e28e3630/.default";

/**
 * How the portal reaches a cluster's API server as itself: the user kubeconfig's cluster entry with
 * the portal's own Entra token (the kubeconfig's user is kubelogin, which a server cannot run), or
 * the kubeconfig's local account on clusters without Entra. Same as the inventory sync.
 */
export async function portalClusterCredentials(cluster: Cluster, correlationId: string): Promise<ClusterCredentials> {
  const kubeconfig = await userKubeconfig(cluster.id, correlationId);
  const bearerToken = cluster.identity.managedAad ? ((await portalCredential().getToken(aksServerScope))?.token ?? null) : null;
  return { kubeconfig, bearerToken };
}
