/**
 * npm run bench:audit-review [-- --events 1000000 --rounds 30]
 *
 * The audit review's query at scale: a throw-away database (TEST_DATABASE_URL's server, else an
 * embedded PostgreSQL) is migrated and filled with N synthetic events by one generate_series INSERT
 * (hashes are unique stand-ins: the chain does not verify, nothing here reads it), indexes built
 * after the fill, then VACUUM ANALYZE. For every filter
 * shape the page asks for, the first page and a deep page (5,000 events in, reached by its cursor)
 * are timed through `reviewAuditEvents`, the page's own function, interleaved with the baseline: a
 * primary-key lookup through the same client, so both see the same machine load. Then the streamed
 * export of one tenant's events is timed against `COPY (same rows) TO STDOUT` by psql, with the
 * process's peak RSS while exporting.
 */
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import pg from "pg";
import { migrate } from "../../lib/server/db/migrations";
import { percentile } from "./lib/percentile";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { events: { type: "string", default: "1000000" }, rounds: { type: "string", default: "30" } } });
const [events, rounds] = [Number(values.events), Number(values.rounds)];
const ms = (value: number) => `${value.toFixed(2)} ms`;
const tenants = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
const actorOf = (index: number) => `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`;
const clusterOf = (index: number) => `/subscriptions/s-${index % 10}/resourcegroups/rg-${index}/providers/microsoft.containerservice/managedclusters/aks-${index}`;

// Realistic skew: sign-ins dominate, requests and changes follow, denials are rare.
const fillSql = `
INSERT INTO audit_event (seq, occurred_at, actor_kind, actor_object_id, actor_name, actor_upn, action, target_type, target_id,
  cluster_id, tenant_id, outcome, before, after, reason, correlation_id, client_ip, user_agent, prev_hash, hash)
SELECT g,
  timestamptz '2025-11-30' + (g::float8 / $1) * interval '365 days',
  CASE WHEN g % 10 = 0 THEN 'system'::audit_actor_kind ELSE 'user'::audit_actor_kind END,
  CASE WHEN g % 10 = 0 THEN NULL ELSE '00000000-0000-4000-9000-' || lpad((g * 7919 % 500)::text, 12, '0') END,
  'Person ' || (g * 7919 % 500), 'person' || (g * 7919 % 500) || '@contoso.example',
  (ARRAY['auth.sign_in','auth.sign_in','auth.sign_in','auth.sign_in','session.revoked','request.created','request.approved',
         'request.rejected','request.applying','request.applied','request.failed','cluster.authorized_ip_range.adopted',
         'cluster.synced','access.denied','access.granted','audit.exported'])[1 + (g * 31 % 16)],
  CASE WHEN g % 5 = 0 THEN 'authorized_ip_range' WHEN g % 3 = 0 THEN 'session' ELSE 'change_request' END,
  CASE WHEN g % 5 = 0 THEN '10.' || (g % 250) || '.0.0/16' ELSE 'obj-' || (g / 5) END,
  '/subscriptions/s-' || (g % 200 % 10) || '/resourcegroups/rg-' || (g % 200) || '/providers/microsoft.containerservice/managedclusters/aks-' || (g % 200),
  CASE WHEN g % 2 = 0 THEN NULL ELSE '00000000-0000-4000-8000-' || lpad((g * 13 % 20)::text, 12, '0') END,
  CASE WHEN g % 97 = 0 THEN 'denied'::audit_outcome WHEN g % 13 = 0 THEN 'failure'::audit_outcome ELSE 'success'::audit_outcome END,
  NULL, jsonb_build_object('status', 'applied', 'n', g), NULL,
  'corr-' || (g / 5), '192.0.2.' || (g % 250), 'bench',
  md5('p' || g) || md5('q' || g), md5('h' || g) || md5('i' || g)
FROM generate_series(1, $1::bigint) AS g`;

const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench_audit_review");
try {
  await migrate(database.url);
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  const fillStart = performance.now();
  // Secondary indexes are built after the fill (as a restore would): minutes faster than maintaining
  // them row by row. Their definitions come from the migrated catalog, so the bench measures exactly
  // the indexes the migrations create.
  const { rows: indexes } = await raw.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_event' AND indexname <> 'audit_event_pkey'",
  );
  for (const index of indexes) await raw.query(`DROP INDEX "${index.indexname}"`);
  // The append-only trigger refuses UPDATE and DELETE only; a bulk INSERT is what appends are.
  await raw.query(fillSql, [events]);
  for (const index of indexes) await raw.query(index.indexdef);
  // A table in steady state: statistics, and the visibility map that lets index-only scans skip the heap.
  await raw.query("VACUUM ANALYZE audit_event");
  console.log(`filled ${events.toLocaleString("en")} events in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
  // The range branch of a lead's scope reads ranges their tenants own.
  await raw.query(`INSERT INTO authorized_ip_range (id, cluster_resource_id, range, reason, added_by_name, tenant_id)
    SELECT gen_random_uuid(), '/subscriptions/s-' || (g % 10) || '/resourcegroups/rg-' || g || '/providers/microsoft.containerservice/managedclusters/aks-' || g,
      '10.' || g || '.0.0/16', 'bench', 'bench', '${tenants[1]}' FROM generate_series(0, 9) AS g`);

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

  // Export of one tenant's events against COPY of the same rows.
  const { exportAuditEvents } = await import("../../lib/server/audit/export-audit-events");
  const user = { sessionId: "bench", groupIds: [], objectId: actorOf(1), displayName: "Bench", userPrincipalName: "bench@contoso.example", principal: { objectId: actorOf(1), roles: ["auditor" as const], ownedTenantIds: [] } };
  const context = { clientIp: "127.0.0.1", userAgent: "bench", correlationId: "bench-export", path: "/audit/export" };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const rssBefore = process.memoryUsage().rss;
  let bytes = 0;
  let exportedLines = 0;
  const exportMs = await time(async () => {
    const stream = await exportAuditEvents({ scope: all, filters: { tenantId: tenants[3] }, format: "csv" }, user, context);
    for await (const chunk of stream) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) exportedLines += 1;
    }
  });
  clearInterval(sampler);
  const copyMs = await time(() =>
    promisify(execFile)("psql", [database.url, "-qAt", "-c", `\\copy (SELECT * FROM audit_event WHERE tenant_id = '${tenants[3]}' ORDER BY seq DESC) TO STDOUT WITH CSV`], { maxBuffer: 1 << 30 }),
  );
  const rowsExported = exportedLines - 1;
  console.log(`\nexport (CSV, one tenant): ${rowsExported.toLocaleString("en")} events, ${(bytes / 1048576).toFixed(1)} MB in ${ms(exportMs)} = ${Math.round(rowsExported / (exportMs / 1000)).toLocaleString("en")} events/s`);
  console.log(`COPY … TO STDOUT (psql, same rows): ${ms(copyMs)} = ${Math.round(rowsExported / (copyMs / 1000)).toLocaleString("en")} events/s; export/COPY throughput ${(copyMs / exportMs).toFixed(2)}×`);
  console.log(`RSS before export ${(rssBefore / 1048576).toFixed(0)} MB, peak during export ${(peakRss / 1048576).toFixed(0)} MB`);
  await raw.end();
  await db().$disconnect();
} finally {
  await database.drop();
}
