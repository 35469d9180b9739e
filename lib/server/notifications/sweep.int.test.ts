import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { enqueueDelivery, notificationJobQueue, notificationQueues } from "./delivery-queue";
import { sweepOrphanedNotifications } from "./sweep";

/**
 * Rows a delivery job will never finish (its worker died on the last retry), against real pg-boss:
 * claimed ones become uncertain and are not sent again, unclaimed ones are queued again or, after a
 * day, given up; rows with a live job or a recent claim are left alone.
 */
afterAll(() => stopJobQueue());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function row(status: string, claimedAt: Date | null, createdAt: Date) {
  const id = randomUUID();
  await db().notificationMessage.create({
    data: { id, category: "request-updates", channel: "email", status, recipientAddress: `sweep-${id.slice(0, 8)}@contoso.example`, subject: "Sweep test", body: "…", claimedAt, createdAt, attempts: claimedAt ? 9 : 0 },
  });
  return id;
}

const liveJobs = async (id: string, queue: string = notificationQueues.deliver) => {
  await notificationJobQueue();
  const rows = await db().$queryRaw<Array<{ count: bigint }>>`SELECT count(*) FROM pgboss.job WHERE name = ${queue} AND singleton_key = ${id} AND state IN ('created', 'retry', 'active')`;
  return Number(rows[0]?.count ?? 0);
};
const statusOf = async (id: string) => (await db().notificationMessage.findUniqueOrThrow({ where: { id } })).status;

it("marks a row left sending uncertain, queues a lost pending row again, gives up on a day-old one, and leaves the rest", async () => {
  const diedSending = await row("sending", minutesAgo(30), minutesAgo(40));
  const lostPending = await row("pending", null, minutesAgo(30));
  const oldPending = await row("pending", null, minutesAgo(25 * 60));
  const recentSending = await row("sending", minutesAgo(1), minutesAgo(2));
  const sendingWithJob = await row("sending", minutesAgo(30), minutesAgo(40));
  await enqueueDelivery(sendingWithJob);
  const sent = await row("sent", minutesAgo(30), minutesAgo(40));

  const outcome = await sweepOrphanedNotifications();
  expect(outcome.uncertain).toContain(diedSending);
  expect(outcome.requeued).toContain(lostPending);
  expect(outcome.failed).toContain(oldPending);
  for (const untouched of [recentSending, sendingWithJob, sent]) expect([...outcome.uncertain, ...outcome.requeued, ...outcome.failed]).not.toContain(untouched);

  expect(await statusOf(diedSending)).toBe("uncertain");
  expect(await liveJobs(diedSending)).toBe(0);
  expect(await statusOf(lostPending)).toBe("pending");
  expect(await liveJobs(lostPending)).toBe(1);
  expect(await statusOf(oldPending)).toBe("failed");
  expect(await statusOf(recentSending)).toBe("sending");
  expect(await statusOf(sendingWithJob)).toBe("sending");

  // A second sweep changes nothing more: the queued row now has its job.
  const again = await sweepOrphanedNotifications();
  expect([...again.uncertain, ...again.requeued, ...again.failed].filter((id) => id === diedSending || id === lostPending || id === oldPending)).toEqual([]);
  expect(await liveJobs(lostPending)).toBe(1);
});

it("queues a lost directory fan-out again with its own job, and gives up on a day-old one", async () => {
  const lostFanOut = await row("fan-out", null, minutesAgo(30));
  const oldFanOut = await row("fan-out", null, minutesAgo(25 * 60));
  const outcome = await sweepOrphanedNotifications();
  expect(outcome.requeued).toContain(lostFanOut);
  expect(await liveJobs(lostFanOut, notificationQueues.fanOut)).toBe(1);
  expect(await liveJobs(lostFanOut)).toBe(0);
  expect(await statusOf(lostFanOut)).toBe("fan-out");
  expect(outcome.failed).toContain(oldFanOut);
  expect(await statusOf(oldFanOut)).toBe("failed");
  expect((await sweepOrphanedNotifications()).requeued).not.toContain(lostFanOut);
});
