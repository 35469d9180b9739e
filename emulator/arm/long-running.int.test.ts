import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoSubscriptions } from "../seed/organisation";
import { containerServiceClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * Long-running operations as AKS announces them (AKS 2026-08-01 OpenAPI: PUT 201, PATCH 202 and
 * DELETE 202 carry Azure-AsyncOperation and Retry-After, the 202s also Location). Clients poll at the
 * server's Retry-After; without it they fall back to their own interval (30 s for the Azure CLI).
 */
const lroDurationMs = 1000;
const clientFallbackMs = 30_000;
const prod = demoSubscriptions.production;
const clusterPath = `/subscriptions/${prod}/resourceGroups/rg-search-prod/providers/Microsoft.ContainerService/managedClusters/aks-search-prod`;
let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs });
  token = await emulator.issueTestToken({ user: "admin", audience: "arm" });
});
afterAll(() => emulator.dispose());
beforeEach(() => emulator.reset());

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${emulator.url}${path}${path.includes("?") ? "&" : "?"}api-version=2026-08-01`, {
    method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("long-running operations", () => {
  it("completes an update through the SDK poller within the operation's duration plus one Retry-After", async () => {
    const client = containerServiceClient(emulator, prod);
    const cluster = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
    const started = Date.now();
    // A client whose own interval is the Azure CLI's 30 s: only the server's Retry-After makes it quick.
    const updated = await client.managedClusters.beginCreateOrUpdateAndWait("rg-search-prod", "aks-search-prod",
      { ...cluster, apiServerAccessProfile: { ...cluster.apiServerAccessProfile, authorizedIPRanges: ["203.0.113.0/24"] } },
      { updateIntervalInMs: clientFallbackMs });
    const elapsed = Date.now() - started;
    expect(updated.provisioningState).toBe("Succeeded");
    expect(elapsed).toBeGreaterThanOrEqual(lroDurationMs);
    expect(elapsed).toBeLessThan(lroDurationMs + 1000 + 500);
  }, 15_000);

  it("announces PUT, PATCH and DELETE with the headers the AKS spec declares", async () => {
    const cluster = (await (await call("GET", clusterPath)).json()) as Record<string, unknown>;
    const put = await call("PUT", clusterPath, cluster);
    expect(put.status).toBe(200);
    expect(put.headers.get("azure-asyncoperation")).toMatch(/^https:\/\/.+\/providers\/Microsoft\.ContainerService\/locations\/northeurope\/operations\/[0-9a-f-]{36}\?api-version=2026-08-01$/);
    expect(put.headers.get("retry-after")).toBe("1");

    const operation = await fetch(put.headers.get("azure-asyncoperation") ?? "", { headers: { authorization: `Bearer ${token}` } });
    expect(((await operation.json()) as { status: string }).status).toBe("InProgress");
    expect(operation.headers.get("retry-after")).toBe("1");
    await new Promise((resolve) => setTimeout(resolve, lroDurationMs + 50));

    const patch = await call("PATCH", clusterPath, { tags: { owner: "search" } });
    expect(patch.status).toBe(202);
    expect(await patch.text()).toBe("");
    expect(patch.headers.get("location")).toMatch(/\/locations\/northeurope\/operationresults\/[0-9a-f-]{36}\?api-version=2026-08-01$/);
    expect(patch.headers.get("azure-asyncoperation")).toMatch(/\/locations\/northeurope\/operations\/[0-9a-f-]{36}\?api-version=2026-08-01$/);
    expect(patch.headers.get("retry-after")).toBe("1");
    const result = await fetch(patch.headers.get("location") ?? "", { headers: { authorization: `Bearer ${token}` } });
    expect([result.status, result.headers.get("retry-after")]).toEqual([202, "1"]);

    const deletion = await call("DELETE", clusterPath.replace("rg-search-prod/providers/Microsoft.ContainerService/managedClusters/aks-search-prod", "rg-platform-prod/providers/Microsoft.ContainerService/managedClusters/aks-platform-shared"));
    expect(deletion.status).toBe(202);
    expect(deletion.headers.get("location")).toMatch(/\/locations\/westeurope\/operationresults\/[0-9a-f-]{36}\?api-version=2026-08-01$/);
    expect(deletion.headers.get("azure-asyncoperation")).toMatch(/\/locations\/westeurope\/operations\/[0-9a-f-]{36}\?api-version=2026-08-01$/);
    expect(deletion.headers.get("retry-after")).toBe("1");
  });

  it("tags a cluster through the SDK's 202 flow", async () => {
    const client = containerServiceClient(emulator, prod);
    const tagged = await client.managedClusters.updateTags("rg-search-prod", "aks-search-prod", { tags: { owner: "search" } });
    expect(tagged.tags).toEqual({ owner: "search" });
    expect(tagged.provisioningState).toBe("Succeeded");
  }, 15_000);
});
