import { holdAuditReads } from "@/lib/server/audit/hold-audit-reads";
import { testHookAdmin } from "@/lib/server/test-hooks/admin-hook";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode: a signed-in admin makes reads of
 * the audit log wait for `milliseconds` (at most 10 s), so the e2e sees the audit page's loading
 * state while its status and header are already sent. 404 otherwise; JSON-only POST from an admin
 * (`testHookAdmin`).
 */
export async function POST(request: Request) {
  const gate = await testHookAdmin(request);
  if ("refused" in gate) return gate.refused;
  const body = (await request.json().catch(() => null)) as { milliseconds?: unknown } | null;
  const milliseconds = typeof body?.milliseconds === "number" && Number.isInteger(body.milliseconds) ? body.milliseconds : NaN;
  if (!(milliseconds >= 1 && milliseconds <= 10_000)) return Response.json({ error: "milliseconds must be a whole number from 1 to 10000." }, { status: 400 });
  await holdAuditReads(milliseconds);
  return Response.json({ heldForMs: milliseconds }, { headers: { "Cache-Control": "no-store" } });
}
