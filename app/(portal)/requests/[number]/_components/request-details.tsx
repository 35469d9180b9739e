import Link from "next/link";
import { notFound } from "next/navigation";
import { type ReactNode, Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { LoadingSection } from "@/components/ui/loading-section";
import { can, type Principal } from "@/lib/auth/policy";
import { isInFlight } from "@/lib/requests/presentation";
import { findChangeRequestByNumber } from "@/lib/server/requests/queries";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { RequestStatusBadge } from "../../_components/request-status-badge";
import { ChangeSummary } from "./change-summary";
import { EnvironmentPlan } from "./environment-plan";
import { LiveRefresh } from "./live-refresh";
import { RequestActions } from "./request-actions";
import { RequestFacts } from "./request-facts";
import { RequestTimeline } from "./request-timeline";
import { RequestWarnings } from "./request-warnings";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Everything below the request's header, streamed: it reads the request's audit events (up to 500,
 * for the timeline) and the owners of the ranges it touches, which the page must not wait for
 * before it has answered 403 or 404.
 */
export async function RequestDetails({ number, principal }: { number: number; principal: Principal }) {
  await slowSection("request-detail");
  const request = await findChangeRequestByNumber(number);
  // Requests are never deleted; the page found this one a moment ago.
  if (!request) notFound();
  const allowed = {
    approve: can(principal, "request.approve", request.policyResource),
    reject: can(principal, "request.reject", request.policyResource),
    cancel: can(principal, "request.cancel", request.policyResource),
    retry: can(principal, "request.retry", request.policyResource),
  };
  const inFlight = isInFlight(request.status);
  const ownPending = request.status === "pending" && request.requester.id === principal.objectId;

  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-8 lg:col-span-2">
        <Section id="status-heading" title="Status">
          {/* Announced politely when a refresh changes it, e.g. applying → applied. */}
          <div aria-live="polite" aria-atomic="true" className="flex flex-wrap items-center gap-3" data-testid="request-status">
            <span className="sr-only">Status:</span>
            <RequestStatusBadge status={request.status} />
            {request.status === "applying" && request.progress ? <span className="text-sm">{request.progress.message}</span> : null}
          </div>
          {inFlight ? <LiveRefresh /> : null}
          {request.status === "failed" && request.lastError ? (
            <Alert tone="error" title="The change could not be applied">
              <p className="whitespace-pre-wrap">{request.lastError}</p>
            </Alert>
          ) : null}
          {ownPending && !allowed.approve ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Waiting for a platform admin&apos;s decision. Nobody can approve their own request.</p>
          ) : null}
          {/* Remounted when execution settles, so "approved, being applied" does not outlive the outcome. */}
          <RequestActions
            key={request.status === "applied" || request.status === "failed" ? "settled" : "open"}
            requestId={request.id}
            number={request.number}
            allowed={allowed}
          />
        </Section>
        <Section id="change-heading" title="What changes">
          <ChangeSummary change={request.change} rangeOwners={request.rangeOwners} tenantName={request.tenant?.name ?? null} />
          <RequestWarnings warnings={request.warnings} />
          {/* Not while in flight: the page refreshes every 2 s then, and a refresh waits for the plan's dry runs. */}
          {request.change.kind === "tenant-environment" && inFlight ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">The environment is being applied step by step (progress above); its plan is computed again once the apply has finished.</p>
          ) : null}
          {request.change.kind === "tenant-environment" && !inFlight ? (
            <Suspense fallback={<LoadingSection label="Computing the plan against the cluster…" rows={2} showLabel />}>
              <EnvironmentPlan requestId={request.id} />
            </Suspense>
          ) : null}
        </Section>
        <Section id="justification-heading" title="Justification">
          <p className="whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">{request.justification}</p>
        </Section>
        <Section id="timeline-heading" title="Timeline">
          <RequestTimeline request={request} />
        </Section>
      </div>
      <aside aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <RequestFacts request={request} canViewPeople={can(principal, "access.view-person", { kind: "portal" })} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Decisions and results are sent by e-mail; choose what you hear about in{" "}
          <Link href="/settings/notifications" className="text-sky-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
            notification settings
          </Link>
          .
        </p>
      </aside>
    </div>
  );
}
