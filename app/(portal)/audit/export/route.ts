import { type NextRequest, NextResponse } from "next/server";
import { exportAuditEvents } from "@/lib/server/audit/export-audit-events";
import { prepareAuditReview } from "@/lib/server/audit/prepare-audit-review";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";

export const dynamic = "force-dynamic";

const contentTypes = { csv: "text/csv; charset=utf-8", jsonl: "application/jsonl; charset=utf-8" } as const;

/**
 * GET /audit/export?format=csv|jsonl&<the audit page's filters> — every event the reader may see that
 * matches, streamed. Same authorization, scope and strict filters as the page: an invalid filter is a
 * 400 naming it, never a wider export.
 */
export async function GET(request: NextRequest) {
  const access = await authorizeAction("audit.export", { kind: "audit" });
  if (!access.ok) {
    return NextResponse.json({ error: access.error }, { status: access.error.startsWith("Your session has ended") ? 401 : 403 });
  }
  const requested = request.nextUrl.searchParams.get("format") ?? "csv";
  // `json` was the old name of the format; it now streams JSON lines too.
  const format = requested === "jsonl" || requested === "json" ? "jsonl" : requested === "csv" ? "csv" : null;
  if (format === null) return NextResponse.json({ error: "format is csv or jsonl." }, { status: 400 });
  const prepared = await prepareAuditReview(access.user.principal, Object.fromEntries(request.nextUrl.searchParams));
  if (!prepared.ok) return NextResponse.json({ error: "Some filters could not be read.", fieldErrors: prepared.errors }, { status: 400 });
  const stream = await exportAuditEvents({ scope: prepared.scope, filters: prepared.filters, format }, access.user, await requestContext());
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new NextResponse(stream, {
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": `attachment; filename="clusterdesk-audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
