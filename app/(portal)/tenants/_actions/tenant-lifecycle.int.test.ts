import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { listRoleAssignmentsAround } from "@/lib/server/azure/role-assignments";
import { manifestClient } from "@/lib/server/kube/manifests";
import { namespaceClient } from "@/lib/server/kube/namespaces";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { changeExecutors } from "@/lib/server/requests/executors";
import { clusterCredentialsFor } from "@/lib/server/tenants/cluster-namespaces";
import { ownedTenantIds } from "@/lib/server/tenants/ownership";
import type { KubeManifest } from "@/lib/tenants/manifest";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import { archiveTenantAction } from "../[slug]/_actions/archive-tenant";
import { requestEnvironmentAction } from "../[slug]/_actions/request-environment";
import { adoptNamespaceAction } from "../[slug]/_actions/adopt-namespace";
import { adoptableNamespacesAction } from "../[slug]/_actions/adoptable-namespaces";
import { requestOffboardingAction } from "../[slug]/_actions/request-offboarding";
import { updateTenantAction } from "../[slug]/_actions/update-tenant";
import { createTenantAction } from "./create-tenant";
import { searchGroupsAction } from "./search-groups";

// The real actions: sessions, policy, Graph, ARM and the API server through the SDKs against the
// emulator, the engine and the audit log. Only Next's request scope is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("tenant-lifecycle-token");
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
const idle = { status: "idle" } as const;

beforeEach(() => portal.emulator.reset());
// Files share one database: this file's tenants (all lc-*) must not make anyone a lead, or host a
// namespace, in the files that run after it.
afterAll(async () => {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug: { startsWith: "lc-" } } } });
  await db().tenant.updateMany({ where: { slug: { startsWith: "lc-" }, archivedAt: null }, data: { archivedAt: new Date() } });
});

function form(fields: Record<string, string>, memberGroupIds: string[] = []): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  for (const id of memberGroupIds) data.append("memberGroupIds", id);
  return data;
}
const tenantFields = (slug: string, extra: Record<string, string> = {}) => ({ slug, displayName: `Tenant ${slug}`, ownerGroupId: demoGroups.analyticsOwners, contacts: "ops@contoso.example", costCentre: "CC-4711", justification: "", ...extra });
const create = (who: SessionPersona, fields: Record<string, string>, members: string[] = []) => asSession(who.token, () => createTenantAction(idle, form(fields, members)));
const auditCount = () => db().auditEvent.count();
const tenantCount = () => db().tenant.count();
const lastSeq = async () => (await db().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? BigInt(0);

/** The portal's own view of a cluster, through the real SDK. */
async function onCluster(clusterId = sharedDev) {
  const credentials = await clusterCredentialsFor(clusterId, randomUUID());
  return { objects: manifestClient(credentials), namespaces: namespaceClient(credentials) };
}
const namespaceManifest = (name: string, labels: Record<string, string> = {}): KubeManifest => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
const configMap = (namespace: string, name: string): KubeManifest => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, labels: {} }, data: { key: "value" } });
const roleBinding = (namespace: string, name: string, group: string): KubeManifest => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { name, namespace, labels: {} },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
  subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group }],
});

async function createdTenant(slug: string) {
  expect(await create(personas.admin, tenantFields(slug))).toMatchObject({ status: "done" });
  return db().tenant.findUniqueOrThrow({ where: { slug } });
}

