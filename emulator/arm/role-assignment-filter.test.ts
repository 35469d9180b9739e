import { describe, expect, it } from "vitest";
import type { RoleAssignmentRecord } from "../state";
import { isAtOrAbove, parseRoleAssignmentFilter, selectRoleAssignments } from "./role-assignment-filter";

const sub = "/subscriptions/s1";
const rg = `${sub}/resourceGroups/rg`;
const cluster = `${rg}/providers/Microsoft.ContainerService/managedClusters/c1`;
const ns = `${cluster}/namespaces/team-a`;
const assignment = (name: string, scope: string, principalId: string): RoleAssignmentRecord => ({
  name, scope, principalId, roleDefinitionGuid: "r", principalType: "User", description: null, condition: null,
  conditionVersion: null, createdOn: "", updatedOn: "", createdBy: null, updatedBy: null,
});
const all = [assignment("sub", sub, "u1"), assignment("rg", rg, "g1"), assignment("cluster", cluster, "u2"), assignment("ns", ns, "g1")];
const names = (filter: string | null, scope: string) =>
  selectRoleAssignments(all, scope, parseRoleAssignmentFilter(filter), (id) => (id === "u9" ? ["g1"] : [])).map((a) => a.name);

describe("role assignment $filter", () => {
  it("without a filter returns assignments at, above and below", () => expect(names(null, cluster)).toEqual(["sub", "rg", "cluster", "ns"]));
  it("atScope() returns at and above", () => expect(names("atScope()", cluster)).toEqual(["sub", "rg", "cluster"]));
  it("principalId eq selects one principal, below included", () => expect(names("principalId eq 'g1'", rg)).toEqual(["rg", "ns"]));
  it("combines with and", () => expect(names("atScope() and principalId eq 'G1'", ns)).toEqual(["rg", "ns"]));
  it("assignedTo() follows group membership", () => expect(names("assignedTo('u9')", sub)).toEqual(["rg", "ns"]));
  it("compares scopes case-insensitively and by whole segments", () => {
    expect(isAtOrAbove("/SUBSCRIPTIONS/S1", cluster)).toBe(true);
    expect(isAtOrAbove(`${rg}x`, cluster)).toBe(false);
  });
  it("rejects unknown filters", () => expect(() => parseRoleAssignmentFilter("roleName eq 'x'")).toThrow(/not supported/));
});
