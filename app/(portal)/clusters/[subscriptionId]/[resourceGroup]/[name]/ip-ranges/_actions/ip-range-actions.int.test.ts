import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { authorizedIpRangesExecutor } from "@/lib/server/network/authorized-ip-ranges-executor";
import { loadIpRangesView } from "@/lib/server/network/ip-ranges-view";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { countChangeRequestsByStatus, findChangeRequestByNumber, listChangeRequests } from "@/lib/server/requests/queries";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev, sharedProd } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import type { RangeFormState } from "./form-state";
import { requestRangeAdditionAction } from "./request-range-addition";
import { requestRangeRemovalAction } from "./request-range-removal";

// The real actions as Next.js runs them: session from the cookie, policy, ARM through the SDK against
// the emulator, the engine and the audit log. Only the request scope (cookies, headers, cache) is faked.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { production, nonProduction } = demoSubscriptions;
type Persona = SessionPersona;
const personas = demoSessionPersonas("token");

const portal = demoPortalSuite(Object.values(personas), { lroDurationMs: 50 });
beforeEach(async () => {
  portal.emulator.reset();
  // Each test starts from the seed: no records, no open requests on the two shared clusters.
  const keys = [clusterKey(sharedDev), clusterKey(sharedProd)];
  await db().authorizedIpRange.deleteMany({ where: { clusterResourceId: { in: keys } } });
  await db().changeRequest.updateMany({ where: { clusterResourceId: { in: keys }, status: { in: ["pending", "approved", "applying", "failed"] } }, data: { status: "cancelled" } });
});
afterEach(() => {
  vi.useRealTimers();
});

const as = <T>(who: Persona, run: () => Promise<T>) => asSession(who.token, run);
const principalOf = (who: Persona) => ({ objectId: who.objectId, roles: who.groupIds.includes(demoGroups.clusterdeskAdmins) ? (["admin"] as const) : ([] as const), ownedTenantIds: who === personas.paymentsLead ? [portal.tenants.payments] : who === personas.searchLead ? [portal.tenants.search] : [] });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const addition = (who: Persona, cluster: string, range: string, extra: Record<string, string> = {}) =>
  as(who, () => requestRangeAdditionAction({ status: "idle" }, form({ clusterId: cluster, range, owner: "", justification: "CI agents need the API server", expiry: "8h", ...extra })));
const removal = (who: Persona, cluster: string, range: string, extra: Record<string, string> = {}) =>
  as(who, () => requestRangeRemovalAction({ status: "idle" }, form({ clusterId: cluster, range, justification: "Not needed any more", ...extra })));

function numberOf(state: RangeFormState): number {
  if (state.status !== "done") throw new Error(`expected a request, got ${JSON.stringify(state)}`);
  const match = /#(\d+)/.exec(state.message);
  if (!match?.[1]) throw new Error(`no request number in ${state.message}`);
  return Number(match[1]);
}
const requestNumbered = (number: number) => db().changeRequest.findUniqueOrThrow({ where: { number } });
const rangesOn = async (cluster: "dev" | "prod") => {
  const [subscription, group, name] = cluster === "dev" ? [nonProduction, "rg-dev", "aks-shared-dev"] : [production, "rg-platform-prod", "aks-platform-shared"];
  return (await containerServiceClient(portal.emulator, subscription).managedClusters.get(group, name)).apiServerAccessProfile?.authorizedIPRanges ?? [];
};
const attempt = { retryCount: 0, retryLimit: 0, signal: new AbortController().signal };
const execute = (id: string) => executeChangeRequest(id, attempt, { "authorized-ip-ranges": authorizedIpRangesExecutor({ pollIntervalMs: 10 }) });

