import { env } from "@/lib/env";
import { expireGrantNow } from "@/lib/server/access/expire-grant-now";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { actorOf } from "@/lib/server/requests/actor";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode (settings refuse it with a real
 * tenant): a signed-in admin moves a grant's end to now, so the e2e sees the expiry revoke it.
 * Not there otherwise (404), so the product ships without it. JSON-only POST: a cross-site form
 * cannot send it without a CORS preflight, which Next.js does not answer.
 */
export async function POST(request: Request, { params }: { params: Promise<{ requestNumber: string }> }) {
  if (!env().testHooks) return new Response(null, { status: 404 });
  if (!request.headers.get("content-type")?.startsWith("application/json")) return Response.json({ error: "Send application/json." }, { status: 415 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!user.principal.roles.includes("admin")) return Response.json({ error: "Only platform admins may use test hooks." }, { status: 403 });
  const number = Number((await params).requestNumber);
  if (!Number.isSafeInteger(number) || number < 1) return Response.json({ error: "Not a request number." }, { status: 400 });
  const outcome = await expireGrantNow(number, actorOf(user));
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
  return Response.json({ grantId: outcome.grantId, expiresAt: outcome.expiresAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
}
