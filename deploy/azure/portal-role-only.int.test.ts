import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInRoleGuids } from "@/emulator/arm/built-in-roles";
import { customRolesOf } from "@/emulator/arm/custom-roles";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoServicePrincipals, demoSubscriptions } from "@/emulator/seed/organisation";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { syncInventory } from "@/lib/server/clusters/sync-inventory";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { useEmulator } from "@/test/support";
import { drivePortalFlows, permissionsTenantSlug } from "./portal-flows.test-helper";

/**
 * The portal with nothing but its custom role, on an emulator that authorizes every ARM call of an
 * application (`authorizeApplications`): the main flows succeed without a single 403; the same role
 * without `listClusterUserCredential/action` on one subscription gets 403 AuthorizationFailed, and
 * the inventory marks that subscription's clusters as not readable by the portal, naming the action.
 */
type RoleFile = { Name: string; Description: string; Actions: string[]; NotActions: string[]; DataActions: string[]; NotDataActions: string[] };
const here = import.meta.dirname;
const roleFile = JSON.parse(readFileSync(path.join(here, "clusterdesk-portal-role.json"), "utf8")) as RoleFile;
const condition = readFileSync(path.join(here, "role-assignment-condition.txt"), "utf8");
const portal = demoServicePrincipals.clusterdesk.id;
const { nonProduction, production } = demoSubscriptions;
const fullRole = "0c000000-0000-4000-8000-000000000001";
const withoutCredentials = "0c000000-0000-4000-8000-000000000002";
const credentialAction = "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action";

let emulator: TestEmulator;

/** Replaces the seed's Contributor and User Access Administrator of the portal by the custom role(s), by subscription. */
function onlyCustomRole(roleBySubscription: Record<string, string>) {
  const state = emulator.state();
  const roles = customRolesOf(state);
  roles.splice(0, roles.length);
  const now = new Date().toISOString();
  const scopes = Object.values(demoSubscriptions).map((id) => `/subscriptions/${id}`);
  const role = (guid: string, actions: string[]) => ({
    guid, roleName: `${roleFile.Name} ${guid.slice(-1)}`, description: roleFile.Description, assignableScopes: scopes, createdOn: now, updatedOn: now,
    actions, notActions: roleFile.NotActions, dataActions: roleFile.DataActions, notDataActions: roleFile.NotDataActions,
  });
  roles.push(role(fullRole, roleFile.Actions), role(withoutCredentials, roleFile.Actions.filter((action) => action !== credentialAction)));
  const broad: string[] = [builtInRoleGuids.contributor, builtInRoleGuids.userAccessAdministrator];
  state.roleAssignments = state.roleAssignments.filter((assignment) => assignment.principalId !== portal || !broad.includes(assignment.roleDefinitionGuid));
  for (const [index, [subscriptionId, guid]] of Object.entries(roleBySubscription).entries()) {
    state.roleAssignments.push({
      name: `0d000000-0000-4000-8000-00000000000${index}`, scope: `/subscriptions/${subscriptionId}`, roleDefinitionGuid: guid, principalId: portal, principalType: "ServicePrincipal",
      description: null, condition, conditionVersion: "2.0", createdOn: now, updatedOn: now, createdBy: null, updatedBy: null,
    });
  }
}

beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide, authorizeApplications: true });
  useEmulator(emulator.url);
});
afterAll(async () => {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug: permissionsTenantSlug } } });
  await stopJobQueue();
  await emulator?.dispose();
});

describe("the portal with only its custom role, every ARM call authorized", () => {
  it("runs the main flows without a 403", async () => {
    emulator.reset();
    onlyCustomRole({ [nonProduction]: fullRole, [production]: fullRole });
    emulator.clearRequests();
    await drivePortalFlows();
    expect(emulator.requests().filter((entry) => entry.status === 403).map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);
  });

  it("is refused a call its role lacks with 403 AuthorizationFailed, and the inventory flags the clusters it cannot read", async () => {
    emulator.reset();
    onlyCustomRole({ [nonProduction]: fullRole, [production]: withoutCredentials });
    const refused = containerServiceClient(emulator, production).managedClusters.listClusterUserCredentials("rg-payments-prod", "aks-payments-prod");
    await expect(refused).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed", message: expect.stringContaining(credentialAction) });

    // A cold cache: no stored API-server endpoint lets the sync skip the credential call.
    await db().inventoryCluster.deleteMany({ where: { subscriptionId: production } });
    await syncInventory();
    const clusters = await db().inventoryCluster.findMany({ select: { name: true, subscriptionId: true, apiServerReachable: true, apiServerError: true } });
    // A private cluster is not reachable anyway, and says so; every other one names the missing right.
    const production_ = clusters.filter((cluster) => cluster.subscriptionId === production && !cluster.apiServerError?.includes("private cluster"));
    expect(production_.length).toBeGreaterThan(0);
    for (const cluster of production_) {
      expect(cluster, cluster.name).toMatchObject({ apiServerReachable: false, apiServerError: expect.stringContaining("does not have authorization") });
    }
    expect(clusters.filter((cluster) => cluster.subscriptionId === nonProduction && cluster.apiServerReachable).length).toBeGreaterThan(0);
  });
});
