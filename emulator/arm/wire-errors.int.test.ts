import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContainerServiceClient, KnownVersions } from "@azure/arm-containerservice";
import { demoSubscriptions } from "../seed/organisation";
import { authorizationClient, clusterdeskCredential } from "../test-support/sdk-clients";
import { rejection } from "../test-support/rejection";
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
    expect((await call(`${clusterPath}?api-version=2023-11-01`)).status).toBe(200);
  });

  it("refuses api-versions the resource type does not have, in ARM's words", async () => {
    const cluster = await call(`${clusterPath}?api-version=1999-01-01`);
    expect([cluster.status, cluster.body.error.code]).toEqual([400, "NoRegisteredProviderFound"]);
    expect(cluster.body.error.message).toMatch(/^No registered resource provider found for location 'northeurope' and API version '1999-01-01' for type 'managedClusters'\. The supported api-versions are '2017-08-31, 2018-03-31, [^']*2026-06-01[^']*'\. The supported locations are '[a-z0-9, ]*northeurope[a-z0-9, ]*'\.$/);

    const subscription = await call(`/subscriptions/${demoSubscriptions.production}?api-version=1999-01-01`);
    expect([subscription.status, subscription.body.error.code]).toEqual([400, "InvalidApiVersionParameter"]);
    expect(subscription.body.error.message).toMatch(/^The api-version '1999-01-01' is invalid\. The supported versions are '[0-9a-z,-]*2022-12-01[0-9a-z,-]*'\.$/);

    const assignments = await call(`${clusterPath}/providers/Microsoft.Authorization/roleAssignments?api-version=1999-01-01`);
    expect([assignments.status, assignments.body.error.code]).toEqual([404, "InvalidResourceType"]);
    expect(assignments.body.error.message).toMatch(/^The resource type 'roleAssignments' could not be found in the namespace 'Microsoft\.Authorization' for api version '1999-01-01'\. The supported api-versions are '[0-9a-z,-]*2022-04-01[0-9a-z,-]*'\.$/);
  });

  it("refuses unknown resource types and namespaces", async () => {
    const fleets = await call(`/subscriptions/${demoSubscriptions.production}/resourceGroups/rg-search-prod/providers/Microsoft.ContainerService/fleets/f1?api-version=2026-06-01`);
    expect([fleets.status, fleets.body.error.code, fleets.body.error.message]).toEqual([404, "InvalidResourceType",
      "The resource type 'fleets' could not be found in the namespace 'Microsoft.ContainerService' for api version '2026-06-01'."]);
    const unknown = await call(`/subscriptions/${demoSubscriptions.production}/providers/Contoso.Nope/things?api-version=2026-06-01`);
    expect([unknown.status, unknown.body.error.code, unknown.body.error.message]).toEqual([400, "InvalidResourceNamespace", "The resource namespace 'Contoso.Nope' is invalid."]);
    const compute = await call(`/subscriptions/${demoSubscriptions.production}/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01`);
    expect([compute.status, compute.body.error.code, compute.body.error.message]).toEqual([409, "MissingSubscriptionRegistration",
      "The subscription is not registered to use namespace 'Microsoft.Compute'. See https://aka.ms/rps-not-found for how to register subscriptions."]);
  });

  it("serves every api-version the SDK in package.json knows", async () => {
    for (const apiVersion of Object.values(KnownVersions)) {
      const client = new ContainerServiceClient(clusterdeskCredential(emulator), demoSubscriptions.production, {
        endpoint: emulator.url, credentials: { scopes: ["https://management.azure.com/.default"] }, apiVersion,
      });
      expect((await client.managedClusters.get("rg-search-prod", "aks-search-prod")).name, apiVersion).toBe("aks-search-prod");
    }
    const outdated = new ContainerServiceClient(clusterdeskCredential(emulator), demoSubscriptions.production, {
      endpoint: emulator.url, credentials: { scopes: ["https://management.azure.com/.default"] }, apiVersion: "1999-01-01",
    });
    const refused = await rejection(outdated.managedClusters.get("rg-search-prod", "aks-search-prod"));
    expect([refused.statusCode, refused.code]).toEqual([400, "NoRegisteredProviderFound"]);
    const assignments = authorizationClient(emulator, demoSubscriptions.production).roleAssignments.listForScope(clusterPath.slice(1));
    for await (const assignment of assignments) expect(assignment.id).toBeDefined();
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
