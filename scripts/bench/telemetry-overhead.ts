/**
 * npm run bench:telemetry [-- --rounds 100]
 *
 * What telemetry costs a request: three production servers (`next start` of the current build) on the
 * same throw-away database: telemetry off (the baseline, measured in the same run), the metrics port
 * only, and the metrics port with OTLP tracing (spans exported to an in-process collector). Requests
 * to the three are interleaved, in rotating order, so they see the same machine load: `GET /api/health` (one SQL query, plus the audit
 * chain's warning lookup) and `GET /clusters` (an admin's page, several queries). Job workers are off
 * in both, and the cost of one scrape of /metrics is printed too. Target: p50 within 10% (or 2 ms).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startTestEmulator } from "../../emulator/test-support/start-test-emulator";
import { startOtlpReceiver } from "../../lib/server/telemetry/otlp-receiver.test-helper";
import { migrate } from "../../lib/server/db/migrations";
import { load, ms, printSamples, startMeasuredServer, stopServer } from "./lib/page-bench";
import { percentile } from "./lib/percentile";
import { freePort } from "../lib/free-port";
import { ensureProductionBuild } from "../lib/production-build";
import { seedDemoTenants } from "../lib/seed-demo-tenants";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "100" } } });
const rounds = Number(values.rounds);

await ensureProductionBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, () => undefined);
const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench_telemetry");
const emulator = await startTestEmulator();
const collector = await startOtlpReceiver();
const dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-bench-"));
const servers: ChildProcess[] = [];
try {
  await migrate(database.url);
  await seedDemoTenants({ url: database.url, origin: "throw-away" });
  Object.assign(process.env, { DATABASE_URL: database.url, CLUSTERDESK_MODE: "local", CLUSTERDESK_EMULATOR_URL: emulator.url, CLUSTERDESK_LOG_LEVEL: "error", CLUSTERDESK_IN_PROCESS_WORKERS: "false" });
  const { syncInventory } = await import("../../lib/server/clusters/sync-inventory");
  const { sessionTokenOf } = await import("../../lib/server/auth/sign-in.test-helper");
  const { db } = await import("../../lib/server/db/client");
  await syncInventory({});
  const token = await sessionTokenOf("alex.admin@clusterdesk-demo.onmicrosoft.com");
  await db().$disconnect();

  // startMeasuredServer passes this process's environment on: telemetry is added server by server.
  const start = async (variables: Record<string, string>) => {
    Object.assign(process.env, variables);
    const started = await startMeasuredServer({ port: await freePort(), dataDir, caCertPath: emulator.caCertPath, sessionToken: token });
    servers.push(started.server);
    return started.get;
  };
  const metricsPort = await freePort();
  const variants = {
    "off": await start({}),
    "metrics": await start({ CLUSTERDESK_METRICS_PORT: String(metricsPort) }),
    "metrics+traces": await start({ CLUSTERDESK_METRICS_PORT: String(await freePort()), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.endpoint }),
  };

  const requests = { "/api/health": "/api/health", "/clusters": "/clusters" };
  const samples = new Map<string, number[]>();
  const scrapes: number[] = [];
  const time = async (name: string, request: () => Promise<unknown>) => {
    const start = performance.now();
    await request();
    const list = samples.get(name) ?? [];
    list.push(performance.now() - start);
    samples.set(name, list);
  };
  for (let round = 0; round < 10; round += 1) for (const pathname of Object.values(requests)) for (const get of Object.values(variants)) await get(pathname);
  const loadBefore = load();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, pathname] of Object.entries(requests)) {
      // Rotate which server goes first, so none always meets a warmer cache or a quieter core.
      const order = Object.entries(variants);
      for (let index = 0; index < order.length; index += 1) {
        const [variant, get] = order[(index + round) % order.length] ?? [];
        if (get) await time(`${name} ${variant}`, () => get(pathname));
      }
    }
    if (round % 10 === 0) {
      const start = performance.now();
      await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      scrapes.push(performance.now() - start);
    }
  }
  console.log(`\nTelemetry overhead, production build, admin session, ${rounds} interleaved rounds; database: ${database.kind}`);
  console.log(`load average ${loadBefore} before, ${load()} after; spans received by the collector: ${collector.spans.length}`);
  printSamples(samples, new Map());
  for (const name of Object.keys(requests)) {
    const offP50 = percentile(samples.get(`${name} off`) ?? [], 50);
    for (const variant of ["metrics", "metrics+traces"]) {
      const overhead = percentile(samples.get(`${name} ${variant}`) ?? [], 50) - offP50;
      const within = overhead <= Math.max(2, offP50 * 0.1);
      console.log(`  ${`${name} ${variant}`.padEnd(30)} p50 overhead ${ms(overhead)} (${((overhead / offP50) * 100).toFixed(1)}%): ${within ? "within" : "NOT within"} the target (10% or 2 ms)`);
    }
  }
  console.log(`  GET /metrics (scrape)    p50 ${ms(percentile(scrapes, 50))}, max ${ms(Math.max(...scrapes))}`);
} finally {
  for (const server of servers) await stopServer(server);
  await collector.close();
  await emulator.dispose();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}
