import Link from "next/link";
import type { ReactNode } from "react";
import { Timestamp } from "@/components/ui/timestamp";
import { clusterPath } from "@/lib/clusters/cluster-path";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import type { ChangeRequestDetail } from "@/lib/server/requests/queries";

const linkClass = "text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300";

/** A person by display name; with `href`, linked to everything they can reach (the Access person view). */
function PersonName({ name, href }: { name: string; href: string | null }) {
  return href ? <Link href={href} className={linkClass}>{name}</Link> : <>{name}</>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="mt-1 text-sm sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

/**
 * The request's facts, each leading somewhere: the cluster's and the tenant's pages, the people's
 * access (for those allowed to see it), and every audit event sharing the correlation id.
 */
export function RequestFacts({ request, canViewPeople }: { request: ChangeRequestDetail; canViewPeople: boolean }) {
  const cluster = request.cluster ? parseClusterResourceId(request.cluster.resourceId) : undefined;
  const personHref = (id: string | null) => (canViewPeople && id && /^[0-9a-f-]{36}$/i.test(id) ? `/access?principal=${encodeURIComponent(id)}` : null);
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4 dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      <Fact term="Cluster">
        {request.cluster ? (
          <>
            {cluster ? <Link href={clusterPath(cluster)} className={linkClass}>{request.cluster.name}</Link> : request.cluster.name}{" "}
            <span className="text-slate-600 dark:text-slate-400">in {request.cluster.resourceGroup}</span>
          </>
        ) : (
          "—"
        )}
      </Fact>
      <Fact term="Tenant">
        {request.tenant && request.tenantSlug ? <Link href={`/tenants/${encodeURIComponent(request.tenantSlug)}`} className={linkClass}>{request.tenant.name}</Link> : (request.tenant?.name ?? "—")}
      </Fact>
      <Fact term="Requested by">
        <PersonName name={request.requester.name} href={personHref(request.requester.id)} />
        {request.requester.upn ? <span className="block text-xs text-slate-600 dark:text-slate-400">{request.requester.upn}</span> : null}
      </Fact>
      <Fact term="Requested">
        <Timestamp date={request.createdAt} withAbsolute />
      </Fact>
      {request.status === "pending" && request.decideBy ? (
        <Fact term="Expires unless decided">
          <Timestamp date={request.decideBy} withAbsolute />
        </Fact>
      ) : null}
      {request.decision ? (
        <Fact term="Decided by">
          {request.decision.byName ? <PersonName name={request.decision.byName} href={personHref(request.decision.byId)} /> : "—"}
          {request.decision.at ? (
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              <Timestamp date={request.decision.at} withAbsolute />
            </span>
          ) : null}
        </Fact>
      ) : null}
      {request.attempts > 0 ? <Fact term="Attempts">{request.attempts}</Fact> : null}
      {request.appliedAt ? (
        <Fact term="Applied">
          <Timestamp date={request.appliedAt} withAbsolute />
        </Fact>
      ) : null}
      <Fact term="Correlation id">
        <Link href={`/audit?${new URLSearchParams({ correlation: request.correlationId }).toString()}`} className={linkClass} aria-label={`Audit events with correlation id ${request.correlationId}`}>
          <code className="break-all text-xs">{request.correlationId}</code>
        </Link>
      </Fact>
    </dl>
  );
}
