import { env } from "@/lib/env";
import { archiveNowForTest } from "@/lib/server/audit/archive-for-test";
import { getCurrentUser } from "@/lib/server/auth/current-user";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode: a signed-in admin archives the
 * log up to now (lib/server/audit/archive-for-test.ts), so the e2e sees an archive on the audit page.
 * 404 otherwise; JSON-only POST (see the access-grants hook for why).
 */
export async function POST(request: Request) {
  if (!env().testHooks) return new Response(null, { status: 404 });
  if (!request.headers.get("content-type")?.startsWith("application/json")) return Response.json({ error: "Send application/json." }, { status: 415 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!user.principal.roles.includes("admin")) return Response.json({ error: "Only platform admins may use test hooks." }, { status: 403 });
  const outcome = await archiveNowForTest(user);
  if (!outcome.archived) return Response.json({ error: "refused" in outcome ? outcome.refused : outcome.reason }, { status: 409 });
  return Response.json(
    { firstSeq: outcome.firstSeq.toString(), lastSeq: outcome.lastSeq.toString(), sha256: outcome.sha256, deleted: outcome.deleted },
    { headers: { "Cache-Control": "no-store" } },
  );
}
