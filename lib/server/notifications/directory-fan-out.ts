import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationCategory } from "@/lib/notifications/categories";
import { directoryUsersIn } from "@/lib/server/azure/directory-principals";
import { db } from "@/lib/server/db/client";
import { enqueueDeliveryInTransaction } from "./delivery-queue";
import { audienceGroupIds, preferencesOf } from "./recipients";

/**
 * A group audience (the platform admins, a tenant's owners) is resolved in two steps. In the
 * request's transaction, people Clusterdesk knows from sign-in get their messages at once; a
 * fan-out row stands for everyone else. Afterwards a job reads the groups' members from Graph and
 * writes a message for each member who has none yet, so an approver who never signed in still hears
 * about a request. The row's status moves from `fan-out` to `fanned-out` in the same transaction
 * that writes the members' messages: a job run twice, or after a crash, writes nothing twice.
 */
export const fanOutStatus = { waiting: "fan-out", done: "fanned-out" } as const;

export type GroupAudience = "approvers" | "tenantOwners";

const audienceOfCategory: Partial<Record<string, GroupAudience>> = { approvals: "approvers", tenantChanges: "tenantOwners" } satisfies Partial<Record<NotificationCategory, GroupAudience>>;

/** How the outbox names a fan-out row's recipients. */
export function fanOutRecipientName(audience: GroupAudience, tenantName: string | null): string {
  return audience === "approvers" ? "Platform admins in the directory" : `Owners of ${tenantName ?? "the tenant"} in the directory`;
}

/** Thrown to make the queue retry with backoff: Graph did not answer, nothing was written. */
export class FanOutRetry extends Error {}

export type FanOutOutcome = { outcome: "fanned-out"; messages: number } | { outcome: "skipped" | "failed"; messages: 0 };

export async function fanOutToDirectory(messageId: string, attempt: { retryCount: number; retryLimit: number }): Promise<FanOutOutcome> {
  const row = await db().notificationMessage.findUnique({ where: { id: messageId } });
  const audience = row ? audienceOfCategory[row.category] : undefined;
  if (!row || row.status !== fanOutStatus.waiting || !row.requestId || !audience) return { outcome: "skipped", messages: 0 };
  const request = await db().changeRequest.findUnique({ where: { id: row.requestId }, select: { requesterId: true, tenantId: true } });
  const groupIds = await audienceGroupIds(db(), audience, request?.tenantId ?? null);
  const found = await directoryUsersIn(groupIds);
  if (!found.ok) {
    const error = `Microsoft Graph did not list the members of ${groupIds.join(", ")} (${found.status ?? "no answer"}).`;
    if (attempt.retryCount < attempt.retryLimit) {
      await db().notificationMessage.update({ where: { id: messageId }, data: { lastError: `${error} Retrying.`, attempts: { increment: 1 } } });
      throw new FanOutRetry(error);
    }
    await db().notificationMessage.updateMany({ where: { id: messageId, status: fanOutStatus.waiting }, data: { status: "failed", lastError: error, attempts: { increment: 1 } } });
    return { outcome: "failed", messages: 0 };
  }

  return db().$transaction(async (tx) => {
    const claimed = await tx.notificationMessage.updateMany({
      where: { id: messageId, status: fanOutStatus.waiting },
      data: { status: fanOutStatus.done, lastError: null, attempts: { increment: 1 }, sentAt: new Date() },
    });
    if (claimed.count !== 1) return { outcome: "skipped", messages: 0 } as const;
    // Members already written to in the request's transaction (or by another fan-out of the same
    // message) are left out, as is whoever caused the message.
    const covered = await tx.notificationMessage.findMany({
      where: { requestId: row.requestId, category: row.category, subject: row.subject, channel: "email", recipientId: { not: null } },
      select: { recipientId: true },
    });
    const skip = new Set([...covered.map((message) => message.recipientId?.toLowerCase()), request?.requesterId.toLowerCase()]);
    const people = found.users.filter((user) => !skip.has(user.objectId));
    const preferences = await preferencesOf(tx, people.map((person) => person.objectId));
    const rows: Prisma.NotificationMessageCreateManyInput[] = people.flatMap((person) => {
      const chosen = preferences(person.objectId);
      if (!chosen[row.category as NotificationCategory]) return [];
      const status = row.category === "approvals" && chosen.approvalDigest ? "digest" : "pending";
      return [{
        category: row.category, channel: "email", status, recipientId: person.objectId, recipientAddress: person.address, recipientName: person.displayName,
        subject: row.subject, body: row.body, link: row.link, requestId: row.requestId, dedupeKey: `fan-out:${messageId}:${person.objectId}`,
      }];
    });
    const created = await tx.notificationMessage.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, status: true } });
    for (const message of created) if (message.status === "pending") await enqueueDeliveryInTransaction(tx, message.id);
    return { outcome: "fanned-out", messages: created.length } as const;
  });
}
