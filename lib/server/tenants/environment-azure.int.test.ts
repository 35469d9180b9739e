import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { accessRoles } from "@/lib/access/roles";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { requestedTemplate } from "@/lib/tenants/requested-template";
import { environmentTemplates } from "@/lib/tenants/templates";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { environmentOnCluster } from "./environment-on-cluster";
import { tenantEnvironmentExecutor } from "./environment-executor";
import { planEnvironment } from "./environment-plan";
import { engineSuite } from "@/test/engine-suite";

/**
 * Environments on Azure-RBAC clusters: the namespace as an AKS managed namespace, a workload identity
 * (user-assigned identity + federated credential + annotated ServiceAccount) and role assignments for
 * the tenant's groups, planned against ARM and the cluster, then applied. aks-analytics-wi has Azure
 * RBAC, an OIDC issuer and a dedicated tenants pool; aks-shared-dev has Azure RBAC but neither.
 */
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });
const sharedDev = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" });
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const executors = { "tenant-environment": tenantEnvironmentExecutor() };
const orionDev: TenantEnvironmentPayload = { tenantSlug: "vega", environment: "dev", namespace: "vega-dev", template: "standard" };
// Groups that exist in the directory: ARM refuses role assignments for unknown principals.
const ownerGroupId = demoGroups.analyticsOwners;
const memberGroupId = demoGroups.allEngineering;

let tenantId: string;
const suite = engineSuite();
beforeAll(async () => {
  const tenant = { displayName: "Vega", ownerGroupId, memberGroupIds: [memberGroupId] };
  tenantId = (await db().tenant.upsert({ where: { slug: "vega" }, create: { slug: "vega", ...tenant }, update: tenant })).id;
});
beforeEach(async () => {
  suite.emulator.reset();
  suite.emulator.clearRequests();
  await db().tenantEnvironment.deleteMany({ where: { tenantId } });
});

async function approvedRequest(payload: TenantEnvironmentPayload = orionDev, cluster = analytics) {
  const created = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(cluster), tenantId, payload, justification: "Vega's environment", decideBy: null },
    admin,
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "test" } },
  );
  return db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
}
async function plan(payload = orionDev, cluster = analytics, template = requestedTemplate(payload)) {
  const environment = await environmentOnCluster(tenantId, cluster, payload, randomUUID(), template);
  return planEnvironment(environment.client, environment.rendered, "vega", environment.arm);
}
/** Applies a request; a failure shows the request's error, not only "failed". */
async function apply(requestId: string) {
  const outcome = await executeChangeRequest(requestId, attempt, executors);
  if (outcome === "failed") return `failed: ${(await db().changeRequest.findUniqueOrThrow({ where: { id: requestId } })).lastError ?? ""}`;
  return outcome;
}
/** What was written: ARM PUTs and DELETEs, and Kubernetes writes that were not dry runs. */
const writes = () => suite.emulator.requests().filter((entry) => entry.status < 300 && (entry.path.includes("/k8s/") ? entry.method !== "GET" && !entry.path.includes("dryRun=All") : entry.method === "PUT" || entry.method === "DELETE"));
const assignmentsAt = (scope: string) => suite.emulator.state().roleAssignments.filter((assignment) => assignment.scope.toLowerCase() === scope.toLowerCase());

