import type { Cluster } from "@/lib/clusters/cluster";

/** The `az aks` target arguments for a cluster, so a fix can be pasted as is. */
export function azTarget(cluster: Cluster): string {
  return `--resource-group ${cluster.resourceGroup} --name ${cluster.name}`;
}
