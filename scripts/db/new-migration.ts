/**
 * npm run db:new-migration -- <name>
 *
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that turns the schema of
 * the previous migration (kept in prisma/migrations/schema.snapshot.prisma) into prisma/schema.prisma,
 * then updates the snapshot. Hand-written SQL (triggers, functions) may be appended to the new file.
 * `prisma migrate diff` needs a reachable database even for datamodel-to-datamodel diffs under the
 * JS engine, so a throw-away embedded PostgreSQL serves it.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(1);
}
const migrationsDir = path.join("prisma", "migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];

const database = await startEmbeddedPostgres();
try {
  // Asynchronous on purpose: the embedded database answers from this very process.
  const { stdout: sql } = await promisify(execFile)(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
    { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" },
  );
  if (/This is an empty migration/.test(sql)) {
    console.log("schema.prisma has no changes since the last migration");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const directory = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, "migration.sql"), sql);
  copyFileSync(path.join("prisma", "schema.prisma"), snapshot);
  console.log(`wrote ${directory}/migration.sql`);
} finally {
  await database.stop();
}
