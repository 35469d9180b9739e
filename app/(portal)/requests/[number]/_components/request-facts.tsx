import type { ReactNode } from "react";
import { Timestamp } from "@/components/ui/timestamp";
import type { ChangeRequestDetail } from "@/lib/server/requests/queries";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="mt-1 text-sm sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export function RequestFacts({ request }: { request: ChangeRequestDetail }) {
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4 dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      <Fact term="Cluster">
        {request.cluster ? (
          <>
            {request.cluster.name} <span className="text-slate-600 dark:text-slate-400">in {request.cluster.resourceGroup}</span>
          </>
        ) : (
          "—"
        )}
      </Fact>
      <Fact term="Tenant">{request.tenant?.name ?? "—"}</Fact>
      <Fact term="Requested by">
        {request.requester.name}
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
          {request.decision.byName ?? "—"}
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
        <code className="break-all text-xs">{request.correlationId}</code>
      </Fact>
    </dl>
  );
}
