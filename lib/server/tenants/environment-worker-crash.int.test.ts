import { type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { requestOutcome, startWorkerProcess, waitFor } from "@/lib/server/jobs/worker-process.test-helper";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { sharedDev } from "@/test/persona-sessions";
import { useEmulator } from "@/test/support";
import { environmentOnCluster } from "./environment-on-cluster";

/**
 * The durability promise for environments: kill the worker while it applies the fourth object, start
 * another, and the request ends applied with every object once, the first three not written again.
 */
const payload: TenantEnvironmentPayload = { tenantSlug: "lyra", environment: "dev", namespace: "lyra-dev", template: "sandbox" };
let emulator: TestEmulator;
let tenantId: string;
const workers: ChildProcess[] = [];
beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  useEmulator(emulator.url);
  const tenant = { displayName: "Lyra", ownerGroupId: randomUUID(), memberGroupIds: [randomUUID()] };
  tenantId = (await db().tenant.upsert({ where: { slug: "lyra" }, create: { slug: "lyra", ...tenant }, update: tenant })).id;
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await stopJobQueue();
  await emulator.dispose();
});

it("resumes at the next step after the worker dies mid-apply and applies each object once", { timeout: 240_000 }, async () => {
  // The first NetworkPolicy's apply hangs long enough for the worker to be killed during it.
  emulator.injectFault({ method: "PATCH", path: "networkpolicies/clusterdesk-default-deny", latencyMs: 20_000 });
  const created = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(sharedDev), tenantId, payload, justification: "crash test", decideBy: null },
    { kind: "user", objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "worker process test" } },
  );
  const completed = async () => {
    const request = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    const steps = (request.progress as { steps?: { completed?: string[] } } | null)?.steps?.completed ?? [];
    return steps.length >= 3 ? steps : undefined;
  };

  const first = startWorkerProcess(emulator);
  workers.push(first);
  expect(await waitFor("three steps recorded", completed, 120_000)).toHaveLength(3);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  first.kill("SIGKILL");
  expect((await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("applying");

  workers.push(startWorkerProcess(emulator));
  const outcome = await requestOutcome(created.id, 200_000);
  expect(outcome.status).toBe("applied");

  const steps = await db().auditEvent.findMany({ where: { targetId: created.id, action: "tenant_environment.object_applied" } });
  const keys = steps.map((event) => (event.after as { object: string }).object);
  expect(keys).toHaveLength(9);
  expect(new Set(keys).size).toBe(9);
  const environment = await environmentOnCluster(tenantId, sharedDev, payload, randomUUID());
  for (const object of environment.rendered.objects) expect(await environment.client.read(object)).not.toBeNull();
  // The steps recorded before the crash were not applied again.
  const stored = (name: string) => emulator.requests().filter((entry) => entry.method === "PATCH" && !entry.path.includes("dryRun=All") && entry.path.split("?")[0]?.endsWith(name) && entry.status < 300);
  expect(stored("/namespaces/lyra-dev")).toHaveLength(1);
  expect(stored("/resourcequotas/clusterdesk-quota")).toHaveLength(1);
  expect(stored("/limitranges/clusterdesk-defaults")).toHaveLength(1);
});
