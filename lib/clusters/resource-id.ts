export type ClusterResourceId = { subscriptionId: string; resourceGroup: string; name: string };

const MANAGED_CLUSTER_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/i;

/** Splits `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name}`. */
export function parseClusterResourceId(id: string): ClusterResourceId | undefined {
  const match = MANAGED_CLUSTER_ID.exec(id);
  if (!match) return undefined;
  const [, subscriptionId = "", resourceGroup = "", name = ""] = match;
  return { subscriptionId, resourceGroup, name };
}

export function clusterResourceId({ subscriptionId, resourceGroup, name }: ClusterResourceId): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`;
}

/**
 * The form Clusterdesk stores and compares cluster ids in. ARM resource ids are case-insensitive and
 * ARM itself returns them in varying case (`resourcegroups` vs `resourceGroups`), so keys are lower-cased.
 */
export function clusterKey(id: string): string {
  return id.toLowerCase();
}
