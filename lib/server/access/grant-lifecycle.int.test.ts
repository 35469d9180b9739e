import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { builtInRoleGuids } from "@/emulator/arm/built-in-roles";
import { kubernetesServerUrl } from "@/emulator/contracts";
import { withKubectl } from "@/emulator/kubernetes/testing/kubectl";
import { demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { authorizationClient } from "@/emulator/test-support/sdk-clients";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { NamespaceAccessPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { reconcileChangeRequests } from "@/lib/server/requests/reconcile-requests";
import { expireGrantNow } from "./expire-grant-now";
import { checkGrantEffect } from "./grant-effect-check";
import { namespaceAccessExecutor } from "./namespace-access-executor";
import { engineSuite } from "@/test/engine-suite";

/**
 * A grant's whole life on both kinds of cluster: an assignment someone else made first, faults while
 * applying, the end counted from the effect and written on the RoleBinding, the revocation at the end
 * with nobody acting, and one audit thread under the grant's correlation id.
 */
const { nonProduction, production } = demoSubscriptions;
type ClusterName = { subscriptionId: string; resourceGroup: string; name: string };
const azureRbac: ClusterName = { subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" };
const kubernetesRbac: ClusterName = { subscriptionId: production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared" };
const idOf = (cluster: ClusterName) => `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`;
// Aliyu (Analytics) holds nothing in payments-dev or search-dev in the seed.
const aliyu = { objectId: demoUsers.analyticsEngineer, type: "User" as const, displayName: "Aliyu Bello", userPrincipalName: "aliyu.bello@clusterdesk-demo.onmicrosoft.com" };
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const executors = { "namespace-access": namespaceAccessExecutor() };
const namespaceScope = `${idOf(azureRbac)}/namespaces/payments-dev`;

const suite = engineSuite();
beforeEach(async () => {
  suite.emulator.reset();
  suite.emulator.clearFaults();
  suite.emulator.clearRequests();
  await db().namespaceAccessGrant.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
});

async function approved(cluster: ClusterName, payload: NamespaceAccessPayload) {
  const created = await createChangeRequest(
    { kind: "namespace-access", clusterResourceId: clusterKey(idOf(cluster)), tenantId: null, payload, justification: "On call this week", decideBy: null },
    admin,
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "test" } },
  );
  return db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
}
const writer = (namespace: string, lifetimeSeconds: number | null = null): NamespaceAccessPayload => ({ action: "grant", role: "writer", namespace, principal: aliyu, lifetimeSeconds });

async function assignmentsOfAliyu() {
  const list = [];
  for await (const assignment of authorizationClient(suite.emulator, nonProduction).roleAssignments.listForScope(namespaceScope, { filter: `principalId eq '${aliyu.objectId}'` })) list.push(assignment);
  return list.filter((assignment) => assignment.scope?.toLowerCase() === namespaceScope.toLowerCase());
}

async function createConfigMap(cluster: ClusterName, namespace: string) {
  const token = await suite.emulator.issueTestToken({ user: "analyticsEngineer", audience: "aks" });
  return withKubectl(kubernetesServerUrl(suite.emulator.url, cluster), suite.emulator.caPem, async (kubectl, directory) => {
    const manifest = path.join(directory, "configmap.json");
    await writeFile(manifest, JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm-${randomUUID().slice(0, 8)}`, namespace }, data: { owner: "aliyu" } }));
    return kubectl(token, "apply", "--validate=false", "-f", manifest);
  });
}

/** The reconcile pass at `at` asks for the revocation; the worker's job for it is run here. */
async function expireAndRevoke(at: Date, grantId: string) {
  expect((await reconcileChangeRequests(at)).grantsExpired).toBe(1);
  const { revocationRequestId } = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grantId } });
  expect(await executeChangeRequest(revocationRequestId ?? "", attempt, executors)).toBe("applied");
}

describe("an assignment that already exists", () => {
  it("counts RoleAssignmentExists for the same principal, role and scope as done, even under another name, and ends that one with the grant", async () => {
    // Someone granted Aliyu Writer there with `az role assignment create` (a random name) before the request was applied.
    const elsewhere = await authorizationClient(suite.emulator, nonProduction).roleAssignments.create(namespaceScope, randomUUID(), {
      roleDefinitionId: `/subscriptions/${nonProduction}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoleGuids.aksRbacWriter}`,
      principalId: aliyu.objectId,
      principalType: "User",
    });
    const request = await approved(azureRbac, writer("payments-dev", 3600));
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");

    expect((await assignmentsOfAliyu()).map((assignment) => assignment.id)).toEqual([elsewhere.id]);
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(grant.externalId.toLowerCase()).toBe(elsewhere.id?.toLowerCase());
    const applied = await db().auditEvent.findFirstOrThrow({ where: { targetId: request.id, action: "request.applied" } });
    expect(applied.reason).toMatch(/already given by an existing role assignment made outside this request/);

    await checkGrantEffect(grant.id);
    await expireAndRevoke(new Date(Date.now() + 3_700_000), grant.id);
    expect(await assignmentsOfAliyu()).toHaveLength(0);
  });

  it("refuses to take over an assignment another active Clusterdesk grant holds, so one grant's end cannot cut the other", async () => {
    const first = await approved(azureRbac, writer("payments-dev"));
    expect(await executeChangeRequest(first.id, attempt, executors)).toBe("applied");
    // A second request for the same access, under its own assignment name: ARM answers RoleAssignmentExists.
    const second = await approved(azureRbac, writer("payments-dev", 3600));
    expect(await executeChangeRequest(second.id, attempt, executors)).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: second.id } })).lastError).toMatch(new RegExp(`Request #${first.number} already grants this role`));
    expect(await assignmentsOfAliyu()).toHaveLength(1);
  });
});

describe("faults while applying", () => {
  it("retries 429 with Retry-After and 409 Conflict, and ends with exactly one role assignment", async () => {
    // 429 with Retry-After (seconds, as ARM sends it): the SDK waits and tries again within the attempt.
    suite.emulator.injectFault({ method: "PUT", path: "roleAssignments", status: 429, retryAfterSeconds: 1, count: 1 });
    const throttled = await approved(azureRbac, writer("payments-dev"));
    expect(await executeChangeRequest(throttled.id, attempt, executors)).toBe("applied");
    expect(await assignmentsOfAliyu()).toHaveLength(1);
    const puts = suite.emulator.requests().filter((entry) => entry.method === "PUT" && entry.path.includes("roleAssignments"));
    expect(puts).toHaveLength(2);

    // 409 Conflict fails the attempt as retryable; the queue's next attempt PUTs the same name.
    const conflict = await approved(azureRbac, writer("search-dev"));
    suite.emulator.injectFault({ method: "PUT", path: "roleAssignments", status: 409, code: "Conflict", message: "Another operation is in progress on this scope.", count: 2 });
    await expect(executeChangeRequest(conflict.id, attempt, executors)).rejects.toThrow(/Another operation is in progress/);
    await expect(executeChangeRequest(conflict.id, { ...attempt, retryCount: 1 }, executors)).rejects.toThrow(/Another operation is in progress/);
    expect(await executeChangeRequest(conflict.id, { ...attempt, retryCount: 2 }, executors)).toBe("applied");
    const searchScope = `${idOf(azureRbac)}/namespaces/search-dev`;
    const inSearch = [];
    for await (const assignment of authorizationClient(suite.emulator, nonProduction).roleAssignments.listForScope(searchScope, { filter: `principalId eq '${aliyu.objectId}'` })) {
      if (assignment.scope?.toLowerCase() === searchScope.toLowerCase()) inSearch.push(assignment);
    }
    expect(inSearch).toHaveLength(1);
  });
});

describe("the end of a time-bound grant", () => {
  it("is audited on the grant's request, under its correlation id, through the revocation Clusterdesk asks for", async () => {
    const request = await approved(azureRbac, writer("payments-dev", 3600));
    await executeChangeRequest(request.id, attempt, executors);
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect((await checkGrantEffect(grant.id))?.effect).toBe("effective");
    await expireAndRevoke(new Date(Date.now() + 3_700_000), grant.id);

    const thread = await db().auditEvent.findMany({ where: { correlationId: request.correlationId }, orderBy: { seq: "asc" } });
    expect(thread.map((event) => [event.action, event.actorKind])).toEqual([
      ["request.created", "user"],
      ["request.approved", "user"],
      ["request.applying", "system"],
      ["request.applied", "system"],
      ["access.grant_effective", "system"],
      ["access.grant_expired", "system"],
      ["access.grant_revoked", "system"],
    ]);
    const revocation = await db().changeRequest.findFirstOrThrow({ where: { id: (await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } })).revocationRequestId ?? "" } });
    expect(thread.at(-1)?.reason).toContain(`revoked by request #${revocation.number} (asked by Clusterdesk)`);
    expect((await createConfigMap(azureRbac, "payments-dev")).code).not.toBe(0);
  });

  it("can be moved to now by the test hook only for an effective, time-bound, active grant, audited with who moved it", async () => {
    const permanent = await approved(azureRbac, writer("search-dev"));
    await executeChangeRequest(permanent.id, attempt, executors);
    expect(await expireGrantNow(permanent.number, admin)).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/permanent/) });
    expect(await expireGrantNow(999_999, admin)).toMatchObject({ ok: false, status: 404 });

    suite.emulator.setRoleAssignmentPropagation(60_000);
    const request = await approved(azureRbac, writer("payments-dev", 3600));
    await executeChangeRequest(request.id, attempt, executors);
    expect(await expireGrantNow(request.number, admin)).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/not effective yet/) });
    suite.emulator.setRoleAssignmentPropagation(0);
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect((await checkGrantEffect(grant.id))?.effect).toBe("effective");

    const now = new Date();
    expect(await expireGrantNow(request.number, admin, now)).toMatchObject({ ok: true, grantId: grant.id });
    expect((await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } })).expiresAt).toEqual(now);
    const moved = await db().auditEvent.findFirstOrThrow({ where: { correlationId: request.correlationId, action: "access.grant_expiry_moved" } });
    expect(moved).toMatchObject({ actorKind: "user", actorName: "Alex Admin" });
    await expireAndRevoke(new Date(now.getTime() + 1000), grant.id);
    expect(await expireGrantNow(request.number, admin)).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/already revoked/) });
  });
});

