import pg from "pg";
import { migrate } from "../../../lib/server/db/migrations";
import { createTestDatabase } from "../../lib/test-database";

/**
 * The audit-review benchmark's database: N synthetic events filled by one generate_series INSERT
 * (hashes are unique stand-ins: the chain does not verify, nothing here reads it). Filling 1,000,000
 * events takes minutes on a busy machine, so `keep` leaves a database named after N on
 * TEST_DATABASE_URL's server and later runs reuse it (migrating it first, so a new index migration is
 * measured too); without `keep` the database is thrown away.
 */
export const benchTenants = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
export const benchActorOf = (index: number) => `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`;
export const benchClusterOf = (index: number) =>
  `/subscriptions/s-${index % 10}/resourcegroups/rg-${index}/providers/microsoft.containerservice/managedclusters/aks-${index}`;

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

async function keptDatabase(serverUrl: string | undefined, events: number): Promise<string> {
  if (!serverUrl) throw new Error("--keep needs TEST_DATABASE_URL (a local PostgreSQL server)");
  const url = new URL(serverUrl);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) throw new Error(`TEST_DATABASE_URL must be local, not ${url.hostname}`);
  const name = `clusterdesk_bench_audit_review_kept_${events}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated database holding `events` synthetic events; `drop` removes it unless it is kept. */
export async function openAuditReviewDatabase({ events, keep }: { events: number; keep: boolean }): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = keep ? { url: await keptDatabase(process.env.TEST_DATABASE_URL, events), drop: async () => {} } : await createTestDatabase(process.env.TEST_DATABASE_URL, "bench_audit_review");
  await migrate(database.url);
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  try {
    const { rowCount } = await raw.query("SELECT 1 FROM audit_event WHERE seq = $1 AND user_agent = 'bench'", [events]);
    if (rowCount) {
      console.log(`reusing ${events.toLocaleString("en")} events in the kept database`);
      return database;
    }
    const fillStart = performance.now();
    // One transaction: an interrupted fill leaves neither events nor dropped indexes behind.
    await raw.query("BEGIN");
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
    // The range branch of a lead's scope reads ranges their tenants own.
    await raw.query(`INSERT INTO authorized_ip_range (id, cluster_resource_id, range, reason, added_by_name, tenant_id)
      SELECT gen_random_uuid(), '/subscriptions/s-' || (g % 10) || '/resourcegroups/rg-' || g || '/providers/microsoft.containerservice/managedclusters/aks-' || g,
        '10.' || g || '.0.0/16', 'bench', 'bench', '${benchTenants[1]}' FROM generate_series(0, 9) AS g`);
    await raw.query("COMMIT");
    // A table in steady state: statistics, and the visibility map that lets index-only scans skip the heap.
    await raw.query("VACUUM ANALYZE audit_event");
    console.log(`filled ${events.toLocaleString("en")} events in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
    return database;
  } catch (error) {
    await raw.query("ROLLBACK").catch(() => undefined);
    await database.drop();
    throw error;
  } finally {
    await raw.end();
  }
}
