import { beforeEach, describe, expect, it, vi } from "vitest";
import { templateFormValues } from "@/lib/tenants/template-form";
import { environmentTemplates } from "@/lib/tenants/templates";
import { db } from "@/lib/server/db/client";
import { activeTemplates, findTemplate } from "@/lib/server/tenants/tenant-templates";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona } from "@/test/persona-sessions";
import { createTemplateAction } from "./create-template";
import { templateCommandAction } from "./template-command";
import { updateTemplateAction } from "./update-template";

// The real actions with real sessions, policy, Postgres and audit chain; only the request scope is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("template-actions");
const portal = demoPortalSuite(Object.values(personas));

// This file's own template names, so no other test sees them.
const names = ["lyra-batch", "lyra-gpu", "lyra-spare"];
beforeEach(async () => {
  await db().tenantEnvironment.deleteMany({ where: { template: { in: names } } });
  await db().tenantTemplate.deleteMany({ where: { name: { in: names } } });
});

function form(fields: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) data.set(name, value);
  return data;
}
const batch = (fields: Record<string, string> = {}) => form({ ...templateFormValues(environmentTemplates.sandbox), name: "lyra-batch", label: "Batch", description: "Batch jobs at night.", ...fields });
const create = (who: SessionPersona, data = batch()) => asSession(who.token, () => createTemplateAction({ status: "idle" }, data));
const events = (action: string, name: string) => db().auditEvent.findMany({ where: { action, targetType: "tenant_template", targetId: name } });

describe("managing environment templates", () => {
  it("lets an admin create one, audited with its content", async () => {
    const created = await create(personas.admin, batch({ pods: "25", ingressNamespace: "app-routing-system" }));
    expect(created).toMatchObject({ status: "done", name: "lyra-batch" });
    const stored = await findTemplate("lyra-batch");
    expect(stored?.template).toMatchObject({ label: "Batch", quota: { ...environmentTemplates.sandbox.quota, pods: "25" }, ingressNamespace: "app-routing-system" });
    const [event] = await events("template.created", "lyra-batch");
    expect(event).toMatchObject({ actorObjectId: personas.admin.objectId, outcome: "success", after: { name: "lyra-batch", content: { quota: { pods: "25" } } } });
    expect((await activeTemplates()).map(({ template }) => template.name)).toContain("lyra-batch");
  });

  it("refuses leads and members, and records no template", async () => {
    const createdBefore = (await events("template.created", "lyra-batch")).length;
    for (const who of [personas.paymentsLead, personas.member]) {
      expect(await create(who)).toMatchObject({ status: "error", message: "Only platform admins can manage environment templates.", values: { name: "lyra-batch" } });
    }
    expect(await findTemplate("lyra-batch")).toBeNull();
    expect(await events("template.created", "lyra-batch")).toHaveLength(createdBefore);
  });

  it("names a quota that is not a Kubernetes quantity, and changes nothing", async () => {
    const auditBefore = await db().auditEvent.count();
    const refused = await create(personas.admin, batch({ "requests.cpu": "2 cores" }));
    expect(refused).toMatchObject({ status: "error", message: "Check the highlighted fields. Nothing was saved.", fieldErrors: { "requests.cpu": expect.stringContaining('requests.cpu: "2 cores" is not a Kubernetes quantity') }, values: { "requests.cpu": "2 cores", label: "Batch" } });
    expect(await findTemplate("lyra-batch")).toBeNull();
    expect(await db().auditEvent.count()).toBe(auditBefore);
  });

  it("lets an admin edit one, audited before and after, and refuses an edit of a stale version", async () => {
    await create(personas.admin);
    const opened = await findTemplate("lyra-batch");
    const version = opened?.updatedAt.toISOString() ?? "";
    const edit = (fields: Record<string, string>) => asSession(personas.admin.token, () => updateTemplateAction({ status: "idle" }, batch({ version, ...fields })));
    expect(await edit({ pods: "12" })).toMatchObject({ status: "done" });
    expect((await findTemplate("lyra-batch"))?.template.quota.pods).toBe("12");
    const [event] = await events("template.updated", "lyra-batch");
    expect(event).toMatchObject({ before: { content: { quota: { pods: "10" } } }, after: { content: { quota: { pods: "12" } } } });

    // Someone else saved since this form was opened: their change stands.
    expect(await edit({ pods: "99" })).toMatchObject({ status: "error", message: expect.stringContaining("changed by someone else") });
    expect((await findTemplate("lyra-batch"))?.template.quota.pods).toBe("12");
    expect(await events("template.updated", "lyra-batch")).toHaveLength(1);
    // A lead cannot edit at all.
    const latest = (await findTemplate("lyra-batch"))?.updatedAt.toISOString() ?? "";
    expect(await asSession(personas.paymentsLead.token, () => updateTemplateAction({ status: "idle" }, batch({ version: latest, pods: "1" })))).toMatchObject({ status: "error", message: "Only platform admins can manage environment templates." });
    expect((await findTemplate("lyra-batch"))?.template.quota.pods).toBe("12");
  });

  it("refuses to delete a template in use (archive instead), archives and restores it, and deletes an unused one", async () => {
    await create(personas.admin);
    await create(personas.admin, batch({ name: "lyra-spare" }));
    await db().tenantEnvironment.create({ data: { tenantId: portal.tenants.payments, name: "lyrab", clusterResourceId: "/subscriptions/x/resourcegroups/rg-lyra/providers/microsoft.containerservice/managedclusters/aks-lyra", namespace: "payments-lyrab", template: "lyra-batch" } });
    const command = (name: string, operation: string, who = personas.admin) => asSession(who.token, () => templateCommandAction({ status: "idle" }, form({ name, operation })));

    expect(await command("lyra-batch", "delete")).toEqual({ status: "error", message: "lyra-batch is in use by 1 environment, so it cannot be deleted. Archive it instead: it is then offered for no new environment." });
    expect(await findTemplate("lyra-batch")).not.toBeNull();
    expect(await command("lyra-batch", "archive", personas.paymentsLead)).toMatchObject({ status: "error" });
    expect((await findTemplate("lyra-batch"))?.archivedAt).toBeNull();

    expect(await command("lyra-batch", "archive")).toMatchObject({ status: "done" });
    expect((await activeTemplates()).map(({ template }) => template.name)).not.toContain("lyra-batch");
    expect(await events("template.archived", "lyra-batch")).toHaveLength(1);
    expect(await command("lyra-batch", "restore")).toMatchObject({ status: "done" });
    expect((await activeTemplates()).map(({ template }) => template.name)).toContain("lyra-batch");

    expect(await command("lyra-spare", "delete")).toMatchObject({ status: "done" });
    expect(await findTemplate("lyra-spare")).toBeNull();
    expect(await events("template.deleted", "lyra-spare")).toHaveLength(1);
  });

  it("keeps the seeded built-in templates", async () => {
    for (const name of ["standard", "restricted", "sandbox"] as const) expect((await findTemplate(name))?.template).toEqual(environmentTemplates[name]);
  });
});
