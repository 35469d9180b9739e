/**
 * npm run bench:inventory [-- --clusters 2000 --subscriptions 50 --latency 100 --requests 200 --emulator process|in-process --emulator-cpu-prof DIR]
 *
 * The inventory at scale, in one run: the emulator is grown to N clusters over M subscriptions,
 * every ARM request is delayed by the injected latency, and two full syncs (ARM listing, API-server
 * reads of every public cluster, posture, cache writes) run against a throw-away database
 * (TEST_DATABASE_URL's server, else an embedded PostgreSQL):
 * - cold: an empty cache, so every public cluster's kubeconfig is asked of ARM (listClusterUserCredential);
 * - warm: the next scheduled sync, through the API-server endpoints the first one stored.
 * Each is printed beside the limit it is compared against: the ARM latency the design cannot avoid at
 * its concurrency (credential POSTs × latency ÷ API-server concurrency, as issue 15 defines it) and,
 * measured in the same run, listing every subscription through ARM alone. The list page's data
 * (listInventory) is sampled while the syncs run and again afterwards, beside `SELECT 1`.
 * By default the emulator runs in a process of its own, so the figures are the portal's CPU and
 * memory (peak RSS of this process), not the emulated Azure's.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createKubernetesSide } from "../../emulator/kubernetes";
import { stableGuid } from "../../emulator/arm/derived-fields";
import { demoSubscriptions } from "../../emulator/seed/organisation";
import { startTestEmulator } from "../../emulator/test-support/start-test-emulator";
import { migrate } from "../../lib/server/db/migrations";
import { createTestDatabase } from "../lib/test-database";
import { startEmulatorProcess } from "./lib/emulator-process";
import { percentile } from "./lib/percentile";
import { seedDemoTenants } from "../lib/seed-demo-tenants";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "2000" },
    subscriptions: { type: "string", default: "50" },
    latency: { type: "string", default: "100" },
    requests: { type: "string", default: "200" },
    emulator: { type: "string", default: "process" },
    "emulator-cpu-prof": { type: "string" },
  },
});
const [clusters, subscriptions, latencyMs, requests] = [values.clusters, values.subscriptions, values.latency, values.requests].map(Number) as [number, number, number, number];
const CLUSTER_CONCURRENCY = 16;
const SUBSCRIPTION_CONCURRENCY = 8;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function timeEach(count: number, run: (index: number) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await run(index);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

/** Calls `probe` back to back (with a short pause) until stopped: how pages fare while a sync runs. */
function sampleWhile(probe: () => Promise<unknown>): { stop(): Promise<number[]>; failures: string[] } {
  const samples: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      // A page that fails is a figure too (e.g. no pooled connection within Prisma's wait).
      await probe().then(
        () => samples.push(performance.now() - start),
        (error: unknown) => failures.push(error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error)),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    failures,
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
const inProcess = values.emulator === "in-process";
const emulator = inProcess
  ? await startTestEmulator({ kubernetes: createKubernetesSide }).then((started) => ({
      url: started.url,
      generate: async (options: { clusters: number; subscriptions: number }) => started.generateLargeOrganisation(options),
      injectLatency: async () => void started.injectFault({ path: "^/subscriptions/", latencyMs, count: 1_000_000_000 }),
      peakRssMb: async () => null,
      cpuMs: async () => null,
      requestPaths: async () => started.requests().map((entry) => `${entry.method} ${entry.path}`),
      clearRequests: async () => started.clearRequests(),
      stop: () => started.dispose(),
    }))
  : await startEmulatorProcess({ cpuProfileDir: values["emulator-cpu-prof"] }).then((started) => ({
      url: started.url,
      generate: async (options: { clusters: number; subscriptions: number }) => void (await started.control("POST", "generate", options)),
      injectLatency: async () => void (await started.control("POST", "faults", { path: "^/subscriptions/", latencyMs, count: 1_000_000_000 })),
      peakRssMb: () => started.peakRssMb(),
      cpuMs: () => started.cpuMs(),
      requestPaths: async () => ((await started.control("GET", "requests")) as { value: Array<{ method: string; path: string }> }).value.map((entry) => `${entry.method} ${entry.path}`),
      clearRequests: async () => void (await started.control("DELETE", "requests")),
      stop: () => started.stop(),
    }));
try {
  await migrate(database.url);
  await seedDemoTenants({ url: database.url, origin: "throw-away" });
  // The app's modules read their settings once, on first use: set them before importing those.
  process.env.DATABASE_URL = database.url;
  process.env.CLUSTERDESK_EMULATOR_URL = emulator.url;
  process.env.CLUSTERDESK_LOG_LEVEL = "error";
  const { syncInventory } = await import("../../lib/server/clusters/sync-inventory");
  const { listInventory } = await import("../../lib/server/clusters/inventory-read");
  const { listClustersOf } = await import("../../lib/server/azure/managed-clusters");
  const { parseListQuery } = await import("../../lib/clusters/inventory-query");
  const { mapBounded } = await import("../../lib/server/clusters/bounded");
  const { db } = await import("../../lib/server/db/client");

  await emulator.generate({ clusters, subscriptions });
  await emulator.injectLatency();
  // The seeded subscriptions, then those addLargeOrganisation generates (emulator/seed/large-organisation.ts).
  const seeded = [demoSubscriptions.production, demoSubscriptions.nonProduction];
  const subscriptionIds = [...seeded, ...Array.from({ length: Math.max(0, subscriptions - seeded.length) }, (_, i) => stableGuid(`bench-subscription-${i + seeded.length}`))];
  console.log(`emulator (${inProcess ? "in this process" : "own process"}): ${subscriptionIds.length} subscriptions, ${latencyMs} ms on every ARM request; database: ${database.kind}`);
  console.log(`load average before: ${load()}`);

  let start = performance.now();
  let listed = 0;
  await mapBounded(subscriptionIds, SUBSCRIPTION_CONCURRENCY, async (id) => {
    for await (const _ of listClustersOf(id)) listed += 1;
  });
  const listOnly = performance.now() - start;

  const all = { all: true } as const;
  const queries = [parseListQuery({}), parseListQuery({ exposure: "open", sort: "findings", page: "3" }), parseListQuery({ q: "bench-01", posture: "high" })];
  const listPage = (index: number) => listInventory(all, queries[index % queries.length] ?? parseListQuery({}));

  type AccessFigures = { entries: number; clustersRead: number; failedReads: number; roleAssignmentLists: number; logFull: boolean };
  type SyncFigures = { name: string; ms: number; cpuMs: number; emulatorCpuMs: number | null; result: Awaited<ReturnType<typeof syncInventory>>; pages: number[]; pageFailures: string[]; load: string; access: AccessFigures };
  // The emulator's request log keeps the last 10,000 requests: beyond that the count is a lower bound.
  const requestLogCapacity = 10_000;
  async function accessFigures(since: Date): Promise<AccessFigures> {
    const paths = await emulator.requestPaths();
    const [entries, clustersRead, failedReads] = await Promise.all([
      db().clusterAccessEntry.count(),
      db().clusterAccessSync.count({ where: { attemptedAt: { gte: since } } }),
      db().clusterAccessSync.count({ where: { attemptedAt: { gte: since }, error: { not: null } } }),
    ]);
    const roleAssignmentLists = paths.filter((path) => /^GET .*\/providers\/Microsoft\.Authorization\/roleAssignments(\?|$)/i.test(path)).length;
    return { entries, clustersRead, failedReads, roleAssignmentLists, logFull: paths.length >= requestLogCapacity };
  }
  const syncs: SyncFigures[] = [];
  for (const name of ["cold (empty cache)", "warm (stored endpoints)"]) {
    let probes = 0;
    const pages = sampleWhile(() => listPage(probes++));
    await emulator.clearRequests();
    const startedAt = new Date();
    const [cpuBefore, emulatorBefore] = [process.cpuUsage(), await emulator.cpuMs()];
    start = performance.now();
    const result = await syncInventory({ subscriptionIds });
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const emulatorAfter = await emulator.cpuMs();
    const emulatorCpuMs = emulatorBefore !== null && emulatorAfter !== null ? emulatorAfter - emulatorBefore : null;
    syncs.push({ name, ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000, emulatorCpuMs, result, pages: await pages.stop(), pageFailures: pages.failures, load: load(), access: await accessFigures(startedAt) });
  }
  const cached = await db().inventoryCluster.count();

  await listPage(0); // warm-up: connection pool, query plans
  const list = await timeEach(requests, listPage);
  const floor = await timeEach(requests, () => db().$queryRaw`SELECT 1`);

  console.log(`\nfull sync of ${listed} clusters (${cached} rows cached), ${CLUSTER_CONCURRENCY} API-server reads at a time, ${SUBSCRIPTION_CONCURRENCY} subscriptions listed at a time`);
  console.log(`  baseline, ARM listing alone: ${s(listOnly)}`);
  for (const sync of syncs) {
    const { result } = sync;
    const credentialBound = (result.credentialFetches * latencyMs) / CLUSTER_CONCURRENCY;
    const limit = Math.max(credentialBound, listOnly);
    console.log(`  ${sync.name}: ${s(sync.ms)} — ${result.apiServersRead} API servers read, ${result.credentialFetches} credential POSTs, ${result.failures.length} failed subscriptions; load ${sync.load}`);
    console.log(`    limit: max(${result.credentialFetches} POSTs × ${latencyMs} ms ÷ ${CLUSTER_CONCURRENCY} = ${s(credentialBound)}, listing ${s(listOnly)}) = ${s(limit)} → ${(sync.ms / limit).toFixed(2)}× the limit (goal ≤ 1.5× at 2,000; < 180 s at 20,000)`);
    const perCluster = (value: number) => `${(value / Math.max(1, listed)).toFixed(2)} ms per cluster`;
    const emulatorCpu = sync.emulatorCpuMs === null ? "" : `; the emulator's process used ${s(sync.emulatorCpuMs)} (${perCluster(sync.emulatorCpuMs)})`;
    console.log(`    CPU: this process ${s(sync.cpuMs)} (${perCluster(sync.cpuMs)}, page probes included)${emulatorCpu}`);
    if (sync.pages.length > 0) console.log(`    listInventory during the sync (same process): p50 ${ms(percentile(sync.pages, 50))}, p95 ${ms(percentile(sync.pages, 95))} over ${sync.pages.length} requests`);
    const { access } = sync;
    console.log(`    access cache: ${access.clustersRead} clusters read (${access.failedReads} failed), ${access.entries} entries; ${access.logFull ? "at least " : ""}${access.roleAssignmentLists} role-assignment list pages asked of ARM`);
    if (sync.pageFailures.length > 0) console.log(`    ${sync.pageFailures.length} page reads failed during the sync, e.g. ${sync.pageFailures[0]}`);
  }
  console.log(`  peak RSS of this process (sync, database client, benchmark): ${rssMb().toFixed(0)} MB (goal < 1,024 MB)${inProcess ? " — includes the in-process emulator" : ""}`);
  const emulatorRss = await emulator.peakRssMb();
  if (emulatorRss !== null) console.log(`  peak RSS of the emulator process (not the portal's): ${emulatorRss.toFixed(0)} MB`);
  console.log(`\nlist page data after the syncs (listInventory, ${requests} sequential requests over 3 query shapes)`);
  console.log(`  listInventory:            p50 ${ms(list.p50)}, p95 ${ms(list.p95)}, max ${ms(list.max)}`);
  console.log(`  baseline SELECT 1:        p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}`);
  console.log(`load average after: ${load()}`);
  await db().$disconnect();
} finally {
  await emulator.stop();
  await database.drop();
}
