import "server-only";
import { env } from "@/lib/env";
import type { OutgoingMessage } from "@/lib/notifications/wire";
import { sendMail, type SendMailOutcome } from "@/lib/server/azure/graph-mail";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";
import { postToTeams } from "./teams-webhook";

export type DeliveryAttempt = { retryCount: number; retryLimit: number; signal?: AbortSignal };
export type DeliveryOutcome = "sent" | "retrying" | "failed" | "uncertain" | "skipped";

/** Thrown to make the queue retry the job with backoff; the row is back to `pending` by then. */
export class DeliveryRetry extends Error {}

/** For crash tests: runs between the provider's acceptance and the row being marked sent. */
export type DeliveryHooks = { afterSend?: () => Promise<void> };

/**
 * Delivers one outbox row, at most once. The row is claimed (pending → sending, a compare-and-set)
 * before the send, and only a claimed row is sent. If the process dies after Graph accepted the
 * message but before the row says `sent`, the job's next run finds it `sending` and marks it
 * `uncertain` instead of sending it again: a lost notification is better than a duplicate, and the
 * message can be looked up in the sender's Sent Items by its Internet Message-ID (the row's id).
 * A failure to send never touches the request it is about.
 */
export async function deliverNotification(messageId: string, attempt: DeliveryAttempt, hooks: DeliveryHooks = {}): Promise<DeliveryOutcome> {
  const claimed = await db().notificationMessage.updateMany({
    where: { id: messageId, status: "pending" },
    data: { status: "sending", claimedAt: new Date(), attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) {
    const interrupted = await db().notificationMessage.updateMany({
      where: { id: messageId, status: "sending" },
      data: { status: "uncertain", lastError: "The sending process stopped after claiming the message; not sent again to avoid a duplicate." },
    });
    return interrupted.count === 1 ? "uncertain" : "skipped";
  }
  const row = await db().notificationMessage.findUniqueOrThrow({ where: { id: messageId } });
  const message: OutgoingMessage = { id: row.id, subject: row.subject, body: row.body, url: row.link ? `${env().baseUrl}${row.link}` : null };
  const outcome = await send(row.channel, row.recipientAddress, row.recipientName, message, attempt.signal);
  if (outcome.ok) {
    await hooks.afterSend?.();
    await db().notificationMessage.update({ where: { id: messageId }, data: { status: "sent", sentAt: new Date(), lastError: null } });
    return "sent";
  }
  logger.warn("notification not delivered", { messageId, channel: row.channel, status: outcome.status, retryable: outcome.retryable, uncertain: outcome.uncertain });
  if (outcome.uncertain) {
    await db().notificationMessage.update({ where: { id: messageId }, data: { status: "uncertain", lastError: outcome.message } });
    return "uncertain";
  }
  if (outcome.retryable && attempt.retryCount < attempt.retryLimit) {
    await db().notificationMessage.update({ where: { id: messageId }, data: { status: "pending", lastError: `${outcome.message} (retrying)` } });
    throw new DeliveryRetry(outcome.message);
  }
  await db().notificationMessage.update({ where: { id: messageId }, data: { status: "failed", lastError: outcome.message } });
  return "failed";
}

async function send(channel: string, address: string | null, name: string | null, message: OutgoingMessage, signal?: AbortSignal): Promise<SendMailOutcome> {
  const { notifications } = env();
  if (channel === "teams") {
    if (!notifications.teamsWebhookUrl) return { ok: false, retryable: false, uncertain: false, status: null, message: "No Teams webhook is configured any more." };
    return postToTeams(notifications.teamsWebhookUrl, message, signal);
  }
  if (!notifications.mailSender || !address) return { ok: false, retryable: false, uncertain: false, status: null, message: "No sending mailbox or no recipient address." };
  return sendMail(notifications.mailSender, message, { address, name }, signal);
}
