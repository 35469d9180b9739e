import { randomUUID } from "node:crypto";
import { once } from "node:events";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { enqueueExecution } from "@/lib/server/requests/enqueue";
import { jobQueue, queues, stopJobQueue } from "./queue";

/**
 * Workers wake on enqueue instead of waiting for their next poll: queueing a change request's
 * execution must send pg-boss's wake-up NOTIFY, which every instance's listener receives.
 * The channel is pg-boss's: 'pgboss_' + the first 24 hex digits of sha224(schema name).
 */
let listener: pg.Client;
beforeAll(async () => {
  await jobQueue();
  listener = new pg.Client({ connectionString: inject("databaseUrl") });
  await listener.connect();
  const { rows } = await listener.query<{ channel: string }>(`SELECT 'pgboss_' || left(encode(sha224('pgboss'::bytea), 'hex'), 24) AS channel`);
  await listener.query(`LISTEN ${pg.escapeIdentifier(rows[0]?.channel ?? "")}`);
});
afterAll(async () => {
  await listener.end();
  await stopJobQueue();
});

it("queueing an execution notifies the workers listening on the queue's channel", { timeout: 60_000 }, async () => {
  const notified = once(listener, "notification", { signal: AbortSignal.timeout(30_000) });
  await enqueueExecution(randomUUID());
  const [message] = (await notified) as [pg.Notification];
  expect(message.payload).toBe(queues.executeChangeRequest);
});

it("the portal's pg-boss listens for those notifications", async () => {
  const boss = await jobQueue();
  const queue = await boss.getQueue(queues.executeChangeRequest);
  expect(queue?.notify).toBe(true);
});
