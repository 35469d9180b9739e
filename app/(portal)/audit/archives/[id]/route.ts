import { NextResponse } from "next/server";
import { openAuditArchiveDownload } from "@/lib/server/audit/archive-download";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";

export const dynamic = "force-dynamic";

/**
 * GET /audit/archives/<id> — the file of one audit archive, streamed as it lies in the archive folder
 * (the bytes its recorded SHA-256 covers). Admins and auditors only: an archive is the whole log of its
 * period, which a lead's scope cannot be applied to. The id only selects the archive row; the file's
 * path comes from that row.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await authorizeAction("audit.read-archives", { kind: "audit" });
  if (!access.ok) {
    return NextResponse.json({ error: access.error }, { status: access.error.startsWith("Your session has ended") ? 401 : 403 });
  }
  const download = await openAuditArchiveDownload((await params).id, access.user, await requestContext());
  if (!download.ok) return NextResponse.json({ error: download.error }, { status: download.status });
  return new NextResponse(download.body, {
    headers: {
      "Content-Type": "application/jsonl; charset=utf-8",
      "Content-Length": String(download.size),
      // The name is the row's (audit-<first>-<last>.jsonl, written by archive-audit-log.ts): no quoting needed.
      "Content-Disposition": `attachment; filename="${download.fileName.replace(/["\\\r\n]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
