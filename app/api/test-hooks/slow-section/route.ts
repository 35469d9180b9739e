import { testHookAdmin } from "@/lib/server/test-hooks/admin-hook";
import { isSlowSectionName, slowSectionFor, slowSectionNames } from "@/lib/server/test-hooks/slow-sections";

export const dynamic = "force-dynamic";

/**
 * Test hook, off unless CLUSTERDESK_TEST_HOOKS=true in local mode: a signed-in admin makes one
 * streamed page section (lib/server/test-hooks/slow-sections.ts) wait for `milliseconds` (at most
 * 10 s), so the e2e sees its loading state after the page's status and header were sent. 404
 * otherwise; JSON-only POST from an admin (`testHookAdmin`).
 */
export async function POST(request: Request) {
  const gate = await testHookAdmin(request);
  if ("refused" in gate) return gate.refused;
  const body = (await request.json().catch(() => null)) as { section?: unknown; milliseconds?: unknown } | null;
  if (!isSlowSectionName(body?.section)) return Response.json({ error: `section must be one of ${slowSectionNames.join(", ")}.` }, { status: 400 });
  const milliseconds = typeof body.milliseconds === "number" && Number.isInteger(body.milliseconds) ? body.milliseconds : NaN;
  if (!(milliseconds >= 1 && milliseconds <= 10_000)) return Response.json({ error: "milliseconds must be a whole number from 1 to 10000." }, { status: 400 });
  slowSectionFor(body.section, milliseconds);
  return Response.json({ section: body.section, slowForMs: milliseconds }, { headers: { "Cache-Control": "no-store" } });
}
