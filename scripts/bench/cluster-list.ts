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
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { measureShapes, withBenchPortal } from "./lib/bench-portal";
import { cloneCachedClusters } from "./lib/clone-cached-clusters";
import { clusterListShapes, listHtmlGoalBytes } from "./lib/cluster-list-shapes";
import { goalText, kb, load, ms, type PageGoal, printSamples, sql } from "./lib/page-bench";
import { percentile } from "./lib/percentile";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "20000" },
    subscriptions: { type: "string", default: "1000" },
    rounds: { type: "string", default: "100" },
    html: { type: "string" },
  },
});
const [clusters, subscriptions, rounds] = [values.clusters, values.subscriptions, values.rounds].map(Number) as [number, number, number];

await withBenchPortal(async ({ database, db, serve }) => {
  const cached = await cloneCachedClusters(db(), { clusters, subscriptions });
  const get = await serve();

  if (values.html) await writeFile(values.html, await get("/clusters"));
  const shapes = await clusterListShapes(get);
  const sizes = new Map<string, { html: number; gzip: number }>();
  for (const [name, pathname] of Object.entries(shapes)) {
    const body = await get(pathname);
    sizes.set(name, { html: Buffer.byteLength(body), gzip: gzipSync(body).length });
  }

  const loadBefore = load();
  const syncsBefore = await sql(database.url, "SELECT count(*) FROM inventory_sync");
  const samples = await measureShapes(get, shapes, rounds);
  const syncsDuring = (await sql(database.url, "SELECT count(*) FROM inventory_sync")) - syncsBefore;

  console.log(`\nGET /clusters over HTTP, production build, admin session; ${cached} clusters cached in ${subscriptions} subscriptions; database: ${database.kind}`);
  console.log(`${rounds} sequential rounds, each: /api/health then every list shape; load average ${loadBefore} before, ${load()} after`);
  // Issue 15: "p95 < 50 ms over HTTP at 20,000 clusters … and a page payload under 50 KB" (the HTML as sent uncompressed).
  const goal: PageGoal = { p95Ms: 50, htmlBytes: listHtmlGoalBytes };
  printSamples(samples, sizes, (name) => (name.startsWith("/api") ? null : goal));
  const all = [...samples].filter(([name]) => !name.startsWith("/api")).flatMap(([, times]) => times);
  const largest = Math.max(...[...sizes.values()].map((size) => size.html));
  console.log(`  all list shapes          p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, largest page ${kb(largest)}${goalText(goal, percentile(all, 95), largest)}`);
  if (syncsDuring > 0) console.log(`  note: ${syncsDuring} scheduled inventory sync(s) ran during the measurement and share its figures`);
});
