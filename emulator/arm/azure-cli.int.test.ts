import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubernetesServerUrl } from "../contracts";
import { findInstalledTool } from "../../test/installed-tools";
import { clusterResourceId } from "../state";
import { demoServicePrincipals, demoSubscriptions, demoUsers, tenantDomain } from "../seed/organisation";
import { builtInRoleGuids } from "./built-in-roles";
import { azureCliForEmulator, emulatorCloudConfig, emulatorCloudName, type AzureCli } from "../test-support/azure-cli";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * Issue 11's acceptance: the installed Azure CLI (Debian's azure-cli 2.45) against the emulator, as a
 * user of a custom cloud would drive it: `az aks list|show|update --api-server-authorized-ip-ranges` and
 * `az role assignment create|list|delete` at a namespace scope, assignees resolved through Graph.
 */
const az = findInstalledTool("az", "Debian package azure-cli");
const lroDurationMs = 2000;
const sharedDev = clusterResourceId(demoSubscriptions.nonProduction, "rg-dev", "aks-shared-dev");
const paymentsDev = `${sharedDev}/namespaces/payments-dev`;
const engineer = `liam.obrien@${tenantDomain}`;
const reader = "Azure Kubernetes Service RBAC Reader";

type Account = { id: string; tenantId: string; user: { name: string; type: string; assignedIdentityInfo: string } };
type ManagedCluster = { name: string; provisioningState: string; apiServerAccessProfile: { authorizedIpRanges: string[] | null } | null };
type RoleAssignment = { id: string; principalId: string; principalName?: string; principalType: string; roleDefinitionId: string; roleDefinitionName?: string; scope: string; createdBy: string };

