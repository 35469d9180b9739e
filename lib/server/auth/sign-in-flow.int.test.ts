import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { demoUsers } from "@/emulator/seed/organisation";
import { safeReturnTo } from "@/lib/auth/return-to";
import { env } from "@/lib/env";
import { signInHeadlessly } from "@/emulator/test-support/sign-in";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { signInFailureMessage } from "@/lib/auth/sign-in-failures";
import { db } from "@/lib/server/db/client";
import { useEmulator } from "@/test/support";
import { entraApplication } from "./entra";
import { summariseRejectedCallbacks } from "./rejected-callbacks";
import { findActiveSession } from "./sessions";
import { signInLimits } from "./sign-in-limits";
import { signOut } from "./sign-out";
import { signInThroughEmulator, testRequestContext } from "./sign-in.test-helper";
import { completeSignIn, startSignIn } from "./sign-in-flow";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
  useEmulator(emulator.url);
});
afterAll(() => emulator.dispose());

const context = testRequestContext;
const signIn = signInThroughEmulator;

describe("sign-in through MSAL against the emulator's Entra ID", () => {
  it("opens a session with the user's groups and audits the sign-in in the same transaction", async () => {
    const { result, correlation } = await signIn("alex.admin@clusterdesk-demo.onmicrosoft.com");
    if (!result.ok) throw new Error(`sign-in failed: ${result.failure}`);
    expect(result.returnTo).toBe("/clusters");
    const session = await findActiveSession(result.sessionToken);
    expect(session).toMatchObject({ objectId: demoUsers.admin, displayName: "Alex Admin" });
    expect(session?.groupIds.length).toBeGreaterThan(0);
    const events = await db().auditEvent.findMany({ where: { correlationId: correlation.correlationId } });
    expect(events.map((event) => [event.action, event.outcome, event.actorObjectId])).toEqual([["auth.sign_in", "success", demoUsers.admin]]);
    // The cookie's token is never stored: only its hash is the session's id.
    expect(await db().session.count({ where: { id: result.sessionToken } })).toBe(0);
  });

  it("keeps no user's tokens in MSAL's cache after a sign-in", async () => {
    const { result } = await signIn("priya.patel@clusterdesk-demo.onmicrosoft.com");
    if (!result.ok) throw new Error(`sign-in failed: ${result.failure}`);
    const cache = entraApplication().getTokenCache();
    expect(await cache.getAllAccounts()).toEqual([]);
    const serialized = JSON.parse(cache.serialize()) as Record<string, Record<string, unknown>>;
    for (const kind of ["Account", "IdToken", "AccessToken", "RefreshToken"]) expect(serialized[kind] ?? {}).toEqual({});
  });

  it("resolves groups through Graph when the token carries the overage claim", async () => {
    const { result } = await signIn("gwen.manygroups@clusterdesk-demo.onmicrosoft.com");
    if (!result.ok) throw new Error(`sign-in failed: ${result.failure}`);
    const session = await findActiveSession(result.sessionToken);
    expect(session?.groupIds.length).toBeGreaterThan(200);
  });

  it("answers a Graph outage while reading an overage user's groups with a clear failure, audited", async () => {
    emulator.injectFault({ method: "POST", path: "/getMemberObjects$", status: 503, count: 10, retryAfterSeconds: 0 });
    try {
      const { result, correlation } = await signIn("gwen.manygroups@clusterdesk-demo.onmicrosoft.com");
      expect(result).toEqual({ ok: false, failure: "directory" });
      const events = await db().auditEvent.findMany({ where: { correlationId: correlation.correlationId } });
      expect(events.map((event) => [event.action, event.outcome, event.actorObjectId, event.reason])).toEqual([
        ["auth.sign_in", "failure", demoUsers.overage, "Microsoft Graph did not return the group memberships (HTTP 503)"],
      ]);
      expect(signInFailureMessage("directory")).toMatch(/group memberships/);
    } finally {
      emulator.clearFaults();
    }
  });

  it("refuses a callback whose state does not match, and audits the failure", async () => {
    const started = await startSignIn("/", "198.51.100.4");
    const callback = await signInHeadlessly(started.authorizationUrl, "max.mueller@clusterdesk-demo.onmicrosoft.com");
    const correlation = context();
    const result = await completeSignIn({ attemptId: started.attemptId, state: "tampered", code: callback.searchParams.get("code"), error: null }, correlation);
    expect(result).toEqual({ ok: false, failure: "mismatch" });
    const events = await db().auditEvent.findMany({ where: { correlationId: correlation.correlationId } });
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([["auth.sign_in", "failure", "state mismatch"]]);
  });

  it("cannot complete the same attempt twice", async () => {
    const started = await startSignIn("/", "198.51.100.4");
    const callback = await signInHeadlessly(started.authorizationUrl, "max.mueller@clusterdesk-demo.onmicrosoft.com");
    const parameters = { attemptId: started.attemptId, state: callback.searchParams.get("state"), code: callback.searchParams.get("code"), error: null };
    expect((await completeSignIn(parameters, context())).ok).toBe(true);
    expect(await completeSignIn(parameters, context())).toEqual({ ok: false, failure: "expired" });
  });

  it("signs out: the session stops working at once and the sign-out is audited", async () => {
    const { result } = await signIn("olu.adeyemi@clusterdesk-demo.onmicrosoft.com");
    if (!result.ok) throw new Error(`sign-in failed: ${result.failure}`);
    const session = await findActiveSession(result.sessionToken);
    if (!session) throw new Error("no session");
    const correlation = context();
    const endSessionUrl = new URL(await signOut(session, correlation));
    expect(endSessionUrl.pathname).toMatch(/\/oauth2\/v2.0\/logout$/);
    expect(endSessionUrl.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost:3000/signed-out");
    expect(await findActiveSession(result.sessionToken)).toBeNull();
    expect(await db().auditEvent.count({ where: { correlationId: correlation.correlationId, action: "auth.sign_out" } })).toBe(1);
  });

  it.each(["/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/a/..//evil.example", "/./\\evil.example"])(
    "after signing in with returnTo %j the callback lands on the portal",
    async (requested) => {
      // What /auth/login stores, then where /auth/callback sends the browser (new URL(returnTo, baseUrl)).
      const { result } = await signIn("max.mueller@clusterdesk-demo.onmicrosoft.com", safeReturnTo(requested, env().baseUrl));
      if (!result.ok) throw new Error(`sign-in failed: ${result.failure}`);
      expect(result.returnTo).toBe("/");
      expect(new URL(result.returnTo, env().baseUrl).origin).toBe(new URL(env().baseUrl).origin);
    },
  );

  it("re-checks the return path of an attempt stored before the check was fixed", async () => {
    const { result } = await signIn("max.mueller@clusterdesk-demo.onmicrosoft.com", "//evil.example");
    if (!result.ok) throw new Error(`sign-in failed: ${result.failure}`);
    expect(new URL(result.returnTo, env().baseUrl).href).toBe(`${env().baseUrl}/`);
  });
});

describe("what anonymous callers can make the portal store", () => {
  it("bogus callbacks never wait for the audit chain's lock and cost it one event per minute", async () => {
    const client = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const before = await db().auditEvent.count();
    // Another transaction holds the chain's lock throughout: a callback that needed it would hang.
    const lockHolder = new pg.Client({ connectionString: inject("databaseUrl") });
    await lockHolder.connect();
    await lockHolder.query("BEGIN");
    await lockHolder.query("SELECT pg_advisory_xact_lock(7031995114)");
    try {
      const callbacks = Array.from({ length: 40 }, (_, index) =>
        completeSignIn({ attemptId: index % 2 ? undefined : `forged-${index}`, state: "x", code: "y", error: null }, { ...context(), clientIp: client }),
      );
      const outcome = await Promise.race([Promise.all(callbacks), new Promise((resolve) => setTimeout(() => resolve("blocked"), 10_000))]);
      expect(outcome).toEqual(Array.from({ length: 40 }, () => ({ ok: false, failure: "expired" })));
    } finally {
      await lockHolder.query("COMMIT");
      await lockHolder.end();
    }
    expect(await db().auditEvent.count()).toBe(before);

    const summary = await summariseRejectedCallbacks(new Date(Date.now() + 2 * signInLimits.rejectionWindowMs));
    const appended = await db().auditEvent.findMany({ where: { seq: { gt: before } }, orderBy: { seq: "asc" } });
    // One event per minute window touched (two if the test straddled a minute), never one per callback.
    expect(appended.length).toBe(summary.windows);
    expect(appended.length).toBeLessThanOrEqual(2);
    expect(appended.every((event) => event.action === "auth.callbacks_rejected" && event.actorKind === "system")).toBe(true);
    const counted = appended.flatMap((event) => z.object({ topClients: z.array(z.object({ client: z.string(), count: z.number() })) }).parse(event.after).topClients);
    expect(counted.filter((entry) => entry.client === client).reduce((sum, entry) => sum + entry.count, 0)).toBe(40);
    expect(await db().signInRejection.count({ where: { clientKey: client } })).toBe(0);
  });

  it("keeps at most the cap of pending attempts per client, dropping the oldest", async () => {
    const client = "192.0.2.77";
    const started = [];
    for (let index = 0; index < signInLimits.liveAttemptsPerClient + 5; index += 1) started.push(await startSignIn("/", client));
    const kept = await db().signInAttempt.findMany({ where: { clientKey: client }, select: { id: true } });
    expect(kept).toHaveLength(signInLimits.liveAttemptsPerClient);
    const keptIds = new Set(kept.map(({ id }) => id));
    expect(started.slice(-5).every(({ attemptId }) => keptIds.has(attemptId))).toBe(true);
    expect(started.slice(0, 5).some(({ attemptId }) => keptIds.has(attemptId))).toBe(false);
    // Another client is not affected.
    const other = await startSignIn("/", "192.0.2.78");
    expect(await db().signInAttempt.count({ where: { id: other.attemptId } })).toBe(1);
  });
});
