import "server-only";
import type { PgBoss } from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { jobQueue } from "@/lib/server/jobs/queue";

/** One job per outbox row (singleton key = the row's id); the daily digest and the sweep run on a schedule. */
export const notificationQueues = { deliver: "notification-deliver", digest: "notification-digest", sweep: "notification-sweep", fanOut: "notification-fan-out" } as const;

/** Attempts after the first; with backoff from 5 s doubling up to 5 minutes, about half an hour in all. */
export const notificationRetryLimit = 8;

export type DeliverNotificationJob = { messageId: string };
/** Expands one fan-out row into messages for a group's members (./directory-fan-out.ts). */
export type FanOutNotificationJob = { messageId: string };

const holder = globalThis as unknown as { clusterdeskNotificationQueues?: { boss: PgBoss; ready: Promise<void> } };

/** A job per outbox row, retried with backoff; a notification wakes a worker at once. */
const perMessageQueue = {
  policy: "exclusive",
  retryLimit: notificationRetryLimit,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 300,
  heartbeatSeconds: 10,
  expireInSeconds: 5 * 60,
  notify: true,
} as const;

async function createQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(notificationQueues.deliver, perMessageQueue);
  await boss.createQueue(notificationQueues.fanOut, perMessageQueue);
  await boss.createQueue(notificationQueues.digest, { policy: "exclusive", retryLimit: 2, expireInSeconds: 300 });
  // Every morning at 07:00 UTC, approvers who chose the digest get one message.
  await boss.schedule(notificationQueues.digest, "0 7 * * *");
  // Every ten minutes, rows whose job ended without finishing them (sweep.ts).
  await boss.createQueue(notificationQueues.sweep, { policy: "exclusive", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(notificationQueues.sweep, "*/10 * * * *");
}

/** The job queue with the notification queues created, once per started queue (a restart makes a new one). */
export async function notificationJobQueue(): Promise<PgBoss> {
  const boss = await jobQueue();
  if (holder.clusterdeskNotificationQueues?.boss !== boss) {
    const ready = createQueues(boss).catch((error: unknown) => {
      holder.clusterdeskNotificationQueues = undefined;
      throw error;
    });
    holder.clusterdeskNotificationQueues = { boss, ready };
  }
  await holder.clusterdeskNotificationQueues?.ready;
  return boss;
}

/**
 * Inserts the delivery job through the caller's transaction (pg-boss's `db` option): the job exists
 * exactly when the outbox row does, and its NOTIFY wakes a worker when the transaction commits.
 */
export async function enqueueDeliveryInTransaction(tx: Prisma.TransactionClient, messageId: string): Promise<void> {
  await enqueueInTransaction(tx, notificationQueues.deliver, { messageId } satisfies DeliverNotificationJob, messageId);
}

/** The fan-out job of a group audience's row, in the transaction that writes the row. */
export async function enqueueFanOutInTransaction(tx: Prisma.TransactionClient, messageId: string): Promise<void> {
  await enqueueInTransaction(tx, notificationQueues.fanOut, { messageId } satisfies FanOutNotificationJob, messageId);
}

async function enqueueInTransaction(tx: Prisma.TransactionClient, queue: string, data: object, singletonKey: string): Promise<void> {
  const boss = await notificationJobQueue();
  const db = { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
  await boss.send(queue, data, { singletonKey, db });
}

/** Outside a transaction: the digest's message, and rows the sweep finds without a job. */
export async function enqueueDelivery(messageId: string): Promise<void> {
  const boss = await notificationJobQueue();
  await boss.send(notificationQueues.deliver, { messageId } satisfies DeliverNotificationJob, { singletonKey: messageId });
}

/** Outside a transaction: a fan-out row the sweep finds without a job. */
export async function enqueueFanOut(messageId: string): Promise<void> {
  const boss = await notificationJobQueue();
  await boss.send(notificationQueues.fanOut, { messageId } satisfies FanOutNotificationJob, { singletonKey: messageId });
}
