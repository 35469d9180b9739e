import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { useEmulator } from "@/test/support";
import { tenantEnvironmentExecutor } from "./environment-executor";
import { tenantEnvironmentStatuses } from "./environment-status";

/** The tenant page's quota for a managed namespace: ARM's `default` quota (CPU, memory) beside Clusterdesk's counts. */
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const slug = "qstat";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  useEmulator(emulator.url);
});
afterAll(async () => {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug } } });
  await db().tenant.updateMany({ where: { slug }, data: { archivedAt: new Date() } });
  await stopJobQueue();
  await emulator.dispose();
});

describe("an environment's quota on an Azure-RBAC cluster", () => {
  it("shows the managed namespace's CPU and memory quota usage as well as Clusterdesk's counts", async () => {
    const fields = { displayName: "Quota status", ownerGroupId: demoGroups.analyticsOwners, memberGroupIds: [], archivedAt: null };
    const tenant = await db().tenant.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
    const created = await createChangeRequest(
      { kind: "tenant-environment", clusterResourceId: clusterKey(analytics), tenantId: tenant.id, payload: { tenantSlug: slug, environment: "dev", namespace: `${slug}-dev`, template: "standard" }, justification: "test", decideBy: null },
      admin, { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" }, { applyDirectly: { reason: "test" } },
    );
    expect(await executeChangeRequest(created.id, { retryCount: 0, retryLimit: 3, signal: new AbortController().signal }, { "tenant-environment": tenantEnvironmentExecutor() })).toBe("applied");

    const [environment] = await tenantEnvironmentStatuses(tenant.id);
    expect(environment?.quota.state).toBe("read");
    const usage = environment?.quota.state === "read" ? environment.quota.usage : [];
    expect(usage).toEqual(expect.arrayContaining([
      { resource: "requests.cpu", used: expect.any(String), hard: "4" },
      { resource: "limits.memory", used: expect.any(String), hard: "16Gi" },
      { resource: "pods", used: "0", hard: "50" },
    ]));
  });
});