describe("on a Kubernetes-RBAC-only cluster", () => {
  it("labels the RoleBinding with managed-by, the request and the end counted from the effect; kubectl works there, not elsewhere, and not after the end", async () => {
    expect((await createConfigMap(kubernetesRbac, "payments-dev")).code).not.toBe(0);
    const request = await approved(kubernetesRbac, writer("payments-dev", 8 * 3600));
    expect(await executeChangeRequest(request.id, attempt, executors)).toBe("applied");
    const applied = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await checkGrantEffect(applied.id))?.effect).toBe("effective");
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: applied.id } });
    expect(grant.expiresAt?.getTime()).toBe((grant.effectiveAt?.getTime() ?? 0) + 8 * 3_600_000);

    const token = await suite.emulator.issueTestToken({ user: "admin", audience: "aks" });
    const binding = await withKubectl(kubernetesServerUrl(suite.emulator.url, kubernetesRbac), suite.emulator.caPem, (kubectl) =>
      kubectl(token, "get", "rolebinding", `clusterdesk-edit-${aliyu.objectId}`, "-n", "payments-dev", "-o", "json"),
    );
    expect(JSON.parse(binding.stdout)).toMatchObject({
      metadata: {
        labels: {
          "app.kubernetes.io/managed-by": "clusterdesk",
          "clusterdesk.io/request": String(request.number),
          // The end as recorded once effective, not the provisional one written when applied a second earlier.
          "clusterdesk.io/expires-at": String(Math.floor((grant.expiresAt?.getTime() ?? 0) / 1000)),
        },
      },
      roleRef: { kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "User", name: aliyu.userPrincipalName }],
    });

    const created = await createConfigMap(kubernetesRbac, "payments-dev");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect((await createConfigMap(kubernetesRbac, "search-dev")).code).not.toBe(0);

    await expireAndRevoke(new Date((grant.expiresAt?.getTime() ?? 0) + 1000), grant.id);
    expect((await createConfigMap(kubernetesRbac, "payments-dev")).code).not.toBe(0);
  });
});
