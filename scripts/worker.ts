/**
 * Runs Clusterdesk's job workers without the web server: for a deployment that separates the two,
 * and for tests that need to kill a worker mid-change. The portal's own instances run the same
 * workers (instrumentation.ts). Needs DATABASE_URL and the Azure settings of the portal.
 */
import { ConfigurationError, parseSettings } from "../lib/config/settings";
import { stopJobQueue } from "../lib/server/jobs/queue";
import { startWorkers } from "../lib/server/jobs/workers";

try {
  parseSettings(process.env);
} catch (error) {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
}
await startWorkers();
console.log("[clusterdesk] workers started");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopJobQueue().finally(() => process.exit(0));
  });
}
