/**
 * npm run bench:access [-- --clusters 2000 --entries 20 --rounds 100]
 *
 * The access pages over HTTP against a production server (`next start` of the current build, built
 * first when the sources changed) with an admin's session, the access cache holding N clusters × M
 * entries. As bench:cluster-list: the emulator's clusters are synced once for realistic rows (the
 * sync also fills their access cache), then the inventory is cloned in SQL to N clusters and each
 * clone gets M cached entries, one through a group Max Müller is in and one to Max directly, so the
 * person view of Max meets 2 × N entries. Baselines in the same run, interleaved: `GET /api/health`, and
 * the same cluster's overview page (the portal's layout and session without any access data).
 */
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { demoUsers } from "../../emulator/seed/organisation";
import { measureShapes, withBenchPortal } from "./lib/bench-portal";
import { cloneCachedClusters } from "./lib/clone-cached-clusters";
import { fillAccessCache } from "./lib/fill-access-cache";
import { goalText, load, ms, type PageGoal, printSamples } from "./lib/page-bench";
import { percentile } from "./lib/percentile";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "2000" },
    entries: { type: "string", default: "20" },
    subscriptions: { type: "string", default: "50" },
    rounds: { type: "string", default: "100" },
  },
});
const [clusters, entries, subscriptions, rounds] = [values.clusters, values.entries, values.subscriptions, values.rounds].map(Number) as [number, number, number, number];

await withBenchPortal(async ({ database, db, serve }) => {
  await cloneCachedClusters(db(), { clusters, subscriptions });
  const filled = await fillAccessCache(db(), entries);
  const tab = await db().$queryRawUnsafe<Array<{ subscription_id: string; resource_group: string; name: string }>>(
    `SELECT subscription_id, resource_group, name FROM inventory_cluster
     WHERE cluster->'identity'->>'managedAad' = 'true' AND cluster->'identity'->>'azureRbac' = 'true'
       AND key IN (SELECT cluster_key FROM cluster_access_entry GROUP BY cluster_key HAVING count(*) = $1::int)
     ORDER BY name LIMIT 1`,
    entries,
  );
  const someCluster = tab[0];
  if (!someCluster) throw new Error("no cloned Azure-RBAC cluster to open");
  const get = await serve();

  const shapes = {
    "person view, page 1": `/access?principal=${demoUsers.member}`,
    "person view, page 20": `/access?principal=${demoUsers.member}&page=20`,
    "cluster Access tab": `/clusters/${someCluster.subscription_id}/${someCluster.resource_group}/${someCluster.name}/access`,
    // A second baseline: the same cluster's overview, the same layout and session, no access data.
    "cluster overview (base)": `/clusters/${someCluster.subscription_id}/${someCluster.resource_group}/${someCluster.name}`,
  };
  const sizes = new Map<string, { html: number; gzip: number }>();
  for (const [name, pathname] of Object.entries(shapes)) {
    const body = await get(pathname);
    if (name.startsWith("person") && !body.includes("Pages of access found on clusters")) throw new Error(`${name}: the page shows no paging; is the cache filled?`);
    if (name === "cluster Access tab" && !body.includes("Role assignments found on the cluster")) throw new Error(`${name}: no found entries on the page`);
    sizes.set(name, { html: Buffer.byteLength(body), gzip: gzipSync(body).length });
  }

  const loadBefore = load();
  const samples = await measureShapes(get, shapes, rounds);
  console.log(`\nAccess pages over HTTP, production build, admin session; ${filled} cached access entries (${clusters} cloned clusters × ${entries}, plus the seed's); database: ${database.kind}`);
  console.log(`${rounds} sequential rounds, each: /api/health then every page; load average ${loadBefore} before, ${load()} after`);
  // Issue 12: "answers p95 < 100 ms"; the baselines have no goal of their own.
  const goal: PageGoal = { p95Ms: 100 };
  const isBaseline = (name: string) => name.startsWith("/api") || name.endsWith("(base)");
  printSamples(samples, sizes, (name) => (isBaseline(name) ? null : goal));
  const all = [...samples].filter(([name]) => !isBaseline(name)).flatMap(([, times]) => times);
  console.log(`  all access pages         p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}${goalText(goal, percentile(all, 95))}`);
});
