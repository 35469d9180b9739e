import { readFileSync } from "node:fs";
import path from "node:path";
import { ClientAssertionCredential } from "@azure/identity";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { microsoftGraphAppId, microsoftGraphAppRoles, microsoftGraphScopes, microsoftGraphServicePrincipalId } from "@/emulator/seed/microsoft-graph";
import { azureCliForEmulator, signInThroughEnv, type AzureCli } from "@/emulator/test-support/azure-cli";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { findInstalledTool } from "@/test/installed-tools";

/**
 * `deploy/azure/setup.sh app` with the real Azure CLI against the emulator's Graph and ARM, twice: the
 * app registration (redirect URI, groups claim, optional claims, Graph permissions), its service
 * principal, admin consent as app role assignments and a tenant-wide delegated grant, and the federated
 * credential for the portal's ServiceAccount on a cluster with an OIDC issuer; the second run changes
 * nothing. Then the new app, with only that federated credential, gets a Graph token with the consented
 * roles. A cluster without an issuer stops the run before anything is registered.
 */
const az = findInstalledTool("az", "Debian package azure-cli");
const env = findInstalledTool("env", "coreutils");
const here = import.meta.dirname;
const cluster = { resourceGroup: "rg-sandbox", name: "aks-analytics-wi" };
const appName = "Clusterdesk setup-app test";
const host = "clusterdesk-setup-app.example.com";
const optionalClaims: unknown = JSON.parse(readFileSync(path.join(here, "optional-claims.json"), "utf8"));
const roleIds = (...values: string[]) => values.map((value) => microsoftGraphAppRoles.find((role) => role.value === value)?.id ?? value);
const applicationPermissions = roleIds("User.Read.All", "GroupMember.Read.All", "Directory.Read.All");
const signInScopes = ["openid", "profile", "email"].map((value) => microsoftGraphScopes.find((scope) => scope.value === value)?.id ?? value);

describe.skipIf(!az.path)(`setup.sh's app part with the Azure CLI${az.path ? "" : ` (skipped: ${"skipReason" in az ? az.skipReason : ""})`}`, () => {
  let emulator: TestEmulator;
  let shell: AzureCli;
  const setupApp = (target = cluster, name = appName) =>
    shell.run(`CLUSTERDESK_HOST=${host}`, `AKS_RESOURCE_GROUP=${target.resourceGroup}`, `AKS_CLUSTER=${target.name}`, `CLUSTERDESK_APP_NAME=${name}`, "bash", path.join(here, "setup.sh"), "app");
  /** Everything the app part may create or change for the app named `name`. */
  const registration = (name = appName) => {
    const state = emulator.state();
    const applications = state.applications.filter((application) => application.displayName === name);
    const appIds = applications.map((application) => application.appId);
    const servicePrincipals = state.servicePrincipals.filter((sp) => appIds.includes(sp.appId));
    const spIds = servicePrincipals.map((sp) => sp.id);
    return {
      applications, servicePrincipals,
      appRoleAssignments: state.appRoleAssignments.filter((assignment) => spIds.includes(assignment.principalId)),
      grants: state.oauth2PermissionGrants.filter((grant) => spIds.includes(grant.clientId)),
    };
  };
  const issuer = () => emulator.state().clusters.find((record) => record.resource.name === cluster.name)?.resource.properties.oidcIssuerProfile?.issuerURL;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    shell = await azureCliForEmulator(emulator, env.path ?? "env");
    await signInThroughEnv(shell, emulator, az.path ?? "az", demoSubscriptions.nonProduction);
  }, 240_000);
  afterAll(async () => {
    await shell?.dispose();
    await emulator?.dispose();
  });

  it("registers the app with its claims, permissions, consent and federated credential, prints its ids, and a second run changes nothing", async () => {
    const first = await setupApp();
    expect(first.stderr, first.stderr).not.toMatch(/ERROR/);
    expect(first.code, first.stderr).toBe(0);
    const { applications: [application, ...otherApps], servicePrincipals: [sp, ...otherSps], appRoleAssignments, grants } = registration();
    expect(otherApps).toEqual([]);
    expect(otherSps).toEqual([]);
    expect(first.stdout).toBe(`AZURE_CLIENT_ID=${application?.appId}\nAZURE_TENANT_ID=${emulator.state().tenantId}\n`);
    expect(application).toMatchObject({ signInAudience: "AzureADMyOrg", groupMembershipClaims: "SecurityGroup", optionalClaims, web: { redirectUris: [`https://${host}/auth/callback`] } });
    const requested = application?.requiredResourceAccess as Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
    expect(requested.map((entry) => entry.resourceAppId)).toEqual([microsoftGraphAppId]);
    expect(requested[0]?.resourceAccess.map(({ id, type }) => `${id}=${type}`).sort()).toEqual([...applicationPermissions.map((id) => `${id}=Role`), ...signInScopes.map((id) => `${id}=Scope`)].sort());
    expect(appRoleAssignments.map((assignment) => ({ resourceId: assignment.resourceId, appRoleId: assignment.appRoleId })).sort((a, b) => a.appRoleId.localeCompare(b.appRoleId)))
      .toEqual(applicationPermissions.map((appRoleId) => ({ resourceId: microsoftGraphServicePrincipalId, appRoleId })).sort((a, b) => a.appRoleId.localeCompare(b.appRoleId)));
    expect(grants).toEqual([expect.objectContaining({ clientId: sp?.id, resourceId: microsoftGraphServicePrincipalId, consentType: "AllPrincipals", principalId: null, scope: "openid profile email" })]);
    expect(application?.federatedIdentityCredentials).toEqual([
      expect.objectContaining({ name: `clusterdesk-on-${cluster.name}`, issuer: issuer(), subject: "system:serviceaccount:clusterdesk:clusterdesk", audiences: ["api://AzureADTokenExchange"] }),
    ]);

    const before = structuredClone(registration());
    emulator.clearRequests();
    const second = await setupApp();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(registration()).toEqual(before);
    // Reads, and the one idempotent PATCH of `az ad app update`: nothing is created a second time.
    expect(emulator.requests().filter((request) => request.method !== "GET" && request.path.startsWith("/v1.0/")).map((request) => `${request.method} ${request.path.replace(/\/[0-9a-f-]{36}$/, "/{id}")}`)).toEqual(["PATCH /v1.0/applications/{id}"]);
  }, 300_000);

  it("the new app, with only its federated credential, gets Graph tokens carrying the consented application permissions", async () => {
    const [application] = registration().applications;
    const credential = new ClientAssertionCredential(emulator.state().tenantId, application?.appId ?? "", () => emulator.issueServiceAccountToken({ clusterName: cluster.name, namespace: "clusterdesk", serviceAccount: "clusterdesk" }), { authorityHost: emulator.url, disableInstanceDiscovery: true });
    const graph = decodeJwt((await credential.getToken("https://graph.microsoft.com/.default")).token);
    expect([...(graph.roles as string[])].sort()).toEqual(["Directory.Read.All", "GroupMember.Read.All", "User.Read.All"]);
    const arm = decodeJwt((await credential.getToken("https://management.azure.com/.default")).token);
    expect(arm.roles).toBeUndefined();
  });

  it("stops before registering anything when the cluster has no OIDC issuer", async () => {
    const result = await setupApp({ resourceGroup: "rg-dev", name: "aks-shared-dev" }, "Clusterdesk setup-app no issuer");
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`aks-shared-dev has no OIDC issuer: az aks update -g rg-dev -n aks-shared-dev --enable-oidc-issuer`);
    expect(registration("Clusterdesk setup-app no issuer").applications).toEqual([]);
  }, 120_000);
});
