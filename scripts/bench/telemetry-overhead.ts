/**
 * npm run bench:telemetry [-- --rounds 100]
 *
 * What telemetry costs a request: two production servers (`next start` of the current build) on the
 * same throw-away database, one with telemetry off (the baseline, measured in the same run), one with
 * the metrics port and OTLP tracing on (spans exported to an in-process collector). Requests to both
 * are interleaved so they see the same machine load: `GET /api/health` (one SQL query, plus the audit
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

  // startMeasuredServer passes this process's environment on: set telemetry for the second one only.
  const off = await startMeasuredServer({ port: await freePort(), dataDir, caCertPath: emulator.caCertPath, sessionToken: token });
  servers.push(off.server);
  const metricsPort = await freePort();
  Object.assign(process.env, { CLUSTERDESK_METRICS_PORT: String(metricsPort), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.endpoint });
  const on = await startMeasuredServer({ port: await freePort(), dataDir, caCertPath: emulator.caCertPath, sessionToken: token });
  servers.push(on.server);

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
  for (let round = 0; round < 10; round += 1) for (const pathname of Object.values(requests)) await Promise.all([off.get(pathname), on.get(pathname)]);
  samples.clear();
  const loadBefore = load();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, pathname] of Object.entries(requests)) {
      // Alternate which server goes first, so neither always meets a warmer cache or a quieter core.
      const pair = [() => time(`${name} telemetry off`, () => off.get(pathname)), () => time(`${name} telemetry on`, () => on.get(pathname))];
      for (const run of round % 2 === 0 ? pair : pair.reverse()) await run();
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
    const [offP50, onP50] = [`${name} telemetry off`, `${name} telemetry on`].map((key) => percentile(samples.get(key) ?? [], 50)) as [number, number];
    const within = onP50 - offP50 <= Math.max(2, offP50 * 0.1);
    console.log(`  ${name.padEnd(24)} p50 overhead ${ms(onP50 - offP50)} (${(((onP50 - offP50) / offP50) * 100).toFixed(1)}%): ${within ? "within" : "NOT within"} the target (10% or 2 ms)`);
  }
  console.log(`  GET /metrics (scrape)    p50 ${ms(percentile(scrapes, 50))}, max ${ms(Math.max(...scrapes))}`);
} finally {
  for (const server of servers) await stopServer(server);
  await collector.close();
  await emulator.dispose();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}
