import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createIsolatedDatabase } from "@/test/support";
import { findInstalledTool } from "@/test/installed-tools";

/**
 * deploy/azure/database-roles.sql as setup.sh runs it with psql, twice (it must be idempotent), on
 * the test server, with names of its own (roles are server-wide). Then the migrator applies the
 * migrations and deploy/database/runtime-grants.sql, and the runtime role reads and appends.
 */
const suffix = randomBytes(4).toString("hex");
const names = { database: `clusterdesk_setup_${suffix}`, migrator: `clusterdesk_migrator_${suffix}`, runtime: `clusterdesk_runtime_${suffix}` };
const psql = findInstalledTool("psql", "Debian package postgresql-client");
let server: TestDatabase;

const urlFor = (user: string, database: string, password: string) => {
  const url = new URL(server.url);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
};
async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client.query(text).finally(() => client.end());
}
const runRolesScript = () =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    const args = [new URL("/postgres", server.url).toString(), "-X", "-q", "-v", "migrator_password=m-secret", "-v", "runtime_password=r-secret",
      "-v", `database=${names.database}`, "-v", `migrator=${names.migrator}`, "-v", `runtime=${names.runtime}`, "-f", path.join(import.meta.dirname, "database-roles.sql")];
    execFile(psql.path ?? "psql", args, { timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }));
  });

describe.skipIf(!psql.path)(`database-roles.sql with psql${psql.path ? "" : ` (skipped: ${"skipReason" in psql ? psql.skipReason : ""})`}`, () => {
  beforeAll(async () => {
    server = await createIsolatedDatabase("setup_roles");
  });
  afterAll(async () => {
    const admin = new URL("/postgres", server.url).toString();
    await query(admin, `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
    await query(admin, `DROP ROLE IF EXISTS ${names.runtime}`);
    await query(admin, `DROP ROLE IF EXISTS ${names.migrator}`);
    await server.drop();
  });

  it("creates the roles and the database owned by the migrator, and runs again without error", async () => {
    expect(await runRolesScript()).toEqual({ code: 0, stderr: "" });
    expect(await runRolesScript()).toEqual({ code: 0, stderr: "" });
    const owner = await query(new URL("/postgres", server.url).toString(), `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = '${names.database}'`);
    expect(owner.rows).toEqual([{ owner: names.migrator }]);
  });

  it("lets the migrator migrate and grant, and the runtime role read but not delete audit events", async () => {
    const migratorUrl = urlFor(names.migrator, names.database, "m-secret");
    await migrate(migratorUrl);
    const grants = readFileSync(path.join(import.meta.dirname, "..", "database", "runtime-grants.sql"), "utf8");
    await query(migratorUrl, grants.replaceAll("clusterdesk_runtime", names.runtime));
    const runtimeUrl = urlFor(names.runtime, names.database, "r-secret");
    expect((await query(runtimeUrl, "SELECT count(*)::int AS n FROM audit_event")).rows).toEqual([{ n: 0 }]);
    await expect(query(runtimeUrl, "DELETE FROM audit_event")).rejects.toThrow(/permission denied/);
    // The pg-boss gap: the runtime role may still create a schema of its own in the database.
    await query(runtimeUrl, "CREATE SCHEMA IF NOT EXISTS pgboss_probe");
  });
});
