import { randomUUID } from "node:crypto";
import { signInHeadlessly } from "@/emulator/test-support/sign-in";
import { completeSignIn, startSignIn } from "./sign-in-flow";

/** The facts a route handler would pass for a request from a test. */
export const testRequestContext = () => ({ clientIp: "198.51.100.4", userAgent: "vitest", correlationId: randomUUID(), path: "/" });

/** A whole sign-in through MSAL and the emulator's sign-in form, as a browser would do it. */
export async function signInThroughEmulator(username: string, returnTo = "/clusters") {
  const started = await startSignIn(returnTo, testRequestContext().clientIp);
  const callback = await signInHeadlessly(started.authorizationUrl, username);
  const correlation = testRequestContext();
  const result = await completeSignIn(
    { attemptId: started.attemptId, state: callback.searchParams.get("state"), code: callback.searchParams.get("code"), error: callback.searchParams.get("error") },
    correlation,
  );
  return { result, correlation, callback };
}

/** The session token of a successful sign-in; throws otherwise. */
export async function sessionTokenOf(username: string): Promise<string> {
  const { result } = await signInThroughEmulator(username);
  if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.failure}`);
  return result.sessionToken;
}
