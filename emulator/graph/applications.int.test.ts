import { ClientSecretCredential } from "@azure/identity";
import { Client } from "@microsoft/microsoft-graph-client";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { microsoftGraphAppId, microsoftGraphServicePrincipalId } from "../seed/microsoft-graph";
import { demoServicePrincipals } from "../seed/organisation";
import { clusterdeskCredential } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * App registrations through Graph with the Microsoft Graph SDK: applications and their federated
 * credentials, service principals, app role assignments (admin consent to application permissions) and
 * delegated grants, Graph's 400/404/409 answers, and consented roles in the app's own tokens.
 */
let emulator: TestEmulator;
let graph: Client;
const userReadAll = "df021288-bdef-4463-88db-98f22de89214";
const groupMemberReadAll = "98830695-27a2-44f7-8c18-0c3ebc9698f6";
type Entity = Record<string, unknown> & { id: string };
type Found = { value: Entity[] };

beforeAll(async () => {
  emulator = await startTestEmulator();
  const token = await emulator.issueTestToken({ servicePrincipal: demoServicePrincipals.clusterdesk.appId, audience: "graph" });
  graph = Client.initWithMiddleware({ authProvider: { getAccessToken: () => Promise.resolve(token) }, baseUrl: `${emulator.url}/`, customHosts: new Set(["localhost"]) });
});
afterAll(() => emulator.dispose());

const refusal = (request: Promise<unknown>) => request.then(() => ({ statusCode: 0, code: "none", message: "" }), (error: { statusCode: number; code: string; message: string }) => ({ statusCode: error.statusCode, code: error.code, message: error.message }));

