import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { demoServicePrincipals } from "../seed/organisation";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * The managed identity token endpoint (`MSI_ENDPOINT`) as msrestazure's get_msi_token calls it for
 * `az login --identity`: a form POST of `resource` with `Metadata: true`, answered in IMDS's shape.
 */
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());

type TokenAnswer = { status: number; body: Record<string, string> };

async function requestToken(form: Record<string, string>, headers: Record<string, string> = { metadata: "true" }): Promise<TokenAnswer> {
  const response = await fetch(`${emulator.url}/metadata/identity/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("the managed identity token endpoint", () => {
  it("issues an ARM token for the host's identity (Clusterdesk's service principal) in IMDS's shape", async () => {
    const { status, body } = await requestToken({ resource: "https://management.core.windows.net/" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", resource: "https://management.core.windows.net/", client_id: demoServicePrincipals.clusterdesk.appId });
    expect(Number(body.expires_on) - Number(body.not_before)).toBe(Number(body.expires_in));
    const claims = decodeJwt(body.access_token ?? "");
    expect(claims).toMatchObject({ aud: "https://management.core.windows.net/", oid: demoServicePrincipals.clusterdesk.id, idtyp: "app" });
    const subscriptions = await fetch(`${emulator.url}/subscriptions?api-version=2022-12-01`, { headers: { authorization: `Bearer ${body.access_token ?? ""}` } });
    expect(subscriptions.status).toBe(200);
  });

  it("issues a token for a custom cloud's Graph resource id (the emulator's URL) that Graph accepts", async () => {
    const { status, body } = await requestToken({ resource: `${emulator.url}/` });
    expect(status).toBe(200);
    const users = await fetch(`${emulator.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${body.access_token ?? ""}` } });
    expect(users.status).toBe(200);
  });

  it("accepts the resource in the query, as IMDS takes it on a GET", async () => {
    const response = await fetch(`${emulator.url}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent("https://management.azure.com/")}`, { headers: { metadata: "true" } });
    expect(response.status).toBe(200);
  });

  it("refuses a request without the Metadata header, as a guard against server-side request forgery", async () => {
    const { status, body } = await requestToken({ resource: "https://management.azure.com/" }, {});
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_request", error_description: "Required metadata header not specified" });
  });

  it("refuses an unknown resource and a missing one", async () => {
    const unknown = await requestToken({ resource: "https://vault.example.net" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe("invalid_resource");
    expect(unknown.body.error_description).toMatch(/^AADSTS500011: The resource principal named https:\/\/vault\.example\.net was not found/);
    const missing = await requestToken({});
    expect(missing).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("answers 'Identity not found' for a user-assigned identity the host does not have", async () => {
    const { status, body } = await requestToken({ resource: "https://management.azure.com/", client_id: "0b9d6a3e-0000-4000-8000-000000000000" });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_request", error_description: "Identity not found" });
    const own = await requestToken({ resource: "https://management.azure.com/", object_id: demoServicePrincipals.clusterdesk.id });
    expect(own.status).toBe(200);
  });
});
