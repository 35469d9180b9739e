import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { localDemoOrganisation } from "../../lib/config/local-mode";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * What clients configured for a custom cloud on the emulator's endpoints need (the Azure CLI with
 * `az cloud register`): instance discovery answered as login.microsoftonline.com answers it, and a
 * Graph resource id that is the emulator's own URL.
 */
let emulator: TestEmulator;
let port: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  port = new URL(emulator.url).port;
});
afterAll(() => emulator.dispose());

async function discover(authorizationEndpoint: string) {
  const url = new URL("/common/discovery/instance", emulator.url);
  url.searchParams.set("api-version", "1.1");
  url.searchParams.set("authorization_endpoint", authorizationEndpoint);
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function appToken(scope: string): Promise<{ status: number; body: { access_token?: string; error?: string } }> {
  const response = await fetch(`${emulator.url}/${emulator.endpoints.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: localDemoOrganisation.clientId, client_secret: localDemoOrganisation.clientSecret, scope }),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
}

describe("instance discovery", () => {
  it("names the tenant discovery document of the tenant in the authorization endpoint, with the host's aliases", async () => {
    const { status, body } = await discover(`https://localhost:${port}/organizations/oauth2/v2.0/authorize`);
    expect(status).toBe(200);
    expect(body).toEqual({
      tenant_discovery_endpoint: `https://localhost:${port}/organizations/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: `localhost:${port}`, preferred_cache: `localhost:${port}`, aliases: [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`] }],
    });
    const v1 = await discover(`https://127.0.0.1:${port}/${emulator.endpoints.tenantId}/oauth2/authorize`);
    expect(v1.body.tenant_discovery_endpoint).toBe(`https://127.0.0.1:${port}/${emulator.endpoints.tenantId}/.well-known/openid-configuration`);
  });

  it("refuses an authority on another host as an unknown instance", async () => {
    const { status, body } = await discover("https://login.example.com/common/oauth2/v2.0/authorize");
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_instance");
    expect(String(body.error_description)).toMatch(/^AADSTS50049: Unknown or invalid instance\./);
  });
});

describe("a Graph resource id on the emulator's own URL", () => {
  it("issues tokens for it and Graph accepts them", async () => {
    const { status, body } = await appToken(`${emulator.url}//.default`);
    expect(status).toBe(200);
    const token = body.access_token ?? "";
    expect(decodeJwt(token).aud).toBe(emulator.url);
    const users = await fetch(`${emulator.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).toBe(200);
  });

  it("still refuses it at ARM, which has its own audience", async () => {
    const token = (await appToken(`${emulator.url}/.default`)).body.access_token ?? "";
    const subscriptions = await fetch(`${emulator.url}/subscriptions?api-version=2022-12-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(subscriptions.status).toBe(401);
  });
});
