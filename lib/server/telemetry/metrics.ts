import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics. One registry per process, kept on globalThis: Next.js loads
 * this module in several bundles (instrumentation, routes), and a second registry would count apart.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "clusterdesk_" });
  const jobQueueJobs = new Gauge({
    name: "clusterdesk_job_queue_jobs",
    help: "Jobs per pg-boss queue and state (queued: waiting to run, active: running, deferred: scheduled for later), as pg-boss's monitor last counted them",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    // Read at scrape time from pg-boss's own counters (refreshed every 10 s by its monitor): one
    // small table, whatever the queues hold, and the same figure in every instance.
    async collect() {
      this.reset();
      // Imported here, not above: tracing must start before pg is first loaded (./tracing.ts).
      const { db } = await import("@/lib/server/db/client");
      const rows = await db()
        .$queryRaw<Array<{ name: string; queued: number; active: number; deferred: number }>>`SELECT name, queued_count AS queued, active_count AS active, deferred_count AS deferred FROM pgboss.queue`
        .catch(() => []);
      for (const row of rows) {
        for (const state of ["queued", "active", "deferred"] as const) this.set({ queue: row.name, state }, Number(row[state]));
      }
    },
  });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "clusterdesk_http_request_duration_seconds",
      help: "Time from a request's arrival to its response's end, by method, kind (page, action, api, asset) and status class",
      labelNames: ["method", "kind", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobQueueJobs,
    jobsFinished: new Counter({
      name: "clusterdesk_jobs_finished_total",
      help: "Jobs this process's workers finished, by queue and outcome (completed, or failed: the handler threw and pg-boss retries or fails it)",
      labelNames: ["queue", "outcome"] as const,
      registers: [registry],
    }),
    armResponses: new Counter({
      name: "clusterdesk_arm_responses_total",
      help: "Responses from Azure Resource Manager to this process, per attempt (retries count), by method and status (error: no response)",
      labelNames: ["method", "status"] as const,
      registers: [registry],
    }),
    armThrottled: new Counter({
      name: "clusterdesk_arm_throttled_total",
      help: "ARM requests answered 429 Too Many Requests (each is retried after Retry-After by the SDK)",
      labelNames: ["method"] as const,
      registers: [registry],
    }),
    inventorySyncDuration: new Histogram({
      name: "clusterdesk_inventory_sync_duration_seconds",
      help: "Duration of full inventory syncs, by outcome (succeeded, partial: some subscriptions failed, failed)",
      labelNames: ["outcome"] as const,
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800],
      registers: [registry],
    }),
  };
}

export type PortalMetrics = ReturnType<typeof create>;

const holder = globalThis as unknown as { clusterdeskMetrics?: PortalMetrics };

export function metrics(): PortalMetrics {
  holder.clusterdeskMetrics ??= create();
  return holder.clusterdeskMetrics;
}
