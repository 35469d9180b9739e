/**
 * npm run bench:audit-review [-- --events 1000000 --rounds 30 --keep --only pages|export --export-large-rounds 1]
 *
 * The audit review's query at scale: a database of N synthetic events (`lib/audit-review-database.ts`;
 * `--keep` keeps it on TEST_DATABASE_URL's server for the next run, since filling takes minutes). For
 * every filter shape the page asks for, the first page and a deep page (5,000 events in, reached by its
 * cursor) are timed through `reviewAuditEvents`, the page's own function, interleaved with the
 * baseline: a primary-key lookup through the same client, so both see the same machine load. Then the
 * streamed export of one tenant's events and of half a year's is timed against `COPY (same rows) TO
 * STDOUT` by psql and against the export as it was before, with the exporting process's RSS growth.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { benchActorOf as actorOf, benchClusterOf as clusterOf, benchTenants as tenants, openAuditReviewDatabase } from "./lib/audit-review-database";
import { percentile } from "./lib/percentile";
import { recordCsvExport } from "./lib/record-export";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    rounds: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
    "export-large-rounds": { type: "string" },
  },
});
const [events, rounds] = [Number(values.events), Number(values.rounds)];
const ms = (value: number) => `${value.toFixed(2)} ms`;

const database = await openAuditReviewDatabase({ events, keep: values.keep });
try {
  process.env.DATABASE_URL = database.url;
  process.env.CLUSTERDESK_LOG_LEVEL = "error";
  const { reviewAuditEvents } = await import("../../lib/server/audit/review-audit-events");
  const { db } = await import("../../lib/server/db/client");
  const all = { kind: "all" } as const;
  const lead = { kind: "tenants", tenantIds: [tenants[1] ?? "", tenants[2] ?? ""], actorObjectId: actorOf(7) } as const;
  type Shape = { name: string; scope: typeof all | typeof lead; filters: Parameters<typeof reviewAuditEvents>[0]["filters"] };
  const shapes: Shape[] = [
    { name: "no filter", scope: all, filters: {} },
    { name: "person (object id)", scope: all, filters: { actorObjectIds: [actorOf(42)] } },
    { name: "cluster", scope: all, filters: { clusterId: clusterOf(17) } },
    { name: "tenant", scope: all, filters: { tenantId: tenants[3] } },
    { name: "action exact", scope: all, filters: { action: { exact: "request.approved" } } },
    { name: "action prefix request.*", scope: all, filters: { action: { prefix: "request." } } },
    { name: "outcome denied", scope: all, filters: { outcome: "denied" } },
    { name: "correlation id", scope: all, filters: { correlationId: `corr-${Math.floor(events / 10)}` } },
    { name: "target", scope: all, filters: { target: { type: "change_request", id: `obj-${Math.floor(events / 10)}` } } },
    { name: "time range (one week, mid-year)", scope: all, filters: { from: "2026-05-01", to: "2026-05-07" } },
    { name: "lead scope (2 tenants)", scope: lead, filters: {} },
    { name: "lead scope + action prefix", scope: lead, filters: { action: { prefix: "request." } } },
    { name: "lead scope + cluster", scope: lead, filters: { clusterId: clusterOf(17) } },
  ];

  const time = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const baselineSeq = BigInt(Math.floor(events / 2));
  const baseline = () => db().$queryRaw`SELECT seq, hash FROM audit_event WHERE seq = ${baselineSeq}`;
  await baseline();

  if (values.only !== "export") {
    console.log(`\n${rounds} rounds per shape, page of 50; load ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
    console.log("shape                              | rows p1 | first p50 / p95     | deep p50 / p95      | baseline p50 / p95");
    for (const shape of shapes) {
      // The deep page's cursor: 100 pages of 50 in, found once by walking (as a reader would).
      let cursor: bigint | null = null;
      for (let page = 0; page < 100; page += 1) {
        const next: bigint | null = (await reviewAuditEvents({ scope: shape.scope, filters: shape.filters, cursor, limit: 50 })).nextCursor;
        if (next === null) break;
        cursor = next;
      }
      const first: number[] = [];
      const deep: number[] = [];
      const base: number[] = [];
      let rows = 0;
      for (let round = 0; round < rounds; round += 1) {
        first.push(await time(async () => { rows = (await reviewAuditEvents({ scope: shape.scope, filters: shape.filters, limit: 50 })).events.length; }));
        base.push(await time(baseline));
        if (cursor !== null) deep.push(await time(() => reviewAuditEvents({ scope: shape.scope, filters: shape.filters, cursor, limit: 50 })));
      }
      const pair = (samples: number[]) => (samples.length ? `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}` : "(fewer pages)").padEnd(19);
      console.log(`${shape.name.padEnd(34)} | ${String(rows).padStart(7)} | ${pair(first)} | ${pair(deep)} | ${pair(base)}`);
    }
  }

  // The streamed export against COPY of the same rows and against the export as it was before
  // (records decoded in this process, cells encoded in JavaScript: lib/record-export.ts), alternated
  // after a warm-up COPY so none reads a colder cache; medians of the rounds. Two sizes: one tenant
  // (≈ 5% of the events) and half a year (≈ 50%), to show the export's memory does not grow with it.
  if (values.only !== "pages") {
    const { exportAuditEvents } = await import("../../lib/server/audit/export-audit-events");
    const { reviewExportQuery } = await import("../../lib/server/audit/review-audit-events");
    const user = { sessionId: "bench", groupIds: [], objectId: actorOf(1), displayName: "Bench", userPrincipalName: "bench@contoso.example", principal: { objectId: actorOf(1), roles: ["auditor" as const], ownedTenantIds: [] } };
    const context = { clientIp: "127.0.0.1", userAgent: "bench", correlationId: "bench-export", path: "/audit/export" };
    const sizes = [
      { name: "one tenant", filters: { tenantId: tenants[3] }, where: `tenant_id = '${tenants[3]}'`, rounds: Math.max(1, Math.min(rounds, 5)) },
      // The export's day range is inclusive and in UTC: 2025-11-30 .. 2026-05-30.
      { name: "half a year", filters: { from: "2025-11-30", to: "2026-05-30" }, where: `occurred_at >= '2025-11-30T00:00:00Z' AND occurred_at < '2026-05-31T00:00:00Z'`, rounds: values["export-large-rounds"] ? Number(values["export-large-rounds"]) : 1 },
    ];
    // psql's output is counted and dropped, as the exports' is: none is kept in this process.
    const copy = (where: string) => new Promise<void>((resolve, reject) => {
      const psql = spawn("psql", [database.url, "-qAt", "-c", `\\copy (SELECT * FROM audit_event WHERE ${where} ORDER BY seq DESC) TO STDOUT WITH CSV`], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, PGAPPNAME: "clusterdesk-bench-copy" } });
      psql.stdout.on("data", () => undefined);
      psql.on("error", reject);
      psql.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    });
    // PostgreSQL's share: the CPU time (/proc/<pid>/stat, utime + stime) of the server process serving
    // each run's connection, found by its application_name and sampled every 10 ms until it exits.
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    const procCpuMs = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (CLK_TCK 100)
      } catch {
        return null;
      }
    };
    const withServerCpu = async <T>(applicationName: string, run: () => Promise<T>): Promise<T & { serverCpuMs: number }> => {
      let [pid, cpu, done] = [0, 0, false];
      const find = (async () => {
        while (!done && pid === 0) {
          const found = await watcher.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [applicationName]);
          pid = found.rows[0]?.pid ?? 0;
          if (pid === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const timer = setInterval(() => { if (pid) cpu = Math.max(cpu, procCpuMs(pid) ?? 0); }, 10);
      try {
        return { ...(await run()), serverCpuMs: cpu };
      } finally {
        done = true;
        clearInterval(timer);
        await find;
      }
    };
    // Memory: the exporting process's RSS sampled every 10 ms while it exports, against its RSS just
    // before (after a full collection, so the previous round's garbage does not count).
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    let [rssStart, peak, measuring] = [0, 0, false];
    const sampler = setInterval(() => {
      if (measuring) peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const measured = async (consume: () => Promise<number>) => {
      collect();
      [rssStart, peak, measuring] = [process.memoryUsage().rss, process.memoryUsage().rss, true];
      let rows = 0;
      const cpu = process.cpuUsage();
      const elapsed = await time(async () => { rows = await consume(); });
      measuring = false;
      // This process's CPU (user + system): far less noisy than elapsed time on a loaded machine; PostgreSQL's share is not in it.
      const used = process.cpuUsage(cpu);
      return { elapsed, rows, before: rssStart, growth: peak - rssStart, cpuMs: (used.user + used.system) / 1000 };
    };
    const countLines = async (chunks: AsyncIterable<Uint8Array>) => {
      let lines = -1; // the CSV header
      for await (const chunk of chunks) for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      return lines;
    };
    const mb = (value: number) => `${(value / 1048576).toFixed(0)} MB`;
    console.log(`\nexport, CSV, COPY through this process (before: records from a cursor, batches of 1,000); load before ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
    for (const size of sizes) {
      await copy(size.where);
      type Run = Awaited<ReturnType<typeof measured>> & { serverCpuMs: number };
      const runs = { now: [] as Run[], before: [] as Run[], copy: [] as Array<{ elapsed: number; serverCpuMs: number }> };
      for (let round = 0; round < size.rounds; round += 1) {
        runs.now.push(await withServerCpu("clusterdesk-audit-export", () => measured(async () => countLines(await exportAuditEvents({ scope: all, filters: size.filters, format: "csv" }, user, context)))));
        runs.copy.push(await withServerCpu("clusterdesk-bench-copy", async () => ({ elapsed: await time(() => copy(size.where)) })));
        const query = await reviewExportQuery({ scope: all, filters: size.filters, cursor: 1n << 62n });
        // As it was: batches of 1,000 and the cursor's default plan.
        if (query) runs.before.push(await withServerCpu("clusterdesk-bench-record-export", () => measured(() => countLines(recordCsvExport(database.url, query, 1000)))));
      }
      const copyMs = percentile(runs.copy.map((run) => run.elapsed), 50);
      const copyCpuMs = percentile(runs.copy.map((run) => run.serverCpuMs), 50);
      const rows = runs.now[0]?.rows ?? 0;
      console.log(`${size.name}: ${rows.toLocaleString("en")} events (median of ${size.rounds}); COPY … TO STDOUT (psql) ${ms(copyMs)} = ${Math.round(rows / (copyMs / 1000)).toLocaleString("en")} events/s; server CPU ${ms(copyCpuMs)}`);
      for (const [label, samples] of [["export now", runs.now], ["export before (records)", runs.before]] as const) {
        const elapsed = percentile(samples.map((sample) => sample.elapsed), 50);
        const growth = Math.max(...samples.map((sample) => sample.growth));
        const cpuMs = percentile(samples.map((sample) => sample.cpuMs), 50);
        const serverCpuMs = percentile(samples.map((sample) => sample.serverCpuMs), 50);
        console.log(`  ${label.padEnd(24)} ${ms(elapsed).padStart(12)} = ${Math.round(rows / (elapsed / 1000)).toLocaleString("en").padStart(7)} events/s, ${(copyMs / elapsed).toFixed(2)}× COPY; CPU: this process ${ms(cpuMs)} + server ${ms(serverCpuMs)} = ${((cpuMs + serverCpuMs) / copyCpuMs).toFixed(2)}× COPY's server CPU; RSS before ${mb(samples[0]?.before ?? 0)}, peak − before ≤ ${mb(growth)}`);
      }
    }
    clearInterval(sampler);
    await watcher.end();
    console.log(`load after ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  }
  await db().$disconnect();
} finally {
  await database.drop();
}
