import { type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantOffboardingPayload } from "@/lib/requests/kinds";
import { offboardingSteps } from "@/lib/tenants/offboarding";
import { db } from "@/lib/server/db/client";
import { requestOutcome, startWorkerProcess, waitFor } from "@/lib/server/jobs/worker-process.test-helper";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { useEmulator } from "@/test/support";
import { tenantEnvironmentExecutor } from "./environment-executor";
import { planOffboarding } from "./offboarding-plan";

/**
 * The durability promise for offboarding's Azure side: a real `npm run worker` is killed after ARM
 * deleted the identity but before it answered; a second worker finishes the request with every
 * step recorded once, and the steps recorded before the crash are not sent to ARM again.
 */
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });
const slug = "offb-kill";
const namespace = `${slug}-dev`;
const identity = `clusterdesk-aks-analytics-wi-${namespace}`;
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const context = () => ({ clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" });
let emulator: TestEmulator;
let tenantId: string;
const workers: ChildProcess[] = [];
beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  useEmulator(emulator.url);
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug } } });
  const fields = { displayName: slug, ownerGroupId: demoGroups.analyticsOwners, memberGroupIds: [demoGroups.allEngineering], archivedAt: null };
  tenantId = (await db().tenant.upsert({ where: { slug }, create: { slug, ...fields }, update: fields })).id;
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug } } });
  await db().tenant.updateMany({ where: { slug, archivedAt: null }, data: { archivedAt: new Date() } });
  await stopJobQueue();
  await emulator.dispose();
});

it("converges after the worker dies mid-offboarding: no step lost, none done twice", { timeout: 240_000 }, async () => {
  const environment = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(analytics), tenantId, payload: { tenantSlug: slug, environment: "dev", namespace, template: "standard" }, justification: "crash test", decideBy: null },
    admin, context(), { applyDirectly: { reason: "test" } },
  );
  expect(await executeChangeRequest(environment.id, { retryCount: 0, retryLimit: 3, signal: new AbortController().signal }, { "tenant-environment": tenantEnvironmentExecutor() })).toBe("applied");

  // ARM deletes the identity, then holds its answer long enough for the worker to be killed waiting.
  emulator.injectFault({ method: "DELETE", path: `userAssignedIdentities/${identity}$`, holdResponseMs: 120_000 });
  const plan = await planOffboarding(tenantId, randomUUID());
  const payload: TenantOffboardingPayload = { tenantSlug: slug, deletePolicy: "delete", plan };
  const steps = offboardingSteps(plan, "delete").map((step) => step.key);
  emulator.clearRequests();
  const created = await createChangeRequest({ kind: "tenant-offboarding", clusterResourceId: null, tenantId, payload, justification: "crash test", decideBy: null }, admin, context(), { applyDirectly: { reason: "test" } });

  const first = startWorkerProcess(emulator);
  workers.push(first);
  const gone = () => !emulator.state().userAssignedIdentities.some((record) => record.resource.name === identity);
  await waitFor("ARM to delete the identity", async () => (gone() ? true : undefined), 120_000);
  first.kill("SIGKILL");
  const before = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
  expect(before.status).toBe("applying");
  // Two role assignments and the credential were recorded; the identity's step was not.
  expect((before.progress as { steps: { completed: string[] } }).steps.completed).toEqual(steps.slice(0, 3));

  workers.push(startWorkerProcess(emulator));
  const outcome = await requestOutcome(created.id, 200_000);
  expect(outcome.status).toBe("applied");

  const events = await db().auditEvent.findMany({ where: { targetId: created.id, action: "tenant.offboarding_step" }, orderBy: { seq: "asc" } });
  expect(events.map((event) => (event.after as { step: string }).step)).toEqual(steps);
  const deletes = (pattern: RegExp) => emulator.requests().filter((entry) => entry.method === "DELETE" && entry.status < 300 && pattern.test(entry.path.split("?")[0] ?? ""));
  expect(deletes(/roleAssignments\//i)).toHaveLength(2);
  expect(deletes(/federatedIdentityCredentials\//i)).toHaveLength(1);
  expect(emulator.state().managedNamespaces.filter((record) => record.resource.name === namespace)).toHaveLength(0);
  expect(gone()).toBe(true);
  expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).archivedAt).not.toBeNull();
});
