/** Applies pending migrations to DATABASE_URL (the portal also does this at start-up). */
import { migrate } from "../../lib/server/db/migrations";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const result = await migrate(databaseUrl);
console.log(`${result.applied.length} migration(s) applied (${result.applied.join(", ") || "none"}), ${result.alreadyApplied} already in place`);
