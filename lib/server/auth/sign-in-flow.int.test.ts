import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "@/emulator/seed/organisation";
import { signInHeadlessly } from "@/emulator/test-support/sign-in";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { signInFailureMessage } from "@/lib/auth/sign-in-failures";
import { db } from "@/lib/server/db/client";
import { useEmulator } from "@/test/support";
import { entraApplication } from "./entra";
import { findActiveSession } from "./sessions";
import { signOut } from "./sign-out";
import { completeSignIn, startSignIn } from "./sign-in-flow";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
  useEmulator(emulator.url);
});
afterAll(() => emulator.dispose());

const context = () => ({ clientIp: "198.51.100.4", userAgent: "vitest", correlationId: randomUUID(), path: "/" });

async function signIn(username: string, returnTo = "/clusters") {
  const started = await startSignIn(returnTo);
  const callback = await signInHeadlessly(started.authorizationUrl, username);
  const correlation = context();
  const result = await completeSignIn(
    { attemptId: started.attemptId, state: callback.searchParams.get("state"), code: callback.searchParams.get("code"), error: callback.searchParams.get("error") },
    correlation,
  );
  return { result, correlation, callback };
}

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
    const started = await startSignIn("/");
    const callback = await signInHeadlessly(started.authorizationUrl, "max.mueller@clusterdesk-demo.onmicrosoft.com");
    const correlation = context();
    const result = await completeSignIn({ attemptId: started.attemptId, state: "tampered", code: callback.searchParams.get("code"), error: null }, correlation);
    expect(result).toEqual({ ok: false, failure: "mismatch" });
    const events = await db().auditEvent.findMany({ where: { correlationId: correlation.correlationId } });
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([["auth.sign_in", "failure", "state mismatch"]]);
  });

  it("cannot complete the same attempt twice", async () => {
    const started = await startSignIn("/");
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
});
