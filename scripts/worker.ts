/**
 * Runs Clusterdesk's job workers without the web server: for a deployment that separates the two,
 * and for tests that need to kill a worker mid-change. The portal's own instances run the same
 * workers (instrumentation.ts). Needs DATABASE_URL and the Azure settings of the portal.
 */
import { ConfigurationError, parseSettings } from "../lib/config/settings";
import { stopWorkersOnSignals } from "../lib/server/jobs/shutdown";
import { startWorkers } from "../lib/server/jobs/workers";

try {
  parseSettings(process.env);
} catch (error) {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
}
stopWorkersOnSignals({ exitWhenDone: true });
await startWorkers();
console.log("[clusterdesk] workers started");
