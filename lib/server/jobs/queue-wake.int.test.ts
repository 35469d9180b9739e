import { randomUUID } from "node:crypto";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { newJobQueue } from "./queue";

/**
 * A job sent while a worker listens is fetched because of its notification, not at the next poll.
 * Two workers, configured as the portal configures pg-boss (newJobQueue), poll only every 10
 * minutes; one queue is notify-enabled, the other not. A job sent to each at the same moment: the
 * notified one is worked, while its twin stays untouched in `created` — so the fetch can only have
 * been the notification's. Then the listener's connection is killed: a job sent during the outage
 * is fetched once the listener is back (pg-boss's catch-up fetch after reconnecting), and a job sent
 * after that is woken by its notification again. The test's own queues, connection name and boss,
 * so no other test's workers take part.
 */
const suffix = randomUUID().slice(0, 8);
const applicationName = `queue-wake-test-${suffix}`;
const notifiedQueue = `wake-test-notify-${suffix}`;
const pollOnlyQueue = `wake-test-poll-${suffix}`;
const tenMinutes = { pollingIntervalSeconds: 600, notifyPollingIntervalSeconds: 600 };

let boss: PgBoss;
let admin: pg.Client;
const worked = new Set<string>();

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stateOf(queue: string, id: string): Promise<string | undefined> {
  return (await boss.getJobById(queue, id))?.state;
}

/** The backend of this boss's LISTEN connection: its last statement is the LISTEN or the heartbeat. */
async function listenerPids(): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND (query LIKE 'LISTEN %' OR query LIKE '%pg_listening_channels()%')`,
    [applicationName],
  );
  return rows.map((row) => row.pid);
}

async function send(queue: string): Promise<string> {
  const id = await boss.send(queue, {});
  if (!id) throw new Error(`no job was created on ${queue}`);
  return id;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  boss = newJobQueue(inject("databaseUrl"), { applicationName });
  await boss.start();
  await boss.createQueue(notifiedQueue, { notify: true });
  await boss.createQueue(pollOnlyQueue, { notify: false });
  // Each worker fetches once as it starts, and finds its primer; after that only a notification (or
  // 10 minutes) wakes it. Sending the primers also puts both queues in this boss's queue cache,
  // which is where it looks up which workers to wake after the listener reconnects.
  const primers = [await send(notifiedQueue), await send(pollOnlyQueue)];
  for (const queue of [notifiedQueue, pollOnlyQueue]) {
    await boss.work(queue, tenMinutes, async ([job]) => {
      if (job) worked.add(job.id);
    });
  }
  await waitUntil("both workers' first fetch", async () => (await Promise.all(primers.map((id, index) => stateOf(index === 0 ? notifiedQueue : pollOnlyQueue, id)))).every((state) => state === "completed"));
  await waitUntil("the listener's connection", async () => (await listenerPids()).length === 1);
}, 90_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, timeout: 5_000 });
  await admin?.end();
});

it("works a job sent while it listens at once, while the same job on a queue without notify waits for the poll", { timeout: 90_000 }, async () => {
  const [notifiedJob, pollOnlyJob] = [await send(notifiedQueue), await send(pollOnlyQueue)];
  // The handler saw it, and pg-boss recorded it done (after the handler returned).
  await waitUntil("the notified job to be worked", async () => worked.has(notifiedJob) && (await stateOf(notifiedQueue, notifiedJob)) === "completed");
  // Sent at the same moment to an identical worker: only the notification tells them apart.
  expect(worked.has(pollOnlyJob)).toBe(false);
  expect(await stateOf(pollOnlyQueue, pollOnlyJob)).toBe("created");
});

it("reconnects a listener whose connection dropped: what was sent meanwhile is fetched, and notifications wake it again", { timeout: 120_000 }, async () => {
  const [killed] = await listenerPids();
  expect(killed).toBeDefined();
  await admin.query("SELECT pg_terminate_backend($1)", [killed]);
  // Possibly sent before the listener is back: its notification may be lost, the job must not be.
  const sentDuringOutage = await send(notifiedQueue);
  await waitUntil("a new listener connection", async () => {
    const pids = await listenerPids();
    return pids.length === 1 && pids[0] !== killed;
  });
  await waitUntil("the job sent during the outage to be worked", () => worked.has(sentDuringOutage));

  const [afterReconnect, pollOnlyJob] = [await send(notifiedQueue), await send(pollOnlyQueue)];
  await waitUntil("the job sent after reconnecting to be worked", () => worked.has(afterReconnect));
  expect(await stateOf(pollOnlyQueue, pollOnlyJob)).toBe("created");
});
