import { beforeEach, describe, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { tenantEnvironmentPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { changeExecutors } from "@/lib/server/requests/executors";
import { environmentOnCluster } from "@/lib/server/tenants/environment-on-cluster";
import { tenantEnvironmentStatuses } from "@/lib/server/tenants/environment-status";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, sharedDev } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import { reapplyEnvironmentAction } from "./reapply-environment";
import { requestEnvironmentAction } from "./request-environment";

// Drift read live from the emulated cluster, and re-apply as a request through the real actions and engine.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("environment-drift");
const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const namespace = "payments-drift";

beforeEach(async () => {
  portal.emulator.reset();
  await db().changeRequest.updateMany({ where: { kind: "tenant-environment", status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
  await db().tenantEnvironment.deleteMany({ where: { namespace } });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [field, value] of Object.entries(fields)) data.set(field, value);
  return data;
}
const driftRow = async () => (await tenantEnvironmentStatuses(portal.tenants.payments)).find((environment) => environment.namespace === namespace);
const reapply = (token: string, justification = "Undo the manual quota change") =>
  asSession(token, () => reapplyEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", clusterId: sharedDev, namespace, justification })));

async function applyRequest(number: number) {
  const request = await db().changeRequest.findUniqueOrThrow({ where: { number } });
  if (request.status === "pending") expect(await asSession(personas.admin.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
  expect(await executeChangeRequest(request.id, attempt, changeExecutors())).toBe("applied");
  return request;
}

describe("drift and re-apply", () => {
  it("shows an object changed outside Clusterdesk, refuses another tenant's lead, and a re-apply request puts it back", async () => {
    const asked = await asSession(personas.admin.token, () =>
      requestEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", environment: "drift", clusterId: sharedDev, template: "sandbox", justification: "Drift scenario", applyNow: "on" })),
    );
    expect(asked).toMatchObject({ status: "done" });
    if (asked.status !== "done") return;
    const first = await applyRequest(asked.number);
    expect((await driftRow())?.drift).toEqual({ state: "in-sync" });

    // Someone raises the pod quota with kubectl.
    const onCluster = await environmentOnCluster(portal.tenants.payments, sharedDev, tenantEnvironmentPayload.parse(first.payload), "drift-test");
    const quota = onCluster.rendered.objects.find((object) => object.kind === "ResourceQuota");
    if (!quota) throw new Error("the sandbox template renders a quota");
    await onCluster.client.apply({ ...quota, spec: { hard: { ...(quota.spec as Record<string, string> & { hard: Record<string, string> }).hard, pods: "99" } } });
    expect((await driftRow())?.drift).toEqual({ state: "drifted", objects: [{ key: `ResourceQuota ${namespace}/clusterdesk-quota`, via: "kubernetes", what: "spec.hard.pods: 99 → 10" }] });

    const requestsBefore = await db().changeRequest.count({ where: { kind: "tenant-environment" } });
    expect(await reapply(personas.searchLead.token)).toMatchObject({ status: "error", message: "You can ask for environments only for tenants you own." });
    expect(await reapply(personas.paymentsLead.token, "no")).toMatchObject({ status: "error", fieldErrors: { justification: expect.stringContaining("at least 5 characters") } });
    expect(await db().changeRequest.count({ where: { kind: "tenant-environment" } })).toBe(requestsBefore);

    const again = await reapply(personas.paymentsLead.token);
    expect(again).toMatchObject({ status: "done", message: expect.stringContaining(`re-apply ${namespace}`) });
    if (again.status !== "done") return;
    await applyRequest(again.number);
    expect((await driftRow())?.drift).toEqual({ state: "in-sync" });
    const live = (await onCluster.client.read(quota)) as { spec?: { hard?: Record<string, string> } } | null;
    expect(live?.spec?.hard?.pods).toBe("10");
  });
});