/** A range Payments asked for and got: on the cluster, recorded as theirs. */
async function paymentsRangeOnSharedDev(range = "198.51.100.64/26"): Promise<string> {
  const number = numberOf(await addition(personas.paymentsLead, sharedDev, range));
  const request = await requestNumbered(number);
  expect(await as(personas.admin, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
  expect(await execute(request.id)).toBe("applied");
  return range;
}

describe("tenants on a shared cluster (finding 6)", () => {
  it("refuses the Search lead's removal of a Payments range and of a range found on the cluster; Payments and admins may", async () => {
    const paymentsRange = await paymentsRangeOnSharedDev();
    const before = await db().changeRequest.count();

    expect(await removal(personas.searchLead, sharedDev, paymentsRange)).toMatchObject({ status: "error", message: expect.stringMatching(/belongs to another team/) });
    // 192.0.2.0/24 is on the seeded cluster without a record: nobody's, so an admin's call.
    expect(await removal(personas.searchLead, sharedDev, "192.0.2.0/24")).toMatchObject({ status: "error", message: expect.stringMatching(/only a platform admin/) });
    expect(await db().changeRequest.count()).toBe(before);
    expect(await db().auditEvent.count({ where: { action: "access.denied", actorObjectId: personas.searchLead.objectId, occurredAt: { gte: new Date(Date.now() - 60_000) } } })).toBeGreaterThanOrEqual(2);

    const own = await requestNumbered(numberOf(await removal(personas.paymentsLead, sharedDev, paymentsRange)));
    expect(own).toMatchObject({ status: "pending", tenantId: portal.tenants.payments });
    const byAdmin = await requestNumbered(numberOf(await removal(personas.admin, sharedDev, "192.0.2.0/24")));
    expect(byAdmin.status).toBe("pending");
  });

  it("labels a removal with the tenant that owns the range, and shows the approver who owns each range it touches", async () => {
    const paymentsRange = await paymentsRangeOnSharedDev();
    const number = numberOf(await removal(personas.admin, sharedDev, paymentsRange));
    expect((await requestNumbered(number)).tenantId).toBe(portal.tenants.payments);
    const detail = await findChangeRequestByNumber(number);
    expect(detail?.rangeOwners).toEqual([{ range: paymentsRange, owner: "Payments", source: "clusterdesk" }]);

    const found = numberOf(await removal(personas.admin, sharedDev, "192.0.2.0/24"));
    expect((await findChangeRequestByNumber(found))?.rangeOwners).toEqual([{ range: "192.0.2.0/24", owner: null, source: "found-on-cluster" }]);
  });

  it("shows a lead only their own tenants' requests on the cluster page, in the list and in the counts", async () => {
    const paymentsNumber = numberOf(await addition(personas.paymentsLead, sharedDev, "198.51.100.7"));
    const searchNumber = numberOf(await addition(personas.searchLead, sharedDev, "198.51.100.8"));

    const view = await loadIpRangesView(sharedDev, principalOf(personas.searchLead));
    if (!view.ok) throw new Error(view.error);
    expect(view.openRequests.map((request) => request.number)).toEqual([searchNumber]);
    const adminView = await loadIpRangesView(sharedDev, principalOf(personas.admin));
    expect(adminView.ok && adminView.openRequests.map((request) => request.number)).toEqual([searchNumber, paymentsNumber]);

    const listed = await listChangeRequests(principalOf(personas.searchLead), { view: "all", pageSize: 100 });
    expect(listed.items.map((item) => item.number)).toContain(searchNumber);
    expect(listed.items.map((item) => item.number)).not.toContain(paymentsNumber);
    const counts = await countChangeRequestsByStatus(principalOf(personas.searchLead));
    expect(counts.pending).toBe(await db().changeRequest.count({ where: { status: "pending", OR: [{ tenantId: portal.tenants.search }, { requesterId: personas.searchLead.objectId }] } }));
  });

  it("marks each row with its owning tenant: a lead is offered removal only of their own, and another team's reason stays theirs", async () => {
    const paymentsRange = await paymentsRangeOnSharedDev();
    const view = await loadIpRangesView(sharedDev, principalOf(personas.searchLead));
    if (!view.ok) throw new Error(view.error);
    const row = view.rows.find((candidate) => candidate.range === paymentsRange);
    // The Search lead sees that the range is Payments', not why Payments asked for it.
    expect(row).toMatchObject({ tenant: { id: portal.tenants.payments, name: "Payments" }, canRequestRemoval: false, detailsHidden: true, reason: null });
    const paymentsView = await loadIpRangesView(sharedDev, principalOf(personas.paymentsLead));
    expect(paymentsView.ok && paymentsView.rows.find((candidate) => candidate.range === paymentsRange)).toMatchObject({ canRequestRemoval: true, detailsHidden: false, reason: "CI agents need the API server" });
  });
});

describe("requests that should not exist (finding 7)", () => {
  it("refuses a duplicate of an open request and links to it, also for an admin's direct change", async () => {
    const first = numberOf(await addition(personas.paymentsLead, sharedDev, "198.51.100.9"));
    const again = await addition(personas.paymentsLead, sharedDev, "198.51.100.9/32", { expiry: "1d" });
    expect(again).toMatchObject({ status: "error", message: expect.stringContaining(`#${first}`), openRequest: first });
    expect(await addition(personas.admin, sharedDev, "198.51.100.9", { applyNow: "on" })).toMatchObject({ status: "error", openRequest: first });
    expect(await db().changeRequest.count({ where: { clusterResourceId: clusterKey(sharedDev), status: "pending", payload: { path: ["add", "0", "range"], equals: "198.51.100.9/32" } } })).toBe(1);
  });

  it("refuses two identical requests sent at the same moment but one", async () => {
    const outcomes = await Promise.all([addition(personas.paymentsLead, sharedDev, "198.51.100.10"), addition(personas.searchLead, sharedDev, "198.51.100.10")]);
    expect(outcomes.filter((outcome) => outcome.status === "done")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === "error")).toHaveLength(1);
  });

  it("refuses a range already covered by one on the cluster, naming it", async () => {
    expect(await addition(personas.paymentsLead, sharedDev, "203.0.113.7")).toMatchObject({ status: "error", message: expect.stringMatching(/203\.0\.113\.7\/32 is already allowed by 203\.0\.113\.0\/24/) });
  });

  it("refuses allow-all and ranges wider than the minimum, as requests and as an admin's direct change", async () => {
    expect(await addition(personas.paymentsLead, sharedDev, "0.0.0.0/0")).toMatchObject({ status: "error", message: expect.stringMatching(/every IPv4 address/) });
    expect(await addition(personas.admin, sharedDev, "0.0.0.0/0", { applyNow: "on" })).toMatchObject({ status: "error", message: expect.stringMatching(/every IPv4 address/) });
    expect(await addition(personas.admin, sharedDev, "10.0.0.0/8", { applyNow: "on" })).toMatchObject({ status: "error", message: expect.stringMatching(/\/16 or narrower/) });
    expect(await rangesOn("dev")).toEqual(["203.0.113.0/24", "192.0.2.0/24"]);
  });

  it("refuses allow-all in the executor too, whatever made the request", async () => {
    const created = await createChangeRequest(
      { kind: "authorized-ip-ranges", clusterResourceId: clusterKey(sharedDev), tenantId: null, payload: { add: [{ range: "0.0.0.0/0", owner: null, lifetimeSeconds: null }], remove: [] }, justification: "written around the form", decideBy: null },
      { kind: "user", objectId: personas.admin.objectId, name: personas.admin.name, upn: "alex@contoso.example" },
      { clientIp: null, userAgent: null, correlationId: "test", path: "/" },
      { applyDirectly: { reason: "test" } },
    );
    expect(await execute(created.id)).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).lastError).toMatch(/every IPv4 address/);
    expect(await rangesOn("dev")).toEqual(["203.0.113.0/24", "192.0.2.0/24"]);
  });

  it("stores the warnings the requester saw and gives them to the approver", async () => {
    const outcome = await addition(personas.paymentsLead, sharedDev, "203.0.112.0/23");
    expect(outcome).toMatchObject({ status: "done", warnings: ["203.0.113.0/24 is already covered by 203.0.112.0/23."] });
    const detail = await findChangeRequestByNumber(numberOf(outcome));
    expect(detail?.warnings).toEqual(["203.0.113.0/24 is already covered by 203.0.112.0/23."]);
  });
});

