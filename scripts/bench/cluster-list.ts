/**
 * npm run bench:cluster-list [-- --clusters 20000 --subscriptions 1000 --rounds 100]
 *
 * `GET /clusters` over HTTP against a production server (`next start` of the current build, built
 * first when the sources changed) with an admin's session, the inventory cache holding N clusters in
 * M subscriptions. The cache is filled directly (no sync at that scale: that is bench:inventory's
 * figure): the emulator's own clusters are synced once for realistic rows, then cloned in SQL.
 * Baseline in the same run: `GET /api/health` (one `SELECT 1` behind the same server), interleaved
 * with the list's requests so both see the same machine load. The server's 15-minute inventory sync
 * is unscheduled once it starts: a run over the emulator would share the measurement's two cores.
 * `--html FILE` keeps the first page's HTML, to see what its bytes are.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { createKubernetesSide } from "../../emulator/kubernetes";
import { startTestEmulator } from "../../emulator/test-support/start-test-emulator";
import { migrate } from "../../lib/server/db/migrations";
import { cloneCachedClusters } from "./lib/clone-cached-clusters";
import { goalText, kb, load, ms, type PageGoal, printSamples, startMeasuredServer, sql, stopServer, unscheduleInventorySync } from "./lib/page-bench";
import { percentile } from "./lib/percentile";
import { freePort } from "../lib/free-port";
import { ensureProductionBuild } from "../lib/production-build";
import { seedDemoTenants } from "../lib/seed-demo-tenants";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "20000" },
    subscriptions: { type: "string", default: "1000" },
    rounds: { type: "string", default: "100" },
    html: { type: "string" },
  },
});
const [clusters, subscriptions, rounds] = [values.clusters, values.subscriptions, values.rounds].map(Number) as [number, number, number];

await ensureProductionBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, () => undefined);
const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
const emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
const dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-bench-"));
let server: ChildProcess | undefined;
try {
  await migrate(database.url);
  await seedDemoTenants({ url: database.url, origin: "throw-away" });
  // The app's modules read their settings once, on first use: set them before importing those.
  Object.assign(process.env, { DATABASE_URL: database.url, CLUSTERDESK_MODE: "local", CLUSTERDESK_EMULATOR_URL: emulator.url, CLUSTERDESK_LOG_LEVEL: "error" });
  const { syncInventory } = await import("../../lib/server/clusters/sync-inventory");
  const { sessionTokenOf } = await import("../../lib/server/auth/sign-in.test-helper");
  const { db } = await import("../../lib/server/db/client");

  // A finished sync also keeps the server from queueing one at start-up (its cache would look stale).
  await syncInventory({});
  const cached = await cloneCachedClusters(db(), { clusters, subscriptions });
  const token = await sessionTokenOf("alex.admin@clusterdesk-demo.onmicrosoft.com");
  await db().$disconnect();

  const started = await startMeasuredServer({ port: await freePort(), dataDir, caCertPath: emulator.caCertPath, sessionToken: token });
  server = started.server;
  const { get } = started;

  await unscheduleInventorySync(database.url);
  if (values.html) await writeFile(values.html, await get("/clusters"));
  const someSubscription = (await get("/clusters")).match(/<option value="([0-9a-f-]{36})"/)?.[1] ?? "";
  const shapes = {
    "first page": "/clusters",
    "search + page 5": "/clusters?q=payments&page=5",
    "filter + sort + page 3": "/clusters?exposure=open&sort=findings&page=3",
    "one subscription": `/clusters?subscription=${someSubscription}`,
  };
  const samples = new Map<string, number[]>([["/api/health (baseline)", []], ...Object.keys(shapes).map((name): [string, number[]] => [name, []])]);
  const sizes = new Map<string, { html: number; gzip: number }>();
  for (const [name, pathname] of Object.entries(shapes)) {
    const body = await get(pathname);
    sizes.set(name, { html: Buffer.byteLength(body), gzip: gzipSync(body).length });
  }
  // Warm-up: code paths, query plans, the connection pool.
  for (let round = 0; round < 10; round += 1) for (const pathname of ["/api/health", ...Object.values(shapes)]) await get(pathname);

  const loadBefore = load();
  const syncsBefore = await sql(database.url, "SELECT count(*) FROM inventory_sync");
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, pathname] of [["/api/health (baseline)", "/api/health"], ...Object.entries(shapes)] as const) {
      const start = performance.now();
      await get(pathname);
      samples.get(name)?.push(performance.now() - start);
    }
  }
  const syncsDuring = (await sql(database.url, "SELECT count(*) FROM inventory_sync")) - syncsBefore;

  console.log(`\nGET /clusters over HTTP, production build, admin session; ${cached} clusters cached in ${subscriptions} subscriptions; database: ${database.kind}`);
  console.log(`${rounds} sequential rounds, each: /api/health then every list shape; load average ${loadBefore} before, ${load()} after`);
  // Issue 15: "p95 < 50 ms over HTTP at 20,000 clusters … and a page payload under 50 KB" (the HTML as sent uncompressed).
  const goal: PageGoal = { p95Ms: 50, htmlBytes: 50 * 1024 };
  printSamples(samples, sizes, (name) => (name.startsWith("/api") ? null : goal));
  const all = [...samples].filter(([name]) => !name.startsWith("/api")).flatMap(([, times]) => times);
  const largest = Math.max(...[...sizes.values()].map((size) => size.html));
  console.log(`  all list shapes          p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, largest page ${kb(largest)}${goalText(goal, percentile(all, 95), largest)}`);
  if (syncsDuring > 0) console.log(`  note: ${syncsDuring} scheduled inventory sync(s) ran during the measurement and share its figures`);
} finally {
  await stopServer(server);
  await emulator.dispose();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}

