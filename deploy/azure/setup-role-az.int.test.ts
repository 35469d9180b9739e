import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInRoleGuids } from "@/emulator/arm/built-in-roles";
import { demoServicePrincipals, demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { clusterResourceId } from "@/emulator/state";
import { azureCliForEmulator, signInThroughEnv, type AzureCli } from "@/emulator/test-support/azure-cli";
import { authorizationClient } from "@/emulator/test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { findInstalledTool } from "@/test/installed-tools";

/**
 * `deploy/azure/setup.sh role` with the real Azure CLI against the emulator, twice (idempotent): the
 * custom role is defined from clusterdesk-portal-role.json and assigned to the portal's service
 * principal on both subscriptions with the condition. Then, with the seed's broad roles taken away,
 * the portal (the real SDK, its own token) may assign the AKS RBAC roles and nothing else: ARM
 * answers 403 AuthorizationFailed for Owner.
 */
const az = findInstalledTool("az", "Debian package azure-cli");
const env = findInstalledTool("env", "coreutils");
const here = import.meta.dirname;
const portal = demoServicePrincipals.clusterdesk.id;
const subscriptions = Object.values(demoSubscriptions);
const roleFile = JSON.parse(readFileSync(path.join(here, "clusterdesk-portal-role.json"), "utf8")) as { Actions: string[]; DataActions: string[] };
const condition = readFileSync(path.join(here, "role-assignment-condition.txt"), "utf8");
const paymentsDev = `${clusterResourceId(demoSubscriptions.nonProduction, "rg-dev", "aks-shared-dev")}/namespaces/payments-dev`;

describe.skipIf(!az.path)(`setup.sh's role part with the Azure CLI${az.path ? "" : ` (skipped: ${"skipReason" in az ? az.skipReason : ""})`}`, () => {
  let emulator: TestEmulator;
  // The CLI's environment (its config folder, the emulator's CA, the managed identity) with `env` as
  // the program: `env az …` signs in, `env VAR=… bash setup.sh role` runs the script in the same one.
  let shell: AzureCli;
  const setupRole = () => shell.run(`AZURE_SUBSCRIPTION_IDS=${subscriptions.join(",")}`, `CLUSTERDESK_PRINCIPAL_ID=${portal}`, "bash", path.join(here, "setup.sh"), "role");
  const definitions = async () => {
    const found = [];
    for await (const definition of authorizationClient(emulator, demoSubscriptions.nonProduction).roleDefinitions.list(`/subscriptions/${demoSubscriptions.nonProduction}`, { filter: "roleName eq 'Clusterdesk portal'" })) found.push(definition);
    return found;
  };
  const portalAssignments = () => emulator.state().roleAssignments.filter((assignment) => assignment.principalId === portal);

  beforeAll(async () => {
    emulator = await startTestEmulator();
    shell = await azureCliForEmulator(emulator, env.path ?? "env");
    await signInThroughEnv(shell, emulator, az.path ?? "az", demoSubscriptions.nonProduction);
  }, 240_000);
  afterAll(async () => {
    await shell?.dispose();
    await emulator?.dispose();
  });

  it("defines the role and assigns it with the condition on every subscription, and a second run changes nothing", async () => {
    const first = await setupRole();
    expect(first.stderr, first.stderr).not.toMatch(/ERROR/);
    expect(first.code, first.stderr).toBe(0);
    const [definition, ...others] = await definitions();
    expect(others).toEqual([]);
    expect(definition).toMatchObject({ roleType: "CustomRole", assignableScopes: subscriptions.map((id) => `/subscriptions/${id}`) });
    expect(definition?.permissions?.[0]?.actions).toEqual(roleFile.Actions);
    expect(definition?.permissions?.[0]?.dataActions).toEqual(roleFile.DataActions);
    const custom = () => portalAssignments().filter((assignment) => assignment.roleDefinitionGuid === definition?.name);
    expect(custom().map((assignment) => assignment.scope).sort()).toEqual(subscriptions.map((id) => `/subscriptions/${id}`).sort());
    expect(custom().every((assignment) => assignment.condition?.trim() === condition.trim() && assignment.conditionVersion === "2.0")).toBe(true);

    const second = await setupRole();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain("already assigned");
    expect(await definitions()).toHaveLength(1);
    expect(custom()).toHaveLength(2);
  }, 240_000);

  it("with only that role, the portal assigns and removes the AKS RBAC roles and is refused any other", async () => {
    // Take away the seed's Contributor and User Access Administrator: the custom role is all that is left.
    const state = emulator.state();
    state.roleAssignments = state.roleAssignments.filter((assignment) => assignment.principalId !== portal || ![builtInRoleGuids.contributor, builtInRoleGuids.userAccessAdministrator].includes(assignment.roleDefinitionGuid as never));
    const client = authorizationClient(emulator, demoSubscriptions.nonProduction).roleAssignments;
    const assign = (guid: string, name: string) =>
      client.create(paymentsDev, name, { principalId: demoUsers.paymentsEngineer, principalType: "User", roleDefinitionId: `/subscriptions/${demoSubscriptions.nonProduction}/providers/Microsoft.Authorization/roleDefinitions/${guid}` });

    await expect(assign(builtInRoleGuids.aksRbacReader, "0a000000-0000-4000-8000-00000000a001")).resolves.toMatchObject({ principalId: demoUsers.paymentsEngineer });
    await expect(assign(builtInRoleGuids.owner, "0a000000-0000-4000-8000-00000000a002")).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    await expect(assign(builtInRoleGuids.aksClusterAdmin, "0a000000-0000-4000-8000-00000000a003")).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    await client.delete(paymentsDev, "0a000000-0000-4000-8000-00000000a001");
    expect(emulator.state().roleAssignments.some((assignment) => assignment.name === "0a000000-0000-4000-8000-00000000a001")).toBe(false);
  });
});
