import "server-only";
import { env } from "@/lib/env";

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (sent on top-level navigation
 * back from Entra, not on cross-site posts), Secure whenever the portal is served over https, and
 * then `__Host-` prefixed so it cannot be set by a sibling domain or scoped to a sub-path.
 */
export function sessionCookie() {
  const secure = env().baseUrl.startsWith("https://");
  return {
    name: secure ? "__Host-clusterdesk-session" : "clusterdesk-session",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/" },
  };
}

export function signInAttemptCookie() {
  const secure = env().baseUrl.startsWith("https://");
  return {
    name: secure ? "__Host-clusterdesk-sign-in" : "clusterdesk-sign-in",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/", maxAge: 600 },
  };
}
