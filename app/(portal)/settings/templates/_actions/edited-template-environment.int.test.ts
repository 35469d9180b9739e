import { beforeEach, describe, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { tenantEnvironmentPayload } from "@/lib/requests/kinds";
import { templateFormValues } from "@/lib/tenants/template-form";
import { environmentTemplates } from "@/lib/tenants/templates";
import { db } from "@/lib/server/db/client";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { changeExecutors } from "@/lib/server/requests/executors";
import { environmentOnCluster } from "@/lib/server/tenants/environment-on-cluster";
import { planForRequest } from "@/lib/server/tenants/request-plan";
import { findTemplate } from "@/lib/server/tenants/tenant-templates";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, sharedDev } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import { requestEnvironmentAction } from "@/app/(portal)/tenants/[slug]/_actions/request-environment";
import { createTemplateAction } from "./create-template";
import { updateTemplateAction } from "./update-template";

// An admin edits a template; a lead's environment asked for afterwards gets the edited quota, through
// the real actions, the engine, ARM and the API server of the emulator.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("edited-template");
const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const name = "lyra-nightly";
const namespace = "payments-nightly";

beforeEach(async () => {
  portal.emulator.reset();
  await db().changeRequest.updateMany({ where: { kind: "tenant-environment", status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
  await db().tenantEnvironment.deleteMany({ where: { namespace } });
  await db().tenantTemplate.deleteMany({ where: { name } });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [field, value] of Object.entries(fields)) data.set(field, value);
  return data;
}
const templateFields = (fields: Record<string, string> = {}) => ({ ...templateFormValues(environmentTemplates.sandbox), name, label: "Nightly", description: "Nightly batch runs.", ...fields });

async function editTemplate(fields: Record<string, string>) {
  const version = (await findTemplate(name))?.updatedAt.toISOString() ?? "";
  return asSession(personas.admin.token, () => updateTemplateAction({ status: "idle" }, form(templateFields({ version, ...fields }))));
}

describe("an environment from an edited template", () => {
  it("plans and applies the edited quota, keeps the request's template when the template changes again, and re-applying plans no change", async () => {
    expect(await asSession(personas.admin.token, () => createTemplateAction({ status: "idle" }, form(templateFields())))).toMatchObject({ status: "done" });
    expect(await editTemplate({ pods: "7", "requests.storage": "3Gi" })).toMatchObject({ status: "done" });

    const asked = await asSession(personas.paymentsLead.token, () =>
      requestEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", environment: "nightly", clusterId: sharedDev, template: name, justification: "Nightly batch environment" })),
    );
    expect(asked).toMatchObject({ status: "done" });
    if (asked.status !== "done") return;
    const request = await db().changeRequest.findUniqueOrThrow({ where: { number: asked.number } });
    expect(tenantEnvironmentPayload.parse(request.payload)).toMatchObject({ template: name, templateSnapshot: { label: "Nightly", quota: { pods: "7", "requests.storage": "3Gi" } } });

    // Edited again while the request waits: the approver still decides on, and the engine applies, pods 7.
    expect(await editTemplate({ pods: "70" })).toMatchObject({ status: "done" });
    const planned = await planForRequest(request.id);
    expect(planned.ok && planned.plan.summary.conflict).toBe(0);
    expect(await asSession(personas.admin.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
    expect(await executeChangeRequest(request.id, attempt, changeExecutors())).toBe("applied");

    const payload = tenantEnvironmentPayload.parse(request.payload);
    const onCluster = await environmentOnCluster(portal.tenants.payments, sharedDev, payload, "edited-template-read");
    const quota = onCluster.rendered.objects.find((object) => object.kind === "ResourceQuota");
    const live = quota ? ((await onCluster.client.read(quota)) as { spec?: { hard?: Record<string, string> } } | null) : null;
    expect(live?.spec?.hard).toMatchObject({ pods: "7", "requests.storage": "3Gi" });
    expect(await db().tenantEnvironment.findFirst({ where: { namespace }, select: { template: true, appliedAt: true } })).toMatchObject({ template: name, appliedAt: expect.any(Date) });

    const again = await planForRequest(request.id);
    expect(again.ok && again.plan.summary).toMatchObject({ create: 0, update: 0, conflict: 0 });

    // A new request after the second edit plans exactly the quota's update.
    const reapply = await asSession(personas.paymentsLead.token, () =>
      requestEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", environment: "nightly", clusterId: sharedDev, template: name, justification: "Pick up the larger quota" })),
    );
    expect(reapply).toMatchObject({ status: "done" });
    if (reapply.status !== "done") return;
    const second = await db().changeRequest.findUniqueOrThrow({ where: { number: reapply.number } });
    const changed = await planForRequest(second.id);
    expect(changed.ok && changed.plan.summary).toMatchObject({ create: 0, update: 1, conflict: 0 });
    expect(changed.ok && changed.plan.steps.find((step) => step.action === "update")?.changes).toContainEqual(expect.objectContaining({ path: "spec.hard.pods" }));
  });

  it("refuses an archived template, and records nothing", async () => {
    await asSession(personas.admin.token, () => createTemplateAction({ status: "idle" }, form(templateFields())));
    await db().tenantTemplate.update({ where: { name }, data: { archivedAt: new Date() } });
    const before = await db().changeRequest.count({ where: { kind: "tenant-environment" } });
    const refused = await asSession(personas.paymentsLead.token, () =>
      requestEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", environment: "nightly", clusterId: sharedDev, template: name, justification: "Nightly batch environment" })),
    );
    expect(refused).toMatchObject({ status: "error", fieldErrors: { template: "The Nightly template is archived; choose another." } });
    expect(await db().changeRequest.count({ where: { kind: "tenant-environment" } })).toBe(before);
  });
});
