import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { reviewParamNames, reviewQueryParams } from "@/lib/audit/review-query";
import { can } from "@/lib/auth/policy";
import { prepareAuditReview } from "@/lib/server/audit/prepare-audit-review";
import { reviewFilterOptions, reviewPersonOption } from "@/lib/server/audit/review-options";
import { authorizePage } from "@/lib/server/auth/current-user";
import { ArchivedEventsSection } from "./_components/archived-events-section";
import { AuditEventsSection } from "./_components/audit-events-section";
import { ReviewFilterForm } from "./_components/review-filter-form";
import { VerifyChain } from "./_components/verify-chain";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await authorizePage("audit.view", { kind: "audit" });
  const params = await searchParams;
  const [prepared, options] = await Promise.all([prepareAuditReview(user.principal, params), reviewFilterOptions(user.principal)]);
  const person = await reviewPersonOption(user.principal, prepared.query.person);
  const readsAll = can(user.principal, "audit.verify", { kind: "audit" });
  const readsArchives = can(user.principal, "audit.read-archives", { kind: "audit" });
  const values = Object.fromEntries(reviewParamNames.map((name) => [name, first(params[name])?.trim() ?? ""]));
  const filtered = reviewParamNames.some((name) => values[name]);
  const description = readsAll
    ? "Every sign-in, request, decision and change, newest first. The log is append-only and hash-chained."
    : "The history of your tenants — their requests, the decisions on them, changes on their namespaces and IP ranges — and what you did yourself, newest first.";

  const header = <PageHeader title="Audit" description={description} />;
  const form = <ReviewFilterForm values={values} person={person} errors={prepared.ok ? {} : prepared.errors} clusters={options.clusters} tenants={options.tenants} filtered={filtered} />;
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

  const query = reviewQueryParams(prepared.query).toString();

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
      {/* Authorized above, before this boundary: a 403 is sent as such; only the events stream in. */}
      <Suspense key={`${query}#${prepared.query.cursor ?? ""}`} fallback={<LoadingSection label="Loading audit events…" />}>
        <AuditEventsSection scope={prepared.scope} filters={prepared.filters} cursor={prepared.query.cursor ?? null} query={query} filtered={filtered} />
      </Suspense>
      {readsArchives ? (
        <Suspense fallback={<LoadingSection label="Loading archived events…" rows={2} />}>
          <ArchivedEventsSection />
        </Suspense>
      ) : null}
    </>
  );
}
