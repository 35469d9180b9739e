import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { kubernetesServerUrl } from "@/emulator/contracts";
import { withKubectl } from "@/emulator/kubernetes/testing/kubectl";
import { demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { authorizationClient } from "@/emulator/test-support/sdk-clients";
import { roleAssignmentNameFor } from "@/lib/access/grant-names";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { NamespaceAccessPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { reconcileChangeRequests } from "@/lib/server/requests/reconcile-requests";
import { namespaceAccessExecutor } from "./namespace-access-executor";
import { engineSuite } from "@/test/engine-suite";

const { nonProduction, production } = demoSubscriptions;
type ClusterName = { subscriptionId: string; resourceGroup: string; name: string };
const clusters: Record<"azureRbac" | "kubernetesRbac", ClusterName> = {
  // Entra + Azure RBAC: grants are role assignments.
  azureRbac: { subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" },
  // Entra + Kubernetes RBAC only: grants are RoleBindings.
  kubernetesRbac: { subscriptionId: production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared" },
};
const idOf = (cluster: ClusterName) =>
  `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`;
// Aliyu (Analytics) has no data-plane access to the payments or search namespaces in the seed.
const aliyu = { objectId: demoUsers.analyticsEngineer, type: "User" as const, displayName: "Aliyu Bello", userPrincipalName: "aliyu.bello@clusterdesk-demo.onmicrosoft.com" };
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const httpContext = { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const lastAttempt = { ...attempt, retryCount: 3 };
const executors = { "namespace-access": namespaceAccessExecutor() };

const suite = engineSuite();
beforeEach(async () => {
  suite.emulator.reset();
  suite.emulator.clearRequests();
  await db().namespaceAccessGrant.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
});

async function approved(clusterId: string, payload: NamespaceAccessPayload) {
  const created = await createChangeRequest(
    { kind: "namespace-access", clusterResourceId: clusterKey(clusterId), tenantId: null, payload, justification: "On-call for payments this week", decideBy: null },
    admin,
    httpContext,
    { applyDirectly: { reason: "test" } },
  );
  return db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
}
const grantPayload = (namespace: string, lifetimeSeconds: number | null = null): NamespaceAccessPayload => ({ action: "grant", role: "writer", namespace, principal: aliyu, lifetimeSeconds });

/** The real kubectl with Aliyu's Entra token for the AKS server application. */
/**
 * The real kubectl with Aliyu's Entra token for the AKS server application creates a ConfigMap from a
 * manifest (`kubectl create configmap` may send a protobuf body, which the suite.emulator does not decode).
 */
async function createConfigMap(cluster: ClusterName, namespace: string) {
  const token = await suite.emulator.issueTestToken({ user: "analyticsEngineer", audience: "aks" });
  return withKubectl(kubernetesServerUrl(suite.emulator.url, cluster), suite.emulator.caPem, async (kubectl, directory) => {
    const manifest = path.join(directory, "configmap.json");
    await writeFile(manifest, JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm-${randomUUID().slice(0, 8)}`, namespace }, data: { owner: "aliyu" } }));
    return kubectl(token, "apply", "--validate=false", "-f", manifest);
  });
}
const assignmentsOfAliyu = async () => {
  const list = [];
  for await (const assignment of authorizationClient(suite.emulator, nonProduction).roleAssignments.listForScope(`${idOf(clusters.azureRbac)}/namespaces/payments-dev`, { filter: `principalId eq '${aliyu.objectId}'` })) list.push(assignment);
  return list.filter((assignment) => assignment.scope?.endsWith("/namespaces/payments-dev"));
};

describe("namespace access on an Azure RBAC cluster", () => {
  it("grants with a role assignment at the namespace scope: kubectl works there and is forbidden in another tenant's namespace", async () => {
    expect((await createConfigMap(clusters.azureRbac, "payments-dev")).code).not.toBe(0);
    const request = await approved(idOf(clusters.azureRbac), grantPayload("payments-dev"));
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");

    const created = await createConfigMap(clusters.azureRbac, "payments-dev");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const elsewhere = await createConfigMap(clusters.azureRbac, "search-dev");
    expect(elsewhere.code).not.toBe(0);
    expect(elsewhere.stderr).toContain("Forbidden");

    const [assignment] = await assignmentsOfAliyu();
    expect(assignment).toMatchObject({ name: roleAssignmentNameFor(request.id), principalType: "User" });
    expect(assignment?.roleDefinitionId).toMatch(/a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb$/);
    const puts = suite.emulator.requests().filter((entry) => entry.method === "PUT" && entry.path.includes("roleAssignments"));
    expect(puts.map((entry) => entry.clientRequestId)).toEqual([request.correlationId]);
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(grant).toMatchObject({ mechanism: "azure-rbac", namespace: "payments-dev", role: "writer", principalId: aliyu.objectId, expiresAt: null, revokedAt: null });
  });

  it("converges when an attempt is resumed: the same assignment name, exactly one assignment and one record", async () => {
    const request = await approved(idOf(clusters.azureRbac), grantPayload("payments-dev"));
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");
    // A worker that died after the PUT runs the executor again on the same request.
    await namespaceAccessExecutor().apply({ ...request, progress: null }, { reportProgress: async () => {}, signal: attempt.signal });
    expect(await assignmentsOfAliyu()).toHaveLength(1);
    expect(await db().namespaceAccessGrant.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("retries throttling and a busy answer, and applies once they pass", async () => {
    suite.emulator.injectFault({ method: "PUT", path: "roleAssignments", status: 429, retryAfterMs: 10, count: 5 });
    const request = await approved(idOf(clusters.azureRbac), grantPayload("payments-dev"));
    // The SDK's own throttling retries give up after a few tries: the engine keeps the request for the queue to retry.
    await expect(executeChangeRequest(request.id, attempt, executors)).rejects.toThrow(/Azure Resource Manager/);
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).lastError).toMatch(/retrying/);
    suite.emulator.clearFaults();
    suite.emulator.injectFault({ method: "PUT", path: "roleAssignments", status: 409, code: "Conflict", message: "busy", count: 1 });
    await expect(executeChangeRequest(request.id, attempt, executors)).rejects.toThrow(/busy/);
    expect(await executeChangeRequest(request.id, lastAttempt, executors)).toBe("applied");
    expect(await assignmentsOfAliyu()).toHaveLength(1);
  });

  it("retries a principal Azure does not know yet (replication lag), and fails at once on a refusal a retry cannot fix", async () => {
    suite.emulator.injectFault({ method: "PUT", path: "roleAssignments", status: 400, code: "PrincipalNotFound", message: "Principal does not exist in the directory.", count: 1 });
    const lagging = await approved(idOf(clusters.azureRbac), grantPayload("payments-dev"));
    await expect(executeChangeRequest(lagging.id, attempt, executors)).rejects.toThrow(/Principal does not exist/);
    expect(await executeChangeRequest(lagging.id, attempt, executors)).toBe("applied");

    suite.emulator.injectFault({ method: "PUT", path: "roleAssignments", status: 400, code: "InvalidRoleDefinitionId", message: "The role definition ID is not valid.", count: 1 });
    const refused = await approved(idOf(clusters.azureRbac), grantPayload("search-dev"));
    expect(await executeChangeRequest(refused.id, attempt, executors)).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: refused.id } })).lastError).toMatch(/refused the change: The role definition ID is not valid/);
  });

  it("revokes by deleting the assignment, and a repeated revocation changes nothing", async () => {
    const grantRequest = await approved(idOf(clusters.azureRbac), grantPayload("payments-dev"));
    await executeChangeRequest(grantRequest.id, attempt, executors);
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: grantRequest.id } });
    const revocation = await approved(idOf(clusters.azureRbac), { action: "revoke", grantId: grant.id, role: "writer", namespace: "payments-dev", principal: aliyu });
    expect(await executeChangeRequest(revocation.id, attempt, executors)).toBe("applied");
    expect(await assignmentsOfAliyu()).toHaveLength(0);
    expect((await createConfigMap(clusters.azureRbac, "payments-dev")).code).not.toBe(0);
    expect(await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ revocationRequestId: revocation.id, revokedAt: expect.any(Date) });
    await namespaceAccessExecutor().apply({ ...revocation, progress: null }, { reportProgress: async () => {}, signal: attempt.signal });
  });

  it("revokes a time-bound grant when it expires, counted from application, with nobody acting", async () => {
    const request = await approved(idOf(clusters.azureRbac), grantPayload("payments-dev", 3600));
    const before = Date.now();
    await executeChangeRequest(request.id, attempt, executors);
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(grant.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);

    expect((await reconcileChangeRequests(new Date(before + 1_800_000))).grantsExpired).toBe(0);
    const later = new Date(before + 3_700_000);
    expect((await reconcileChangeRequests(later)).grantsExpired).toBe(1);
    // Asked once only, however often the reconcile job runs.
    expect((await reconcileChangeRequests(later)).grantsExpired).toBe(0);
    const { revocationRequestId } = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } });
    const revocation = await db().changeRequest.findUniqueOrThrow({ where: { id: revocationRequestId ?? "" } });
    expect(revocation).toMatchObject({ kind: "namespace-access", status: "approved", requesterName: "Clusterdesk", decidedByName: "Clusterdesk" });
    // What the queue's worker does with the job the reconcile pass queued.
    expect(await executeChangeRequest(revocation.id, attempt, executors)).toBe("applied");
    expect(await assignmentsOfAliyu()).toHaveLength(0);
    expect((await createConfigMap(clusters.azureRbac, "payments-dev")).code).not.toBe(0);
    const events = await db().auditEvent.findMany({ where: { targetId: revocation.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => [event.action, event.actorKind])).toEqual([
      ["request.created", "system"],
      ["request.approved", "system"],
      ["request.applying", "system"],
      ["request.applied", "system"],
    ]);
  });
});

describe("namespace access on a Kubernetes RBAC cluster", () => {
  it("grants with a RoleBinding to edit for the user's UPN: kubectl works there and not in another tenant's namespace; revocation deletes it", async () => {
    expect((await createConfigMap(clusters.kubernetesRbac, "payments-dev")).code).not.toBe(0);
    const request = await approved(idOf(clusters.kubernetesRbac), grantPayload("payments-dev"));
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");
    // Applied again (a resumed attempt): server-side apply converges on the same object.
    await namespaceAccessExecutor().apply({ ...request, progress: null }, { reportProgress: async () => {}, signal: attempt.signal });

    const created = await createConfigMap(clusters.kubernetesRbac, "payments-dev");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect((await createConfigMap(clusters.kubernetesRbac, "search-dev")).code).not.toBe(0);

    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(grant).toMatchObject({ mechanism: "kubernetes-rbac", externalId: `payments-dev/clusterdesk-edit-${aliyu.objectId}` });
    const token = await suite.emulator.issueTestToken({ user: "admin", audience: "aks" });
    const binding = await withKubectl(kubernetesServerUrl(suite.emulator.url, clusters.kubernetesRbac), suite.emulator.caPem, (kubectl) =>
      kubectl(token, "get", "rolebinding", `clusterdesk-edit-${aliyu.objectId}`, "-n", "payments-dev", "-o", "json"),
    );
    expect(JSON.parse(binding.stdout)).toMatchObject({
      metadata: { labels: { "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/request": String(request.number) } },
      roleRef: { kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "User", name: aliyu.userPrincipalName }],
    });

    const revocation = await approved(idOf(clusters.kubernetesRbac), { action: "revoke", grantId: grant.id, role: "writer", namespace: "payments-dev", principal: aliyu });
    expect(await executeChangeRequest(revocation.id, attempt, executors)).toBe("applied");
    expect((await createConfigMap(clusters.kubernetesRbac, "payments-dev")).code).not.toBe(0);
  });
});
