import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import type { ChangeExecutor } from "@/lib/server/requests/executor";
import { useEmulator } from "@/test/support";
import { egressAddressFor } from "@/emulator/arm/public-ip-addresses";
import { publicIpAddressOf } from "@/lib/server/azure/public-ip-addresses";
import { syncInventory } from "@/lib/server/clusters/sync-inventory";
import { authorizedIpRangesExecutor } from "./authorized-ip-ranges-executor";

const subscriptionId = demoSubscriptions.nonProduction;
const clusterId = `/subscriptions/${subscriptionId}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
const seededRanges = ["203.0.113.0/24", "192.0.2.0/24"];
const requester = { kind: "user" as const, objectId: randomUUID(), name: "Priya Patel", upn: "priya.patel@clusterdesk-demo.onmicrosoft.com" };
const httpContext = { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" };

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs: 150 });
  useEmulator(emulator.url);
});
afterAll(async () => {
  await stopJobQueue();
  await emulator.dispose();
});
beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
});

const arm = () => containerServiceClient(emulator, subscriptionId).managedClusters;
const rangesOnCluster = async () => (await arm().get("rg-dev", "aks-shared-dev")).apiServerAccessProfile?.authorizedIPRanges ?? [];
const attempt = (retryCount = 0) => ({ retryCount, retryLimit: 3, signal: new AbortController().signal });

async function approvedRequest(add: string[], remove: string[] = []) {
  const created = await createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: clusterKey(clusterId),
      tenantId: null,
      payload: { add: add.map((range) => ({ range, lifetimeSeconds: null, owner: "CI" })), remove },
      justification: "CI agents",
      decideBy: null,
    },
    requester,
    httpContext,
    { applyDirectly: { reason: "test" } },
  );
  return db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
}

const executors = (executor: ChangeExecutor = authorizedIpRangesExecutor({ pollIntervalMs: 20 })) => ({ "authorized-ip-ranges": executor });
async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const putsTo = (name: string) => emulator.requests().filter((entry) => entry.method === "PUT" && entry.path.includes(`/managedClusters/${name}`));

describe("authorized IP range executor against the emulated ARM", () => {
  it("adds the range, keeps every earlier one, records the range and sends the request's correlation id", async () => {
    const request = await approvedRequest(["203.0.113.7"]);
    expect(await executeChangeRequest(request.id, attempt(), executors())).toBe("applied");
    expect(await rangesOnCluster()).toEqual([...seededRanges, "203.0.113.7/32"]);
    const puts = putsTo("aks-shared-dev");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.clientRequestId).toBe(request.correlationId);
    // Request, approval and change in the audit log share the id that reached ARM.
    const events = await db().auditEvent.findMany({ where: { targetId: request.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["request.created", "request.approved", "request.applying", "request.applied"]);
    expect(new Set(events.map((event) => event.correlationId))).toEqual(new Set([request.correlationId]));
    const record = await db().authorizedIpRange.findUnique({ where: { clusterResourceId_range: { clusterResourceId: clusterKey(clusterId), range: "203.0.113.7/32" } } });
    expect(record).toMatchObject({ owner: "CI", reason: "CI agents", addedByName: "Priya Patel", requestId: request.id });
  });

  it("reads the cluster from ARM once before its PUT, and sends the PUT the version it read", async () => {
    const request = await approvedRequest(["203.0.113.8"]);
    expect(await executeChangeRequest(request.id, attempt(), executors())).toBe("applied");
    const calls = emulator.requests().filter((entry) => entry.clientRequestId === request.correlationId && entry.path.split("?")[0]?.endsWith("/managedClusters/aks-shared-dev"));
    const firstPut = calls.findIndex((entry) => entry.method === "PUT");
    expect(firstPut).toBeGreaterThan(0);
    expect(calls.slice(0, firstPut).map((entry) => entry.method)).toEqual(["GET"]);
    expect(calls[firstPut]?.status).toBe(200);
  });

  it("puts the new list into the inventory cache at once, so cluster pages show it before the next sync", async () => {
    await syncInventory();
    const request = await approvedRequest(["198.51.100.128/28"]);
    expect(await executeChangeRequest(request.id, attempt(), executors())).toBe("applied");
    const cached = await db().inventoryCluster.findUniqueOrThrow({ where: { key: clusterKey(clusterId) } });
    expect((cached.cluster as { apiServerAccess: { authorizedIpRanges: string[] } }).apiServerAccess.authorizedIpRanges).toContain("198.51.100.128/28");
  });

  it("preserves a concurrent edit made directly in ARM between its read and its write (ETag conflict path)", async () => {
    const request = await approvedRequest(["198.51.100.0/28"]);
    const base = authorizedIpRangesExecutor({ pollIntervalMs: 20 });
    const racing: ChangeExecutor = {
      apply: () => Promise.reject(new Error("the engine applies through prepare: the executor reads ahead")),
      prepare(executable, signal) {
        const prepared = base.prepare?.(executable, signal);
        if (!prepared) throw new Error("the executor reads ahead");
        return {
          // After ARM answered the executor's read and before its PUT, someone else edits the list.
          async apply(context) {
            await waitUntil(() => emulator.requests().some((entry) => entry.method === "GET" && entry.clientRequestId === executable.correlationId));
            const cluster = await arm().get("rg-dev", "aks-shared-dev");
            const ranges = [...(cluster.apiServerAccessProfile?.authorizedIPRanges ?? []), "100.64.1.1/32"];
            await arm().createOrUpdate("rg-dev", "aks-shared-dev", { ...cluster, apiServerAccessProfile: { ...cluster.apiServerAccessProfile, authorizedIPRanges: ranges } }, { updateIntervalInMs: 10 });
            return prepared.apply(context);
          },
        };
      },
    };
    expect(await executeChangeRequest(request.id, attempt(), executors(racing))).toBe("applied");
    expect(await rangesOnCluster()).toEqual([...seededRanges, "100.64.1.1/32", "198.51.100.0/28"]);
    expect(emulator.requests().some((entry) => entry.method === "PUT" && entry.status === 412)).toBe(true);
  });

  it("reads the cluster's public IPs only for a change that removes ranges (only removals can cut off its egress)", async () => {
    const publicIpReads = (correlationId: string) =>
      emulator.requests().filter((entry) => entry.clientRequestId === correlationId && entry.path.includes("/publicIPAddresses/")).length;
    const adding = await approvedRequest(["198.51.100.144/28"]);
    expect(await executeChangeRequest(adding.id, attempt(), executors())).toBe("applied");
    expect(publicIpReads(adding.correlationId)).toBe(0);
    const removing = await approvedRequest([], ["198.51.100.144/28"]);
    expect(await executeChangeRequest(removing.id, attempt(), executors())).toBe("applied");
    expect(publicIpReads(removing.correlationId)).toBeGreaterThan(0);
    expect(await rangesOnCluster()).toEqual(seededRanges);
  });

  it("keeps the progress written while Azure works behind the final state", async () => {
    const request = await approvedRequest(["198.51.100.160/28"]);
    expect(await executeChangeRequest(request.id, attempt(), executors())).toBe("applied");
    const applied = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(applied.progress).toMatchObject({ phase: "done" });
  });

  it("retries after a 409 'another operation is in progress' and applies once", async () => {
    const request = await approvedRequest(["198.51.100.32/28"]);
    emulator.injectFault({ method: "PUT", path: "/managedClusters/aks-shared-dev$", status: 409, count: 1 });
    await expect(executeChangeRequest(request.id, attempt(0), executors())).rejects.toThrow(/another operation \(\w+\) is in progress/i);
    expect(await executeChangeRequest(request.id, attempt(1), executors())).toBe("applied");
    expect(await rangesOnCluster()).toEqual([...seededRanges, "198.51.100.32/28"]);
    expect(putsTo("aks-shared-dev").filter((entry) => entry.status < 300)).toHaveLength(1);
  });

  it("rides out a 429 with Retry-After inside the SDK's pipeline", async () => {
    const request = await approvedRequest(["198.51.100.64/28"]);
    emulator.injectFault({ method: "PUT", path: "/managedClusters/aks-shared-dev$", status: 429, retryAfterMs: 50, count: 1 });
    expect(await executeChangeRequest(request.id, attempt(), executors())).toBe("applied");
    expect(putsTo("aks-shared-dev").map((entry) => entry.status)).toEqual([429, expect.any(Number)]);
  });

  it("fails visibly when Azure's long-running operation fails, and leaves the list as it was", async () => {
    const request = await approvedRequest(["198.51.100.96/28"]);
    emulator.injectFault({ method: "PUT", path: "/managedClusters/aks-shared-dev$", failOperation: { code: "QuotaExceeded", message: "no cores" } });
    expect(await executeChangeRequest(request.id, attempt(), executors())).toBe("failed");
    const failed = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(failed.lastError).toMatch(/QuotaExceeded/);
  });

  it("refuses private clusters with an explanation", async () => {
    const created = await createChangeRequest(
      {
        kind: "authorized-ip-ranges",
        clusterResourceId: clusterKey(`/subscriptions/${demoSubscriptions.production}/resourceGroups/rg-payments-prod/providers/Microsoft.ContainerService/managedClusters/aks-payments-prod`),
        tenantId: null,
        payload: { add: [{ range: "203.0.113.9", lifetimeSeconds: null, owner: null }], remove: [] },
        justification: "x",
        decideBy: null,
      },
      requester,
      httpContext,
      { applyDirectly: { reason: "test" } },
    );
    expect(await executeChangeRequest(created.id, attempt(), executors())).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).lastError).toMatch(/private/);
  });
});

describe("the cluster's own egress IPs", () => {
  const searchProd = `/subscriptions/${demoSubscriptions.production}/resourceGroups/rg-search-prod/providers/Microsoft.ContainerService/managedClusters/aks-search-prod`;

  it("cannot be removed from the allow-list", async () => {
    const prodArm = containerServiceClient(emulator, demoSubscriptions.production).managedClusters;
    const cluster = await prodArm.get("rg-search-prod", "aks-search-prod");
    const egressId = cluster.networkProfile?.loadBalancerProfile?.effectiveOutboundIPs?.[0]?.id ?? "";
    const address = await publicIpAddressOf(egressId);
    expect(address).toBe(egressAddressFor(egressId));
    const egressRange = `${address}/32`;
    const ranges = [...(cluster.apiServerAccessProfile?.authorizedIPRanges ?? []), egressRange];
    await prodArm.createOrUpdate("rg-search-prod", "aks-search-prod", { ...cluster, apiServerAccessProfile: { ...cluster.apiServerAccessProfile, authorizedIPRanges: ranges } }, { updateIntervalInMs: 10 });

    const created = await createChangeRequest(
      { kind: "authorized-ip-ranges", clusterResourceId: clusterKey(searchProd), tenantId: null, payload: { add: [], remove: [egressRange] }, justification: "cleanup", decideBy: null },
      requester,
      httpContext,
      { applyDirectly: { reason: "test" } },
    );
    expect(await executeChangeRequest(created.id, attempt(), executors())).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).lastError).toMatch(/egress|protected/i);
    expect((await prodArm.get("rg-search-prod", "aks-search-prod")).apiServerAccessProfile?.authorizedIPRanges).toContain(egressRange);
  });
});
