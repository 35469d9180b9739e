/**
 * Runs Clusterdesk's job workers without the web server: for a deployment that separates the two,
 * and for tests that need to kill a worker mid-change. The portal's own instances run the same
 * workers (instrumentation.ts). Needs DATABASE_URL and the Azure settings of the portal. It does not
 * migrate: it waits (up to 10 minutes) until the migration step or a starting instance has.
 */
import { ConfigurationError, parseSettings } from "../lib/config/settings";
import { launcherLogger } from "../lib/server/telemetry/launcher-log";
import { startTelemetry } from "../lib/server/telemetry/start";

// At info whatever CLUSTERDESK_LOG_LEVEL says, as the launcher's: "waiting for … migration(s)" and
// "workers started" are what people and scripts wait for.
const log = launcherLogger("info");

let databaseUrl: string | undefined;
try {
  databaseUrl = parseSettings(process.env).databaseUrl;
  if (!databaseUrl) throw new ConfigurationError(["DATABASE_URL is required for the worker"]);
} catch (error) {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
}
// Telemetry first: tracing patches pg and http as they load, so the workers are imported after it.
await startTelemetry("worker");
const { waitForSchema } = await import("../lib/server/db/wait-for-schema");
const { stopWorkersOnSignals } = await import("../lib/server/jobs/shutdown");
const { startWorkers } = await import("../lib/server/jobs/workers");
stopWorkersOnSignals({ exitWhenDone: true });
await waitForSchema(databaseUrl, { timeoutMs: 10 * 60_000, log: (message) => log.info(message) });
await startWorkers();
log.info("workers started");
