import { type NextRequest, NextResponse } from "next/server";
import { parseAuditQuery } from "@/lib/audit/audit-query";
import { auditEventsToCsv, auditEventsToJson } from "@/lib/audit/export-format";
import { exportAuditEvents } from "@/lib/server/audit/export-audit-events";
import { auditFiltersOf } from "@/lib/server/audit/list-audit-events";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";

export const dynamic = "force-dynamic";

/** GET /audit/export?format=csv|json&action=&outcome=&correlation= — the filtered log as a download. */
export async function GET(request: NextRequest) {
  const access = await authorizeAction("audit.export", { kind: "audit" });
  if (!access.ok) {
    return NextResponse.json({ error: access.error }, { status: access.error.startsWith("Your session has ended") ? 401 : 403 });
  }
  const format = request.nextUrl.searchParams.get("format") === "json" ? "json" : "csv";
  const query = parseAuditQuery(Object.fromEntries(request.nextUrl.searchParams));
  const { events, truncated } = await exportAuditEvents(
    auditFiltersOf(query),
    format,
    access.user,
    await requestContext(),
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new NextResponse(format === "json" ? auditEventsToJson(events) : auditEventsToCsv(events), {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="clusterdesk-audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Export-Truncated": String(truncated),
    },
  });
}
