import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import type { AuditEventRecord, AuditOutcome } from "@/lib/audit/audit-event";
import { type ReviewNames, targetView } from "@/lib/audit/review-target";
import { EventChange } from "./event-change";

const outcomeTone: Record<AuditOutcome, BadgeTone> = { success: "success", failure: "danger", denied: "danger" };
const linkClass = "text-sky-700 hover:underline dark:text-sky-400";

export function AuditEventTable({ events, names }: { events: readonly AuditEventRecord[]; names: ReviewNames }) {
  return (
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
        {events.map((event) => {
          const target = targetView(event, names);
          const tenantName = event.tenantId ? names.tenantNames.get(event.tenantId) : undefined;
          return (
            <tr key={String(event.seq)}>
              <Td><Timestamp date={event.occurredAt} withAbsolute /></Td>
              <Td>
                {event.actorObjectId ? (
                  <Link href={`/audit?person=${encodeURIComponent(event.actorObjectId)}`} className={linkClass}>{event.actorName ?? event.actorUpn ?? event.actorObjectId}</Link>
                ) : event.actorKind === "system" ? "Clusterdesk" : "Unknown"}
                {event.actorUpn ? <p className="text-xs text-slate-600 dark:text-slate-400">{event.actorUpn}</p> : null}
              </Td>
              <Td className="font-mono text-xs">
                {event.action}
                {event.reason ? <p className="mt-1 max-w-xs font-sans text-xs text-slate-600 dark:text-slate-400">{event.reason}</p> : null}
                <EventChange before={event.before} after={event.after} />
              </Td>
              <Td className="text-xs">
                {target.href ? <Link href={target.href} className={linkClass}>{target.label}</Link> : target.label}
                {tenantName ? <p className="text-slate-600 dark:text-slate-400">Tenant {tenantName}</p> : null}
                {target.timelineHref ? <p><Link href={target.timelineHref} className={linkClass} aria-label={`History of ${target.label}`}>History</Link></p> : null}
              </Td>
              <Td><Badge tone={outcomeTone[event.outcome]}>{event.outcome}</Badge></Td>
              <Td className="font-mono text-xs">
                {event.correlationId ? <Link href={`/audit?correlation=${encodeURIComponent(event.correlationId)}`} className={linkClass}>{event.correlationId.slice(0, 13)}…</Link> : "—"}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