describe.skipIf(!az.path)(`the Azure CLI against the emulator${az.path ? "" : ` (skipped: ${"skipReason" in az ? az.skipReason : ""})`}`, () => {
  let emulator: TestEmulator;
  let cli: AzureCli;
  const logged = (pattern: RegExp) => emulator.requests().filter((entry) => pattern.test(`${entry.method} ${entry.path}`));

  let accounts: Account[] = [];
  let tokenRequests: number[] = [];
  beforeAll(async () => {
    emulator = await startTestEmulator({ lroDurationMs });
    cli = await azureCliForEmulator(emulator, az.path ?? "az");
    await cli.json("cloud", "register", "--name", emulatorCloudName, "--cloud-config", emulatorCloudConfig(emulator.url));
    await cli.json("cloud", "set", "--name", emulatorCloudName);
    accounts = await cli.json<Account[]>("login", "--identity");
    tokenRequests = logged(/^POST \/metadata\/identity\/oauth2\/token$/).map((entry) => entry.status);
    await cli.json("account", "set", "--subscription", demoSubscriptions.nonProduction);
  }, 180_000);
  afterAll(async () => {
    await cli?.dispose();
    await emulator?.dispose();
  });

  it("signed in with the host's managed identity and found both subscriptions", () => {
    expect(accounts.map((account) => account.id).sort()).toEqual(Object.values(demoSubscriptions).sort());
    expect(accounts[0]).toMatchObject({ tenantId: emulator.endpoints.tenantId, user: { name: "systemAssignedIdentity", type: "servicePrincipal", assignedIdentityInfo: "MSI" } });
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(tokenRequests.every((status) => status === 200)).toBe(true);
  });

  it("lists and shows the emulated clusters", async () => {
    const names = await cli.json<string[]>("aks", "list", "--query", "[].name");
    expect(names).toEqual(["aks-shared-dev", "aks-dev-open", "aks-legacy-podid", "aks-analytics-wi"]);
    const shown = await cli.json<ManagedCluster>("aks", "show", "--resource-group", "rg-dev", "--name", "aks-shared-dev");
    expect(shown).toMatchObject({ name: "aks-shared-dev", provisioningState: "Succeeded", apiServerAccessProfile: { authorizedIpRanges: ["203.0.113.0/24", "192.0.2.0/24"] } });
  }, 120_000);

  it("writes a kubeconfig for the emulated API server with az aks get-credentials", async () => {
    const file = path.join(cli.directory, "kubeconfig");
    const fetched = await cli.run("aks", "get-credentials", "--resource-group", "rg-dev", "--name", "aks-dev-open", "--file", file);
    expect(fetched).toMatchObject({ code: 0, stderr: expect.stringContaining('Merged "aks-dev-open" as current context') });
    const server = kubernetesServerUrl(emulator.url, { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-dev-open" });
    expect(await readFile(file, "utf8")).toContain(`server: ${server}`);
  }, 120_000);

  it("replaces the authorized IP ranges through a long-running update that the CLI waits for", async () => {
    emulator.clearRequests();
    const update = await cli.run("aks", "update", "--resource-group", "rg-dev", "--name", "aks-shared-dev", "--api-server-authorized-ip-ranges", "20.50.0.0/16", "--output", "json");
    expect(update).toMatchObject({ code: 0 });
    expect((JSON.parse(update.stdout) as ManagedCluster).provisioningState).toBe("Succeeded");
    const polls = logged(/^GET \/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerService\/locations\/westeurope\/operations\//);
    expect(polls.length).toBeGreaterThanOrEqual(1);
    // Retry-After (2 s here) paces the CLI's polls, not its 30 s default: done in the duration plus one poll and start-up.
    console.info(`az aks update took ${update.durationMs} ms (operation ${lroDurationMs} ms, ${polls.length} polls)`);
    expect(update.durationMs).toBeLessThan(lroDurationMs + 2000 + 15_000);
    const ranges = await cli.json<string[]>("aks", "show", "--resource-group", "rg-dev", "--name", "aks-shared-dev", "--query", "apiServerAccessProfile.authorizedIpRanges");
    expect(ranges).toEqual(["20.50.0.0/16"]);
  }, 120_000);

  it("creates, lists and deletes a role assignment on a namespace, resolving the assignee through Graph", async () => {
    emulator.clearRequests();
    const created = await cli.json<RoleAssignment>("role", "assignment", "create", "--assignee", engineer, "--role", reader, "--scope", paymentsDev);
    // Created by the managed identity the CLI signed in with.
    expect(created).toMatchObject({ principalId: demoUsers.paymentsEngineer, principalType: "User", scope: paymentsDev, createdBy: demoServicePrincipals.clusterdesk.id });
    expect(created.roleDefinitionId.endsWith(`/roleDefinitions/${builtInRoleGuids.aksRbacReader}`)).toBe(true);
    expect(created.id.startsWith(`${paymentsDev}/providers/Microsoft.Authorization/roleAssignments/`)).toBe(true);

    const listed = await cli.json<RoleAssignment[]>("role", "assignment", "list", "--scope", paymentsDev);
    expect(listed.find((assignment) => assignment.id === created.id)).toMatchObject({ principalName: engineer, roleDefinitionName: reader });

    const deleted = await cli.run("role", "assignment", "delete", "--assignee", demoUsers.paymentsEngineer, "--role", reader, "--scope", paymentsDev);
    expect(deleted).toMatchObject({ code: 0, stderr: "" });
    const after = await cli.json<RoleAssignment[]>("role", "assignment", "list", "--scope", paymentsDev);
    expect(after.map((assignment) => assignment.id)).not.toContain(created.id);
    expect(after.length).toBe(listed.length - 1);

    // The CLI swallows Graph failures (it names no principals, or assumes an object id): prove Graph answered.
    const graphCalls = logged(/ \/v1\.0\//).map((entry) => `${entry.method} ${entry.path.split("?")[0] ?? ""} ${entry.status}`);
    expect(new Set(graphCalls)).toEqual(new Set(["GET /v1.0/users 200", "POST /v1.0/directoryObjects/getByIds 200", "GET /v1.0/servicePrincipals 200"]));
    expect(logged(/^GET .*\/roleDefinitions\?\$filter=roleName%20eq%20/).every((entry) => entry.status === 200)).toBe(true);
  }, 120_000);
});
