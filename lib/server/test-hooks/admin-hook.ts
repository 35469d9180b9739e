import "server-only";
import { env } from "@/lib/env";
import { type CurrentUser, getCurrentUser } from "@/lib/server/auth/current-user";

/**
 * The gate every test hook passes first: off (404) unless CLUSTERDESK_TEST_HOOKS=true in local mode
 * (settings refuse it with a real tenant), so the product ships without them; JSON-only POST, which a
 * cross-site form cannot send without a CORS preflight that Next.js does not answer; a signed-in
 * platform admin. Returns the admin, or the response that refuses the request.
 */
export async function testHookAdmin(request: Request): Promise<{ user: CurrentUser } | { refused: Response }> {
  if (!env().testHooks) return { refused: new Response(null, { status: 404 }) };
  if (!request.headers.get("content-type")?.startsWith("application/json")) return { refused: Response.json({ error: "Send application/json." }, { status: 415 }) };
  const user = await getCurrentUser();
  if (!user) return { refused: Response.json({ error: "Sign in first." }, { status: 401 }) };
  if (!user.principal.roles.includes("admin")) return { refused: Response.json({ error: "Only platform admins may use test hooks." }, { status: 403 }) };
  return { user };
}
