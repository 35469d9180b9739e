import { type NextRequest, NextResponse } from "next/server";
import { safeReturnTo } from "@/lib/auth/return-to";
import { signInAttemptCookie } from "@/lib/server/auth/session-cookie";
import { startSignIn } from "@/lib/server/auth/sign-in-flow";

export const dynamic = "force-dynamic";

/** Starts the Entra ID sign-in and remembers, in a short-lived cookie, which attempt this browser owns. */
export async function GET(request: NextRequest) {
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"));
  const { attemptId, authorizationUrl } = await startSignIn(returnTo);
  const response = NextResponse.redirect(authorizationUrl, 303);
  const cookie = signInAttemptCookie();
  response.cookies.set(cookie.name, attemptId, cookie.options);
  return response;
}
