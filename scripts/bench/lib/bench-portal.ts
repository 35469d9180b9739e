import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createKubernetesSide } from "../../../emulator/kubernetes";
import { startTestEmulator, type TestEmulator } from "../../../emulator/test-support/start-test-emulator";
import type { db as appDb } from "../../../lib/server/db/client";
import { migrate } from "../../../lib/server/db/migrations";
import { freePort } from "../../lib/free-port";
import { ensureProductionBuild } from "../../lib/production-build";
import { seedDemoTenants } from "../../lib/seed-demo-tenants";
import { createTestDatabase, type TestDatabase } from "../../lib/test-database";
import { startMeasuredServer, stopServer, unscheduleInventorySync } from "./page-bench";

type Db = typeof appDb;

export type BenchPortal = {
  database: TestDatabase;
  emulator: TestEmulator;
  /** The app's Prisma client on the throw-away database, for filling the cache. */
  db: Db;
  /** Starts the measured production server with an admin's session; GET answers only 200. */
  serve: () => Promise<(pathname: string) => Promise<string>>;
};

/**
 * What the page benchmarks share: the current production build, a throw-away database migrated and
 * seeded with the demo tenants, an emulator, and one inventory sync of its clusters (realistic rows;
 * a finished sync also keeps the server from queueing one at start-up). `run` fills the cache and
 * measures; everything is stopped and dropped afterwards, whatever happens. `build: "as is"` serves
 * the build in .next without rebuilding (the bundle tests, which run right after `npm run build`).
 */
export async function withBenchPortal(run: (portal: BenchPortal) => Promise<void>, options: { build?: "fresh" | "as is" } = {}): Promise<void> {
  if (options.build === "as is") {
    if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no production build in .next: run `npm run build` first");
  } else {
    await ensureProductionBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, () => undefined);
  }
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
  const emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  const dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-bench-"));
  let server: ChildProcess | undefined;
  try {
    await migrate(database.url);
    await seedDemoTenants({ url: database.url, origin: "throw-away" });
    // The app's modules read their settings once, on first use: set them before importing those.
    Object.assign(process.env, { DATABASE_URL: database.url, CLUSTERDESK_MODE: "local", CLUSTERDESK_EMULATOR_URL: emulator.url, CLUSTERDESK_LOG_LEVEL: "error" });
    const { syncInventory } = await import("../../../lib/server/clusters/sync-inventory");
    const { sessionTokenOf } = await import("../../../lib/server/auth/sign-in.test-helper");
    const { db } = await import("../../../lib/server/db/client");
    await syncInventory({});
    const serve = async () => {
      const token = await sessionTokenOf("alex.admin@clusterdesk-demo.onmicrosoft.com");
      await db().$disconnect();
      const started = await startMeasuredServer({ port: await freePort(), dataDir, caCertPath: emulator.caCertPath, sessionToken: token });
      server = started.server;
      // The server's 15-minute sync over the emulator would share the measurement's two cores.
      await unscheduleInventorySync(database.url);
      return started.get;
    };
    await run({ database, emulator, db, serve });
  } finally {
    await stopServer(server);
    await emulator.dispose();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Ten warm-up rounds (code paths, query plans, the connection pool), then `rounds` sequential rounds
 * of `GET /api/health` (the baseline, interleaved so both see the same load) and every shape.
 */
export async function measureShapes(get: (pathname: string) => Promise<string>, shapes: Record<string, string>, rounds: number): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>([["/api/health (baseline)", []], ...Object.keys(shapes).map((name): [string, number[]] => [name, []])]);
  for (let round = 0; round < 10; round += 1) for (const pathname of ["/api/health", ...Object.values(shapes)]) await get(pathname);
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, pathname] of [["/api/health (baseline)", "/api/health"], ...Object.entries(shapes)] as const) {
      const start = performance.now();
      await get(pathname);
      samples.get(name)?.push(performance.now() - start);
    }
  }
  return samples;
}
