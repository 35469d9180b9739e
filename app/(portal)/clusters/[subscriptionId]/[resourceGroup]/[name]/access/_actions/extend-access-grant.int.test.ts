import { beforeEach, describe, expect, it, vi } from "vitest";
import { kubernetesServerUrl } from "@/emulator/contracts";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { withKubectl } from "@/emulator/kubernetes/testing/kubectl";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { listActiveGrants } from "@/lib/server/access/access-view";
import { grantExtensionExecutor } from "@/lib/server/access/grant-extension-executor";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { namespaceAccessExecutor } from "@/lib/server/access/namespace-access-executor";
import { db } from "@/lib/server/db/client";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { findChangeRequestByNumber } from "@/lib/server/requests/queries";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev, sharedProd } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import { extendAccessGrantAction } from "./extend-access-grant";
import type { AccessFormState } from "./form-state";
import { requestAccessGrantAction } from "./request-access-grant";

// The real actions, engine, policy, ARM/Graph/Kubernetes through the SDKs and kubectl against the
// emulator; only Next's request scope is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("access-extend");
const executors = { "namespace-access": namespaceAccessExecutor(), "namespace-access-extension": grantExtensionExecutor() };

const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
beforeEach(async () => {
  portal.emulator.reset();
  const keys = [clusterKey(sharedDev), clusterKey(sharedProd)];
  await db().namespaceAccessGrant.updateMany({ where: { clusterResourceId: { in: keys }, revokedAt: null }, data: { revokedAt: new Date() } });
  await db().changeRequest.updateMany({ where: { kind: { startsWith: "namespace-access" }, status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const as = <T>(who: SessionPersona, run: () => Promise<T>) => asSession(who.token, run);
const numberOf = (state: AccessFormState) => {
  if (state.status !== "done") throw new Error(`expected a request, got ${JSON.stringify(state)}`);
  return state.number;
};
const requestNumbered = (number: number) => db().changeRequest.findUniqueOrThrow({ where: { number } });
const execute = (id: string) => executeChangeRequest(id, { retryCount: 0, retryLimit: 0, signal: new AbortController().signal }, executors);
const approve = (who: SessionPersona, requestId: string) => as(who, () => approveRequestAction(null, form({ requestId, comment: "" })));
const extend = (who: SessionPersona, grantId: string, extendBy = "8h") => as(who, () => extendAccessGrantAction({ status: "idle" }, form({ grantId, extendBy, justification: "Migration runs late" })));

/** A grant of Writer to Liam (payments) on `namespace`, asked by the payments lead and approved by an admin. */
async function appliedGrant(clusterId: string, namespace: string) {
  const state = await as(personas.paymentsLead, () =>
    requestAccessGrantAction({ status: "idle" }, form({ clusterId, role: "writer", namespace, principalId: "10000000-0000-4000-8000-000000000007", duration: "8h", justification: "Payments migration" })),
  );
  const request = await requestNumbered(numberOf(state));
  expect(await approve(personas.admin, request.id)).toMatchObject({ ok: true });
  expect(await execute(request.id)).toBe("applied");
  return db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: request.id } });
}

describe("extending a time-bound grant", () => {
  it("is asked by the tenant's lead, approved by an admin (never by its requester), audited, and moves the end by the time asked", async () => {
    const grant = await appliedGrant(sharedDev, "payments-dev");
    const end = grant.expiresAt ?? new Date(0);
    // The Access tab offers "Extend" on the row to the tenant's lead, not to another tenant's.
    const rowFor = async (ownedTenantIds: string[]) => (await listActiveGrants(sharedDev, await clusterResource(sharedDev), { objectId: "viewer", roles: [], ownedTenantIds })).find((row) => row.id === grant.id);
    expect((await rowFor([portal.tenants.payments]))?.canExtend).toBe(true);
    expect(await rowFor([portal.tenants.search])).toBeUndefined();
    const request = await requestNumbered(numberOf(await extend(personas.paymentsLead, grant.id)));
    expect(request).toMatchObject({ kind: "namespace-access-extension", status: "pending", requesterName: "Priya Patel" });
    expect((await findChangeRequestByNumber(request.number))?.change).toEqual({
      kind: "namespace-access",
      description: expect.stringMatching(/^Extend Azure Kubernetes Service RBAC Writer on namespace payments-dev for Liam O'Brien by 8 hours: from .* UTC to .* UTC\.$/),
    });
    // The same extension again while one is open is refused.
    expect(await extend(personas.paymentsLead, grant.id)).toMatchObject({ status: "error", openRequest: request.number });
    expect(await approve(personas.paymentsLead, request.id)).toMatchObject({ ok: false });
    expect(await approve(personas.admin, request.id)).toMatchObject({ ok: true });
    expect(await execute(request.id)).toBe("applied");
    expect((await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } })).expiresAt).toEqual(new Date(end.getTime() + 8 * 3_600_000));
    const audited = await db().auditEvent.findMany({ where: { correlationId: request.correlationId }, select: { action: true } });
    expect(audited.map((event) => event.action)).toEqual(expect.arrayContaining(["request.created", "request.approved", "request.applied"]));
  });

  it("is refused, recording nothing, for another tenant's lead, a plain member, a permanent grant and an end beyond 90 days", async () => {
    const grant = await appliedGrant(sharedDev, "payments-dev");
    const before = await db().changeRequest.count();
    expect(await extend(personas.searchLead, grant.id)).toEqual({ status: "error", message: "Only the namespace's tenant owners or a platform admin can extend this access." });
    expect(await extend(personas.member, grant.id)).toEqual({ status: "error", message: "Only the namespace's tenant owners or a platform admin can extend this access." });
    expect(await extend(personas.paymentsLead, grant.id, "30d")).toMatchObject({ status: "error", fieldErrors: { extendBy: "Choose how much longer the access lasts." } });
    await db().namespaceAccessGrant.update({ where: { id: grant.id }, data: { expiresAt: new Date(Date.now() + 89 * 86_400_000) } });
    expect(await extend(personas.paymentsLead, grant.id, "7d")).toMatchObject({ status: "error", message: expect.stringMatching(/more than 90 days/) });
    await db().namespaceAccessGrant.update({ where: { id: grant.id }, data: { expiresAt: null } });
    expect(await extend(personas.paymentsLead, grant.id)).toMatchObject({ status: "error", message: "This access is permanent; there is nothing to extend." });
    expect(await db().changeRequest.count()).toBe(before);
  });

  it("fails with a clear reason, extending nothing, when the grant was revoked before the extension was applied", async () => {
    const grant = await appliedGrant(sharedDev, "payments-dev");
    const request = await requestNumbered(numberOf(await extend(personas.paymentsLead, grant.id)));
    expect(await approve(personas.admin, request.id)).toMatchObject({ ok: true });
    await db().namespaceAccessGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    expect(await execute(request.id)).toBe("failed");
    expect((await requestNumbered(request.number)).lastError).toMatch(/ended before the extension was applied/);
    expect((await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } })).expiresAt).toEqual(grant.expiresAt);
  });

  it("moves the expiry label of a Clusterdesk RoleBinding on a Kubernetes-RBAC cluster", async () => {
    const grant = await appliedGrant(sharedProd, "payments-dev");
    expect(grant.mechanism).toBe("kubernetes-rbac");
    const request = await requestNumbered(numberOf(await extend(personas.paymentsLead, grant.id, "1d")));
    expect(await approve(personas.admin, request.id)).toMatchObject({ ok: true });
    expect(await execute(request.id)).toBe("applied");
    const newEnd = new Date((grant.expiresAt ?? new Date(0)).getTime() + 86_400_000);
    const [namespace = "", name = ""] = grant.externalId.split("/");
    const token = await portal.emulator.issueTestToken({ user: "admin", audience: "aks" });
    const cluster = { subscriptionId: demoSubscriptions.production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared" };
    const binding = await withKubectl(kubernetesServerUrl(portal.emulator.url, cluster), portal.emulator.caPem, (kubectl) => kubectl(token, "get", "rolebinding", name, "-n", namespace, "-o", "json"));
    expect(JSON.parse(binding.stdout)).toMatchObject({
      metadata: { labels: { "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/expires-at": String(Math.floor(newEnd.getTime() / 1000)) } },
      roleRef: { name: "edit" },
    });
  });
});