describe("applications", () => {
  it("are created with a new appId, found by $filter and alternate key, and PATCHed with the properties setup.sh sets", async () => {
    const created = (await graph.api("/applications").post({ displayName: "Graph test app", signInAudience: "AzureADMyOrg" })) as Entity & { appId: string };
    expect(created).toMatchObject({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications/$entity", displayName: "Graph test app", groupMembershipClaims: null, requiredResourceAccess: [] });
    expect(created.appId).not.toBe(created.id);
    await graph.api(`/applications/${created.id}`).patch({
      web: { redirectUris: ["https://portal.example.com/auth/callback"] }, groupMembershipClaims: "SecurityGroup",
      optionalClaims: { idToken: [{ name: "groups", essential: false, additionalProperties: [] }], accessToken: [], saml2Token: [] },
      requiredResourceAccess: [{ resourceAppId: microsoftGraphAppId, resourceAccess: [{ id: userReadAll, type: "Role" }] }],
    });
    const byAppId = (await graph.api("/applications").filter(`appId eq '${created.appId}'`).get()) as Found;
    expect(byAppId.value.map((application) => application.id)).toEqual([created.id]);
    expect((await graph.api("/applications").filter("displayName eq 'Graph test'").get()) as Found).toMatchObject({ value: [] });
    const fetched = (await graph.api(`/applications(appId='${created.appId}')`).get()) as Entity;
    expect(fetched).toMatchObject({ id: created.id, groupMembershipClaims: "SecurityGroup", web: { redirectUris: ["https://portal.example.com/auth/callback"], logoutUrl: null } });
  });

  it("refuse a bad redirect URI, an unknown property or group claim and change nothing; an unknown id is 404", async () => {
    const { id } = (await graph.api("/applications").post({ displayName: "Graph test refusals" })) as Entity;
    for (const body of [{ web: { redirectUris: ["http://portal.example.com/callback"] } }, { groupMembershipClaims: "Everything" }, { secretSauce: true }, { displayName: "Renamed", appId: "x" }]) {
      expect(await refusal(graph.api(`/applications/${id}`).patch(body))).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
    }
    expect((await graph.api(`/applications/${id}`).get()) as Entity).toMatchObject({ displayName: "Graph test refusals", groupMembershipClaims: null, web: { redirectUris: [] } });
    expect(await refusal(graph.api("/applications/0f000000-0000-4000-8000-0000000000aa").get())).toEqual({
      statusCode: 404, code: "Request_ResourceNotFound", message: "Resource '0f000000-0000-4000-8000-0000000000aa' does not exist or one of its queried reference-property objects are not present.",
    });
  });

  it("hold federated credentials: one audience, names unique in the app", async () => {
    const { id } = (await graph.api("/applications").post({ displayName: "Graph test workload" })) as Entity;
    const credential = { name: "on-cluster", issuer: "https://eastus.oic.prod-aks.azure.com/t/c/", subject: "system:serviceaccount:ns:sa", audiences: ["api://AzureADTokenExchange"] };
    expect(await graph.api(`/applications/${id}/federatedIdentityCredentials`).post(credential)).toMatchObject({ ...credential, description: null });
    expect(await refusal(graph.api(`/applications/${id}/federatedIdentityCredentials`).post({ ...credential, subject: "other" }))).toMatchObject({ statusCode: 400, message: "FederatedIdentityCredential with name on-cluster already exists." });
    expect(await refusal(graph.api(`/applications/${id}/federatedIdentityCredentials`).post({ ...credential, name: "two", audiences: ["a", "b"] }))).toMatchObject({ statusCode: 400 });
    expect(((await graph.api(`/applications/${id}/federatedIdentityCredentials`).get()) as Found).value.map((item) => item.name)).toEqual(["on-cluster"]);
  });
});

describe("service principals and consent", () => {
  it("publish Microsoft Graph's application permissions with their real ids", async () => {
    const sp = (await graph.api(`/servicePrincipals(appId='${microsoftGraphAppId}')`).get()) as Entity & { appRoles: Array<{ id: string; value: string }> };
    expect(sp.id).toBe(microsoftGraphServicePrincipalId);
    expect(sp.appRoles).toEqual(expect.arrayContaining([expect.objectContaining({ id: userReadAll, value: "User.Read.All" }), expect.objectContaining({ id: "b633e1c5-b582-4048-a93e-9f11b44c7e96", value: "Mail.Send" })]));
  });

  it("are created once per app registration; consent is one app role assignment per role, and the app's Graph token carries them", async () => {
    const { appId, id: applicationId } = (await graph.api("/applications").post({ displayName: "Graph test consent" })) as Entity & { appId: string };
    expect(await refusal(graph.api("/servicePrincipals").post({ appId: "0f000000-0000-4000-8000-0000000000bb" }))).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
    const sp = (await graph.api("/servicePrincipals").post({ appId, accountEnabled: true })) as Entity;
    expect(sp).toMatchObject({ appId, displayName: "Graph test consent", servicePrincipalNames: [appId] });
    expect(await refusal(graph.api("/servicePrincipals").post({ appId }))).toMatchObject({ statusCode: 409, code: "Request_MultipleObjectsWithSameKeyValue", message: expect.stringContaining(`service principal name ${appId} is already in use`) });

    const assignedTo = graph.api(`/servicePrincipals/${microsoftGraphServicePrincipalId}/appRoleAssignedTo`);
    const assignment = { principalId: sp.id, resourceId: microsoftGraphServicePrincipalId, appRoleId: userReadAll };
    expect(await assignedTo.post(assignment)).toMatchObject({ ...assignment, principalType: "ServicePrincipal", principalDisplayName: "Graph test consent", resourceDisplayName: "Microsoft Graph" });
    expect(await refusal(assignedTo.post(assignment))).toMatchObject({ statusCode: 400, message: "Permission being assigned already exists on the object." });
    expect(await refusal(assignedTo.post({ ...assignment, appRoleId: "0f000000-0000-4000-8000-0000000000cc" }))).toMatchObject({ statusCode: 400, message: `Permission being assigned was not found on application '${microsoftGraphAppId}'.` });
    await graph.api(`/servicePrincipals/${sp.id}/appRoleAssignments`).post({ ...assignment, appRoleId: groupMemberReadAll });
    expect(((await graph.api(`/servicePrincipals/${sp.id}/appRoleAssignments`).get()) as Found).value.map((item) => item.appRoleId)).toEqual([userReadAll, groupMemberReadAll]);

    // The emulator has no addPassword: a secret on the record stands in for the app's credential.
    const record = emulator.state().servicePrincipals.find((candidate) => candidate.appId === appId);
    if (record) record.secret = "graph-test-consent-secret";
    const credential = new ClientSecretCredential(emulator.state().tenantId, appId, "graph-test-consent-secret", { authorityHost: emulator.url, disableInstanceDiscovery: true });
    expect(decodeJwt((await credential.getToken("https://graph.microsoft.com/.default")).token).roles).toEqual(["User.Read.All", "GroupMember.Read.All"]);
    expect(decodeJwt((await credential.getToken("https://management.azure.com/.default")).token).roles).toBeUndefined();

    await graph.api(`/applications/${applicationId}`).delete();
    expect(emulator.state().servicePrincipals.some((candidate) => candidate.appId === appId)).toBe(false);
    expect(emulator.state().appRoleAssignments.some((candidate) => candidate.principalId === sp.id)).toBe(false);
  });

  it("grant delegated permissions the resource publishes, once per client and principal", async () => {
    const { appId } = (await graph.api("/applications").post({ displayName: "Graph test delegated" })) as Entity & { appId: string };
    const sp = (await graph.api("/servicePrincipals").post({ appId })) as Entity;
    const grant = { clientId: sp.id, consentType: "AllPrincipals", principalId: null, resourceId: microsoftGraphServicePrincipalId, scope: "openid profile" };
    expect(await graph.api("/oauth2PermissionGrants").post(grant)).toMatchObject(grant);
    expect(await refusal(graph.api("/oauth2PermissionGrants").post(grant))).toMatchObject({ statusCode: 409 });
    expect(await refusal(graph.api("/oauth2PermissionGrants").post({ ...grant, consentType: "Principal", principalId: null }))).toMatchObject({ statusCode: 400 });
    expect(await refusal(graph.api("/oauth2PermissionGrants").post({ ...grant, scope: "Nope.Read" }))).toMatchObject({ statusCode: 400 });
    expect(((await graph.api("/oauth2PermissionGrants").filter(`clientId eq '${sp.id}'`).get()) as Found).value.map((item) => item.scope)).toEqual(["openid profile"]);
  });

  it("leave the seeded portal app's token from the token endpoint as it was: Mail.Send, fixed by the seed", async () => {
    const token = await clusterdeskCredential(emulator).getToken("https://graph.microsoft.com/.default");
    expect(decodeJwt(token.token).roles).toEqual(["Mail.Send"]);
  });
});
