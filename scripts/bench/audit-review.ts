/**
 * npm run bench:audit-review [-- --events 1000000 --rounds 30 --keep --only pages|export --export-batch 1000]
 *
 * The audit review's query at scale: a database of N synthetic events (`lib/audit-review-database.ts`;
 * `--keep` keeps it on TEST_DATABASE_URL's server for the next run, since filling takes minutes). For
 * every filter shape the page asks for, the first page and a deep page (5,000 events in, reached by its
 * cursor) are timed through `reviewAuditEvents`, the page's own function, interleaved with the
 * baseline: a primary-key lookup through the same client, so both see the same machine load. Then the
 * streamed export of one tenant's events is timed against `COPY (same rows) TO STDOUT` by psql, with
 * the process's peak RSS while exporting.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { benchActorOf as actorOf, benchClusterOf as clusterOf, benchTenants as tenants, openAuditReviewDatabase } from "./lib/audit-review-database";
import { percentile } from "./lib/percentile";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    rounds: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
    "export-batch": { type: "string", default: "1000" },
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

  // Export of one tenant's events against COPY of the same rows, alternated (after a warm-up COPY, so
  // neither reads a colder cache), medians of the rounds.
  if (values.only !== "pages") {
    const { exportAuditEvents } = await import("../../lib/server/audit/export-audit-events");
    const { auditEventToCsvLine } = await import("../../lib/audit/export-format");
    const user = { sessionId: "bench", groupIds: [], objectId: actorOf(1), displayName: "Bench", userPrincipalName: "bench@contoso.example", principal: { objectId: actorOf(1), roles: ["auditor" as const], ownedTenantIds: [] } };
    const context = { clientIp: "127.0.0.1", userAgent: "bench", correlationId: "bench-export", path: "/audit/export" };
    // psql's output is counted and dropped, as the export's is: neither is kept in this process.
    const copy = () => new Promise<void>((resolve, reject) => {
      const psql = spawn("psql", [database.url, "-qAt", "-c", `\\copy (SELECT * FROM audit_event WHERE tenant_id = '${tenants[3]}' ORDER BY seq DESC) TO STDOUT WITH CSV`], { stdio: ["ignore", "pipe", "inherit"] });
      psql.stdout.on("data", () => undefined);
      psql.on("error", reject);
      psql.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    });
    await copy();
    const exportRounds = Math.max(1, Math.min(rounds, 5));
    // Each export round starts after a full collection, so that neither the previous export's
    // garbage (Prisma pages) nor the last round's counts against it; growth is peak minus that start.
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    const growth = { export: { rss: 0, heap: 0, peak: 0 }, previous: { rss: 0, heap: 0, peak: 0 } };
    let [rssStart, heapStart] = [0, 0];
    let measuring: keyof typeof growth | null = null;
    // Sampled while exporting only: the COPY rounds in between run in psql, not here.
    const sampler = setInterval(() => {
      if (measuring === null) return;
      const usage = process.memoryUsage();
      const seen = growth[measuring];
      [seen.peak, seen.rss, seen.heap] = [Math.max(seen.peak, usage.rss), Math.max(seen.rss, usage.rss - rssStart), Math.max(seen.heap, usage.heapUsed + usage.external - heapStart)];
    }, 10);
    const startMeasuring = (what: keyof typeof growth) => {
      collect();
      const usage = process.memoryUsage();
      [rssStart, heapStart, measuring] = [usage.rss, usage.heapUsed + usage.external, what];
    };
    const [exportTimes, copyTimes, previousTimes] = [[] as number[], [] as number[], [] as number[]];
    let [bytes, rowsExported] = [0, 0];
    for (let round = 0; round < exportRounds; round += 1) {
      [bytes, rowsExported] = [0, -1];
      startMeasuring("export");
      exportTimes.push(await time(async () => {
        const stream = await exportAuditEvents({ scope: all, filters: { tenantId: tenants[3] }, format: "csv", pageSize: Number(values["export-batch"]) }, user, context);
        for await (const chunk of stream) {
          bytes += chunk.byteLength;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rowsExported += 1;
        }
      }));
      measuring = null;
      copyTimes.push(await time(copy));
      // The previous export, for comparison: keyset pages of 1,000 through Prisma, encoded the same way.
      startMeasuring("previous");
      previousTimes.push(await time(async () => {
        for (let cursor: bigint | null = null, first = true; first || cursor !== null; first = false) {
          const page: Awaited<ReturnType<typeof reviewAuditEvents>> = await reviewAuditEvents({ scope: all, filters: { tenantId: tenants[3] }, cursor, limit: 1000 });
          new TextEncoder().encode(page.events.map(auditEventToCsvLine).join(""));
          cursor = page.nextCursor;
        }
      }));
      measuring = null;
    }
    clearInterval(sampler);
    const [exportMs, copyMs] = [percentile(exportTimes, 50), percentile(copyTimes, 50)];
    console.log(`\nexport (CSV, one tenant), median of ${exportRounds}: ${rowsExported.toLocaleString("en")} events, ${(bytes / 1048576).toFixed(1)} MB in ${ms(exportMs)} = ${Math.round(rowsExported / (exportMs / 1000)).toLocaleString("en")} events/s`);
    console.log(`COPY … TO STDOUT (psql, same rows), median: ${ms(copyMs)} = ${Math.round(rowsExported / (copyMs / 1000)).toLocaleString("en")} events/s; export/COPY throughput ${(copyMs / exportMs).toFixed(2)}×`);
    const previousMs = percentile(previousTimes, 50);
    console.log(`previous export (Prisma keyset pages), median: ${ms(previousMs)} = ${Math.round(rowsExported / (previousMs / 1000)).toLocaleString("en")} events/s; previous/COPY ${(copyMs / previousMs).toFixed(2)}×`);
    const mb = (value: number) => `${(value / 1048576).toFixed(0)} MB`;
    for (const [what, seen] of Object.entries(growth)) {
      console.log(`memory, ${what}: RSS peak ${mb(seen.peak)}, growth over the process after a full GC (tsx, Prisma) ${mb(seen.rss)} RSS, ${mb(seen.heap)} JS heap + external`);
    }
    console.log(`load ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  }
  await db().$disconnect();
} finally {
  await database.drop();
}
