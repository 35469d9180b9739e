import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultMigrationsDir, migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createIsolatedDatabase } from "@/test/support";

// The migration that moved requests from an absolute expiry (computed when asked) to a lifetime
// (counted from application) must carry existing requests and ranges over, not just the schema.
const migrationName = "range_ownership_and_lifetime";

let database: TestDatabase;
let before: string;
beforeAll(async () => {
  database = await createIsolatedDatabase("range_migration");
  before = mkdtempSync(path.join(tmpdir(), "migrations-before-"));
  for (const entry of readdirSync(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.endsWith(migrationName)) cpSync(path.join(defaultMigrationsDir, entry.name), path.join(before, entry.name), { recursive: true });
  }
});
afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await database.drop();
});

it("turns stored expiry times into lifetimes and gives recorded ranges their request's tenant", async () => {
  await migrate(database.url, before);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const payload = {
      add: [
        { range: "198.51.100.7/32", owner: "CI", expiresAt: "2026-11-26T18:00:00.000Z" },
        { range: "198.51.100.8/32", owner: null, expiresAt: null },
      ],
      remove: ["192.0.2.0/24"],
    };
    await client.query(
      `INSERT INTO change_request (id, kind, tenant_id, payload, justification, requester_id, requester_name, correlation_id, created_at, updated_at)
       VALUES ('r1', 'authorized-ip-ranges', 't-payments', $1, 'CI agents', 'u1', 'Priya Patel', 'c1', '2026-11-26 10:00:00', now())`,
      [JSON.stringify(payload)],
    );
    await client.query(`INSERT INTO authorized_ip_range (id, cluster_resource_id, range, reason, added_by_name, request_id) VALUES ('a1', 'cluster', '198.51.100.7/32', 'CI agents', 'Priya Patel', 'r1')`);
    await client.query(`INSERT INTO authorized_ip_range (id, cluster_resource_id, range, reason, added_by_name) VALUES ('a2', 'cluster', '192.0.2.0/24', 'office', 'Alex Admin')`);

    expect((await migrate(database.url)).applied).toEqual([expect.stringMatching(new RegExp(`_${migrationName}$`))]);

    const request = await client.query(`SELECT payload, warnings FROM change_request WHERE id = 'r1'`);
    expect(request.rows[0]).toEqual({
      payload: {
        add: [
          { range: "198.51.100.7/32", owner: "CI", lifetimeSeconds: 8 * 3600 },
          { range: "198.51.100.8/32", owner: null, lifetimeSeconds: null },
        ],
        remove: ["192.0.2.0/24"],
      },
      warnings: [],
    });
    const ranges = await client.query(`SELECT id, tenant_id FROM authorized_ip_range ORDER BY id`);
    expect(ranges.rows).toEqual([
      { id: "a1", tenant_id: "t-payments" },
      { id: "a2", tenant_id: null },
    ]);
  } finally {
    await client.end();
  }
});
