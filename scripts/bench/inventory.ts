/**
 * npm run bench:inventory [-- --clusters 2000 --subscriptions 50 --latency 100 --requests 200]
 *
 * The inventory at scale, in one run: the in-process emulator is grown to N clusters over M
 * subscriptions, every ARM request is delayed by the injected latency, and a full sync (ARM listing,
 * a kubeconfig and two API-server reads per public cluster, posture, cache writes) runs against a
 * throw-away database (TEST_DATABASE_URL's server, else an embedded PostgreSQL). Then the list page's data
 * function (listInventory: page, count, facets) is timed from the cache.
 * Baselines in the same run: listing every subscription through ARM alone (the floor any sync pays),
 * and, for the list, one `SELECT 1` round trip and the naive read that loads every cached cluster's
 * JSON and filters in JavaScript.
 */
import { parseArgs } from "node:util";
import { createKubernetesSide } from "../../emulator/kubernetes";
import { startTestEmulator } from "../../emulator/test-support/start-test-emulator";
import { migrate } from "../../lib/server/db/migrations";
import { createTestDatabase } from "../lib/test-database";
import { percentile } from "./lib/percentile";
import { seedDemoTenants } from "../lib/seed-demo-tenants";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "2000" },
    subscriptions: { type: "string", default: "50" },
    latency: { type: "string", default: "100" },
    requests: { type: "string", default: "200" },
  },
});
const [clusters, subscriptions, latencyMs, requests] = [values.clusters, values.subscriptions, values.latency, values.requests].map(Number) as [number, number, number, number];

async function timeEach(count: number, run: (index: number) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await run(index);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
const emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
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

  emulator.generateLargeOrganisation({ clusters, subscriptions });
  const subscriptionIds = emulator.state().subscriptions.map((subscription) => subscription.subscriptionId);
  emulator.injectFault({ path: "^/subscriptions/", latencyMs, count: 1_000_000_000 });
  console.log(`emulator: ${emulator.state().clusters.length} clusters in ${subscriptionIds.length} subscriptions, ${latencyMs} ms on every ARM request; database: ${database.kind}`);

  let start = performance.now();
  let listed = 0;
  await mapBounded(subscriptionIds, 8, async (id) => {
    for await (const _ of listClustersOf(id)) listed += 1;
  });
  const listOnly = performance.now() - start;

  start = performance.now();
  const result = await syncInventory({ subscriptionIds });
  const fullSync = performance.now() - start;
  const cached = await db().inventoryCluster.count();
  const reachable = await db().inventoryCluster.count({ where: { apiServerReachable: true } });

  const all = { all: true } as const;
  const queries = [parseListQuery({}), parseListQuery({ exposure: "open", sort: "findings", page: "3" }), parseListQuery({ q: "bench-01", posture: "high" })];
  await listInventory(all, queries[0] ?? parseListQuery({})); // warm-up: connection pool, query plans
  const list = await timeEach(requests, (index) => listInventory(all, queries[index % queries.length] ?? parseListQuery({})));
  const floor = await timeEach(requests, () => db().$queryRaw`SELECT 1`);
  const naive = await timeEach(Math.min(requests, 20), async () => {
    const rows = await db().inventoryCluster.findMany({ select: { cluster: true, posture: true } });
    return rows.filter((row) => JSON.stringify(row.cluster).includes("open")).slice(0, 50);
  });

  console.log("\nfull sync");
  console.log(`  ARM listing only (baseline, 8 subscriptions at a time): ${(listOnly / 1000).toFixed(1)} s for ${listed} clusters`);
  console.log(`  full sync: ${(fullSync / 1000).toFixed(1)} s — ${result.clusters} clusters, ${reachable} API servers read, ${result.failures.length} failed subscriptions, ${cached} rows cached (target < 60 s)`);
  console.log(`\nlist page data (listInventory, ${requests} sequential requests over 3 query shapes)`);
  console.log(`  listInventory:            p50 ${ms(list.p50)}, p95 ${ms(list.p95)}, max ${ms(list.max)} (target p95 < 200 ms)`);
  console.log(`  baseline SELECT 1:        p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}`);
  console.log(`  baseline load-all + JS filter (${Math.min(requests, 20)} requests): p50 ${ms(naive.p50)}, p95 ${ms(naive.p95)}`);
  await db().$disconnect();
} finally {
  await emulator.dispose();
  await database.drop();
}
