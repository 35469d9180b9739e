import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { childEnvironment, useEmulator } from "@/test/support";

/**
 * The durability promise: kill the worker while Azure's long-running operation is under way,
 * start another, and the request still ends `applied` with exactly one write to ARM.
 */
let emulator: TestEmulator;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs: 4000 });
  useEmulator(emulator.url);
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await stopJobQueue();
  await emulator.dispose();
});

function startWorker(): ChildProcess {
  const worker = spawn("node", ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: childEnvironment({
      DATABASE_URL: inject("databaseUrl"),
      CLUSTERDESK_EMULATOR_URL: emulator.url,
      NODE_EXTRA_CA_CERTS: emulator.caCertPath,
      CLUSTERDESK_LOG_LEVEL: "warn",
    }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  workers.push(worker);
  return worker;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("resumes after the worker dies mid-operation and applies the change once", { timeout: 120_000 }, async () => {
  const clusterId = `/subscriptions/${demoSubscriptions.nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
  const requester = { kind: "user" as const, objectId: randomUUID(), name: "Priya Patel", upn: "priya.patel@clusterdesk-demo.onmicrosoft.com" };
  const request = await createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: clusterKey(clusterId),
      tenantId: null,
      payload: { add: [{ range: "203.0.113.77", lifetimeSeconds: null, owner: "CI" }], remove: [] },
      justification: "CI agents",
      decideBy: null,
    },
    requester,
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "durability test" } },
  );
  const successfulPuts = () => emulator.requests().filter((entry) => entry.method === "PUT" && entry.path.split("?")[0]?.endsWith("/managedClusters/aks-shared-dev") && entry.status < 300);

  const first = startWorker();
  await waitFor("the PUT to be accepted", async () => (successfulPuts().length > 0 ? true : undefined), 60_000);
  first.kill("SIGKILL");
  expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("applying");

  startWorker();
  const applied = await waitFor(
    "the request to be applied",
    async () => {
      const current = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } });
      return current.status === "applied" || current.status === "failed" ? current : undefined;
    },
    100_000,
  );
  expect(applied.status).toBe("applied");
  expect(successfulPuts()).toHaveLength(1);
  const cluster = await containerServiceClient(emulator, demoSubscriptions.nonProduction).managedClusters.get("rg-dev", "aks-shared-dev");
  expect(cluster.apiServerAccessProfile?.authorizedIPRanges?.filter((range) => range === "203.0.113.77/32")).toHaveLength(1);
  const actions = (await db().auditEvent.findMany({ where: { targetId: request.id }, orderBy: { seq: "asc" } })).map((event) => event.action);
  expect(actions.filter((action) => action === "request.applied")).toHaveLength(1);
  expect(actions.filter((action) => action === "request.applying").length).toBeGreaterThanOrEqual(2);
});

it("removes an expired range with nobody acting: the worker's reconcile asks, the engine applies", { timeout: 120_000 }, async () => {
  const clusterId = `/subscriptions/${demoSubscriptions.nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
  const arm = containerServiceClient(emulator, demoSubscriptions.nonProduction).managedClusters;
  const cluster = await arm.get("rg-dev", "aks-shared-dev");
  const ranges = [...(cluster.apiServerAccessProfile?.authorizedIPRanges ?? []), "198.51.100.250/32"];
  await arm.createOrUpdate("rg-dev", "aks-shared-dev", { ...cluster, apiServerAccessProfile: { ...cluster.apiServerAccessProfile, authorizedIPRanges: ranges } }, { updateIntervalInMs: 50 });
  const record = await db().authorizedIpRange.create({
    data: { clusterResourceId: clusterKey(clusterId), range: "198.51.100.250/32", reason: "contractor, one day", expiresAt: new Date(Date.now() - 1000), addedByName: "Priya Patel" },
  });

  startWorker();
  await waitFor(
    "the expired range to leave the cluster",
    async () => ((await arm.get("rg-dev", "aks-shared-dev")).apiServerAccessProfile?.authorizedIPRanges?.includes("198.51.100.250/32") ? undefined : true),
    100_000,
  );
  await waitFor(
    "the removal to be recorded as applied",
    async () => {
      const removal = await db().changeRequest.findFirst({ where: { requesterId: "system:clusterdesk", payload: { path: ["remove"], array_contains: ["198.51.100.250/32"] } } });
      return removal?.status === "applied" ? true : undefined;
    },
    30_000,
  );
  expect(await db().authorizedIpRange.count({ where: { id: record.id } })).toBe(0);
});
