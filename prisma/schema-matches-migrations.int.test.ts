import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { childEnvironment, createIsolatedDatabase } from "@/test/support";

/**
 * The committed migrations must produce exactly the schema that schema.prisma describes: we build
 * one database from the migrations, another straight from schema.prisma, and compare their catalogs.
 * Triggers and functions are hand-written additions to migrations and are not part of schema.prisma.
 */
const catalogQueries = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  constraints: `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
                FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`,
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(catalogQueries)) result[name] = (await client.query(sql)).rows;
    return result;
  } finally {
    await client.end();
  }
}

let fromMigrations: TestDatabase;
let fromSchema: TestDatabase;
beforeAll(async () => {
  fromMigrations = await createIsolatedDatabase("from_migrations");
  fromSchema = await createIsolatedDatabase("from_schema");
});
afterAll(async () => {
  await fromMigrations.drop();
  await fromSchema.drop();
});

it("migrations yield exactly the schema in schema.prisma", async () => {
  await migrate(fromMigrations.url);

  const { stdout: sql } = await promisify(execFile)(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
    { env: childEnvironment({ DATABASE_URL: fromSchema.url }), encoding: "utf8" },
  );
  const client = new pg.Client({ connectionString: fromSchema.url });
  await client.connect();
  await client.query(sql).finally(() => client.end());

  const expected = await catalog(fromSchema.url);
  expect(expected.columns?.length).toBeGreaterThan(0);
  expect(await catalog(fromMigrations.url)).toEqual(expected);
});
