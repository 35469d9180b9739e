import { describe, expect, it } from "vitest";
import { actionMatches, armActionOf, roleAllows } from "./arm-action";

const cluster = "/subscriptions/s1/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-a";

describe("armActionOf", () => {
  it.each([
    ["GET", `/subscriptions/s1/providers/Microsoft.ContainerService/managedClusters?api-version=2026-04-01`, "Microsoft.ContainerService/managedClusters/read"],
    ["GET", `${cluster}?api-version=2026-04-01`, "Microsoft.ContainerService/managedClusters/read"],
    ["PUT", cluster, "Microsoft.ContainerService/managedClusters/write"],
    ["PATCH", cluster, "Microsoft.ContainerService/managedClusters/write"],
    ["DELETE", cluster, "Microsoft.ContainerService/managedClusters/delete"],
    ["POST", `${cluster}/listClusterUserCredential?api-version=2026-04-01`, "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action"],
    ["GET", `${cluster}/agentPools`, "Microsoft.ContainerService/managedClusters/agentPools/read"],
    ["PUT", `${cluster}/managedNamespaces/payments-dev`, "Microsoft.ContainerService/managedClusters/managedNamespaces/write"],
    ["POST", `${cluster}/managedNamespaces/payments-dev/listCredential`, "Microsoft.ContainerService/managedClusters/managedNamespaces/listCredential/action"],
    ["GET", "/subscriptions/s1/providers/Microsoft.ContainerService/locations/westeurope/operations/op1", "Microsoft.ContainerService/locations/operations/read"],
    ["GET", "/subscriptions/s1/providers/Microsoft.ContainerService/locations/westeurope/kubernetesVersions", "Microsoft.ContainerService/locations/kubernetesVersions/read"],
    // An extension resource is authorized as its own type, whatever scope it sits on.
    ["PUT", `${cluster}/namespaces/payments-dev/providers/Microsoft.Authorization/roleAssignments/ra1`, "Microsoft.Authorization/roleAssignments/write"],
    ["DELETE", `/${cluster}/providers/Microsoft.Authorization/roleAssignments/ra1`, "Microsoft.Authorization/roleAssignments/delete"],
    ["GET", `${cluster}/providers/Microsoft.Authorization/roleAssignments?$filter=atScope()`, "Microsoft.Authorization/roleAssignments/read"],
    ["GET", "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/7f6c6a51", "Microsoft.Authorization/roleDefinitions/read"],
    ["PUT", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1/federatedIdentityCredentials/fc", "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write"],
    ["GET", "/subscriptions/s1/resourceGroups/MC_rg/providers/Microsoft.Network/publicIPAddresses/ip1", "Microsoft.Network/publicIPAddresses/read"],
    ["GET", "/subscriptions", "Microsoft.Resources/subscriptions/read"],
    ["GET", "/subscriptions/s1", "Microsoft.Resources/subscriptions/read"],
    ["GET", "/subscriptions/s1/resourceGroups/rg", "Microsoft.Resources/subscriptions/resourceGroups/read"],
  ])("%s %s → %s", (method, path, action) => {
    expect(armActionOf(method, path)).toBe(action);
  });

  it("is null outside ARM and for requests that are no ARM operation", () => {
    expect(armActionOf("GET", "/v1.0/users/u1")).toBeNull();
    expect(armActionOf("POST", "/tenant/oauth2/v2.0/token")).toBeNull();
    expect(armActionOf("GET", "/k8s/s1/rg/aks-a/api/v1/namespaces")).toBeNull();
    expect(armActionOf("OPTIONS", cluster)).toBeNull();
    expect(armActionOf("POST", cluster)).toBeNull();
  });
});

describe("roleAllows", () => {
  it("matches wildcards ignoring case and honours NotActions", () => {
    expect(actionMatches("Microsoft.ContainerService/managedClusters/*/read", "microsoft.containerservice/managedclusters/agentPools/read")).toBe(true);
    expect(actionMatches("Microsoft.ContainerService/managedClusters/read", "Microsoft.ContainerService/managedClusters/write")).toBe(false);
    const role = { actions: ["Microsoft.Authorization/roleAssignments/*"], notActions: ["Microsoft.Authorization/roleAssignments/delete"] };
    expect(roleAllows(role, "Microsoft.Authorization/roleAssignments/write")).toBe(true);
    expect(roleAllows(role, "Microsoft.Authorization/roleAssignments/delete")).toBe(false);
    // A dot in an action is literal, not any character.
    expect(actionMatches("Microsoft.Network/x", "MicrosoftXNetwork/x")).toBe(false);
  });
});
