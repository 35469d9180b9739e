/**
 * Applies pending migrations to DATABASE_URL (the portal also does this at start-up, unless it is
 * started with --skip-migrations). With CLUSTERDESK_RUNTIME_ROLE it then applies
 * deploy/database/runtime-grants.sql for that role, so the role the portal runs as gets the tables it
 * works with and no more than INSERT and SELECT on the audit log (the migration Job sets it).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/server/db/migrations";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const runtimeRole = process.env.CLUSTERDESK_RUNTIME_ROLE;
if (runtimeRole !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(runtimeRole)) {
  console.error("CLUSTERDESK_RUNTIME_ROLE must be a lower-case PostgreSQL role name (letters, digits, _)");
  process.exit(1);
}
const result = await migrate(databaseUrl);
console.log(`${result.applied.length} migration(s) applied (${result.applied.join(", ") || "none"}), ${result.alreadyApplied} already in place`);
if (runtimeRole) {
  // The same file in a checkout and in the production artefact (scripts/build-artefact.ts copies it).
  const grants = await readFile(path.join(process.cwd(), "deploy", "database", "runtime-grants.sql"), "utf8");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(grants.replaceAll("clusterdesk_runtime", `"${runtimeRole}"`));
  } finally {
    await client.end();
  }
  console.log(`runtime role ${runtimeRole}: granted its tables, INSERT and SELECT only on the audit log`);
}
