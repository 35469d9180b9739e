import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDemoOrganisation } from "../../lib/config/local-mode";
import { aksServerApplicationId } from "../contracts";
import { demoGroups, demoUsers } from "../seed/organisation";
import { clusterdeskCredential } from "../test-support/sdk-clients";
import { msalForEmulator, pkcePair, signInHeadlessly } from "../test-support/sign-in";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

let emulator: TestEmulator;
const redirectUri = "http://localhost:3000/auth/callback";

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());

async function signIn(username: string, scopes = ["User.Read"]) {
  const msal = msalForEmulator(emulator);
  const { verifier, challenge } = pkcePair();
  const nonce = randomUUID();
  const state = randomUUID();
  const url = await msal.getAuthCodeUrl({ scopes, redirectUri, codeChallenge: challenge, codeChallengeMethod: "S256", nonce, state });
  const callback = await signInHeadlessly(url, username);
  const code = callback.searchParams.get("code") ?? "";
  return { msal, verifier, nonce, state, callback, code };
}

describe("Entra ID v2", () => {
  it("issues client-credential tokens to ClientSecretCredential", async () => {
    const token = await clusterdeskCredential(emulator).getToken("https://management.azure.com/.default");
    const claims = decodeJwt(token.token);
    expect(claims).toMatchObject({ aud: "https://management.azure.com", tid: localDemoOrganisation.tenantId, idtyp: "app", azp: localDemoOrganisation.clientId, ver: "2.0" });
    expect(claims.iss).toBe(`${emulator.url}/${localDemoOrganisation.tenantId}/v2.0`);
  });

  it("signs a user in with MSAL's authorization code + PKCE flow, nonce and state round-tripped", async () => {
    const { msal, verifier, nonce, state, callback, code } = await signIn("priya.patel@clusterdesk-demo.onmicrosoft.com");
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe(state);
    const result = await msal.acquireTokenByCode({ code, scopes: ["User.Read"], redirectUri, codeVerifier: verifier, nonce, state }, { code, state });
    expect(result.account?.homeAccountId).toBe(`${demoUsers.paymentsLead}.${localDemoOrganisation.tenantId}`);
    expect(result.idTokenClaims).toMatchObject({ oid: demoUsers.paymentsLead, nonce, preferred_username: "priya.patel@clusterdesk-demo.onmicrosoft.com", name: "Priya Patel", aud: localDemoOrganisation.clientId });
    expect((result.idTokenClaims as { groups?: string[] }).groups).toEqual(expect.arrayContaining([demoGroups.paymentsOwners, demoGroups.paymentsMembers, demoGroups.allEngineering]));
    expect(decodeJwt(result.accessToken).aud).toBe("https://graph.microsoft.com");

    const replay = await msal.acquireTokenByCode({ code, scopes: ["User.Read"], redirectUri, codeVerifier: verifier, nonce }).catch((error: unknown) => error);
    expect(String(replay)).toMatch(/AADSTS54005/);
  });

  it("rejects a wrong PKCE verifier and a wrong password", async () => {
    const { msal, nonce, code } = await signIn("max.mueller@clusterdesk-demo.onmicrosoft.com");
    const error = await msal.acquireTokenByCode({ code, scopes: ["User.Read"], redirectUri, codeVerifier: pkcePair().verifier, nonce }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/AADSTS501481/);
    const url = await msal.getAuthCodeUrl({ scopes: ["User.Read"], redirectUri, codeChallenge: pkcePair().challenge, codeChallengeMethod: "S256" });
    await expect(signInHeadlessly(url, "max.mueller@clusterdesk-demo.onmicrosoft.com", "wrong")).rejects.toThrow(/did not redirect \(200\)/);
  });

  it("refuses unregistered redirect URIs and requires PKCE", async () => {
    const msal = msalForEmulator(emulator);
    const foreign = await fetch(await msal.getAuthCodeUrl({ scopes: ["User.Read"], redirectUri: "https://evil.example/cb", codeChallenge: "x", codeChallengeMethod: "S256" }));
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toMatch(/AADSTS50011/);
    const noPkce = await fetch(await msal.getAuthCodeUrl({ scopes: ["User.Read"], redirectUri }), { redirect: "manual" });
    expect(new URL(noPkce.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_request");
  });

  it("gives users in too many groups the overage claim instead of groups", async () => {
    const { msal, verifier, nonce, code } = await signIn("gwen.manygroups@clusterdesk-demo.onmicrosoft.com");
    const result = await msal.acquireTokenByCode({ code, scopes: ["User.Read"], redirectUri, codeVerifier: verifier, nonce });
    const claims = result.idTokenClaims as Record<string, unknown>;
    expect(claims.groups).toBeUndefined();
    expect(claims._claim_names).toEqual({ groups: "src1" });
    expect(claims._claim_sources).toEqual({ src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${demoUsers.overage}/getMemberObjects` } });
  });

  it("issues user tokens for the AKS server application that the Kubernetes side accepts", async () => {
    const { msal, verifier, nonce, code } = await signIn("max.mueller@clusterdesk-demo.onmicrosoft.com", [`${aksServerApplicationId}/user.read`]);
    const result = await msal.acquireTokenByCode({ code, scopes: [`${aksServerApplicationId}/user.read`], redirectUri, codeVerifier: verifier, nonce });
    expect(decodeJwt(result.accessToken).aud).toBe(aksServerApplicationId);
    const identity = await emulator.azure.authenticate(result.accessToken);
    expect(identity).toMatchObject({ objectId: demoUsers.member, kind: "user", userPrincipalName: "max.mueller@clusterdesk-demo.onmicrosoft.com" });
    expect(identity?.groups).toContain(demoGroups.paymentsMembers);

    const testToken = await emulator.issueTestToken({ user: "searchLead", audience: "aks" });
    expect((await emulator.azure.authenticate(testToken))?.objectId).toBe(demoUsers.searchLead);
    expect(await emulator.azure.authenticate(await emulator.issueTestToken({ user: "searchLead", audience: "arm" }))).toBeNull();
    expect(await emulator.azure.authenticate(await emulator.issueTestToken({ user: "searchLead", audience: "aks", lifetimeSeconds: -600 }))).toBeNull();
  });

  it("redirects end-session to post_logout_redirect_uri", async () => {
    const response = await fetch(`${emulator.url}/${localDemoOrganisation.tenantId}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("http://localhost:3000/")}&state=s1`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/?state=s1");
  });
});
