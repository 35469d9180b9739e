import { expect, it } from "vitest";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { applyRangeDirectly, requestOutcome, sharedDevClusterId, successfulClusterPuts, withWorkerProcesses, waitFor } from "./worker-process.test-helper";

/**
 * The durability promise: kill the worker while Azure's long-running operation is under way,
 * start another, and the request still ends `applied` with exactly one write to ARM.
 */
const { emulator, startWorker } = withWorkerProcesses(4000);

it("resumes after the worker dies mid-operation and applies the change once", { timeout: 120_000 }, async () => {
  const request = await applyRangeDirectly("203.0.113.77");
  const successfulPuts = () => successfulClusterPuts(emulator(), "aks-shared-dev");

  const first = startWorker();
  await waitFor("the PUT to be accepted", async () => (successfulPuts().length > 0 ? true : undefined), 60_000);
  first.kill("SIGKILL");
  expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("applying");

  startWorker();
  const applied = await requestOutcome(request.id, 100_000);
  expect(applied.status).toBe("applied");
  expect(successfulPuts()).toHaveLength(1);
  const cluster = await containerServiceClient(emulator(), demoSubscriptions.nonProduction).managedClusters.get("rg-dev", "aks-shared-dev");
  expect(cluster.apiServerAccessProfile?.authorizedIPRanges?.filter((range) => range === "203.0.113.77/32")).toHaveLength(1);
  const actions = (await db().auditEvent.findMany({ where: { targetId: request.id }, orderBy: { seq: "asc" } })).map((event) => event.action);
  expect(actions.filter((action) => action === "request.applied")).toHaveLength(1);
  expect(actions.filter((action) => action === "request.applying").length).toBeGreaterThanOrEqual(2);
});

it("removes an expired range with nobody acting: the worker's reconcile asks, the engine applies", { timeout: 120_000 }, async () => {
  const clusterId = sharedDevClusterId;
  const arm = containerServiceClient(emulator(), demoSubscriptions.nonProduction).managedClusters;
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
