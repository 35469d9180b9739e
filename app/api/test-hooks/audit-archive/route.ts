import { archiveNowForTest } from "@/lib/server/audit/archive-for-test";
import { testHookAdmin } from "@/lib/server/test-hooks/admin-hook";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode: a signed-in admin archives the
 * log up to now (lib/server/audit/archive-for-test.ts), so the e2e sees an archive on the audit page.
 * 404 otherwise; JSON-only POST from an admin (`testHookAdmin`).
 */
export async function POST(request: Request) {
  const gate = await testHookAdmin(request);
  if ("refused" in gate) return gate.refused;
  const { user } = gate;
  const outcome = await archiveNowForTest(user);
  if (!outcome.archived) return Response.json({ error: "refused" in outcome ? outcome.refused : outcome.reason }, { status: 409 });
  return Response.json(
    { firstSeq: outcome.firstSeq.toString(), lastSeq: outcome.lastSeq.toString(), sha256: outcome.sha256, deleted: outcome.deleted },
    { headers: { "Cache-Control": "no-store" } },
  );
}
