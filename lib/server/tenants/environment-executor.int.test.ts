import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { environmentOnCluster } from "./environment-on-cluster";
import { tenantEnvironmentExecutor } from "./environment-executor";
import { planEnvironment } from "./environment-plan";
import { engineSuite } from "@/test/engine-suite";

const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const httpContext = { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const executors = { "tenant-environment": tenantEnvironmentExecutor() };
// Entra with Kubernetes RBAC only: the namespace and RoleBindings go through the Kubernetes API
// (Azure-RBAC clusters get managed namespaces: environment-azure.int.test.ts).
const kubernetesRbacCluster = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" });
const cetusDev: TenantEnvironmentPayload = { tenantSlug: "cetus", environment: "dev", namespace: "cetus-dev", template: "standard" };

let tenantId: string;
const suite = engineSuite();
beforeAll(async () => {
  const tenant = { displayName: "Cetus", ownerGroupId: randomUUID(), memberGroupIds: [randomUUID()] };
  tenantId = (await db().tenant.upsert({ where: { slug: "cetus" }, create: { slug: "cetus", ...tenant }, update: tenant })).id;
});
beforeEach(async () => {
  suite.emulator.reset();
  suite.emulator.clearRequests();
  await db().tenantEnvironment.deleteMany({ where: { tenantId } });
});

async function approvedRequest(payload: TenantEnvironmentPayload = cetusDev) {
  const created = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(kubernetesRbacCluster), tenantId, payload, justification: "Cetus's first environment", decideBy: null },
    admin,
    httpContext,
    { applyDirectly: { reason: "test" } },
  );
  return db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
}
const onCluster = () => environmentOnCluster(tenantId, kubernetesRbacCluster, cetusDev, randomUUID());
const plan = async () => {
  const environment = await onCluster();
  return planEnvironment(environment.client, environment.rendered, "cetus", environment.arm);
};
/** Writes the emulated API server stored: every non-GET answered below 300 without dryRun. */
const storedWrites = () => suite.emulator.requests().filter((entry) => entry.path.includes("/k8s/") && entry.method !== "GET" && !entry.path.includes("dryRun=All") && entry.status < 300);

describe("planning a tenant environment", () => {
  it("plans every object as a create on a cluster without it, and creates nothing", async () => {
    const result = await plan();
    expect(result.summary).toEqual({ create: 9, update: 0, unchanged: 0, conflict: 0 });
    expect(result.steps.map((step) => step.key)).toContain("ResourceQuota cetus-dev/clusterdesk-quota");
    expect(storedWrites()).toEqual([]);
    const environment = await onCluster();
    expect(await environment.client.read(environment.rendered.objects[0] ?? cetusDevMissing())).toBeNull();
  });
});

function cetusDevMissing(): never {
  throw new Error("no namespace rendered");
}

describe("applying a tenant environment", () => {
  it("creates every object, records the environment, and a second plan is all unchanged", async () => {
    const request = await approvedRequest();
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");

    const environment = await onCluster();
    for (const object of environment.rendered.objects) {
      const live = (await environment.client.read(object)) as { metadata: { labels: Record<string, string> } } | null;
      expect(live?.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/tenant": "cetus" });
    }
    const quota = (await environment.client.read(environment.rendered.objects[1] ?? cetusDevMissing())) as { status?: { hard?: Record<string, string> } };
    expect(quota.status?.hard).toMatchObject({ pods: "50", "requests.cpu": "4" });
    const record = await db().tenantEnvironment.findUniqueOrThrow({ where: { clusterResourceId_namespace: { clusterResourceId: clusterKey(kubernetesRbacCluster), namespace: "cetus-dev" } } });
    expect(record).toMatchObject({ tenantId, name: "dev", template: "standard", lastRequestId: request.id });
    expect(record.appliedAt).toBeInstanceOf(Date);

    const steps = await db().auditEvent.findMany({ where: { targetId: request.id, action: "tenant_environment.object_applied" }, orderBy: { seq: "asc" } });
    expect(steps).toHaveLength(9);
    expect(new Set(steps.map((event) => event.correlationId))).toEqual(new Set([request.correlationId]));

    expect((await plan()).summary).toEqual({ create: 0, update: 0, unchanged: 9, conflict: 0 });
  });

  it("re-applies an unchanged environment without writing anything", async () => {
    expect(await executeChangeRequest((await approvedRequest()).id, attempt, executors)).toBe("applied");
    await expect.poll(() => storedWrites().length, { timeout: 10_000 }).toBe(9);
    suite.emulator.clearRequests();
    const again = await approvedRequest();
    expect(await executeChangeRequest(again.id, attempt, executors)).toBe("applied");
    expect(storedWrites()).toEqual([]);
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: again.id } })).progress).toMatchObject({ message: expect.stringContaining("nothing changed") });
  });

  it("plans an update with the field diff when the template changes", async () => {
    expect(await executeChangeRequest((await approvedRequest()).id, attempt, executors)).toBe("applied");
    const environment = await environmentOnCluster(tenantId, kubernetesRbacCluster, { ...cetusDev, template: "sandbox" }, randomUUID());
    const result = await planEnvironment(environment.client, environment.rendered, "cetus", environment.arm);
    const quota = result.steps.find((step) => step.kind === "ResourceQuota");
    expect(quota?.action).toBe("update");
    expect(quota?.changes).toContainEqual({ path: "spec.hard.pods", before: "50", after: "10" });
    // The first apply's create only: the plan's dry run stored nothing.
    await expect.poll(() => storedWrites().filter((entry) => entry.path.includes("resourcequotas")).length, { timeout: 10_000 }).toBe(1);
  });

  it("refuses a namespace that exists and is not Clusterdesk's: conflict in the plan, the apply fails and writes nothing", async () => {
    const environment = await onCluster();
    const namespace = environment.rendered.objects[0] ?? cetusDevMissing();
    await environment.client.apply({ ...namespace, metadata: { name: "cetus-dev", labels: { team: "someone-else" } } });
    // The suite.emulator logs a request once its response is done, which can be after the client has it.
    await expect.poll(() => storedWrites().length, { timeout: 10_000 }).toBe(1);
    suite.emulator.clearRequests();

    const result = await plan();
    expect(result.steps[0]).toMatchObject({ action: "conflict", reason: expect.stringContaining("not made by Clusterdesk") });
    const request = await approvedRequest();
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("failed");
    const failed = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(failed.lastError).toContain("Nothing was applied");
    expect(storedWrites()).toEqual([]);
    expect(await db().tenantEnvironment.count({ where: { tenantId } })).toBe(0);
  });

  it("resumes at the next step after a failure half-way, each object applied once", async () => {
    // The first NetworkPolicy's apply fails for good: the namespace, quota and limit range are done.
    suite.emulator.injectFault({ method: "PATCH", path: "networkpolicies/clusterdesk-default-deny$", status: 400, message: "injected" });
    const request = await approvedRequest();
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("failed");
    const failed = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(failed.progress).toMatchObject({ steps: { completed: ["Namespace cetus-dev", "ResourceQuota cetus-dev/clusterdesk-quota", "LimitRange cetus-dev/clusterdesk-defaults"] } });

    await db().$transaction((tx) => tx.changeRequest.update({ where: { id: request.id }, data: { status: "approved" } }));
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");
    const steps = await db().auditEvent.findMany({ where: { targetId: request.id, action: "tenant_environment.object_applied" } });
    const keys = steps.map((event) => (event.after as { object: string }).object);
    expect(keys).toHaveLength(9);
    expect(new Set(keys).size).toBe(9);
  });
});
