import "server-only";
import { isRestError } from "@azure/core-rest-pipeline";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { containerServiceClient, withCorrelation } from "./arm-client";

/**
 * Removes an AKS managed namespace from ARM with the delete policy asked for. AKS decides what
 * happens to the Kubernetes namespace from the resource's *stored* `deletePolicy` (Keep: only the ARM
 * resource goes and the namespace loses the ManagedByARM label; Delete: the namespace goes with it),
 * not from the DELETE call, so a differing policy is first PUT back with everything else unchanged.
 * Idempotent: a namespace ARM no longer has is done. Waits for both long-running operations.
 */
export async function releaseManagedNamespace(clusterResourceId: string, name: string, deletePolicy: "Keep" | "Delete", correlationId: string, signal?: AbortSignal): Promise<void> {
  const parts = parseClusterResourceId(clusterResourceId);
  if (!parts) throw new Error(`Not an AKS cluster resource id: ${clusterResourceId}`);
  const { subscriptionId, resourceGroup, name: cluster } = parts;
  const client = containerServiceClient(subscriptionId).managedNamespaces;
  const options = { ...withCorrelation(correlationId), updateIntervalInMs: 500, abortSignal: signal };
  let found;
  try {
    found = await client.get(resourceGroup, cluster, name, withCorrelation(correlationId));
  } catch (error) {
    if (isRestError(error) && error.statusCode === 404) return;
    throw error;
  }
  const properties = found.properties ?? {};
  if (properties.deletePolicy !== deletePolicy) {
    const { labels, annotations, defaultResourceQuota, defaultNetworkPolicy, adoptionPolicy } = properties;
    await client.createOrUpdate(resourceGroup, cluster, name, { location: found.location, tags: found.tags, properties: { labels, annotations, defaultResourceQuota, defaultNetworkPolicy, adoptionPolicy, deletePolicy } }, options);
  }
  try {
    await client.delete(resourceGroup, cluster, name, options);
  } catch (error) {
    // Gone between the read and the delete (an earlier attempt's delete finishing): done.
    if (isRestError(error) && error.statusCode === 404) return;
    throw error;
  }
}
