import { env } from "@/lib/env";
import { holdAuditReads } from "@/lib/server/audit/hold-audit-reads";
import { getCurrentUser } from "@/lib/server/auth/current-user";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode: a signed-in admin makes reads of
 * the audit log wait for `milliseconds` (at most 10 s), so the e2e sees the audit page's loading
 * state while its status and header are already sent. 404 otherwise; JSON-only POST (see the
 * access-grants hook for why).
 */
export async function POST(request: Request) {
  if (!env().testHooks) return new Response(null, { status: 404 });
  if (!request.headers.get("content-type")?.startsWith("application/json")) return Response.json({ error: "Send application/json." }, { status: 415 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!user.principal.roles.includes("admin")) return Response.json({ error: "Only platform admins may use test hooks." }, { status: 403 });
  const body = (await request.json().catch(() => null)) as { milliseconds?: unknown } | null;
  const milliseconds = typeof body?.milliseconds === "number" && Number.isInteger(body.milliseconds) ? body.milliseconds : NaN;
  if (!(milliseconds >= 1 && milliseconds <= 10_000)) return Response.json({ error: "milliseconds must be a whole number from 1 to 10000." }, { status: 400 });
  await holdAuditReads(milliseconds);
  return Response.json({ heldForMs: milliseconds }, { headers: { "Cache-Control": "no-store" } });
}
