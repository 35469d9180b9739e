import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { encodeReviewCursor } from "@/lib/audit/review-query";
import type { AuditReviewScope } from "@/lib/auth/policy";
import { reviewAuditEvents, type ReviewFilters } from "@/lib/server/audit/review-audit-events";
import { reviewNamesOf } from "@/lib/server/audit/review-names";
import { AuditEventTable } from "./audit-event-table";

/**
 * The events and their pages: the audit page's slow part (a filtered read over millions of events),
 * rendered inside a Suspense boundary once the page has authorized the reader.
 */
export async function AuditEventsSection({ scope, filters, cursor, query, filtered }: { scope: AuditReviewScope; filters: ReviewFilters; cursor: bigint | null; query: string; filtered: boolean }) {
  const page = await reviewAuditEvents({ scope, filters, cursor, limit: 50 });
  const names = await reviewNamesOf(page.events);
  const next = new URLSearchParams(query);
  if (page.nextCursor !== null) next.set("cursor", encodeReviewCursor(page.nextCursor));
  return (
    <>
      {page.events.length === 0 ? (
        <EmptyState title={filtered ? "No matching events" : "No audit events"}>
          {filtered ? "No event you may read matches these filters." : "Nothing has been recorded yet."}
        </EmptyState>
      ) : (
        <AuditEventTable events={page.events} names={names} />
      )}
      <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
        {cursor !== null ? <Link href={`/audit${query ? `?${query}` : ""}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">← Newest events</Link> : null}
        {page.nextCursor !== null ? <Link href={`/audit?${next.toString()}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">Older events →</Link> : null}
      </nav>
    </>
  );
}
