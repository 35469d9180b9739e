/**
 * Runs Clusterdesk's job workers without the web server: for a deployment that separates the two,
 * and for tests that need to kill a worker mid-change. The portal's own instances run the same
 * workers (instrumentation.ts). Needs DATABASE_URL and the Azure settings of the portal. It does not
 * migrate: it waits (up to 10 minutes) until the migration step or a starting instance has.
 */
import { ConfigurationError, parseSettings } from "../lib/config/settings";
import { waitForSchema } from "../lib/server/db/wait-for-schema";
import { stopWorkersOnSignals } from "../lib/server/jobs/shutdown";
import { startWorkers } from "../lib/server/jobs/workers";

let databaseUrl: string | undefined;
try {
  databaseUrl = parseSettings(process.env).databaseUrl;
  if (!databaseUrl) throw new ConfigurationError(["DATABASE_URL is required for the worker"]);
} catch (error) {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
}
stopWorkersOnSignals({ exitWhenDone: true });
await waitForSchema(databaseUrl, { timeoutMs: 10 * 60_000, log: (message) => console.log(`[clusterdesk] ${message}`) });
await startWorkers();
console.log("[clusterdesk] workers started");
