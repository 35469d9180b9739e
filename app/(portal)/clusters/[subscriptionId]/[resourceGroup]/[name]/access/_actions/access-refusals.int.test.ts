import { beforeEach, expect, it, vi } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { db } from "@/lib/server/db/client";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona, sharedDev } from "@/test/persona-sessions";
import { approveRequestAction } from "@/app/(portal)/requests/_actions/approve-request";
import { requestAccessGrantAction } from "./request-access-grant";

// Issue 12's refusals, with the real actions, sessions, Graph and policy: a refused request leaves
// no request row and no audit event but the denial itself; nobody approves their own request.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = demoSessionPersonas("access-refusals-token");
const portal = demoPortalSuite(Object.values(personas), { kubernetes: createKubernetesSide });
beforeEach(() => portal.emulator.reset());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const grant = (who: SessionPersona, fields: Record<string, string>) =>
  asSession(who.token, () =>
    requestAccessGrantAction(
      { status: "idle" },
      form({ clusterId: sharedDev, role: "writer", namespace: "search-dev", principalId: demoUsers.searchEngineer, duration: "8h", justification: "Chen is on call", ...fields }),
    ),
  );

/** What a call left behind: new requests, and the actions of new audit events. */
async function traceOf(run: () => Promise<unknown>) {
  const [requests, lastSeq] = await Promise.all([db().changeRequest.count(), db().auditEvent.aggregate({ _max: { seq: true } })]);
  const outcome = await run();
  const events = await db().auditEvent.findMany({ where: { seq: { gt: lastSeq._max.seq ?? 0n } }, orderBy: { seq: "asc" } });
  return { outcome, newRequests: (await db().changeRequest.count()) - requests, actions: events.map((event) => [event.action, event.outcome, event.actorObjectId]) };
}

it("refuses a lead another tenant's namespace, a person or group outside their tenant's groups, and cluster scope: only the denial is recorded", async () => {
  const sofia = personas.searchLead;
  const refusals: Array<[Record<string, string>, RegExp]> = [
    [{ namespace: "payments-dev" }, /your own tenants' namespaces/],
    [{ principalId: demoUsers.paymentsEngineer }, /members of your tenant's groups/],
    [{ principalId: demoGroups.paymentsMembers }, /members of your tenant's groups/],
    [{ namespace: "" }, /whole cluster/],
  ];
  for (const [fields, message] of refusals) {
    const trace = await traceOf(() => grant(sofia, fields));
    expect(trace.outcome).toMatchObject({ status: "error", message: expect.stringMatching(message) });
    expect(trace.newRequests).toBe(0);
    expect(trace.actions).toEqual([["access.denied", "denied", sofia.objectId]]);
  }
});

it("refuses self-approval to the lead who asked and to an admin who asked, leaving the request pending", async () => {
  const asked = await grant(personas.searchLead, {});
  if (asked.status !== "done") throw new Error(`expected a request, got ${JSON.stringify(asked)}`);
  const request = await db().changeRequest.findUniqueOrThrow({ where: { number: asked.number } });
  const approve = (who: SessionPersona, requestId: string) => asSession(who.token, () => approveRequestAction(null, form({ requestId, comment: "" })));

  const byLead = await traceOf(() => approve(personas.searchLead, request.id));
  expect(byLead.outcome).toMatchObject({ ok: false });
  expect(byLead.actions).toEqual([["access.denied", "denied", personas.searchLead.objectId]]);
  expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");

  const adminAsked = await grant(personas.admin, { principalId: demoUsers.analyticsEngineer });
  if (adminAsked.status !== "done") throw new Error(`expected a request, got ${JSON.stringify(adminAsked)}`);
  const adminRequest = await db().changeRequest.findUniqueOrThrow({ where: { number: adminAsked.number } });
  expect(await approve(personas.admin, adminRequest.id)).toMatchObject({ ok: false, error: expect.stringMatching(/own request/) });
  expect((await db().changeRequest.findUniqueOrThrow({ where: { id: adminRequest.id } })).status).toBe("pending");
  expect(await approve(personas.secondAdmin, adminRequest.id)).toMatchObject({ ok: true });
});
