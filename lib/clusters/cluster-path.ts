/** The detail page of a cluster: /clusters/{subscriptionId}/{resourceGroup}/{name}. */
export function clusterPath(cluster: { subscriptionId: string; resourceGroup: string; name: string }): string {
  return `/clusters/${encodeURIComponent(cluster.subscriptionId)}/${encodeURIComponent(cluster.resourceGroup)}/${encodeURIComponent(cluster.name)}`;
}
