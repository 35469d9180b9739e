import { expireGrantNow } from "@/lib/server/access/expire-grant-now";
import { testHookAdmin } from "@/lib/server/test-hooks/admin-hook";
import { actorOf } from "@/lib/server/requests/actor";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode (settings refuse it with a real
 * tenant): a signed-in admin moves a grant's end to now, so the e2e sees the expiry revoke it.
 * Not there otherwise (404), so the product ships without it. JSON-only POST: a cross-site form
 * cannot send it without a CORS preflight, which Next.js does not answer.
 */
export async function POST(request: Request, { params }: { params: Promise<{ requestNumber: string }> }) {
  const gate = await testHookAdmin(request);
  if ("refused" in gate) return gate.refused;
  const { user } = gate;
  const number = Number((await params).requestNumber);
  if (!Number.isSafeInteger(number) || number < 1) return Response.json({ error: "Not a request number." }, { status: 400 });
  const outcome = await expireGrantNow(number, actorOf(user));
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
  return Response.json({ grantId: outcome.grantId, expiresAt: outcome.expiresAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
}
