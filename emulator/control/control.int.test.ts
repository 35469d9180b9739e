import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { builtInRoleGuids } from "../arm/built-in-roles";
import { demoServicePrincipals, demoSubscriptions, demoUsers } from "../seed/organisation";
import { containerServiceClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/** The control API over HTTP, as tests in another process (e2e) use it. */
let emulator: TestEmulator;
const control = (path: string, init: RequestInit = {}) => fetch(`${emulator.url}/_emulator/${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
const post = (path: string, body: unknown) => control(path, { method: "POST", body: JSON.stringify(body) });

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());

describe("control API", () => {
  it("injects a 409 'another operation in progress' that the SDK surfaces, and logs requests", async () => {
    await control("requests", { method: "DELETE" });
    expect((await post("faults", { method: "PATCH", path: "managedClusters/aks-dev-open$", status: 409 })).status).toBe(201);
    const client = containerServiceClient(emulator, demoSubscriptions.nonProduction);
    const error = await client.managedClusters.updateTags("rg-dev", "aks-dev-open", { tags: { a: "b" } }, { updateIntervalInMs: 10 }).catch((e: unknown) => e as { statusCode: number; code: string });
    expect(error).toMatchObject({ statusCode: 409, code: "OperationNotAllowed" });
    const log = (await control("requests")).body.value as Array<{ method: string; status: number; clientRequestId?: string }>;
    const patch = log.find((entry) => entry.method === "PATCH");
    expect(patch?.status).toBe(409);
    expect(patch?.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds latency", async () => {
    await post("faults", { path: "^/subscriptions$", latencyMs: 150 });
    const token = (await post("tokens", { user: "auditor", audience: "arm" })).body.access_token as string;
    const started = Date.now();
    const response = await fetch(`${emulator.url}/subscriptions?api-version=2022-12-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("holds an answer back after the request took effect (a client killed meanwhile never learns of its write)", async () => {
    await post("faults", { method: "PUT", path: "roleAssignments", holdResponseMs: 1500 });
    const token = (await post("tokens", { servicePrincipal: demoServicePrincipals.clusterdesk.appId, audience: "arm" })).body.access_token as string;
    const name = randomUUID();
    const scope = `/subscriptions/${demoSubscriptions.nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev/namespaces/payments-dev`;
    const started = Date.now();
    const answer = fetch(`${emulator.url}${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ properties: { roleDefinitionId: `/subscriptions/${demoSubscriptions.nonProduction}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoleGuids.aksRbacReader}`, principalId: demoUsers.member } }),
    });
    const written = () => emulator.state().roleAssignments.some((assignment) => assignment.name === name);
    while (!written() && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written()).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await answer).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it("generates a large organisation and resets to the seed", async () => {
    await post("generate", { clusters: 250, subscriptions: 5 });
    expect(emulator.state().clusters.length).toBe(257);
    expect(emulator.state().subscriptions.length).toBe(5);
    await post("reset", {});
    expect(emulator.state().clusters.length).toBe(7);
    expect((await control("faults")).body.value).toEqual([]);
  });

  it("publishes its endpoints", async () => {
    const { body } = await control("endpoints");
    expect(body).toMatchObject({ url: emulator.url, authorityHost: emulator.url, caCertPath: emulator.caCertPath });
  });
});
