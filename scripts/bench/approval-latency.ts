/**
 * npm run bench:approval [-- --requests 30 --latency 0]
 *
 * Approval to the first ARM write: N IP-range requests on aks-shared-dev, each created pending by one
 * admin and approved by another through the engine (`decideChangeRequest`, what the approve action
 * calls), one at a time. Measured from the approval returning to the emulator receiving the cluster
 * PUT that carries the request's correlation id (the emulator's request log stamps each request when
 * it arrives; both run on this machine's clock). The worker is `npm run worker` in a child process,
 * as a separate deployment would run it, so the wake-up crosses processes like it does in production.
 * Baseline in the same run: one ARM GET of the cluster through the SDK, timed the same way (call
 * started → request received by the emulator) and as a full round trip. `--latency N` delays every ARM
 * request by N ms in the emulator (as bench:inventory does), so each ARM read on the way shows.
 * The executor's share is split at the first ARM request carrying the request's correlation id (the
 * database work before it, then the ARM reads and writes before the PUT), with how many ARM requests
 * preceded the PUT. The load average is printed before and after.
 * Throw-away database on TEST_DATABASE_URL's server (else an embedded PostgreSQL); in-process emulator.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { startTestEmulator } from "../../emulator/test-support/start-test-emulator";
import { clusterKey } from "../../lib/clusters/resource-id";
import { migrate } from "../../lib/server/db/migrations";
import { sharedDev } from "../../test/persona-sessions";
import { createTestDatabase } from "../lib/test-database";
import { percentile } from "./lib/percentile";

const { values } = parseArgs({ options: { requests: { type: "string", default: "30" }, latency: { type: "string", default: "0" } } });
const requests = Number(values.requests);
const latencyMs = Number(values.latency);
if (!Number.isInteger(requests) || requests < 2 || !Number.isInteger(latencyMs) || latencyMs < 0) {
  console.error("usage: npm run bench:approval -- [--requests N] [--latency MS] with N >= 2, MS >= 0");
  process.exit(1);
}

const requester = { kind: "user", objectId: randomUUID(), name: "Riley Requester", upn: "riley@clusterdesk-demo.onmicrosoft.com" } as const;
const approver = { kind: "user", objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" } as const;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 5): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
const summary = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`;

const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
const emulator = await startTestEmulator({ lroDurationMs: 30 });
let worker: ChildProcess | undefined;
try {
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.CLUSTERDESK_EMULATOR_URL = emulator.url;
  process.env.CLUSTERDESK_LOG_LEVEL = "error";
  const { db } = await import("../../lib/server/db/client");
  const { createChangeRequest } = await import("../../lib/server/requests/create-request");
  const { decideChangeRequest } = await import("../../lib/server/requests/decide-request");
  const { getCluster } = await import("../../lib/server/azure/managed-clusters");
  const { jobQueue, stopJobQueue } = await import("../../lib/server/jobs/queue");
  await jobQueue();

  worker = spawn("node", ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.caCertPath, CLUSTERDESK_LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // The worker's start-up inventory sync reads every cluster; let it finish before timing.
  await waitFor("the worker's first inventory sync", async () => ((await db().inventorySync.count({ where: { status: { in: ["succeeded", "partial", "failed"] } } })) > 0 ? true : undefined), 120_000, 200);
  if (latencyMs > 0) emulator.injectFault({ path: "^/subscriptions/", latencyMs, count: 1_000_000_000 });
  const loadBefore = load();

  const receivedAt = (method: string, correlationId: string) =>
    emulator.requests().find((entry) => entry.method === method && entry.clientRequestId === correlationId && entry.path.split("?")[0]?.endsWith("/managedClusters/aks-shared-dev"));

  // Baseline: one SDK read of the cluster, call → received and call → answered.
  const readReceived: number[] = [];
  const readRoundTrip: number[] = [];
  for (let index = 0; index < requests + 2; index += 1) {
    const correlationId = randomUUID();
    const started = Date.now();
    await getCluster(clusterKey(sharedDev), correlationId);
    const answered = Date.now();
    const entry = await waitFor("the GET in the request log", () => receivedAt("GET", correlationId), 10_000);
    if (index < 2) continue; // warm-up: token, TLS, SDK pipeline
    readReceived.push(Date.parse(entry.time) - started);
    readRoundTrip.push(answered - started);
  }

  const latencies: number[] = [];
  const queueWaits: number[] = [];
  const executorTimes: number[] = [];
  const beforeArm: number[] = [];
  const armBeforePut: number[] = [];
  const armCallsBeforePut: number[] = [];
  for (let index = 0; index < requests + 2; index += 1) {
    const created = await createChangeRequest(
      {
        kind: "authorized-ip-ranges",
        clusterResourceId: clusterKey(sharedDev),
        tenantId: null,
        payload: { add: [{ range: `198.18.${Math.floor(index / 250)}.${index % 250}/32`, lifetimeSeconds: null, owner: "bench" }], remove: [] },
        justification: "approval latency benchmark",
        decideBy: null,
      },
      requester,
      { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    );
    // The executor sends the request's own correlation id (made at creation) to ARM.
    const { correlationId: requestCorrelationId } = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id }, select: { correlationId: true } });
    const outcome = await decideChangeRequest(created.id, "approve", "", approver, { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" });
    const approved = Date.now();
    if (!outcome.ok) throw new Error(`approval refused: ${outcome.error}`);
    const put = await waitFor("the cluster PUT", () => receivedAt("PUT", requestCorrelationId), 60_000);
    // Wait for the request to end, so that every request finds the cluster idle.
    const ended = await waitFor(
      "the request to be applied",
      async () => {
        const { status, lastError } = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
        return status === "applied" || status === "failed" ? { status, lastError } : undefined;
      },
      60_000,
      20,
    );
    if (ended.status !== "applied") throw new Error(`request ${created.number} failed: ${ended.lastError}`);
    if (index < 2) continue;
    latencies.push(Date.parse(put.time) - approved);
    // The two halves: the queue handing the job to the worker, then the executor up to its write.
    const [job] = await db().$queryRaw<{ created: number; started: number }[]>`
      SELECT extract(epoch FROM created_on) * 1000 AS created, extract(epoch FROM started_on) * 1000 AS started
      FROM pgboss.job_common WHERE name = 'change-request-execute' AND singleton_key = ${created.id} ORDER BY created_on LIMIT 1`;
    if (job) {
      queueWaits.push(Number(job.started) - Number(job.created));
      executorTimes.push(Date.parse(put.time) - Number(job.started));
      const armBefore = emulator.requests().filter((entry) => entry.clientRequestId === requestCorrelationId && Date.parse(entry.time) <= Date.parse(put.time) && entry.method !== "PUT");
      const firstArm = Math.min(...armBefore.map((entry) => Date.parse(entry.time)), Date.parse(put.time));
      beforeArm.push(firstArm - Number(job.started));
      armBeforePut.push(Date.parse(put.time) - firstArm);
      armCallsBeforePut.push(armBefore.length);
    }
  }

  console.log(`approval → first ARM write, ${requests} requests one at a time (after 2 warm-up), worker in a child process, ${latencyMs} ms on every ARM request, database: ${database.kind}`);
  console.log(`  load average before: ${loadBefore}, after: ${load()}`);
  console.log(`  baseline, ARM GET of the cluster, call → received: ${summary(readReceived)}`);
  console.log(`  baseline, ARM GET of the cluster, round trip:      ${summary(readRoundTrip)}`);
  console.log(`  approval returned → PUT received:                  ${summary(latencies)}`);
  console.log(`    of which job created → job started (queue):     ${summary(queueWaits)}`);
  console.log(`    of which job started → PUT received (executor): ${summary(executorTimes)}`);
  console.log(`      job started → first ARM request (database):  ${summary(beforeArm)}`);
  console.log(`      first ARM request → PUT received (ARM):      ${summary(armBeforePut)}; ARM requests before the PUT: ${[...new Set(armCallsBeforePut)].sort().join(" or ")}`);
  await stopJobQueue();
} finally {
  worker?.kill("SIGTERM");
  await new Promise((resolve) => (worker && worker.exitCode === null ? worker.once("exit", resolve) : resolve(undefined)));
  await emulator.dispose();
  await database.drop();
}
process.exit(process.exitCode ?? 0);
