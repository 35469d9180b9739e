import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSubscriptions } from "../seed/organisation";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/** Raw HTTP against ARM: the status codes and error envelopes the real service answers with. */
let emulator: TestEmulator;
let token: string;
const clusterPath = `/subscriptions/${demoSubscriptions.production}/resourceGroups/rg-search-prod/providers/Microsoft.ContainerService/managedClusters/aks-search-prod`;

beforeAll(async () => {
  emulator = await startTestEmulator();
  token = await emulator.issueTestToken({ user: "admin", audience: "arm" });
});
afterAll(() => emulator.dispose());

async function call(path: string, init: RequestInit & { bearer?: string } = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${init.bearer ?? token}`, "content-type": "application/json", ...(init.headers ?? {}) },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe("ARM error shapes", () => {
  it("answers malformed JSON with 400 InvalidRequestContent", async () => {
    const { status, body } = await call(`${clusterPath}?api-version=2026-06-01`, { method: "PUT", body: "{not json" });
    expect(status).toBe(400);
    expect(body.error.code).toBe("InvalidRequestContent");
    expect(body.error.message).toMatch(/^The request content was invalid and could not be deserialized/);
  });

  it("requires an api-version", async () => {
    const { status, body } = await call(clusterPath);
    expect([status, body.error.code]).toEqual([400, "MissingApiVersionParameter"]);
    expect((await call(`${clusterPath}?api-version=latest`)).body.error.code).toBe("InvalidApiVersionParameter");
    expect((await call(`${clusterPath}?api-version=2019-01-01-preview`)).status).toBe(200);
  });

  it("rejects missing, forged, wrong-audience and expired tokens with 401", async () => {
    const path = `${clusterPath}?api-version=2026-06-01`;
    const missing = await fetch(`${emulator.url}${path}`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("AuthenticationFailed");

    const [header, payload] = token.split(".");
    const forged = await call(path, { bearer: `${header}.${payload}.c2lnbmF0dXJl` });
    expect([forged.status, forged.body.error.code]).toEqual([401, "InvalidAuthenticationToken"]);
    expect(forged.headers.get("www-authenticate")).toMatch(/^Bearer authorization_uri=/);

    const graphToken = await emulator.issueTestToken({ user: "admin", audience: "graph" });
    const wrongAudience = await call(path, { bearer: graphToken });
    expect(wrongAudience.body.error.code).toBe("InvalidAuthenticationToken");
    expect(wrongAudience.body.error.message).toMatch(/wrong audience/);

    const expired = await call(path, { bearer: await emulator.issueTestToken({ user: "admin", audience: "arm", lifetimeSeconds: -3600 }) });
    expect([expired.status, expired.body.error.code]).toEqual([401, "ExpiredAuthenticationToken"]);
  });

  it("collapses duplicate slashes and returns subscriptions and resource groups", async () => {
    const subscriptions = await call("//subscriptions?api-version=2022-12-01");
    expect(subscriptions.status).toBe(200);
    const groups = await call(`/subscriptions/${demoSubscriptions.nonProduction}/resourceGroups/rg-nope?api-version=2022-12-01`);
    expect([groups.status, groups.body.error.code]).toEqual([404, "ResourceGroupNotFound"]);
  });
});
