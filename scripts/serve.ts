/**
 * Starts Clusterdesk: validates configuration, provides the embedded database when DATABASE_URL is
 * not set, applies migrations, starts the Azure emulator in local mode, then runs Next.js (`next dev`,
 * or `next start` with --production).
 *
 *   npm run local                    local mode, development server on :3000
 *   npm start                        production server (after `npm run build`)
 *   --port N                         listen elsewhere
 *   --test-database                  a throw-away database (TEST_DATABASE_URL's server, else in-memory PGlite)
 *                                    and, in local mode, the emulator on a free port
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigurationError, parseSettings } from "../lib/config/settings";
import { migrate } from "../lib/server/db/migrations";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { startLocalEmulator } from "./lib/local-emulator";
import { createTestDatabase } from "./lib/test-database";

const { values: options } = parseArgs({
  options: {
    production: { type: "boolean", default: false },
    port: { type: "string", default: "3000" },
    "test-database": { type: "boolean", default: false },
  },
});

const cleanups: Array<() => Promise<void>> = [];

async function main(): Promise<number> {
  const settings = parseSettings(process.env);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  let databaseUrl = settings.databaseUrl;
  if (options["test-database"]) {
    const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "e2e");
    cleanups.push(database.drop);
    databaseUrl = database.url;
    console.log(`[clusterdesk] throw-away ${database.kind} database for this run`);
  } else if (!databaseUrl) {
    const dataDir = path.resolve(settings.dataDir, "pglite");
    const embedded = await startEmbeddedPostgres({ dataDir });
    cleanups.push(embedded.stop);
    databaseUrl = embedded.url;
    console.log(`[clusterdesk] embedded PostgreSQL (PGlite) with data in ${dataDir}`);
  }
  childEnv.DATABASE_URL = databaseUrl;

  const result = await migrate(databaseUrl);
  console.log(`[clusterdesk] database ready: ${result.applied.length} migration(s) applied, ${result.alreadyApplied} already in place`);

  if (settings.mode === "local") {
    const emulator = await startLocalEmulator(settings, { freePort: options["test-database"], existingExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS });
    cleanups.push(emulator.stop);
    childEnv.CLUSTERDESK_EMULATOR_URL = emulator.url;
    childEnv.CLUSTERDESK_EMULATOR_SIGN_IN_URL = emulator.browserUrl;
    childEnv.NODE_EXTRA_CA_CERTS = emulator.caBundlePath;
    const { seedDemoTenants } = await import("./lib/seed-demo-tenants");
    console.log(`[clusterdesk] demo organisation: ${await seedDemoTenants(databaseUrl)} tenants in place`);
  }

  const command = options.production ? "start" : "dev";
  const next = spawn(path.join("node_modules", ".bin", "next"), [command, "--port", options.port], {
    env: childEnv,
    stdio: "inherit",
  });
  console.log(`[clusterdesk] ${settings.mode} mode: portal on http://localhost:${options.port}`);

  const stop = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  return new Promise((resolve) => next.on("exit", (code) => resolve(code ?? 0)));
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
