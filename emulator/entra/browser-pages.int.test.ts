import { afterAll, beforeAll, expect, it } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());

it("serves the sign-in page to browsers over plain HTTP on loopback", async () => {
  const query = new URLSearchParams({
    client_id: localDemoOrganisation.clientId,
    redirect_uri: "http://localhost:3000/auth/callback",
    response_type: "code",
    scope: "openid",
    code_challenge: "x".repeat(43),
    code_challenge_method: "S256",
    state: "s",
  });
  const response = await fetch(`${emulator.browserUrl}/${localDemoOrganisation.tenantId}/oauth2/v2.0/authorize?${query}`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("Alex Admin");
});

it("serves nothing else over HTTP: tokens, discovery and every API stay HTTPS-only", async () => {
  for (const path of [
    `/${localDemoOrganisation.tenantId}/oauth2/v2.0/token`,
    `/${localDemoOrganisation.tenantId}/v2.0/.well-known/openid-configuration`,
    `/subscriptions?api-version=2022-12-01`,
    "/v1.0/users",
    "/_emulator/endpoints",
  ]) {
    const response = await fetch(`${emulator.browserUrl}${path}`, { method: path.endsWith("token") ? "POST" : "GET" });
    expect(response.status, path).toBe(404);
  }
});