describe("an environment on an Azure-RBAC cluster", () => {
  it("plans the managed namespace, identity, credential, objects and role assignments as creates, writing nothing", async () => {
    const result = await plan();
    expect(result.steps.map((step) => [step.kind, step.via, step.action])).toEqual([
      ["ManagedNamespace", "arm", "create"], ["UserAssignedIdentity", "arm", "create"], ["FederatedIdentityCredential", "arm", "create"],
      ["ResourceQuota", "kubernetes", "create"], ["LimitRange", "kubernetes", "create"],
      ["NetworkPolicy", "kubernetes", "create"], ["NetworkPolicy", "kubernetes", "create"], ["NetworkPolicy", "kubernetes", "create"], ["NetworkPolicy", "kubernetes", "create"],
      ["ServiceAccount", "kubernetes", "create"], ["RoleAssignment", "arm", "create"], ["RoleAssignment", "arm", "create"],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writes()).toEqual([]);
  });

  it("applies it; the same environment again plans 0 changes and writes nothing", async () => {
    expect(await apply((await approvedRequest()).id)).toBe("applied");
    const state = suite.emulator.state();
    const managed = state.managedNamespaces.find((record) => record.resource.name === "vega-dev");
    expect(managed?.resource.properties).toMatchObject({ adoptionPolicy: "Never", deletePolicy: "Keep", defaultResourceQuota: { cpuRequest: "4", memoryLimit: "16Gi" }, labels: { "clusterdesk.io/tenant": "vega", "pod-security.kubernetes.io/enforce": "baseline" } });
    const identity = state.userAssignedIdentities.find((record) => record.resource.name === "clusterdesk-aks-analytics-wi-vega-dev");
    const issuer = state.clusters.find((cluster) => cluster.resource.name === "aks-analytics-wi")?.resource.properties.oidcIssuerProfile?.issuerURL;
    expect(identity?.federatedCredentials.map((credential) => credential.properties)).toEqual([{ issuer, subject: "system:serviceaccount:vega-dev:workload", audiences: ["api://AzureADTokenExchange"] }]);
    const scope = `${analytics}/namespaces/vega-dev`;
    expect(assignmentsAt(scope).map((assignment) => [assignment.principalId, assignment.roleDefinitionGuid]).sort()).toEqual(
      [[ownerGroupId, accessRoles.admin.roleDefinitionGuid], [memberGroupId, accessRoles.writer.roleDefinitionGuid]].sort(),
    );
    const environment = await environmentOnCluster(tenantId, analytics, orionDev, randomUUID());
    const serviceAccount = environment.rendered.objects.find((object) => object.kind === "ServiceAccount");
    const live = (await environment.client.read(serviceAccount ?? environment.rendered.objects[0] ?? orionDevMissing())) as { metadata: { annotations: Record<string, string> } };
    expect(live.metadata.annotations["azure.workload.identity/client-id"]).toBe(identity?.resource.properties.clientId);

    const again = await plan();
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 12, conflict: 0 });
    suite.emulator.clearRequests();
    const reapply = await approvedRequest();
    expect(await apply(reapply.id)).toBe("applied");
    expect(writes()).toEqual([]);
    expect(assignmentsAt(scope)).toHaveLength(2);
    expect(suite.emulator.state().userAssignedIdentities).toHaveLength(1);
  });

  it("turns a changed quota figure into a one-object plan: the count in Clusterdesk's quota, CPU in the managed namespace", async () => {
    expect(await apply((await approvedRequest()).id)).toBe("applied");
    const standard = environmentTemplates.standard;
    const pods = await plan(orionDev, analytics, { ...standard, quota: { ...standard.quota, pods: "60" } });
    expect(pods.summary).toEqual({ create: 0, update: 1, unchanged: 11, conflict: 0 });
    expect(pods.steps.find((step) => step.action === "update")).toMatchObject({ key: "ResourceQuota vega-dev/clusterdesk-quota", changes: [{ path: "spec.hard.pods", before: "50", after: "60" }] });
    const cpu = await plan(orionDev, analytics, { ...standard, quota: { ...standard.quota, "requests.cpu": "6" } });
    expect(cpu.summary).toEqual({ create: 0, update: 1, unchanged: 11, conflict: 0 });
    expect(cpu.steps.find((step) => step.action === "update")).toMatchObject({ kind: "ManagedNamespace", changes: [{ path: "properties.defaultResourceQuota.cpuRequest", before: "4", after: "6" }] });
  });

  it("refuses a namespace that already exists outside ARM (adoption Never) with a clear message, writing nothing", async () => {
    const environment = await environmentOnCluster(tenantId, analytics, orionDev, randomUUID());
    await environment.client.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "vega-dev", labels: { team: "someone-else" } } });
    await expect.poll(() => writes().length, { timeout: 10_000 }).toBe(1);
    suite.emulator.clearRequests();
    const result = await plan();
    expect(result.steps[0]).toMatchObject({ kind: "ManagedNamespace", action: "conflict" });
    expect(result.steps[0]?.reason).toBe("Namespace vega-dev already exists on the cluster and was not made by Clusterdesk; Clusterdesk creates managed namespaces with adoption policy Never, so AKS would refuse to take it over. Remove it, or ask an admin to adopt it.");
    const request = await approvedRequest();
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).lastError).toContain("adoption policy Never");
    expect(writes()).toEqual([]);
  });
});

describe("placement and clusters without an OIDC issuer", () => {
  it("places the restricted template on the dedicated pool, and refuses a cluster without it with a clear message, writing nothing", async () => {
    const restricted = { ...orionDev, environment: "prod", namespace: "vega-prod", template: "restricted" as const };
    expect((await plan(restricted)).summary.conflict).toBe(0);
    const onSharedDev = await plan(restricted, sharedDev);
    expect(onSharedDev.steps[0]).toMatchObject({ kind: "NodePool", action: "conflict", reason: expect.stringContaining("No node pool on aks-shared-dev has the taint clusterdesk.io/dedicated=tenants:NoSchedule") });
    suite.emulator.clearRequests();
    const request = await approvedRequest(restricted, sharedDev);
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("failed");
    expect(writes()).toEqual([]);
  });

  it("notes that a cluster without an OIDC issuer gets no workload identity", async () => {
    const result = await plan(orionDev, sharedDev);
    expect(result.notes).toEqual([expect.stringContaining("aks-shared-dev has no OIDC issuer")]);
    expect(result.steps.map((step) => step.kind)).not.toContain("UserAssignedIdentity");
  });
});

function orionDevMissing(): never {
  throw new Error("nothing rendered");
}
