import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { portalRolesFor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db/client";
import { useEmulator } from "@/test/support";
import { findActiveSession, sessionIdOf } from "./sessions";
import { sessionPolicy } from "./session-policy";
import { sessionTokenOf, testRequestContext } from "./sign-in.test-helper";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
  useEmulator(emulator.url);
});
afterEach(() => emulator.reset());
afterAll(() => emulator.dispose());

const minutes = (count: number) => new Date(Date.now() + count * 60_000);
const pastRefresh = () => minutes(env().groupRefreshIntervalMs / 60_000 + 1);
const pastGrace = () => minutes((env().groupRefreshIntervalMs + sessionPolicy.groupRefreshGraceMs) / 60_000 + 1);

/** What an Entra administrator does, through the emulator's control API. */
async function control(method: string, resource: string, body?: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/${resource}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${method} ${resource}: ${response.status} ${await response.text()}`);
}

const graphReadsOf = (userId: string) => emulator.requests().filter((request) => request.path.startsWith(`/v1.0/users/${userId}`)).length;

describe("who the user is, now", () => {
  it("sees a group added in Entra ID on the first request after the refresh interval, and audits the change", async () => {
    const token = await sessionTokenOf("max.mueller@clusterdesk-demo.onmicrosoft.com");
    await control("PUT", `groups/${demoGroups.clusterdeskAdmins}/members/${demoUsers.member}`);

    const early = await findActiveSession(token, { now: minutes(1) });
    expect(portalRolesFor(early?.groupIds ?? [], env())).toEqual([]);

    const context = testRequestContext();
    const later = await findActiveSession(token, { now: pastRefresh(), context });
    expect(portalRolesFor(later?.groupIds ?? [], env())).toEqual(["admin"]);
    const events = await db().auditEvent.findMany({ where: { correlationId: context.correlationId } });
    expect(events.map((event) => [event.action, event.targetId, event.after])).toEqual([
      ["session.groups_changed", sessionIdOf(token), { groupCount: 3, added: [demoGroups.clusterdeskAdmins], removed: [] }],
    ]);
  });

  it("drops a lead's tenant ownership once they leave the owners group", async () => {
    const token = await sessionTokenOf("priya.patel@clusterdesk-demo.onmicrosoft.com");
    expect((await findActiveSession(token))?.groupIds).toContain(demoGroups.paymentsOwners);
    await control("DELETE", `groups/${demoGroups.paymentsOwners}/members/${demoUsers.paymentsLead}`);
    expect((await findActiveSession(token, { now: pastRefresh() }))?.groupIds).not.toContain(demoGroups.paymentsOwners);
  });

  it("revokes every session of an account disabled in Entra ID, with an audited reason", async () => {
    const first = await sessionTokenOf("sofia.rossi@clusterdesk-demo.onmicrosoft.com");
    const second = await sessionTokenOf("sofia.rossi@clusterdesk-demo.onmicrosoft.com");
    await control("PATCH", `users/${demoUsers.searchLead}`, { accountEnabled: false });

    const context = testRequestContext();
    expect(await findActiveSession(first, { now: pastRefresh(), context })).toBeNull();
    expect(await findActiveSession(second)).toBeNull();
    const revoked = await db().session.findMany({ where: { id: { in: [sessionIdOf(first), sessionIdOf(second)] } }, select: { revokedAt: true } });
    expect(revoked.every((session) => session.revokedAt !== null)).toBe(true);
    expect(await db().session.count({ where: { userId: demoUsers.searchLead, revokedAt: null } })).toBe(0);
    // Other test files may have left sessions of the same user: those are revoked too, but only ours are checked.
    const events = await db().auditEvent.findMany({ where: { correlationId: context.correlationId, targetId: { in: [sessionIdOf(first), sessionIdOf(second)] } }, orderBy: { seq: "asc" } });
    expect(events.map((event) => [event.action, event.reason]).sort()).toEqual([
      ["session.revoked", "account disabled in Microsoft Entra ID"],
      ["session.revoked", "account disabled in Microsoft Entra ID"],
    ]);
    expect(events.map((event) => event.targetId).sort()).toEqual([sessionIdOf(first), sessionIdOf(second)].sort());
  });

  it("revokes the session of an account deleted from Entra ID", async () => {
    const token = await sessionTokenOf("chen.wei@clusterdesk-demo.onmicrosoft.com");
    await control("DELETE", `users/${demoUsers.searchEngineer}`);
    const context = testRequestContext();
    expect(await findActiveSession(token, { now: pastRefresh(), context })).toBeNull();
    const events = await db().auditEvent.findMany({ where: { correlationId: context.correlationId } });
    expect(events.map((event) => [event.action, event.reason])).toEqual([["session.revoked", "account deleted from Microsoft Entra ID"]]);
  });

  it("keeps the last known groups through a Graph outage for the grace time only, then refuses without revoking", async () => {
    const token = await sessionTokenOf("liam.obrien@clusterdesk-demo.onmicrosoft.com");
    const signedIn = await findActiveSession(token);
    emulator.injectFault({ path: `^/v1.0/users/${demoUsers.paymentsEngineer}`, status: 503, count: 100, retryAfterSeconds: 0 });

    expect((await findActiveSession(token, { now: pastRefresh() }))?.groupIds).toEqual(signedIn?.groupIds);
    expect(await findActiveSession(token, { now: pastGrace() })).toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } })).revokedAt).toBeNull();

    emulator.clearFaults();
    expect((await findActiveSession(token, { now: pastGrace() }))?.groupIds).toEqual(signedIn?.groupIds);
  });

  it("asks Graph once for concurrent requests of one session", async () => {
    const token = await sessionTokenOf("alice.nguyen@clusterdesk-demo.onmicrosoft.com");
    emulator.clearRequests();
    const now = pastGrace();
    const sessions = await Promise.all(Array.from({ length: 5 }, () => findActiveSession(token, { now })));
    expect(sessions.every((session) => session?.objectId === demoUsers.platformEngineer)).toBe(true);
    // One account read and one membership read.
    expect(graphReadsOf(demoUsers.platformEngineer)).toBe(2);
  });

  it("leaves the refresh to the instance that claimed it, using the last known groups meanwhile", async () => {
    const token = await sessionTokenOf("dana.okafor@clusterdesk-demo.onmicrosoft.com");
    const now = pastRefresh();
    await db().session.update({ where: { id: sessionIdOf(token) }, data: { groupsRefreshClaimedAt: now } });
    emulator.clearRequests();
    expect((await findActiveSession(token, { now }))?.groupIds).toContain(demoGroups.analyticsOwners);
    expect(graphReadsOf(demoUsers.analyticsLead)).toBe(0);
  });

  it("past the grace time, waits for the instance that claimed the refresh instead of using old groups", async () => {
    const token = await sessionTokenOf("aliyu.bello@clusterdesk-demo.onmicrosoft.com");
    const now = pastGrace();
    await db().session.update({ where: { id: sessionIdOf(token) }, data: { groupsRefreshClaimedAt: now } });
    const otherInstanceAnswers = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await db().session.update({ where: { id: sessionIdOf(token) }, data: { groupIds: [demoGroups.analyticsOwners], groupsCheckedAt: now, groupsRefreshClaimedAt: null } });
    })();
    expect((await findActiveSession(token, { now }))?.groupIds).toEqual([demoGroups.analyticsOwners]);
    await otherInstanceAnswers;
  });

  it("gives up on a Graph that does not answer within 5 s, as on an outage", async () => {
    const token = await sessionTokenOf("max.mueller@clusterdesk-demo.onmicrosoft.com");
    const signedIn = await findActiveSession(token);
    emulator.injectFault({ method: "GET", path: `^/v1.0/users/${demoUsers.member}$`, latencyMs: 8_000 });
    const started = Date.now();
    expect(await findActiveSession(token, { now: pastGrace() })).toBeNull();
    expect(Date.now() - started).toBeLessThan(7_000);
    expect((await findActiveSession(token, { now: pastRefresh() }))?.groupIds).toEqual(signedIn?.groupIds);
  });
});
