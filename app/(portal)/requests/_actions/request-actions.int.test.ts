import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { sessionIdOf } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db/client";
import { jobQueue, queues, stopJobQueue } from "@/lib/server/jobs/queue";
import { createTenant, type Person, person, requestRange } from "@/lib/server/requests/requests-fixtures.test-helper";
import { approveRequestAction } from "./approve-request";
import { cancelRequestAction } from "./cancel-request";
import { rejectRequestAction } from "./reject-request";
import { retryRequestAction } from "./retry-request";
import { asSession } from "@/test/next-request-scope";

// The actions run as in Next.js: the session comes from the cookie, the audit facts from headers.
// Only the request scope is faked; sessions, policy, engine and audit log are the real ones.
// Each call runs in its own async context, so two admins acting concurrently keep their own sessions.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const sessions = new Map<string, string>();

async function signIn(who: Person, groupIds: string[]): Promise<void> {
  const token = randomUUID();
  const now = new Date();
  await db().user.create({
    data: { id: who.objectId, entraTenantId: localDemoOrganisation.tenantId, displayName: who.name, userPrincipalName: who.upn, lastSignInAt: now },
  });
  await db().session.create({
    data: { id: sessionIdOf(token), userId: who.objectId, groupIds, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
  });
  sessions.set(who.objectId, token);
}

function as<T>(who: Person, run: () => Promise<T>): Promise<T> {
  return asSession(sessions.get(who.objectId) ?? "", run);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function statusOf(id: string) {
  return (await db().changeRequest.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

async function auditActions(id: string) {
  return (await db().auditEvent.findMany({ where: { targetId: id }, orderBy: { seq: "asc" }, select: { action: true } })).map((event) => event.action);
}

let admin: Person, secondAdmin: Person, paymentsLead: Person, searchLead: Person, paymentsTenantId: string;

beforeAll(async () => {
  const payments = await createTenant("Payments");
  const search = await createTenant("Search");
  paymentsTenantId = payments.id;
  const adminGroup = localDemoOrganisation.adminGroupIds[0];
  admin = person("Alex Admin", { roles: ["admin"] });
  secondAdmin = person("Ada Admin", { roles: ["admin"] });
  paymentsLead = person("Priya Patel", { owns: [payments] });
  searchLead = person("Sofia Rossi", { owns: [search] });
  await signIn(admin, [adminGroup]);
  await signIn(secondAdmin, [adminGroup]);
  await signIn(paymentsLead, paymentsLead.groupIds);
  await signIn(searchLead, searchLead.groupIds);
});

afterAll(() => stopJobQueue());

describe("request actions", () => {
  it("approves with a comment and queues exactly one execution", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    expect(await as(admin, () => approveRequestAction(null, form({ requestId: created.id, comment: "  Fine by security  " })))).toMatchObject({ ok: true });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "approved", decidedByName: "Alex Admin", decisionComment: "Fine by security" });
    const jobs = await (await jobQueue()).findJobs(queues.executeChangeRequest, { key: created.id });
    expect(jobs).toHaveLength(1);
  });

  it("lets one of two admins approving at the same moment win; the other gets an expected error", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    // Both admins pass the policy check before either commits: run them concurrently.
    const [first, second] = await Promise.all([
      as(admin, () => approveRequestAction(null, form({ requestId: created.id, comment: "" }))),
      as(secondAdmin, () => approveRequestAction(null, form({ requestId: created.id, comment: "" }))),
    ]);
    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
    const loser = outcomes.find((outcome) => !outcome?.ok);
    expect(loser?.ok).toBe(false);
    expect(loser && !loser.ok ? loser.error : "").toMatch(/Someone else changed this request|Cannot approve a request that is approved|not pending/);
    expect((await auditActions(created.id)).filter((action) => action === "request.approved")).toHaveLength(1);
    const winner = outcomes[0]?.ok ? admin : secondAdmin;
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).decidedById).toBe(winner.objectId);
  });

  it("refuses the requester's own approval and another team's lead, auditing the denial", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    expect(await as(paymentsLead, () => approveRequestAction(null, form({ requestId: created.id, comment: "" })))).toEqual({ ok: false, error: "Only platform admins decide on requests." });
    const ownByAdmin = await requestRange(admin, paymentsTenantId);
    expect(await as(admin, () => approveRequestAction(null, form({ requestId: ownByAdmin.id, comment: "" })))).toEqual({ ok: false, error: "Nobody can decide on their own request." });
    expect(await as(searchLead, () => cancelRequestAction(null, form({ requestId: created.id })))).toMatchObject({ ok: false });
    expect(await statusOf(created.id)).toBe("pending");
    const denials = await db().auditEvent.count({ where: { action: "access.denied", actorObjectId: searchLead.objectId } });
    expect(denials).toBe(1);
  });

  it("requires a comment to reject and keeps comments to 1000 characters", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    expect(await as(admin, () => rejectRequestAction(null, form({ requestId: created.id, comment: "   " })))).toMatchObject({ ok: false, error: "Say why the request is rejected.", fieldErrors: { comment: ["Say why the request is rejected."] } });
    expect(await as(admin, () => approveRequestAction(null, form({ requestId: created.id, comment: "x".repeat(1001) })))).toMatchObject({ ok: false, fieldErrors: { comment: [expect.stringContaining("1000")] } });
    expect(await as(admin, () => approveRequestAction(null, form({ requestId: "not-an-id", comment: "" })))).toMatchObject({ ok: false, error: "The request id is not valid." });
    expect(await as(admin, () => approveRequestAction(null, form({ requestId: randomUUID(), comment: "" })))).toEqual({ ok: false, error: "This request does not exist." });
    expect(await as(admin, () => rejectRequestAction(null, form({ requestId: created.id, comment: "Use the NAT gateway instead" })))).toMatchObject({ ok: true });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "rejected", decisionComment: "Use the NAT gateway instead" });
  });

  it("lets the requester cancel a pending request, and nobody after that", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    expect(await as(paymentsLead, () => cancelRequestAction(null, form({ requestId: created.id })))).toMatchObject({ ok: true });
    expect(await statusOf(created.id)).toBe("cancelled");
    expect(await as(paymentsLead, () => cancelRequestAction(null, form({ requestId: created.id })))).toEqual({ ok: false, error: "The request is cancelled; only pending requests can be cancelled." });
  });

  it("lets only admins retry a failed request", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    await db().changeRequest.update({ where: { id: created.id }, data: { status: "failed", lastError: "ARM answered 500" } });
    expect(await as(paymentsLead, () => retryRequestAction(null, form({ requestId: created.id })))).toEqual({ ok: false, error: "Only platform admins can retry a failed change." });
    expect(await as(admin, () => retryRequestAction(null, form({ requestId: created.id })))).toMatchObject({ ok: true });
    expect(await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "applying", lastError: null });
  });

  it("asks a signed-out caller to sign in again", async () => {
    const created = await requestRange(paymentsLead, paymentsTenantId);
    expect(await approveRequestAction(null, form({ requestId: created.id, comment: "" }))).toEqual({ ok: false, error: "Your session has ended. Sign in again and retry." });
  });
});
