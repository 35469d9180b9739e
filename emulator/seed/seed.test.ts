import { describe, expect, it } from "vitest";
import { localDemoOrganisation } from "../../lib/config/local-mode";
import { builtInRole } from "../arm/built-in-roles";
import { validateClusterProperties } from "../arm/cluster-validation";
import { directoryObjectExists } from "../directory";
import { seedState } from "./index";

describe("the seeded organisation", () => {
  const state = seedState();

  it("uses the app's local-mode identifiers", () => {
    expect(state.tenantId).toBe(localDemoOrganisation.tenantId);
    expect(state.subscriptions.map((s) => s.subscriptionId)).toEqual([...localDemoOrganisation.subscriptionIds]);
    expect(state.groups.map((g) => g.id)).toEqual(expect.arrayContaining([...localDemoOrganisation.adminGroupIds, ...localDemoOrganisation.auditorGroupIds]));
    expect(state.servicePrincipals[0]?.appId).toBe(localDemoOrganisation.clientId);
  });

  it("has valid clusters in existing resource groups", () => {
    expect(state.clusters.length).toBeGreaterThanOrEqual(6);
    for (const cluster of state.clusters) {
      expect(validateClusterProperties(cluster.resource.properties, true)).toBeUndefined();
      const subscription = state.subscriptions.find((s) => s.subscriptionId === cluster.subscriptionId);
      expect(subscription?.resourceGroups.some((g) => g.name === cluster.resourceGroup)).toBe(true);
    }
  });

  it("assigns only existing roles to existing principals", () => {
    for (const assignment of state.roleAssignments) {
      expect(builtInRole(assignment.roleDefinitionGuid)).toBeDefined();
      expect(directoryObjectExists(state, assignment.principalId)).toBe(true);
    }
  });
});
