import { beforeEach, describe, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { templateFormValues } from "@/lib/tenants/template-form";
import { environmentTemplates } from "@/lib/tenants/templates";
import { db } from "@/lib/server/db/client";
import { environmentOnCluster } from "@/lib/server/tenants/environment-on-cluster";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas } from "@/test/persona-sessions";
import { createTemplateAction } from "@/app/(portal)/settings/templates/_actions/create-template";
import { createTenantAction } from "../../_actions/create-tenant";
import { requestEnvironmentAction } from "./request-environment";

/**
 * Issue 13's refusals, through the real actions: invalid names (not DNS-1123, too long, reserved), a
 * quota that is not a Kubernetes quantity, a node pool without the template's taint, and a namespace
 * that exists outside ARM where managed namespaces adopt Never. Each gets a clear message and
 * changes nothing: no row, no request, no audit event, no write to ARM or the cluster.
 */
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("onboarding-refusals");
const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
// Azure RBAC, an OIDC issuer and a pool labelled clusterdesk.io/pool=tenants tainted clusterdesk.io/dedicated=tenants.
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [field, value] of Object.entries(fields)) data.set(field, value);
  return data;
}
const askAsAdmin = (fields: Record<string, string>) =>
  asSession(personas.admin.token, () => requestEnvironmentAction({ status: "idle" }, form({ tenantSlug: "payments", environment: "refusals", clusterId: analytics, template: "standard", justification: "Refusal scenario", ...fields })));
const createTemplate = (fields: Record<string, string>) =>
  asSession(personas.admin.token, () => createTemplateAction({ status: "idle" }, form({ ...templateFormValues(environmentTemplates.standard), label: "Refusals", description: "Refusal scenario.", ...fields })));

const snapshot = async () => ({
  requests: await db().changeRequest.count(),
  tenants: await db().tenant.count(),
  templates: await db().tenantTemplate.count(),
  environments: await db().tenantEnvironment.count(),
  audit: await db().auditEvent.count(),
});
/** Writes stored by ARM or the API server (dry runs and reads aside). */
const writes = () => portal.emulator.requests().filter((entry) => entry.status < 300 && (entry.path.includes("/k8s/") ? entry.method !== "GET" && !entry.path.includes("dryRun=All") : entry.method === "PUT" || entry.method === "DELETE"));

let before: Awaited<ReturnType<typeof snapshot>>;
beforeEach(async () => {
  portal.emulator.reset();
  portal.emulator.clearRequests();
  before = await snapshot();
});
async function expectNothingChanged() {
  expect(await snapshot()).toEqual(before);
  expect(writes()).toEqual([]);
}

describe("what onboarding refuses, changing nothing", () => {
  it("names that are not DNS-1123 labels, too long or reserved", async () => {
    expect(await askAsAdmin({ environment: "Dev_1" })).toMatchObject({ status: "error", fieldErrors: { environment: expect.stringContaining("Use lower-case letters, digits and '-'") } });
    expect(await askAsAdmin({ environment: "a-very-long-environment" })).toMatchObject({ status: "error", fieldErrors: { environment: "An environment name has at most 20 characters." } });
    const reserved = await asSession(personas.admin.token, () => createTenantAction({ status: "idle" }, form({ slug: "kube-system", displayName: "System", ownerGroupId: "00000000-0000-4000-8000-000000000001", contacts: "", costCentre: "" })));
    expect(reserved).toMatchObject({ status: "error", fieldErrors: { slug: "kube-system is reserved for the cluster itself; choose another name." } });
    expect(await createTemplate({ name: "Kube_System" })).toMatchObject({ status: "error", fieldErrors: { name: expect.stringContaining("lower-case letters") } });
    await expectNothingChanged();
  });

  it("a quota that does not parse as a Kubernetes quantity", async () => {
    const refused = await createTemplate({ name: "refusals-quota", "limits.memory": "16 gigs", "requests.cpu": "2 cores" });
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { "requests.cpu": expect.stringContaining('requests.cpu: "2 cores" is not a Kubernetes quantity'), "limits.memory": expect.stringContaining('limits.memory: "16 gigs" is not a Kubernetes quantity') },
    });
    await expectNothingChanged();
  });

  it("a node pool that has the template's label but not its taint", async () => {
    // The template's taint differs from the tenants pool's: that pool would let other workloads in.
    expect(await createTemplate({ name: "refusals-pool", taintKey: "clusterdesk.io/dedicated", taintValue: "refusals", poolLabelKey: "clusterdesk.io/pool", poolLabelValue: "tenants" })).toMatchObject({ status: "done" });
    before = await snapshot();
    const refused = await askAsAdmin({ template: "refusals-pool" });
    expect(refused).toMatchObject({
      status: "error",
      message: expect.stringContaining("Node pool tenants on aks-analytics-wi has the label clusterdesk.io/pool=tenants but not the taint clusterdesk.io/dedicated=refusals:NoSchedule"),
      fieldErrors: { clusterId: expect.stringContaining("Nothing was recorded.") },
    });
    await expectNothingChanged();
  });

  it("a namespace that already exists outside ARM, which managed namespaces adopt Never", async () => {
    const onCluster = await environmentOnCluster(portal.tenants.payments, analytics, { tenantSlug: "payments", environment: "refusals", namespace: "payments-refusals", template: "standard" }, "refusals-setup");
    await onCluster.client.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "payments-refusals", labels: { team: "someone-else" } } });
    // The request log is written after the answer: wait for the setup's write before clearing it.
    await expect.poll(() => writes().length, { timeout: 10_000 }).toBe(1);
    portal.emulator.clearRequests();
    const refused = await askAsAdmin({});
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("Namespace payments-refusals already exists on the cluster and was not made by Clusterdesk; Clusterdesk creates managed namespaces with adoption policy Never") });
    expect(refused.status === "error" && refused.message).toContain("Nothing was recorded.");
    await expectNothingChanged();
  });
});