describe("creating tenants", () => {
  it("lets an admin create a tenant directly with its groups, contacts and cost centre, audited", async () => {
    const done = await create(personas.admin, tenantFields("lc-vega"), [demoGroups.analyticsMembers]);
    expect(done).toMatchObject({ status: "done", slug: "lc-vega" });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { slug: "lc-vega" } });
    expect(tenant).toMatchObject({ displayName: "Tenant lc-vega", ownerGroupId: demoGroups.analyticsOwners, memberGroupIds: [demoGroups.analyticsMembers], contacts: ["ops@contoso.example"], costCentre: "CC-4711", archivedAt: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "tenant.created", targetId: tenant.id } });
    expect(event).toMatchObject({ actorObjectId: demoUsers.admin, outcome: "success" });
    // Ownership drives team-lead rights: the owner group's members now own it.
    expect(await ownedTenantIds([demoGroups.analyticsOwners])).toContain(tenant.id);
  });

  it.each([
    ["not DNS-1123", "Lc_Bad", "DNS-1123"],
    ["too long", `lc-${"x".repeat(40)}`, "at most 40"],
    ["reserved", "kube-system", "reserved"],
    ["reserved", "gatekeeper-system", "reserved"],
    ["reserved", "default", "reserved"],
  ])("refuses a slug that is %s with a clear message and records nothing", async (_why, slug, message) => {
    const [tenants, events] = [await tenantCount(), await auditCount()];
    const refused = await create(personas.admin, tenantFields(slug));
    expect(refused).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringContaining(message) }, values: { slug } });
    expect([await tenantCount(), await auditCount()]).toEqual([tenants, events]);
  });

  it("refuses a taken slug, a user as owner group and a bad cost centre, recording nothing", async () => {
    await createdTenant("lc-taken");
    const [tenants, events] = [await tenantCount(), await auditCount()];
    expect(await create(personas.admin, tenantFields("lc-taken"))).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringContaining("already exists") } });
    expect(await create(personas.admin, tenantFields("lc-user-owner", { ownerGroupId: demoUsers.member }))).toMatchObject({ status: "error", fieldErrors: { ownerGroupId: expect.stringContaining("not a group") } });
    expect(await create(personas.admin, tenantFields("lc-bad-cc", { costCentre: "CC<script>" }))).toMatchObject({ status: "error", fieldErrors: { costCentre: expect.any(String) } });
    expect([await tenantCount(), await auditCount()]).toEqual([tenants, events]);
  });

  it("turns a lead's creation into a request another admin approves; the engine creates the tenant", async () => {
    const asked = await create(personas.paymentsLead, tenantFields("lc-lead-asked", { justification: "A new team for the checkout rewrite" }));
    expect(asked).toMatchObject({ status: "done", message: expect.stringContaining("waiting for a platform admin's approval") });
    expect(await db().tenant.findUnique({ where: { slug: "lc-lead-asked" } })).toBeNull();
    const request = await db().changeRequest.findFirstOrThrow({ where: { kind: "tenant-create", requesterId: demoUsers.paymentsLead }, orderBy: { number: "desc" } });
    // The same tenant cannot be asked for twice while the first request is open.
    expect(await create(personas.paymentsLead, tenantFields("lc-lead-asked", { justification: "again, the same" }))).toMatchObject({ status: "error", openRequest: request.number });
    expect(await asSession(personas.paymentsLead.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: false });
    expect(await asSession(personas.admin.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
    expect(await executeChangeRequest(request.id, attempt, changeExecutors())).toBe("applied");
    const tenant = await db().tenant.findUniqueOrThrow({ where: { slug: "lc-lead-asked" } });
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).tenantId).toBe(tenant.id);
    // A plain member owns nothing and may not even ask.
    const before = await db().changeRequest.count({ where: { kind: "tenant-create" } });
    expect(await create(personas.member, tenantFields("lc-member-asked", { justification: "I would like one" }))).toMatchObject({ status: "error", message: expect.stringContaining("Only platform admins and team leads") });
    expect(await db().changeRequest.count({ where: { kind: "tenant-create" } })).toBe(before);
  });

  it("lets an admin edit a tenant (audited with before and after) and refuses a lead", async () => {
    const tenant = await createdTenant("lc-edit");
    const edit = (who: SessionPersona, displayName: string) =>
      asSession(who.token, () => updateTenantAction(idle, form({ tenantSlug: "lc-edit", displayName, ownerGroupId: demoGroups.analyticsOwners, contacts: "", costCentre: "" }, [demoGroups.allEngineering])));
    expect(await edit(personas.paymentsLead, "Hijacked")).toMatchObject({ status: "error" });
    expect(await edit(personas.admin, "Edited")).toMatchObject({ status: "done" });
    expect(await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ displayName: "Edited", memberGroupIds: [demoGroups.allEngineering], costCentre: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "tenant.updated", targetId: tenant.id } });
    expect(event.before).toMatchObject({ displayName: "Tenant lc-edit" });
    expect(event.after).toMatchObject({ displayName: "Edited" });
  });
});

describe("the group picker", () => {
  it("offers groups only, never users", async () => {
    const teams = await asSession(personas.admin.token, () => searchGroupsAction("Team"));
    expect(teams.ok && teams.options.map((option) => option.displayName)).toContain("Team Analytics Owners");
    expect(teams.ok && teams.options.every((option) => option.type === "Group")).toBe(true);
    expect(await asSession(personas.admin.token, () => searchGroupsAction("Alex Admin"))).toEqual({ ok: true, options: [] });
    expect(await asSession(personas.member.token, () => searchGroupsAction("Team"))).toMatchObject({ ok: false });
  });
});

