import { type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { requestOutcome, startWorkerProcess, waitFor } from "@/lib/server/jobs/worker-process.test-helper";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { useEmulator } from "@/test/support";
import { environmentOnCluster } from "./environment-on-cluster";

/**
 * The durability promise for environments: on an Azure-RBAC cluster with workload identity, kill the
 * worker after ARM wrote the first role assignment but before it answered, start another, and the
 * request ends applied with every step once: one managed namespace, one identity, one federated
 * credential, one assignment per group, and the steps recorded before the crash not written again.
 */
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });
const payload: TenantEnvironmentPayload = { tenantSlug: "lyra", environment: "dev", namespace: "lyra-dev", template: "standard" };
let emulator: TestEmulator;
let tenantId: string;
const workers: ChildProcess[] = [];
beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  useEmulator(emulator.url);
  // Groups that exist in the directory: ARM refuses role assignments for unknown principals.
  const tenant = { displayName: "Lyra", ownerGroupId: demoGroups.searchOwners, memberGroupIds: [demoGroups.allEngineering] };
  tenantId = (await db().tenant.upsert({ where: { slug: "lyra" }, create: { slug: "lyra", ...tenant }, update: tenant })).id;
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await stopJobQueue();
  await emulator.dispose();
});

it("converges after the worker dies mid-apply, with no duplicate identity, credential or role assignment", { timeout: 240_000 }, async () => {
  // ARM writes the first role assignment, then holds its answer long enough for the worker to be killed waiting.
  emulator.injectFault({ method: "PUT", path: "roleAssignments", holdResponseMs: 120_000 });
  const created = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(analytics), tenantId, payload, justification: "crash test", decideBy: null },
    { kind: "user", objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "worker process test" } },
  );
  const scope = `${analytics}/namespaces/lyra-dev`.toLowerCase();
  const assignments = () => emulator.state().roleAssignments.filter((assignment) => assignment.scope.toLowerCase() === scope);

  const first = startWorkerProcess(emulator);
  workers.push(first);
  await waitFor("ARM to write the first role assignment", async () => (assignments().length === 1 ? true : undefined), 120_000);
  first.kill("SIGKILL");
  const before = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
  expect(before.status).toBe("applying");
  expect((before.progress as { steps: { completed: string[] } }).steps.completed).toHaveLength(10);

  workers.push(startWorkerProcess(emulator));
  const outcome = await requestOutcome(created.id, 200_000);
  expect(outcome.status).toBe("applied");

  const steps = await db().auditEvent.findMany({ where: { targetId: created.id, action: "tenant_environment.object_applied" } });
  const keys = steps.map((event) => (event.after as { object: string }).object);
  expect(keys).toHaveLength(12);
  expect(new Set(keys).size).toBe(12);
  expect(assignments()).toHaveLength(2);
  const state = emulator.state();
  expect(state.userAssignedIdentities.filter((identity) => identity.resource.name === "clusterdesk-aks-analytics-wi-lyra-dev")).toHaveLength(1);
  expect(state.userAssignedIdentities.flatMap((identity) => identity.federatedCredentials).filter((credential) => credential.properties.subject === "system:serviceaccount:lyra-dev:workload")).toHaveLength(1);
  expect(state.managedNamespaces.filter((record) => record.resource.name === "lyra-dev")).toHaveLength(1);

  const environment = await environmentOnCluster(tenantId, analytics, payload, randomUUID());
  for (const object of environment.rendered.objects) expect(await environment.client.read(object)).not.toBeNull();
  // The steps recorded before the crash were not written again.
  const stored = (method: string, name: string) => emulator.requests().filter((entry) => entry.method === method && !entry.path.includes("dryRun=All") && (entry.path.split("?")[0] ?? "").toLowerCase().endsWith(name.toLowerCase()) && entry.status < 300);
  expect(stored("PUT", "/managedNamespaces/lyra-dev")).toHaveLength(1);
  expect(stored("PUT", "/userAssignedIdentities/clusterdesk-aks-analytics-wi-lyra-dev")).toHaveLength(1);
  expect(stored("PATCH", "/resourcequotas/clusterdesk-quota")).toHaveLength(1);
  expect(stored("PATCH", "/serviceaccounts/workload")).toHaveLength(1);
});
