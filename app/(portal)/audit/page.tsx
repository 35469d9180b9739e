import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { encodeReviewCursor, reviewParamNames, reviewQueryParams } from "@/lib/audit/review-query";
import { can } from "@/lib/auth/policy";
import { prepareAuditReview } from "@/lib/server/audit/prepare-audit-review";
import { reviewAuditEvents } from "@/lib/server/audit/review-audit-events";
import { reviewNamesOf } from "@/lib/server/audit/review-names";
import { reviewFilterOptions } from "@/lib/server/audit/review-options";
import { authorizePage } from "@/lib/server/auth/current-user";
import { AuditEventTable } from "./_components/audit-event-table";
import { ReviewFilterForm } from "./_components/review-filter-form";
import { VerifyChain } from "./_components/verify-chain";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await authorizePage("audit.view", { kind: "audit" });
  const params = await searchParams;
  const [prepared, options] = await Promise.all([prepareAuditReview(user.principal, params), reviewFilterOptions(user.principal)]);
  const readsAll = can(user.principal, "audit.verify", { kind: "audit" });
  const values = Object.fromEntries(reviewParamNames.map((name) => [name, first(params[name])?.trim() ?? ""]));
  const filtered = reviewParamNames.some((name) => values[name]);
  const description = readsAll
    ? "Every sign-in, request, decision and change, newest first. The log is append-only and hash-chained."
    : "The history of your tenants — their requests, the decisions on them, changes on their namespaces and IP ranges — and what you did yourself, newest first.";

  const header = <PageHeader title="Audit" description={description} />;
  const form = <ReviewFilterForm values={values} errors={prepared.ok ? {} : prepared.errors} clusters={options.clusters} tenants={options.tenants} filtered={filtered} />;
  if (!prepared.ok) {
    return (
      <>
        {header}
        <Alert tone="error" role="alert" title="Some filters could not be read" className="mb-4">
          Correct the fields marked below; no events are shown until every filter is valid, so that a mistyped filter is never read as “no matches”.
          {prepared.errors.cursor ? <p className="mt-1">{prepared.errors.cursor} <Link href="/audit" className="underline">Newest events</Link></p> : null}
        </Alert>
        {form}
      </>
    );
  }

  const page = await reviewAuditEvents({ scope: prepared.scope, filters: prepared.filters, cursor: prepared.query.cursor ?? null, limit: 50 });
  const names = await reviewNamesOf(page.events);
  const query = reviewQueryParams(prepared.query).toString();
  const next = new URLSearchParams(query);
  if (page.nextCursor !== null) next.set("cursor", encodeReviewCursor(page.nextCursor));

  return (
    <>
      {header}
      {readsAll ? <VerifyChain /> : null}
      {form}
      <p className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {/* Plain links: a download, not a navigation the client router should handle. */}
        <a href={`/audit/export?format=csv${query ? `&${query}` : ""}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">Export CSV</a>
        <a href={`/audit/export?format=jsonl${query ? `&${query}` : ""}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">Export JSON lines</a>
        <span className="text-slate-600 dark:text-slate-400">every event matching the filters above, with its chain hashes; the export itself is audited.</span>
      </p>
      {page.events.length === 0 ? (
        <EmptyState title={filtered ? "No matching events" : "No audit events"}>
          {filtered ? "No event you may read matches these filters." : "Nothing has been recorded yet."}
        </EmptyState>
      ) : (
        <AuditEventTable events={page.events} names={names} />
      )}
      <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
        {prepared.query.cursor !== undefined ? <Link href={`/audit${query ? `?${query}` : ""}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">← Newest events</Link> : null}
        {page.nextCursor !== null ? <Link href={`/audit?${next.toString()}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">Older events →</Link> : null}
      </nav>
    </>
  );
}
