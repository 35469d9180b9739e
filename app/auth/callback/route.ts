import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { sessionCookie, signInAttemptCookie } from "@/lib/server/auth/session-cookie";
import { completeSignIn } from "@/lib/server/auth/sign-in-flow";
import { signInLimiter, tooManySignInRequests } from "@/lib/server/auth/sign-in-rate-limit";
import { requestContext } from "@/lib/server/request-context";

export const dynamic = "force-dynamic";

/** Entra ID redirects here with the authorization code (or an error). */
export async function GET(request: NextRequest) {
  const context = await requestContext();
  const admission = signInLimiter().admit("callback", context.clientIp);
  if (!admission.allowed) return tooManySignInRequests(admission.retryAfterSeconds);
  const attemptCookie = signInAttemptCookie();
  const parameters = request.nextUrl.searchParams;
  const result = await completeSignIn(
    {
      attemptId: request.cookies.get(attemptCookie.name)?.value,
      state: parameters.get("state"),
      code: parameters.get("code"),
      error: parameters.get("error"),
    },
    context,
  );
  const baseUrl = env().baseUrl;
  const response = NextResponse.redirect(new URL(result.ok ? result.returnTo : `/sign-in?error=${result.failure}`, baseUrl), 303);
  response.cookies.delete(attemptCookie.name);
  if (result.ok) {
    const cookie = sessionCookie();
    response.cookies.set(cookie.name, result.sessionToken, cookie.options);
  }
  return response;
}
