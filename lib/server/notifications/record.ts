import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import { env } from "@/lib/env";
import { composeRequestNotifications, type NotificationDraft, type RequestHappening } from "@/lib/notifications/compose";
import { enqueueDeliveryInTransaction, enqueueFanOutInTransaction } from "./delivery-queue";
import { fanOutRecipientName, fanOutStatus } from "./directory-fan-out";
import { platformAdmins, requesterOf, tenantOwners, type Person } from "./recipients";

/**
 * Writes the notifications a request's change causes into the outbox, in the caller's transaction:
 * they exist exactly when the change committed. Their delivery job is inserted in the same
 * transaction. Sending happens later, in the job, never in the action.
 */
export async function recordRequestNotifications(tx: Prisma.TransactionClient, requestId: string, happening: RequestHappening): Promise<void> {
  const { notifications } = env();
  if (!notifications.mailSender && !notifications.teamsWebhookUrl) return;
  const request = await tx.changeRequest.findUnique({
    where: { id: requestId },
    select: { number: true, kind: true, clusterResourceId: true, tenantId: true, requesterId: true, requesterName: true, requesterUpn: true, justification: true },
  });
  if (!request) return;
  const tenant = request.tenantId ? await tx.tenant.findUnique({ where: { id: request.tenantId }, select: { displayName: true } }) : null;
  const facts = {
    ...request,
    clusterName: request.clusterResourceId ? (parseClusterResourceId(request.clusterResourceId)?.name ?? null) : null,
    tenantName: tenant?.displayName ?? null,
  };
  const drafts = composeRequestNotifications(facts, happening);
  if (drafts.length === 0) return;

  const rows: Prisma.NotificationMessageCreateManyInput[] = [];
  for (const draft of drafts) {
    if (notifications.mailSender) {
      for (const person of await audienceOf(tx, draft, request)) {
        if (draft.excludeIds.includes(person.id) || !person.preferences[draft.category]) continue;
        const digest = draft.category === "approvals" && person.preferences.approvalDigest;
        rows.push(row(draft, requestId, "email", person, digest ? "digest" : "pending"));
      }
      // Members of the audience's groups who never signed in are found in the directory afterwards.
      if (draft.audience !== "requester") rows.push({ ...row(draft, requestId, "email", null, "pending"), status: fanOutStatus.waiting, recipientName: fanOutRecipientName(draft.audience, facts.tenantName) });
    }
    // The channel hears each event once, from the audience that is not a single person's.
    if (notifications.teamsWebhookUrl && draft.audience !== "tenantOwners") rows.push(row(draft, requestId, "teams", null, "pending"));
  }
  const created = await tx.notificationMessage.createManyAndReturn({ data: rows, select: { id: true, status: true } });
  for (const message of created) {
    if (message.status === "pending") await enqueueDeliveryInTransaction(tx, message.id);
    if (message.status === fanOutStatus.waiting) await enqueueFanOutInTransaction(tx, message.id);
  }
}

async function audienceOf(tx: Prisma.TransactionClient, draft: NotificationDraft, request: { requesterId: string; requesterUpn: string | null; requesterName: string; tenantId: string | null }): Promise<Person[]> {
  if (draft.audience === "requester") {
    const requester = await requesterOf(tx, request.requesterId, request.requesterUpn, request.requesterName);
    return requester ? [requester] : [];
  }
  if (draft.audience === "approvers") return platformAdmins(tx);
  return request.tenantId ? tenantOwners(tx, request.tenantId) : [];
}

function row(draft: NotificationDraft, requestId: string, channel: "email" | "teams", person: Person | null, status: "pending" | "digest"): Prisma.NotificationMessageCreateManyInput {
  return {
    category: draft.category,
    channel,
    status,
    recipientId: person?.id ?? null,
    recipientAddress: person?.address ?? null,
    recipientName: person?.name ?? null,
    subject: draft.subject,
    body: draft.body,
    link: draft.link,
    requestId,
  };
}
