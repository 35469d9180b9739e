import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { sharedDev } from "@/test/persona-sessions";
import { childEnvironment, useEmulator } from "@/test/support";

/** `npm run worker` as a child process against the integration database and a test's emulator. */
export function startWorkerProcess(emulator: TestEmulator): ChildProcess {
  return spawn("node", ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: childEnvironment({
      DATABASE_URL: inject("databaseUrl"),
      CLUSTERDESK_EMULATOR_URL: emulator.url,
      NODE_EXTRA_CA_CERTS: emulator.caCertPath,
      CLUSTERDESK_LOG_LEVEL: "warn",
    }),
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Polls `probe` until it returns a value; deadlines are generous because CI machines are busy. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Successful PUTs of one cluster that the emulator recorded. */
export function successfulClusterPuts(emulator: TestEmulator, clusterName: string) {
  return emulator.requests().filter((entry) => entry.method === "PUT" && entry.path.split("?")[0]?.endsWith(`/managedClusters/${clusterName}`) && entry.status < 300);
}

/**
 * For a test file that drives worker processes: an emulator whose long-running operations take
 * `lroDurationMs`, the app pointed at it, and every worker started killed at the end.
 */
export function withWorkerProcesses(lroDurationMs: number): { emulator: () => TestEmulator; startWorker: () => ChildProcess } {
  let emulator: TestEmulator | undefined;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    emulator = await startTestEmulator({ lroDurationMs });
    useEmulator(emulator.url);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    await stopJobQueue();
    await emulator?.dispose();
  });
  const current = () => {
    if (!emulator) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };
  return {
    emulator: current,
    startWorker: () => {
      const worker = startWorkerProcess(current());
      workers.push(worker);
      return worker;
    },
  };
}

export { sharedDev as sharedDevClusterId } from "@/test/persona-sessions";

/** An admin's direct addition of `range` to aks-shared-dev: approved at once, queued for a worker. */
export function applyRangeDirectly(range: string) {
  return createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: clusterKey(sharedDev),
      tenantId: null,
      payload: { add: [{ range, lifetimeSeconds: null, owner: "CI" }], remove: [] },
      justification: "build agents",
      decideBy: null,
    },
    { kind: "user", objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "worker process test" } },
  );
}

/** The request once it has ended applied or failed. */
export function requestOutcome(requestId: string, timeoutMs: number) {
  return waitFor(
    "the request to be applied or to fail",
    async () => {
      const current = await db().changeRequest.findUniqueOrThrow({ where: { id: requestId } });
      return current.status === "applied" || current.status === "failed" ? current : undefined;
    },
    timeoutMs,
  );
}
