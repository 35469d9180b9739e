import type { Metadata } from "next";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/server/auth/current-user";
import { isLocalMode } from "@/lib/server/deployment";
import { listOutbox } from "@/lib/server/notifications/outbox-query";
import { Pagination } from "../requests/_components/pagination";

export const metadata: Metadata = { title: "Outbox" };

const statusText: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Queued", tone: "info" },
  sending: { label: "Sending", tone: "progress" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Not sent", tone: "danger" },
  uncertain: { label: "Unknown (not resent)", tone: "danger" },
  digest: { label: "Held for digest", tone: "muted" },
  digested: { label: "In a digest", tone: "muted" },
  "fan-out": { label: "Finding recipients", tone: "progress" },
  "fanned-out": { label: "Sent to each member", tone: "muted" },
};

const linkClass = "text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300";

/**
 * The notification outbox: what Clusterdesk sent, or is about to send, and how delivery went.
 * Admins see every message (and the Teams channel's); everyone else the messages sent to them.
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const everyone = can(user.principal, "admin.view", { kind: "portal" });
  const { page } = await searchParams;
  const outbox = await listOutbox({ objectId: user.objectId, everyone }, Number.parseInt(page ?? "1", 10) || 1);
  const description = `${everyone ? "Every notification Clusterdesk sent or is sending." : "Notifications sent to you."}${isLocalMode() ? " In local mode e-mail goes to the emulator's Microsoft Graph, which keeps it instead of delivering it." : ""}`;
  return (
    <>
      <PageHeader title="Outbox" description={description} actions={<Link href="/settings/notifications" className={linkClass}>Notification settings</Link>} />
      {outbox.messages.length === 0 ? (
        <EmptyState title="No notifications yet">Decisions on requests, new requests awaiting approval and changes to your tenants appear here once they happen.</EmptyState>
      ) : (
        <Table caption="Notifications, newest first">
          <thead>
            <tr>
              <Th>Created</Th>
              <Th>To</Th>
              <Th>Message</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {outbox.messages.map((message) => {
              const status = statusText[message.status] ?? { label: message.status, tone: "neutral" as const };
              return (
                <tr key={message.id} data-testid="outbox-message">
                  <Td className="whitespace-nowrap"><Timestamp date={message.createdAt} /></Td>
                  <Td className="break-all">{message.recipient}</Td>
                  <Td>
                    <details>
                      <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-sky-500">{message.subject}</summary>
                      <p className="mt-2 whitespace-pre-wrap text-slate-700 dark:text-slate-300">{message.body}</p>
                      {message.link ? <p className="mt-2"><Link href={message.link} className={linkClass}>Open {message.link}</Link></p> : null}
                    </details>
                  </Td>
                  <Td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                      {message.attempts} attempt{message.attempts === 1 ? "" : "s"}
                      {message.sentAt ? <> · sent <Timestamp date={message.sentAt} /></> : null}
                    </p>
                    {message.lastError ? <p className="mt-1 text-xs text-red-800 dark:text-red-300">{message.lastError}</p> : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Pagination page={outbox.page} pageCount={outbox.pages} hrefFor={(target) => `/outbox?page=${target}`} />
    </>
  );
}
