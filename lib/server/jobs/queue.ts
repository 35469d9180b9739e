import "server-only";
import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { observeJobOutcomes } from "@/lib/server/telemetry/job-metrics";

/**
 * The durable job queue: pg-boss in the portal's own PostgreSQL (schema `pgboss`), shared by every
 * portal instance, so a job survives restarts and runs on exactly one instance at a time.
 */
export const queues = {
  /** Applies one approved change request; the singleton key is the request id. */
  executeChangeRequest: "change-request-execute",
  /** Every minute: re-queue orphaned executions, expire overdue requests (and later: expired ranges). */
  reconcile: "reconcile",
} as const;

/** Attempts after the first before a change request is marked failed (with backoff up to 5 minutes). */
export const changeRequestRetryLimit = 8;

const holder = globalThis as unknown as { clusterdeskJobQueue?: Promise<PgBoss> };

/**
 * pg-boss as every Clusterdesk process configures it, not started. `applicationName` names its
 * connections in pg_stat_activity (tests find their own listener by it); pg-boss's default otherwise.
 */
export function newJobQueue(connectionString: string, options: { applicationName?: string } = {}): PgBoss {
  // Supervise and monitor every 10 s (defaults: 60 s) so a job whose worker died — a stale
  // heartbeat — is failed and retried within seconds.
  // LISTEN/NOTIFY: a job inserted on a notify-enabled queue sends pg_notify in the inserting
  // statement, delivered when that transaction commits, and wakes the workers at once instead of at
  // their next poll. It holds one extra connection for the listener; polling stays as the fallback
  // (a lost notification, or a listener that cannot connect, costs one polling interval).
  const boss = new PgBoss({
    connectionString,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    schema: "pgboss",
    max: 4,
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    useListenNotify: true,
  });
  // Also where a dropped listener connection is reported; pg-boss reconnects it with backoff (1 s
  // first) and then has every notify-enabled worker fetch once, for what was sent meanwhile.
  boss.on("error", (error) => logger.error("job queue error", { error }));
  observeJobOutcomes(boss);
  return boss;
}

async function start(): Promise<PgBoss> {
  const { databaseUrl } = env();
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const boss = newJobQueue(databaseUrl);
  await boss.start();
  await boss.createQueue(queues.executeChangeRequest, {
    // At most one queued-or-running job per request (singleton key = request id): approving twice
    // or retrying while a job is under way cannot start a second application.
    policy: "exclusive",
    retryLimit: changeRequestRetryLimit,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 300,
    // A running worker refreshes the job's heartbeat; if the process dies, the stale heartbeat lets
    // pg-boss hand the job to another worker within seconds instead of waiting for the expiry.
    heartbeatSeconds: 10,
    expireInSeconds: 30 * 60,
    notify: true,
  });
  // createQueue leaves an existing queue's options as they are: databases from before notify
  // existed need it switched on.
  await boss.updateQueue(queues.executeChangeRequest, { notify: true });
  await boss.createQueue(queues.reconcile, { policy: "exclusive", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(queues.reconcile, "* * * * *");
  return boss;
}

export function jobQueue(): Promise<PgBoss> {
  holder.clusterdeskJobQueue ??= start().catch((error: unknown) => {
    holder.clusterdeskJobQueue = undefined;
    throw error;
  });
  return holder.clusterdeskJobQueue;
}

export async function stopJobQueue(): Promise<void> {
  const boss = await holder.clusterdeskJobQueue?.catch(() => undefined);
  holder.clusterdeskJobQueue = undefined;
  // Handlers end their waits as soon as shutdown starts (./shutdown.ts); the timeout bounds the rest
  // within Kubernetes' default 30 s termination grace period.
  await boss?.stop({ graceful: true, timeout: 20_000 });
}
