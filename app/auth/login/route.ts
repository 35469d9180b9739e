import { type NextRequest, NextResponse } from "next/server";
import { safeReturnTo } from "@/lib/auth/return-to";
import { env } from "@/lib/env";
import { signInAttemptCookie } from "@/lib/server/auth/session-cookie";
import { signInLimiter, tooManySignInRequests } from "@/lib/server/auth/sign-in-rate-limit";
import { startSignIn } from "@/lib/server/auth/sign-in-flow";
import { requestContext } from "@/lib/server/request-context";

export const dynamic = "force-dynamic";

/** Starts the Entra ID sign-in and remembers, in a short-lived cookie, which attempt this browser owns. */
export async function GET(request: NextRequest) {
  const { clientIp } = await requestContext();
  // Anyone can call this, and each call stores an attempt: limited before anything is written.
  const admission = signInLimiter().admit("login", clientIp);
  if (!admission.allowed) return tooManySignInRequests(admission.retryAfterSeconds);
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"), env().baseUrl);
  const { attemptId, authorizationUrl } = await startSignIn(returnTo, clientIp);
  const response = NextResponse.redirect(authorizationUrl, 303);
  const cookie = signInAttemptCookie();
  response.cookies.set(cookie.name, attemptId, cookie.options);
  return response;
}
