import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { armFailure } from "../../lib/server/azure/arm-errors";
import { kubernetesServerUrl } from "../contracts";
import { demoSubscriptions } from "../seed/organisation";
import { containerServiceClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";
import { rejection } from "../test-support/rejection";

let emulator: TestEmulator;
const prod = demoSubscriptions.production;
const nonProd = demoSubscriptions.nonProduction;

beforeAll(async () => {
  emulator = await startTestEmulator({ armPageSize: 2 });
});
afterAll(() => emulator.dispose());
beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
});

describe("managedClusters through @azure/arm-containerservice", () => {
  it("lists clusters across nextLink pages and by resource group, and gets one", async () => {
    const client = containerServiceClient(emulator, nonProd);
    const names: string[] = [];
    for await (const cluster of client.managedClusters.list()) names.push(cluster.name ?? "");
    expect(names).toEqual(["aks-shared-dev", "aks-dev-open", "aks-legacy-podid", "aks-analytics-wi"]);
    expect(emulator.requests().filter((r) => r.path.includes("managedClusters")).length).toBe(2);

    const inGroup: string[] = [];
    for await (const cluster of client.managedClusters.listByResourceGroup("rg-sandbox")) inGroup.push(cluster.name ?? "");
    expect(inGroup).toEqual(["aks-analytics-wi"]);

    const cluster = await client.managedClusters.get("rg-dev", "aks-legacy-podid");
    expect(cluster.podIdentityProfile?.enabled).toBe(true);
    expect(cluster.networkProfile?.networkPlugin).toBe("kubenet");
    expect(cluster.agentPoolProfiles?.[0]?.eTag).toBe(cluster.eTag);
  });

  it("changes authorized IP ranges through a long-running operation", async () => {
    const client = containerServiceClient(emulator, prod);
    const cluster = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
    const ranges = ["203.0.113.0/24", "192.0.2.10/32"];
    const updated = await client.managedClusters.beginCreateOrUpdateAndWait(
      "rg-search-prod", "aks-search-prod",
      { ...cluster, apiServerAccessProfile: { ...cluster.apiServerAccessProfile, authorizedIPRanges: ranges } },
      { updateIntervalInMs: 10, ifMatch: cluster.eTag },
    );
    expect(updated.apiServerAccessProfile?.authorizedIPRanges).toEqual(ranges);
    expect(updated.provisioningState).toBe("Succeeded");
    expect(updated.eTag).not.toBe(cluster.eTag);
    const calls = emulator.requests().map((r) => `${r.method} ${r.path.split("?")[0]?.replace(/operations\/.*/, "operations/{id}")} ${r.status}`);
    expect(calls).toContain(`PUT /subscriptions/${prod}/resourceGroups/rg-search-prod/providers/Microsoft.ContainerService/managedClusters/aks-search-prod 200`);
    expect(calls).toContain(`GET /subscriptions/${prod}/providers/Microsoft.ContainerService/locations/northeurope/operations/{id} 200`);
  });

  it("answers a stale If-Match with 412 PreconditionFailed", async () => {
    const client = containerServiceClient(emulator, prod);
    const cluster = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
    const error = await rejection(client.managedClusters.beginCreateOrUpdateAndWait("rg-search-prod", "aks-search-prod", cluster, { updateIntervalInMs: 10, ifMatch: "stale-etag" }));
    expect(error.statusCode).toBe(412);
    expect(error.code).toBe("PreconditionFailed");
  });

  it("creates, tags and deletes a cluster", async () => {
    const client = containerServiceClient(emulator, nonProd);
    const created = await client.managedClusters.beginCreateOrUpdateAndWait("rg-empty", "aks-new", {
      location: "westeurope", dnsPrefix: "aks-new", kubernetesVersion: "1.32",
      agentPoolProfiles: [{ name: "system", count: 1, vmSize: "Standard_D2s_v5", mode: "System", osType: "Linux" }],
    }, { updateIntervalInMs: 10 });
    expect(created.fqdn).toMatch(/^aks-new-[0-9a-f]{8}\.hcp\.westeurope\.azmk8s\.io$/);
    expect(emulator.requests().find((r) => r.method === "PUT")?.status).toBe(201);
    const tagged = await client.managedClusters.updateTags("rg-empty", "aks-new", { tags: { owner: "payments" } }, { updateIntervalInMs: 10 });
    expect(tagged.tags).toEqual({ owner: "payments" });
    await client.managedClusters.delete("rg-empty", "aks-new", { updateIntervalInMs: 10 });
    expect((await rejection(client.managedClusters.get("rg-empty", "aks-new"))).statusCode).toBe(404);
  });

  it("refuses a second write while an operation is in progress", async () => {
    const slow = await startTestEmulator({ lroDurationMs: 60_000 });
    try {
      const client = containerServiceClient(slow, prod);
      const cluster = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
      const poller = client.managedClusters.createOrUpdate("rg-search-prod", "aks-search-prod", cluster);
      await poller.submitted();
      const error = await rejection(client.managedClusters.updateTags("rg-search-prod", "aks-search-prod", { tags: {} }).submitted());
      expect([error.statusCode, error.code, error.message]).toEqual([409, "OperationNotAllowed",
        "Operation is not allowed: Another operation (Updating) is in progress, please wait for it to finish before starting a new operation. See https://aka.ms/aks-pending-operation for more details"]);
      // The portal's classification: a busy cluster is worth another try later.
      expect(armFailure(error)).toMatchObject({ kind: "conflict", retryable: true });
      // A PUT with the current eTag is refused the same way: the eTag matches, the cluster is busy.
      const busy = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
      const put = await rejection(client.managedClusters.createOrUpdate("rg-search-prod", "aks-search-prod", busy, { ifMatch: busy.eTag }).submitted());
      expect([put.statusCode, put.code]).toEqual([409, "OperationNotAllowed"]);
      const stale = await rejection(client.managedClusters.createOrUpdate("rg-search-prod", "aks-search-prod", busy, { ifMatch: "stale" }).submitted());
      expect([stale.statusCode, stale.code]).toEqual([412, "PreconditionFailed"]);
    } finally {
      await slow.dispose();
    }
  });

  it("validates like AKS: bad CIDR, ranges on a private cluster, too many ranges", async () => {
    const client = containerServiceClient(emulator, prod);
    const search = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
    const put = (name: string, group: string, body: typeof search) => rejection(client.managedClusters.beginCreateOrUpdateAndWait(group, name, body, { updateIntervalInMs: 10 }));
    const badCidr = await put("aks-search-prod", "rg-search-prod", { ...search, apiServerAccessProfile: { authorizedIPRanges: ["300.1.2.3/32"] } });
    expect([badCidr.statusCode, badCidr.code]).toEqual([400, "InvalidParameter"]);
    const tooMany = Array.from({ length: 201 }, (_, i) => `10.1.${Math.floor(i / 250)}.${i % 250}/32`);
    expect((await put("aks-search-prod", "rg-search-prod", { ...search, apiServerAccessProfile: { authorizedIPRanges: tooMany } })).statusCode).toBe(400);
    const payments = await client.managedClusters.get("rg-payments-prod", "aks-payments-prod");
    const onPrivate = await put("aks-payments-prod", "rg-payments-prod", { ...payments, apiServerAccessProfile: { ...payments.apiServerAccessProfile, authorizedIPRanges: ["1.2.3.4/32"] } });
    expect(onPrivate.statusCode).toBe(400);
  });

  it("answers unknown clusters and resource groups with the real 404s", async () => {
    const client = containerServiceClient(emulator, prod);
    const missing = await rejection(client.managedClusters.get("rg-search-prod", "nope"));
    expect([missing.statusCode, missing.code, missing.message]).toEqual([404, "ResourceNotFound",
      "The Resource 'Microsoft.ContainerService/managedClusters/nope' under resource group 'rg-search-prod' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"]);
    const noGroup = await rejection(client.managedClusters.get("rg-nope", "nope"));
    expect([noGroup.statusCode, noGroup.code]).toEqual([404, "ResourceGroupNotFound"]);
  });

  it("hands out kubeconfigs that point at the emulated API server, and refuses admin credentials without local accounts", async () => {
    const client = containerServiceClient(emulator, nonProd);
    const result = await client.managedClusters.listClusterUserCredentials("rg-dev", "aks-shared-dev");
    const kubeconfig = load(Buffer.from(result.kubeconfigs?.[0]?.value ?? new Uint8Array()).toString("utf8")) as {
      clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>;
    };
    expect(kubeconfig.clusters[0]?.cluster.server).toBe(kubernetesServerUrl(emulator.url, { subscriptionId: nonProd, resourceGroup: "rg-dev", name: "aks-shared-dev" }));
    expect(Buffer.from(kubeconfig.clusters[0]?.cluster["certificate-authority-data"] ?? "", "base64").toString()).toBe(emulator.caPem);
    const refused = await rejection(client.managedClusters.listClusterAdminCredentials("rg-dev", "aks-shared-dev"));
    expect([refused.statusCode, refused.code]).toEqual([400, "BadRequest"]);
    const open = await client.managedClusters.listClusterAdminCredentials("rg-dev", "aks-dev-open");
    expect(open.kubeconfigs?.[0]?.name).toBe("clusterAdmin");

    const privateConfig = await containerServiceClient(emulator, prod).managedClusters.listClusterUserCredentials("rg-payments-prod", "aks-payments-prod");
    expect(Buffer.from(privateConfig.kubeconfigs?.[0]?.value ?? new Uint8Array()).toString()).toMatch(/server: https:\/\/aks-payments-prod-[0-9a-f]{4}\.privatelink\.westeurope\.azmk8s\.io:443/);
  });
});