describe("adopting a namespace", () => {
  const adopt = (who: SessionPersona, tenantSlug: string, namespace: string, environment = "legacy") => asSession(who.token, () => adoptNamespaceAction(idle, form({ tenantSlug, clusterId: sharedDev, namespace, environment })));

  it("lists the cluster's adoptable namespaces and adopts one (audited); refuses system, owned and missing ones", async () => {
    const tenant = await createdTenant("lc-adopt");
    await (await onCluster()).objects.apply(namespaceManifest("lc-legacy-app"));
    const listed = await asSession(personas.admin.token, () => adoptableNamespacesAction({ tenantSlug: "lc-adopt", clusterId: sharedDev }));
    expect(listed.ok && listed.namespaces).toContain("lc-legacy-app");
    expect(listed.ok && listed.namespaces).not.toContain("kube-system");
    expect(listed.ok && listed.namespaces).not.toContain("payments-dev");
    const elsewhere = sharedDev.replace("aks-shared-dev", "aks-not-inventoried");
    expect(await asSession(personas.admin.token, () => adoptableNamespacesAction({ tenantSlug: "lc-adopt", clusterId: elsewhere }))).toEqual({ ok: false, error: "This cluster is not in the inventory." });

    const events = await lastSeq();
    expect(await adopt(personas.admin, "lc-adopt", "kube-system")).toMatchObject({ status: "error", fieldErrors: { namespace: expect.stringContaining("belongs to the cluster") } });
    expect(await adopt(personas.admin, "lc-adopt", "payments-dev")).toMatchObject({ status: "error", fieldErrors: { namespace: expect.stringContaining("already an environment of payments") } });
    expect(await adopt(personas.admin, "lc-adopt", "lc-not-there")).toMatchObject({ status: "error", fieldErrors: { namespace: expect.stringContaining("no namespace") } });
    expect(await adopt(personas.paymentsLead, "lc-adopt", "lc-legacy-app")).toMatchObject({ status: "error" });
    expect(await asSession(personas.paymentsLead.token, () => adoptableNamespacesAction({ tenantSlug: "lc-adopt", clusterId: sharedDev }))).toMatchObject({ ok: false });
    expect(await db().tenantEnvironment.count({ where: { tenantId: tenant.id } })).toBe(0);
    // Refusals record no adoption (the lead's attempts are recorded as denials, nothing else).
    expect(await db().auditEvent.count({ where: { action: "tenant_environment.adopted", tenantId: tenant.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: { notIn: ["access.denied"] }, seq: { gt: events } } })).toBe(0);

    expect(await adopt(personas.admin, "lc-adopt", "lc-legacy-app")).toMatchObject({ status: "done" });
    expect(await db().tenantEnvironment.findFirst({ where: { tenantId: tenant.id } })).toMatchObject({ namespace: "lc-legacy-app", name: "legacy", clusterResourceId: clusterKey(sharedDev), template: null });
    expect(await db().auditEvent.count({ where: { action: "tenant_environment.adopted", tenantId: tenant.id } })).toBe(1);
  });
});

