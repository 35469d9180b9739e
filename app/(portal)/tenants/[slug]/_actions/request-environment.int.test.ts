import { beforeEach, describe, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { changeExecutors } from "@/lib/server/requests/executors";
import { tenantEnvironmentStatuses } from "@/lib/server/tenants/environment-status";
import { planForRequest } from "@/lib/server/tenants/request-plan";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev, sharedProd } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import { requestEnvironmentAction } from "./request-environment";

// The real action: session from the cookie, ARM and the API server through the SDKs against the
// emulator, policy, engine, audit. Only the request scope (cookies, headers, cache) is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("environment-token");
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };

const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
let testStarted = new Date();
beforeEach(async () => {
  testStarted = new Date();
  portal.emulator.reset();
  await db().changeRequest.updateMany({ where: { kind: "tenant-environment", status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
  await db().tenantEnvironment.deleteMany({ where: { template: { not: null } } });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const ask = (who: SessionPersona, fields: Record<string, string> = {}) =>
  asSession(who.token, () => requestEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", environment: "qa", clusterId: sharedDev, template: "standard", justification: "QA for the checkout rewrite", ...fields })));
/** Requests of this kind recorded since the test started. */
const environmentRequests = () => db().changeRequest.count({ where: { kind: "tenant-environment", createdAt: { gte: testStarted } } });

describe("requesting a tenant environment", () => {
  it("lets a lead ask for their tenant's environment; an admin approves and the engine applies it", async () => {
    const asked = await ask(personas.paymentsLead);
    expect(asked).toMatchObject({ status: "done", message: expect.stringContaining("waiting for a platform admin's approval") });
    if (asked.status !== "done") return;
    const request = await db().changeRequest.findUniqueOrThrow({ where: { number: asked.number } });
    expect(request).toMatchObject({ status: "pending", tenantId: portal.tenants.payments, clusterResourceId: clusterKey(sharedDev), payload: { namespace: "payments-qa", template: "standard" } });
    const plan = await planForRequest(request.id);
    expect(plan.ok && plan.plan.summary).toEqual({ create: 9, update: 0, unchanged: 0, conflict: 0 });

    // Nobody approves their own request; an admin does.
    expect(await asSession(personas.paymentsLead.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: false });
    expect(await asSession(personas.admin.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
    expect(await executeChangeRequest(request.id, attempt, changeExecutors())).toBe("applied");

    const [qa] = (await tenantEnvironmentStatuses(portal.tenants.payments)).filter((environment) => environment.namespace === "payments-qa");
    expect(qa).toMatchObject({ template: "standard", request: { number: asked.number, status: "applied" }, quota: { state: "read" } });
    expect(qa?.quota.state === "read" && qa.quota.usage).toContainEqual({ resource: "pods", used: "0", hard: "50" });
  });

  it("refuses another tenant's lead, and records nothing", async () => {
    expect(await ask(personas.searchLead)).toMatchObject({ status: "error", message: "You can ask for environments only for tenants you own." });
    expect(await ask(personas.member)).toMatchObject({ status: "error" });
    expect(await environmentRequests()).toBe(0);
  });

  it("names a bad environment name, and records nothing", async () => {
    const refused = await ask(personas.paymentsLead, { environment: "QA_1" });
    expect(refused).toMatchObject({ status: "error", fieldErrors: { environment: expect.stringContaining("lower-case") }, values: { environment: "QA_1" } });
    expect(await environmentRequests()).toBe(0);
  });

  it("refuses a namespace the cluster already has and Clusterdesk did not make (the seeded payments-dev), and records nothing", async () => {
    // payments-dev exists on aks-shared-dev from the seed, without Clusterdesk's labels.
    const refused = await ask(personas.paymentsLead, { environment: "dev" });
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("not made by Clusterdesk") });
    expect(await environmentRequests()).toBe(0);
  });

  it("refuses the restricted template on a cluster without the dedicated node pool, and records nothing", async () => {
    const refused = await ask(personas.paymentsLead, { environment: "secure", template: "restricted" });
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("The template cannot be placed on this cluster: No node pool on aks-shared-dev has the taint clusterdesk.io/dedicated=tenants:NoSchedule") });
    expect(await environmentRequests()).toBe(0);
  });

  it("keeps an admin's environment on a production cluster for a second admin", async () => {
    const direct = await ask(personas.admin, { clusterId: sharedProd, applyNow: "on" });
    expect(direct).toMatchObject({ status: "error", message: expect.stringContaining("production cluster") });
    expect(await ask(personas.admin, { clusterId: sharedProd })).toMatchObject({ status: "done", message: expect.stringContaining("waiting") });
  });

  it("refuses a second open request for the same namespace", async () => {
    expect(await ask(personas.paymentsLead)).toMatchObject({ status: "done" });
    expect(await ask(personas.paymentsLead)).toMatchObject({ status: "error", message: expect.stringContaining("still open"), openRequest: expect.any(Number) });
  });
});
