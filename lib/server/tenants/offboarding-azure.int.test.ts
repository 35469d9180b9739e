import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantOffboardingPayload } from "@/lib/requests/kinds";
import { offboardingSteps } from "@/lib/tenants/offboarding";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { manifestClient } from "@/lib/server/kube/manifests";
import { namespaceClient } from "@/lib/server/kube/namespaces";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { useEmulator } from "@/test/support";
import { clusterCredentialsFor } from "./cluster-namespaces";
import { tenantEnvironmentExecutor } from "./environment-executor";
import { tenantOffboardingExecutor } from "./offboarding-executor";
import { planOffboarding } from "./offboarding-plan";

/**
 * Offboarding an environment on aks-analytics-wi (Azure RBAC, OIDC issuer): the environment is applied
 * for real (managed namespace, workload identity with its federated credential, role assignments for
 * the tenant's groups), then offboarded through the real SDKs against the emulator. The plan must list
 * the Azure side, and execution must remove exactly that.
 */
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const executors = { "tenant-environment": tenantEnvironmentExecutor(), "tenant-offboarding": tenantOffboardingExecutor() };
const ownerGroupId = demoGroups.analyticsOwners;
const memberGroupId = demoGroups.allEngineering;
const context = () => ({ clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" });

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  useEmulator(emulator.url);
});
afterAll(async () => {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug: { startsWith: "offb-" } } } });
  await db().tenant.updateMany({ where: { slug: { startsWith: "offb-" }, archivedAt: null }, data: { archivedAt: new Date() } });
  await stopJobQueue();
  await emulator.dispose();
});
beforeEach(() => {
  emulator.reset();
  emulator.clearFaults();
});

/** A fresh tenant (its own slug per test: files share one database) with its dev environment applied on aks-analytics-wi. */
async function appliedTenant(slug: string) {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug } } });
  const fields = { displayName: slug, ownerGroupId, memberGroupIds: [memberGroupId], archivedAt: null };
  const tenant = await db().tenant.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
  const created = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(analytics), tenantId: tenant.id, payload: { tenantSlug: slug, environment: "dev", namespace: `${slug}-dev`, template: "standard" }, justification: "test", decideBy: null },
    admin, context(), { applyDirectly: { reason: "test" } },
  );
  expect(await executeChangeRequest(created.id, attempt, executors)).toBe("applied");
  const credentials = await clusterCredentialsFor(analytics, randomUUID());
  // A workload of the tenant's: kept with "keep", gone with "delete".
  await manifestClient(credentials).apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: `${slug}-dev`, labels: {} }, data: { key: "value" } });
  return { tenant, namespace: `${slug}-dev`, namespaces: namespaceClient(credentials) };
}

async function offboardingRequest(tenantId: string, slug: string, deletePolicy: "delete" | "keep") {
  const plan = await planOffboarding(tenantId, randomUUID());
  const payload: TenantOffboardingPayload = { tenantSlug: slug, deletePolicy, plan };
  const created = await createChangeRequest({ kind: "tenant-offboarding", clusterResourceId: null, tenantId, payload, justification: "test", decideBy: null }, admin, context(), { applyDirectly: { reason: "test" } });
  return { id: created.id, payload };
}

/** Everything ARM holds, by id: what offboarding must leave alone is compared before and after. */
function armInventory() {
  const state = emulator.state();
  return {
    managedNamespaces: state.managedNamespaces.map((record) => record.resource.id.toLowerCase()).sort(),
    identities: state.userAssignedIdentities.map((record) => record.resource.id.toLowerCase()).sort(),
    credentials: state.userAssignedIdentities.flatMap((record) => record.federatedCredentials.map((credential) => credential.id.toLowerCase())).sort(),
    roleAssignments: state.roleAssignments.map((assignment) => `${assignment.scope}/providers/Microsoft.Authorization/roleAssignments/${assignment.name}`.replace(/\/+/g, "/").toLowerCase()).sort(),
  };
}
const without = (all: string[], removed: string[]) => all.filter((id) => !removed.includes(id));
const identityName = (namespace: string) => `clusterdesk-aks-analytics-wi-${namespace}`;
const stepEvents = async (requestId: string) => (await db().auditEvent.findMany({ where: { targetId: requestId, action: "tenant.offboarding_step" }, orderBy: { seq: "asc" } })).map((event) => (event.after as { step: string }).step);

