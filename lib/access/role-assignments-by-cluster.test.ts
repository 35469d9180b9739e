import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { draftsFromAssignments } from "./found-access";
import { assignmentsByCluster } from "./role-assignments-by-cluster";
import { accessRoles } from "./roles";

const clusterId = (rg: string, name: string) => `/subscriptions/s1/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;
const writer = `/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/${accessRoles.writer.roleDefinitionGuid}`;
const assignment = (id: string, scope: string) => ({ id, scope, roleDefinitionId: writer, principalId: "11111111-2222-3333-4444-555555555555", principalType: "User" });

describe("assignmentsByCluster", () => {
  it("gives each cluster its subscription's and resource group's assignments, its own and its namespaces', and no other's", () => {
    const around = assignmentsByCluster([
      assignment("sub", "/subscriptions/S1/"),
      assignment("rg-a", "/subscriptions/s1/resourceGroups/RG-A"),
      assignment("rg-b", "/subscriptions/s1/resourceGroups/rg-b"),
      assignment("c1", clusterId("rg-a", "c1")),
      assignment("c1-ns", `${clusterId("rg-a", "C1")}/namespaces/team-a`),
      assignment("c10", clusterId("rg-a", "c10")),
      assignment("storage", "/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Storage/storageAccounts/c1"),
      assignment("mg", "/providers/Microsoft.Management/managementGroups/root"),
    ]);
    expect(around(clusterId("rg-a", "c1")).map((found) => found.id)).toEqual(["sub", "rg-a", "c1", "c1-ns"]);
    expect(around(clusterId("rg-b", "c2")).map((found) => found.id)).toEqual(["sub", "rg-b"]);
    expect(around("/subscriptions/s2/resourceGroups/rg-a/providers/Microsoft.ContainerService/managedClusters/c1")).toEqual([]);
  });

  it("yields the same access entries as a list at each cluster's scope would", () => {
    const names = ["c1", "c2", "C1"];
    const groups = ["rg-a", "rg-b"];
    const scope = fc.oneof(
      fc.constant("/subscriptions/s1"),
      fc.constantFrom(...groups).map((rg) => `/subscriptions/s1/resourceGroups/${rg}`),
      fc.tuple(fc.constantFrom(...groups), fc.constantFrom(...names)).map(([rg, name]) => clusterId(rg, name)),
      fc.tuple(fc.constantFrom(...groups), fc.constantFrom(...names), fc.constantFrom("a", "b")).map(([rg, name, ns]) => `${clusterId(rg, name)}/namespaces/${ns}`),
      fc.constantFrom("/subscriptions/s2", "/", "/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Network/publicIPAddresses/c1"),
    );
    fc.assert(
      fc.property(fc.array(scope, { maxLength: 30 }), fc.constantFrom(...groups), fc.constantFrom(...names), (scopes, rg, name) => {
        const assignments = scopes.map((found, index) => assignment(`a${index}`, found));
        const cluster = clusterId(rg, name);
        const ids = (list: typeof assignments) => draftsFromAssignments(cluster, list).map((draft) => draft.externalId).sort();
        expect(ids(assignmentsByCluster(assignments)(cluster))).toEqual(ids(assignments));
      }),
    );
  });
});