describe("four eyes on production clusters (finding 8)", () => {
  it("turns an admin's change on a production cluster into a request another admin must approve", async () => {
    expect(await addition(personas.admin, sharedProd, "198.51.100.12", { applyNow: "on" })).toMatchObject({ status: "error", message: expect.stringMatching(/production cluster.*second platform admin/) });
    const number = numberOf(await addition(personas.admin, sharedProd, "198.51.100.12"));
    const request = await requestNumbered(number);
    expect(request.status).toBe("pending");
    expect(await as(personas.admin, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toEqual({ ok: false, error: "Nobody can decide on their own request." });
    expect(await as(personas.secondAdmin, () => approveRequestAction(null, form({ requestId: request.id, comment: "Looks right" })))).toMatchObject({ ok: true });
    expect(await execute(request.id)).toBe("applied");
    expect(await rangesOn("prod")).toEqual(["203.0.113.0/24", "198.51.100.12/32"]);
  });

  it("still lets an admin apply directly on a non-production cluster", async () => {
    const number = numberOf(await addition(personas.admin, sharedDev, "198.51.100.13", { applyNow: "on" }));
    expect((await requestNumbered(number)).status).toBe("approved");
  });
});

// Last on purpose: the portal's credential keeps the token it was issued in the faked future.
describe("expiry counted from application (finding 7)", () => {
  it("counts an 8-hour range's lifetime from when it is applied, not from when it was asked for", async () => {
    const number = numberOf(await addition(personas.paymentsLead, sharedDev, "198.51.100.11"));
    const request = await requestNumbered(number);
    expect(await as(personas.admin, () => approveRequestAction(null, form({ requestId: request.id, comment: "" })))).toMatchObject({ ok: true });
    // The job runs 9 hours later (a busy cluster, a queue outage): the range must still get its 8 hours.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 9 * 3_600_000, shouldAdvanceTime: true });
    const appliedFrom = Date.now();
    expect(await execute(request.id)).toBe("applied");
    const record = await db().authorizedIpRange.findUniqueOrThrow({ where: { clusterResourceId_range: { clusterResourceId: clusterKey(sharedDev), range: "198.51.100.11/32" } } });
    expect(record.expiresAt?.getTime()).toBeGreaterThanOrEqual(appliedFrom + 8 * 3_600_000);
    expect(record.expiresAt?.getTime()).toBeLessThanOrEqual(Date.now() + 8 * 3_600_000);
  });
});