describe("offboarding an environment on an Azure-RBAC cluster", () => {
  it("plans the Azure side: both group role assignments, the federated credential, the identity and the managed namespace", async () => {
    const { tenant, namespace } = await appliedTenant("offb-plan");
    const plan = await planOffboarding(tenant.id, randomUUID());
    const [environment] = plan.environments;
    expect(environment?.arm).toMatchObject({
      managedNamespace: { deletePolicy: "Keep" },
      roleAssignments: expect.arrayContaining([expect.objectContaining({ role: "admin", principalId: ownerGroupId }), expect.objectContaining({ role: "writer", principalId: memberGroupId })]),
      identity: { name: identityName(namespace), resourceGroup: "rg-sandbox", federatedCredentials: [`${namespace}-workload`] },
    });
    expect(environment?.arm?.roleAssignments).toHaveLength(2);
    const id = `${clusterKey(analytics)}/${namespace}`;
    expect(offboardingSteps(plan, "delete").map((step) => step.key.split(" ")[0])).toEqual(["roleassignment", "roleassignment", "credential", "identity", "managednamespace", "delete", "forget", "archive"]);
    expect(offboardingSteps(plan, "delete").find((step) => step.key.startsWith("identity"))?.key).toBe(`identity ${id}`);
  });

  it("with delete: removes the managed namespace with its namespace, the identity, its credential and the group assignments, and nothing else", async () => {
    const { tenant, namespace, namespaces } = await appliedTenant("offb-del");
    const before = armInventory();
    const request = await offboardingRequest(tenant.id, "offb-del", "delete");
    const planned = request.payload.plan.environments[0]?.arm;
    const plannedAssignments = (planned?.roleAssignments ?? []).map((assignment) => assignment.id.replace(/\/+/g, "/").toLowerCase());
    expect(plannedAssignments).toHaveLength(2);
    expect(before.roleAssignments).toEqual(expect.arrayContaining(plannedAssignments));

    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");
    const after = armInventory();
    const identityId = before.identities.find((id) => id.endsWith(`/${identityName(namespace)}`)) ?? "missing";
    const managedId = before.managedNamespaces.find((id) => id.endsWith(`/managednamespaces/${namespace}`)) ?? "missing";
    expect(after).toEqual({
      managedNamespaces: without(before.managedNamespaces, [managedId]),
      identities: without(before.identities, [identityId]),
      credentials: before.credentials.filter((id) => !id.startsWith(`${identityId}/`)),
      roleAssignments: without(before.roleAssignments, plannedAssignments),
    });
    expect(before.credentials.some((id) => id.startsWith(`${identityId}/`))).toBe(true);
    expect(await namespaces.read(namespace)).toBeNull();
    // Nothing else on the cluster: the seeded tenants' namespaces are still there.
    expect(await namespaces.read("analytics-dev")).not.toBeNull();
    expect(await db().tenantEnvironment.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).archivedAt).not.toBeNull();
  });

  it("with keep: the namespace and its workload stay without Clusterdesk's labels or ARM's; assignments and identity go", async () => {
    const { tenant, namespace, namespaces } = await appliedTenant("offb-keep");
    const before = armInventory();
    const request = await offboardingRequest(tenant.id, "offb-keep", "keep");
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");

    const after = armInventory();
    expect(after.managedNamespaces.filter((id) => id.endsWith(`/${namespace}`))).toEqual([]);
    expect(after.identities.filter((id) => id.endsWith(`/${identityName(namespace)}`))).toEqual([]);
    const plannedAssignments = (request.payload.plan.environments[0]?.arm?.roleAssignments ?? []).map((assignment) => assignment.id.replace(/\/+/g, "/").toLowerCase());
    expect(after.roleAssignments).toEqual(without(before.roleAssignments, plannedAssignments));
    expect(plannedAssignments).toHaveLength(2);

    const kept = await namespaces.read(namespace);
    expect(kept).not.toBeNull();
    const labelKeys = Object.keys(kept?.labels ?? {});
    expect(labelKeys.filter((key) => key.startsWith("clusterdesk.io/") || key === "app.kubernetes.io/managed-by" || key === "kubernetes.azure.com/managedByArm")).toEqual([]);
    expect(kept?.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "baseline" });
    expect(await namespaces.countContents(namespace)).toContainEqual({ kind: "ConfigMap", count: 1, names: ["settings"] });
  });

  it("counts what is already gone as done: an identity deleted outside Clusterdesk takes its credential with it (404)", async () => {
    const { tenant, namespace, namespaces } = await appliedTenant("offb-gone");
    const request = await offboardingRequest(tenant.id, "offb-gone", "delete");
    const state = emulator.state();
    state.userAssignedIdentities = state.userAssignedIdentities.filter((record) => record.resource.name !== identityName(namespace));
    emulator.clearRequests();
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");
    expect(emulator.requests().filter((entry) => entry.method === "DELETE" && /federatedIdentityCredentials\//i.test(entry.path)).map((entry) => entry.status)).toEqual([404]);
    expect(await stepEvents(request.id)).toEqual(offboardingSteps(request.payload.plan, "delete").map((step) => step.key));
    expect(await namespaces.read(namespace)).toBeNull();
  });

  it("resumes after Azure fails half-way (503 on the identity's delete): no step lost, none done twice", async () => {
    const { tenant, namespace, namespaces } = await appliedTenant("offb-crash");
    const request = await offboardingRequest(tenant.id, "offb-crash", "delete");
    const steps = offboardingSteps(request.payload.plan, "delete").map((step) => step.key);
    // More 503s than core-rest-pipeline retries (retry-after-ms keeps it fast): the attempt fails.
    emulator.injectFault({ method: "DELETE", path: `userAssignedIdentities/${identityName(namespace)}$`, status: 503, count: 4, retryAfterMs: 10 });
    emulator.clearRequests();
    await expect(executeChangeRequest(request.id, attempt, executors)).rejects.toThrow(/Azure Resource Manager/);
    expect(await stepEvents(request.id)).toEqual(steps.slice(0, 3));
    expect(emulator.state().userAssignedIdentities.some((record) => record.resource.name === identityName(namespace))).toBe(true);

    emulator.clearFaults();
    expect(await executeChangeRequest(request.id, { ...attempt, retryCount: 1 }, executors)).toBe("applied");
    expect(await stepEvents(request.id)).toEqual(steps);
    // Each role assignment and the credential were deleted once: the resumed attempt skipped them.
    const deletes = emulator.requests().filter((entry) => entry.method === "DELETE" && entry.status < 300);
    expect(deletes.filter((entry) => /roleAssignments\//i.test(entry.path))).toHaveLength(2);
    expect(deletes.filter((entry) => /federatedIdentityCredentials\//i.test(entry.path))).toHaveLength(1);
    expect(deletes.filter((entry) => entry.path.endsWith(`userAssignedIdentities/${identityName(namespace)}`) || entry.path.includes(`userAssignedIdentities/${identityName(namespace)}?`))).toHaveLength(1);
    expect(emulator.state().userAssignedIdentities.some((record) => record.resource.name === identityName(namespace))).toBe(false);
    expect(await namespaces.read(namespace)).toBeNull();
  });
});
