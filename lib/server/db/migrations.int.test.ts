import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { createIsolatedDatabase } from "@/test/support";
import { migrate, pendingMigrations, readMigrations } from "./migrations";

// A database of its own: these tests create and break migrations on purpose.
let database: TestDatabase;
beforeAll(async () => {
  database = await createIsolatedDatabase("migrations");
});
afterAll(() => database.drop());

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "clusterdesk-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(directory, name));
    await writeFile(path.join(directory, name, "migration.sql"), sql);
  }
  return directory;
}

describe("migration runner", () => {
  it("applies the project's migrations once and records them like prisma migrate deploy", async () => {
    const expected = await readMigrations();
    expect(expected.length).toBeGreaterThan(0);

    const first = await migrate(database.url);
    expect(first.applied).toEqual(expected.map((migration) => migration.name));
    const second = await migrate(database.url);
    expect(second).toEqual({ applied: [], alreadyApplied: expected.length });

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      expected.map((migration) => [migration.name, migration.checksum, 1]),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
  });

  it("leaves nothing behind when a migration fails, and applies it once it is fixed", async () => {
    const broken = await migrationsDir({
      "20990101000000_good": `CREATE TABLE runner_probe (id int primary key);`,
      "20990102000000_bad": `INSERT INTO runner_probe VALUES (1); SELECT * FROM no_such_table;`,
    });
    await expect(migrate(database.url, broken)).rejects.toThrow(/20990102000000_bad failed: .*no_such_table/);
    expect(await query(`SELECT * FROM runner_probe`)).toEqual([]);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20990102000000_bad'`)).toEqual([]);

    await writeFile(path.join(broken, "20990102000000_bad", "migration.sql"), `INSERT INTO runner_probe VALUES (1);`);
    expect((await migrate(database.url, broken)).applied).toEqual(["20990102000000_bad"]);
    expect(await query(`SELECT id FROM runner_probe`)).toEqual([{ id: 1 }]);
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const directory = await migrationsDir({ "20990201000000_once": `CREATE TABLE edited_probe (id int);` });
    await migrate(database.url, directory);
    await writeFile(path.join(directory, "20990201000000_once", "migration.sql"), `CREATE TABLE edited_probe (id bigint);`);
    await expect(migrate(database.url, directory)).rejects.toThrow(/20990201000000_once was changed after it was applied/);
  });

  it("lists pending migrations without touching the schema, for a portal that leaves migrating to a separate step", async () => {
    const fresh = await createIsolatedDatabase("migrations-pending");
    try {
      const directory = await migrationsDir({ "20990301000000_first": `CREATE TABLE pending_probe (id int);`, "20990302000000_second": `ALTER TABLE pending_probe ADD COLUMN note text;` });
      expect(await pendingMigrations(fresh.url, directory)).toEqual(["20990301000000_first", "20990302000000_second"]);
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      try {
        // Read-only: not even the bookkeeping table is created, so a role without DDL rights can ask.
        expect((await client.query(`SELECT to_regclass('"_prisma_migrations"') AS present`)).rows).toEqual([{ present: null }]);
        await migrate(fresh.url, directory);
        expect(await pendingMigrations(fresh.url, directory)).toEqual([]);
        await mkdir(path.join(directory, "20990303000000_third"));
        await writeFile(path.join(directory, "20990303000000_third", "migration.sql"), `SELECT 1;`);
        expect(await pendingMigrations(fresh.url, directory)).toEqual(["20990303000000_third"]);
      } finally {
        await client.end();
      }
    } finally {
      await fresh.drop();
    }
  });
});
