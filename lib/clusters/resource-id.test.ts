import { describe, expect, it } from "vitest";
import { clusterResourceId, parseClusterResourceId } from "./resource-id";

describe("cluster resource ids", () => {
  it("round-trips and accepts ARM's varying case", () => {
    const key = { subscriptionId: "S", resourceGroup: "RG", name: "c1" };
    expect(parseClusterResourceId(clusterResourceId(key))).toEqual(key);
    expect(parseClusterResourceId("/subscriptions/S/resourcegroups/RG/providers/microsoft.containerservice/managedclusters/c1")).toEqual(key);
    expect(parseClusterResourceId("/subscriptions/S/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/c1/agentPools/a")).toBeUndefined();
  });
});
