import { stableGuid } from "../arm/derived-fields";
import type { EmulatorState } from "../state";
import { buildCluster, demoClusterSpecs } from "./clusters";

/**
 * Adds `clusters` clusters spread over `subscriptions` subscriptions (the seeded ones first, then
 * generated ones) for benchmarks. The postures cycle through the seeded specs.
 */
export function addLargeOrganisation(state: EmulatorState, options: { clusters: number; subscriptions: number }): void {
  const subscriptionIds = state.subscriptions.map((subscription) => subscription.subscriptionId);
  for (let index = subscriptionIds.length; index < options.subscriptions; index += 1) {
    const subscriptionId = stableGuid(`bench-subscription-${index}`);
    state.subscriptions.push({ subscriptionId, displayName: `Benchmark ${index + 1}`, resourceGroups: [] });
    subscriptionIds.push(subscriptionId);
  }
  for (let index = 0; index < options.clusters; index += 1) {
    const subscriptionId = subscriptionIds[index % Math.max(1, options.subscriptions)] ?? "";
    const subscription = state.subscriptions.find((candidate) => candidate.subscriptionId === subscriptionId);
    const spec = demoClusterSpecs[index % demoClusterSpecs.length];
    if (!subscription || !spec) continue;
    const resourceGroup = `rg-bench-${Math.floor(index / 50)}`;
    if (!subscription.resourceGroups.some((group) => group.name === resourceGroup)) {
      subscription.resourceGroups.push({ name: resourceGroup, location: spec.location, tags: { purpose: "benchmark" } });
    }
    state.clusters.push(buildCluster({ ...spec, subscriptionId, resourceGroup, name: `aks-bench-${String(index).padStart(5, "0")}` }, state.tenantId));
  }
}
