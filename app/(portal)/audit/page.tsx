import type { Metadata } from "next";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import type { AuditOutcome } from "@/lib/audit/audit-event";
import { auditQueryParams, parseAuditQuery } from "@/lib/audit/audit-query";
import { auditFiltersOf, listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { listVisibleTenants } from "@/lib/server/tenants/list-tenants";
import { authorizePage } from "@/lib/server/auth/current-user";
import { EventChange } from "./_components/event-change";

export const metadata: Metadata = { title: "Audit" };

const outcomeTone: Record<AuditOutcome, BadgeTone> = { success: "success", failure: "danger", denied: "danger" };
const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await authorizePage("audit.view", { kind: "audit" });
  const query = parseAuditQuery(await searchParams);
  const [page, tenants] = await Promise.all([
    listAuditEvents({ filters: auditFiltersOf(query), cursor: query.before ?? null, limit: 50 }),
    listVisibleTenants(user.principal),
  ]);
  const next = auditQueryParams(query);
  const filtered = next.size > 0;
  const exportQuery = next.toString();
  if (page.nextCursor !== null) next.set("before", String(page.nextCursor));

  return (
    <>
      <PageHeader title="Audit" description="Every sign-in, request, decision and change, newest first. The log is append-only and hash-chained; `npm run audit:verify` checks the chain." />
      <form method="get" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900" aria-label="Filter audit events">
        <div>
          <label htmlFor="action" className="text-sm font-medium">Action</label>
          <input id="action" name="action" defaultValue={query.action} placeholder="e.g. request.approved" className={inputClass} />
        </div>
        <div>
          <label htmlFor="outcome" className="text-sm font-medium">Outcome</label>
          <select id="outcome" name="outcome" defaultValue={query.outcome ?? ""} className={inputClass}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
            <option value="denied">Denied</option>
          </select>
        </div>
        <div>
          <label htmlFor="correlation" className="text-sm font-medium">Correlation id</label>
          <input id="correlation" name="correlation" defaultValue={query.correlation} className={inputClass} />
        </div>
        <div>
          <label htmlFor="tenant" className="text-sm font-medium">Tenant</label>
          <select id="tenant" name="tenant" defaultValue={query.tenant ?? ""} className={inputClass}>
            <option value="">Any</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>{tenant.displayName}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium">From (UTC day)</label>
          <input id="from" name="from" type="date" defaultValue={query.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium">To (UTC day, included)</label>
          <input id="to" name="to" type="date" defaultValue={query.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
            Apply filters
          </button>
          {filtered ? <Link href="/audit" className="text-sm underline">Clear</Link> : null}
        </div>
      </form>
      <p className="mb-4 flex gap-4 text-sm">
        {/* Plain links: a download, not a navigation the client router should handle. */}
        <a href={`/audit/export?format=csv${exportQuery ? `&${exportQuery}` : ""}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          Export CSV
        </a>
        <a href={`/audit/export?format=json${exportQuery ? `&${exportQuery}` : ""}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          Export JSON
        </a>
        <span className="text-slate-600 dark:text-slate-400">with the filters above, up to 10,000 events; the export itself is audited.</span>
      </p>
      {page.events.length === 0 ? (
        <EmptyState title={filtered ? "No matching events" : "No audit events"}>
          {filtered ? "No event matches these filters." : "Nothing has been recorded yet."}
        </EmptyState>
      ) : (
        <Table caption="Audit events">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Outcome</Th>
              <Th>Correlation id</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {page.events.map((event) => (
              <tr key={String(event.seq)}>
                <Td><Timestamp date={event.occurredAt} withAbsolute /></Td>
                <Td>{event.actorName ?? (event.actorKind === "system" ? "Clusterdesk" : "Unknown")}{event.actorUpn ? <p className="text-xs text-slate-600 dark:text-slate-400">{event.actorUpn}</p> : null}</Td>
                <Td className="font-mono text-xs">
                  {event.action}
                  {event.reason ? <p className="mt-1 max-w-xs font-sans text-xs text-slate-600 dark:text-slate-400">{event.reason}</p> : null}
                  <EventChange before={event.before} after={event.after} />
                </Td>
                <Td className="text-xs">{event.targetType ? `${event.targetType}${event.targetId ? ` ${event.targetId.slice(0, 40)}` : ""}` : "—"}</Td>
                <Td><Badge tone={outcomeTone[event.outcome]}>{event.outcome}</Badge></Td>
                <Td className="font-mono text-xs">
                  {event.correlationId ? <Link href={`/audit?correlation=${encodeURIComponent(event.correlationId)}`} className="text-sky-700 hover:underline dark:text-sky-400">{event.correlationId.slice(0, 13)}…</Link> : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {page.nextCursor !== null ? (
        <p className="mt-4"><Link href={`/audit?${next.toString()}`} className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">Older events →</Link></p>
      ) : null}
    </>
  );
}
