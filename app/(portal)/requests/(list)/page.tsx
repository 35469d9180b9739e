import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requestsPageDescription } from "@/lib/requests/page-description";
import { parseRequestListParams, requestListHref } from "@/lib/requests/list-query";
import { requestKindLabel, type RequestView } from "@/lib/requests/presentation";
import { authorizePage } from "@/lib/server/auth/current-user";
import { countAwaitingDecision, countChangeRequestsByStatus, listChangeRequests } from "@/lib/server/requests/queries";
import { RequestKindFilter } from "../_components/request-kind-filter";
import { RequestListPagination } from "../_components/request-list-pagination";
import { RequestViewTabs, type ViewTab } from "../_components/request-view-tabs";
import { RequestsTable } from "../_components/requests-table";

export const metadata: Metadata = { title: "Requests" };

const emptyStates: Record<RequestView, { title: string; text: string }> = {
  inbox: { title: "Nothing awaits your decision", text: "Pending requests from team leads appear here. Your own requests go to another admin." },
  all: { title: "No requests yet", text: "Requests for IP ranges, access grants and tenants appear here, yours and your teams'. Ask for an IP range or namespace access from a cluster's page." },
  mine: { title: "You have not asked for anything yet", text: "Ask for an IP range or namespace access from the page of a cluster that hosts one of your tenants." },
  pending: { title: "No pending requests", text: "Every request has been decided on." },
  applying: { title: "Nothing is being applied", text: "Approved changes show here while Clusterdesk applies them." },
  failed: { title: "No failed changes", text: "Changes that could not be applied show here, with the error, for an admin to retry." },
};

type SearchParams = Promise<{ view?: string | string[]; kind?: string | string[]; page?: string | string[] }>;

export default async function RequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await authorizePage("portal.view", { kind: "portal" });
  const { principal } = user;
  const isAdmin = principal.roles.includes("admin");
  const { view, kind, page, unknownKind } = parseRequestListParams(await searchParams, isAdmin);

  const [list, counts, awaiting] = await Promise.all([
    listChangeRequests(principal, { view, page, ...(kind ? { kind } : {}) }),
    countChangeRequestsByStatus(principal),
    countAwaitingDecision(principal),
  ]);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const tabs: ViewTab[] = [
    ...(isAdmin ? [{ view: "inbox" as const, label: "Inbox", count: awaiting }] : []),
    { view: "all", label: "All", count: total },
    { view: "mine", label: "Mine", count: null },
    { view: "pending", label: "Pending", count: counts.pending },
    { view: "applying", label: "Applying", count: counts.approved + counts.applying },
    { view: "failed", label: "Failed", count: counts.failed },
  ];
  const label = tabs.find((tab) => tab.view === view)?.label ?? "All";
  const empty = kind ? { title: `No ${requestKindLabel(kind).toLowerCase()} requests here`, text: "Choose another kind, or all kinds." } : emptyStates[view];
  const hrefFor = (target: number) => requestListHref({ view, kind, page: target });

  return (
    <>
      <PageHeader
        title="Requests"
        description={requestsPageDescription(principal.roles)}
      />
      <RequestViewTabs tabs={tabs} current={view} />
      <RequestKindFilter view={view} kind={kind} />
      {unknownKind ? (
        <Alert tone="error" role="status" className="mb-4">
          There is no request kind “{unknownKind}”: showing every kind.
        </Alert>
      ) : null}
      {list.total === 0 ? (
        <EmptyState title={empty.title}>{empty.text}</EmptyState>
      ) : (
        <>
          {list.items.length > 0 ? (
            <RequestsTable caption={`${label}${kind ? ` ${requestKindLabel(kind).toLowerCase()}` : ""} requests, newest first (${list.total})`} requests={list.items} />
          ) : null}
          <RequestListPagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