describe("offboarding a tenant", () => {
  const offboard = (who: SessionPersona, tenantSlug: string, deletePolicy: string, confirmation = tenantSlug) =>
    asSession(who.token, () => requestOffboardingAction(idle, form({ tenantSlug, deletePolicy, confirmation, justification: "The team was dissolved" })));
  const approveAndRun = async (number: number) => {
    const request = await db().changeRequest.findUniqueOrThrow({ where: { number } });
    // The admin who asked cannot approve; a second admin does.
    expect(await asSession(personas.admin.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: false });
    expect(await asSession(personas.secondAdmin.token, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
    return request;
  };

  /** Runs one attempt; on failure the request's last error shows in the assertion. */
  const run = async (requestId: string, retryCount = 0) => {
    const outcome = await executeChangeRequest(requestId, { ...attempt, retryCount }, changeExecutors());
    const { lastError } = await db().changeRequest.findUniqueOrThrow({ where: { id: requestId } });
    return { outcome, lastError };
  };

  /** A tenant whose namespace holds a ConfigMap, Clusterdesk's owner RoleBinding and one of its own, adopted. */
  async function tenantWithNamespace(slug: string, namespace: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}) {
    const tenant = await createdTenant(slug);
    const cluster = await onCluster();
    await cluster.objects.apply({ ...namespaceManifest(namespace, labels), metadata: { name: namespace, labels, annotations } });
    await cluster.objects.apply(configMap(namespace, "settings"));
    await cluster.objects.apply(roleBinding(namespace, "clusterdesk-owners-admin", demoGroups.analyticsOwners));
    await cluster.objects.apply(roleBinding(namespace, "their-own", demoGroups.allEngineering));
    expect(await asSession(personas.admin.token, () => adoptNamespaceAction(idle, form({ tenantSlug: slug, clusterId: sharedDev, namespace, environment: "app" })))).toMatchObject({ status: "done" });
    return { tenant, cluster };
  }

  it("with delete: removes the namespace and revokes the grant the plan listed, nothing else, resuming after a failure; the tenant is archived", async () => {
    const { tenant, cluster } = await tenantWithNamespace("lc-gone", "lc-gone-app");
    await cluster.objects.apply(namespaceManifest("lc-neighbour"));
    await cluster.objects.apply(configMap("lc-neighbour", "theirs"));
    const grantRequest = await createChangeRequest(
      {
        kind: "namespace-access",
        clusterResourceId: clusterKey(sharedDev),
        tenantId: tenant.id,
        payload: { action: "grant", role: "writer", namespace: "lc-gone-app", principal: { objectId: demoGroups.analyticsMembers, type: "Group", displayName: "Analytics members", userPrincipalName: null }, lifetimeSeconds: null },
        justification: "members write",
        decideBy: null,
      },
      { kind: "user", objectId: demoUsers.admin, name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
      { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
      { applyDirectly: { reason: "test grant" } },
    );
    expect(await executeChangeRequest(grantRequest.id, attempt, changeExecutors())).toBe("applied");
    const grant = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId: grantRequest.id } });
    const subscriptionId = parseClusterResourceId(sharedDev)?.subscriptionId ?? "";
    const assignmentIds = async () => (await listRoleAssignmentsAround(subscriptionId, sharedDev, randomUUID())).map((assignment) => assignment.id.toLowerCase());
    expect(await assignmentIds()).toContain(grant.externalId.toLowerCase());
    const otherAssignments = (await assignmentIds()).filter((id) => id !== grant.externalId.toLowerCase());

    // A wrong confirmation is refused and records nothing.
    const requestsBefore = await db().changeRequest.count({ where: { kind: "tenant-offboarding" } });
    expect(await offboard(personas.admin, "lc-gone", "delete", "lc-gone-typo")).toMatchObject({ status: "error", fieldErrors: { confirmation: expect.stringContaining("lc-gone") } });
    expect(await db().changeRequest.count({ where: { kind: "tenant-offboarding" } })).toBe(requestsBefore);

    const asked = await offboard(personas.admin, "lc-gone", "delete");
    expect(asked).toMatchObject({ status: "done" });
    if (asked.status !== "done" || !asked.number) return;
    const request = await approveAndRun(asked.number);
    expect(request.payload).toMatchObject({
      deletePolicy: "delete",
      plan: {
        environments: [{ namespace: "lc-gone-app", exists: true, contents: expect.arrayContaining([{ kind: "ConfigMap", count: 1, names: ["settings"] }, { kind: "RoleBinding", count: 2, names: ["clusterdesk-owners-admin", "their-own"] }]) }],
        grants: [{ id: grant.id, mechanism: "azure-rbac" }],
      },
    });

    // The namespace's deletion fails once (the API server is unavailable): the attempt stops after the
    // grant step, and the next attempt resumes without revoking again.
    portal.emulator.injectFault({ method: "DELETE", path: "/namespaces/lc-gone-app$", status: 503, count: 1 });
    await expect(executeChangeRequest(request.id, attempt, changeExecutors())).rejects.toThrow();
    expect(await run(request.id, 1)).toMatchObject({ outcome: "applied", lastError: null });
    const stepEvents = await db().auditEvent.findMany({ where: { targetId: request.id, action: "tenant.offboarding_step" } });
    expect(stepEvents.map((event) => (event.after as { step: string }).step)).toEqual([`grant ${grant.id}`, `delete ${clusterKey(sharedDev)}/lc-gone-app`, `forget ${clusterKey(sharedDev)}/lc-gone-app`, "archive"]);

    expect(await cluster.namespaces.read("lc-gone-app")).toBeNull();
    expect(await assignmentIds()).not.toContain(grant.externalId.toLowerCase());
    // Nothing else: the neighbour's namespace and every other role assignment and environment stay.
    expect(await cluster.namespaces.countContents("lc-neighbour")).toContainEqual({ kind: "ConfigMap", count: 1, names: ["theirs"] });
    expect(await cluster.namespaces.read("payments-dev")).not.toBeNull();
    expect(await assignmentIds()).toEqual(expect.arrayContaining(otherAssignments));
    expect(await db().tenantEnvironment.count({ where: { tenantId: portal.tenants.payments } })).toBeGreaterThan(0);

    expect((await db().namespaceAccessGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).not.toBeNull();
    expect(await db().tenantEnvironment.count({ where: { tenantId: tenant.id } })).toBe(0);
    const archived = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(archived.archivedAt).not.toBeNull();
    // An archived tenant keeps its audit history and makes nobody its lead.
    expect(await db().auditEvent.count({ where: { action: "tenant.created", targetId: tenant.id } })).toBe(1);
    expect(await ownedTenantIds([demoGroups.analyticsOwners])).not.toContain(tenant.id);
  });

  it("with keep: the namespace and its workloads stay without Clusterdesk's labels, annotations and RoleBindings", async () => {
    const labels = { "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/tenant": "lc-kept", "clusterdesk.io/environment": "app", "pod-security.kubernetes.io/enforce": "baseline", team: "kept" };
    const { tenant, cluster } = await tenantWithNamespace("lc-kept", "lc-kept-app", labels, { "clusterdesk.io/request": "7", "example.com/owner": "kept" });
    const asked = await offboard(personas.admin, "lc-kept", "keep");
    expect(asked).toMatchObject({ status: "done" });
    if (asked.status !== "done" || !asked.number) return;
    const request = await approveAndRun(asked.number);
    expect(await run(request.id)).toMatchObject({ outcome: "applied", lastError: null });

    const kept = await cluster.namespaces.read("lc-kept-app");
    expect(kept).not.toBeNull();
    expect(Object.keys(kept?.labels ?? {}).filter((key) => key.startsWith("clusterdesk.io/") || key === "app.kubernetes.io/managed-by")).toEqual([]);
    expect(kept?.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "baseline", team: "kept" });
    expect(kept?.annotations).toEqual({ "example.com/owner": "kept" });
    const contents = await cluster.namespaces.countContents("lc-kept-app");
    expect(contents).toContainEqual({ kind: "ConfigMap", count: 1, names: ["settings"] });
    expect(contents).toContainEqual({ kind: "RoleBinding", count: 1, names: ["their-own"] });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).archivedAt).not.toBeNull();
  });

  it("refuses another tenant's lead and an archived tenant, recording nothing", async () => {
    const refused = await createdTenant("lc-refused");
    const before = await db().changeRequest.count({ where: { kind: "tenant-offboarding" } });
    expect(await offboard(personas.searchLead, "lc-refused", "delete")).toMatchObject({ status: "error", message: expect.stringContaining("owners or a platform admin") });
    expect(await offboard(personas.admin, "lc-refused", "erase")).toMatchObject({ status: "error", fieldErrors: { deletePolicy: expect.any(String) } });
    // A tenant without environments is archived directly (slug typed again); then there is nothing to offboard.
    const archive = (confirmation: string) => asSession(personas.admin.token, () => archiveTenantAction(idle, form({ tenantSlug: "lc-refused", confirmation })));
    expect(await archive("lc-refuse")).toMatchObject({ status: "error", fieldErrors: { confirmation: expect.stringContaining("lc-refused") } });
    expect(await archive("lc-refused")).toMatchObject({ status: "done" });
    expect(await offboard(personas.admin, "lc-refused", "delete")).toMatchObject({ status: "error", message: "This tenant is already archived." });
    const environment = form({ tenantSlug: "lc-refused", environment: "dev", clusterId: sharedDev, template: "standard", justification: "after archiving" });
    expect(await asSession(personas.admin.token, () => requestEnvironmentAction({ status: "idle" }, environment))).toMatchObject({ status: "error", message: expect.stringContaining("archived") });
    expect(await db().changeRequest.count({ where: { kind: "tenant-offboarding" } })).toBe(before);
    expect(await db().auditEvent.count({ where: { action: "tenant.archived", targetId: refused.id } })).toBe(1);
  });

  it("refuses to archive a tenant that still has environments: it must be offboarded", async () => {
    const tenant = await createdTenant("lc-busy");
    await (await onCluster()).objects.apply(namespaceManifest("lc-busy-app"));
    expect(await asSession(personas.admin.token, () => adoptNamespaceAction(idle, form({ tenantSlug: "lc-busy", clusterId: sharedDev, namespace: "lc-busy-app", environment: "app" })))).toMatchObject({ status: "done" });
    expect(await asSession(personas.admin.token, () => archiveTenantAction(idle, form({ tenantSlug: "lc-busy", confirmation: "lc-busy" })))).toMatchObject({ status: "error", message: expect.stringContaining("offboard it instead") });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).archivedAt).toBeNull();
  });
});