describe("injected faults as the SDK sees them", () => {
  it("retries a 429 with Retry-After and then succeeds", async () => {
    emulator.injectFault({ method: "GET", path: "/managedClusters/aks-search-prod$", status: 429, retryAfterMs: 20 });
    const cluster = await containerServiceClient(emulator, prod).managedClusters.get("rg-search-prod", "aks-search-prod");
    expect(cluster.name).toBe("aks-search-prod");
    const statuses = emulator.requests().filter((r) => r.path.includes("/managedClusters/aks-search-prod")).map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it("surfaces a failed long-running operation as the SDK's error", async () => {
    emulator.injectFault({ method: "PUT", path: "/managedClusters/aks-search-prod$", failOperation: { code: "QuotaExceeded", message: "no cores" } });
    const client = containerServiceClient(emulator, prod);
    const cluster = await client.managedClusters.get("rg-search-prod", "aks-search-prod");
    const error = await rejection(client.managedClusters.beginCreateOrUpdateAndWait("rg-search-prod", "aks-search-prod", cluster, { updateIntervalInMs: 10 }));
    expect(error.message).toBe("The long-running operation has failed. QuotaExceeded. no cores");
    expect((await client.managedClusters.get("rg-search-prod", "aks-search-prod")).provisioningState).toBe("Failed");
  });

  it("passes a 500 through as a RestError after the SDK's retries", async () => {
    emulator.injectFault({ path: "/managedClusters/aks-dev-open$", status: 500, count: 10 });
    const error = await rejection(containerServiceClient(emulator, nonProd).managedClusters.get("rg-dev", "aks-dev-open"));
    expect(error.statusCode).toBe(500);
    expect(error.code).toBe("InternalServerError");
  }, 60_000);
});
