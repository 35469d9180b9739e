import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../emulator/test-support/start-test-emulator";
import { demoSubscriptions } from "../emulator/seed/organisation";
import { localDemoOrganisation } from "../lib/config/local-mode";
import { emulatorAsCustomCloud } from "../test/app-under-test";
import { freePort } from "./lib/free-port";
import { createTestDatabase, type TestDatabase } from "./lib/test-database";
import { eventually, healthy, type Instance, startPortal, startWorker } from "./multi-instance/instances";
import { callAction, formOf, loadPage, postAction, signIn } from "./multi-instance/portal-client";

/**
 * Several instances (issue 16 item 7): two portal instances of the production build and a worker on
 * one fresh PostgreSQL database, all started at the same moment, against one emulator standing in for
 * Entra ID, ARM and Graph as a custom cloud (Azure mode, as a deployment runs). Migrations run once,
 * a session works on either instance, a request made on one and approved on the other is applied
 * once, Refresh pressed on both gives one inventory sync, and an instance stopped or killed during
 * a long-running ARM operation loses nothing. Needs the build in .next (the bundle step).
 */
const baseUrl = "https://clusterdesk-multi.contoso.test";
const lroMs = 6000;
const clusterPath = `/clusters/${demoSubscriptions.nonProduction}/rg-dev/aks-shared-dev/ip-ranges`;
const clusterId = `/subscriptions/${demoSubscriptions.nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;

let emulator: TestEmulator;
let database: TestDatabase;
let environment: NodeJS.ProcessEnv;
const ports: Record<"a" | "b", number> = { a: 0, b: 0 };
const instances: Record<"a" | "b" | "worker", Instance | undefined> = { a: undefined, b: undefined, worker: undefined };
const origin = (name: "a" | "b") => `http://127.0.0.1:${ports[name]}`;
const sessions = { admin: "", secondAdmin: "" };

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

function outputs(): string {
  return Object.values(instances).map((instance) => (instance ? `--- ${instance.name}\n${instance.output().slice(-4000)}` : "")).join("\n");
}

const successfulPuts = () =>
  emulator.requests().filter((entry) => entry.method === "PUT" && entry.path.split("?")[0]?.endsWith("/managedClusters/aks-shared-dev") && entry.status < 300);

beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs: lroMs, redirectUris: [`${baseUrl}/auth/callback`] });
  database = await createTestDatabase(process.env.TEST_DATABASE_URL, "multi");
  environment = {
    ...process.env,
    ...emulatorAsCustomCloud(emulator.url, baseUrl),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CLUSTERDESK_LOG_LEVEL: "warn",
    DATABASE_URL: database.url,
    AZURE_CLIENT_SECRET: localDemoOrganisation.clientSecret,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
  };
  for (const [name, value] of Object.entries(environment)) if (value === undefined || name === "CLUSTERDESK_TEST_HOOKS") delete environment[name];
  ports.a = await freePort();
  ports.b = await freePort();
  // The worker does not migrate: started first, it meets the empty database and must wait (it used
  // to crash on the missing tables). Then both launchers at the same moment race to migrate.
  const worker = startWorker("worker", environment);
  instances.worker = worker;
  try {
    await Promise.race([
      eventually("the worker to wait for the migrations", async () => (/waiting for \d+ database migration/.test(worker.output()) ? true : undefined), 60_000, 200),
      worker.exited.then((code) => Promise.reject(new Error(`the worker exited (${String(code)}) instead of waiting for the migrations`))),
    ]);
  } catch (error) {
    throw new Error(`${String(error)}\n${outputs()}`);
  }
  instances.a = startPortal("portal a", ports.a, environment);
  // B serves pages only (as deploy/kubernetes's web pods); A also runs the job workers in-process.
  instances.b = startPortal("portal b", ports.b, { ...environment, CLUSTERDESK_IN_PROCESS_WORKERS: "false" });
  try {
    await eventually("both portal instances to answer /api/health", async () => ((await healthy(ports.a)) && (await healthy(ports.b))) || undefined, 200_000, 1000);
  } catch (error) {
    throw new Error(`${String(error)}\n${outputs()}`);
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(Object.values(instances).map((instance) => instance?.stop("SIGKILL")));
  await emulator?.dispose();
  await database?.drop();
}, 60_000);

describe("two portal instances and a worker on one database", () => {
  it("applied the migrations once although both instances raced to", { timeout: 90_000 }, async () => {
    const folders = readdirSync(path.join("prisma", "migrations"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const rows = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations");
    expect(rows.map((row) => row.migration_name).sort()).toEqual([...folders].sort());
    expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
    const applied = [instances.a, instances.b].map((instance) => Number(/database ready: (\d+) migration\(s\) applied/.exec(instance?.output() ?? "")?.[1] ?? "NaN"));
    // One launcher applied them all under the advisory lock; the other found them in place.
    expect(applied.sort((left, right) => left - right)).toEqual([0, folders.length]);
    expect(outputs()).not.toMatch(/"level":"error"|Error:|migration.*failed/i);
    expect(instances.worker?.process.exitCode).toBeNull();
    await eventually("the worker to start once the schema is in place", async () => (/workers started/.test(instances.worker?.output() ?? "") ? true : undefined), 60_000, 200);
  });

  it("keeps a session started on one instance and finished on the other valid on both", { timeout: 60_000 }, async () => {
    sessions.admin = await signIn(origin("a"), origin("b"), "alex.admin@clusterdesk-demo.onmicrosoft.com");
    sessions.secondAdmin = await signIn(origin("b"), origin("a"), "alice.nguyen@clusterdesk-demo.onmicrosoft.com");
    for (const name of ["a", "b"] as const) {
      const page = await loadPage(origin(name), "/requests", sessions.admin);
      expect(page.status).toBe(200);
      expect(page.html).toContain("Alex Admin");
    }
    // A made-up token under the same cookie name is no session on either instance.
    const forged = `${sessions.admin.split("=")[0] ?? ""}=forged-token`;
    for (const name of ["a", "b"] as const) expect((await loadPage(origin(name), "/requests", forged)).status).toBe(307);
    // Signing out on one instance ends the session on the other too.
    const auditor = await signIn(origin("a"), origin("a"), "olu.adeyemi@clusterdesk-demo.onmicrosoft.com");
    expect((await loadPage(origin("b"), "/requests", auditor)).status).toBe(200);
    await postAction(origin("b"), "/requests", auditor, "signOutAction", []);
    for (const name of ["a", "b"] as const) expect((await loadPage(origin(name), "/requests", auditor)).status).toBe(307);
  });

  it("runs one inventory sync at a time: the start-up syncs of three processes and Refresh pressed on both instances", { timeout: 180_000 }, async () => {
    type Sync = { id: string; trigger: string; status: string; started_at: Date | null; finished_at: Date | null };
    const finished = (syncs: Sync[]) => syncs.length > 0 && syncs.every((sync) => ["succeeded", "partial", "failed"].includes(sync.status));
    const syncs = () => query<Sync>("SELECT id, trigger, status::text, started_at, finished_at FROM inventory_sync ORDER BY created_at");
    await eventually("the start-up sync to finish", async () => (finished(await syncs()) ? true : undefined), 150_000, 500);
    expect((await syncs()).filter((sync) => sync.trigger === "startup")).toHaveLength(1);

    type Refreshed = { ok: true; data: { syncId: string; alreadyRunning: boolean } };
    // The demo inventory syncs in a blink: slow ARM's cluster listings so the presses overlap the run.
    emulator.injectFault({ method: "GET", path: "/providers/Microsoft\\.ContainerService/managedClusters$", latencyMs: 5000, count: 20 });
    const [onA, onB] = await Promise.all([
      callAction<Refreshed>(origin("a"), "/clusters", sessions.admin, "refreshInventoryAction", []),
      callAction<Refreshed>(origin("b"), "/clusters", sessions.secondAdmin, "refreshInventoryAction", []),
    ]);
    expect(onA.ok && onB.ok).toBe(true);
    expect(onA.data.syncId).toBe(onB.data.syncId);
    expect([onA.data.alreadyRunning, onB.data.alreadyRunning].sort()).toEqual([false, true]);
    const all = await eventually("the requested sync to finish", async () => {
      const current = await syncs();
      return finished(current) ? current : undefined;
    }, 150_000, 500);
    emulator.clearFaults();
    expect(all.filter((sync) => sync.trigger === "manual").map((sync) => sync.id)).toEqual([onA.data.syncId]);
    // Never two at once: each sync started after the one before it finished.
    for (let index = 1; index < all.length; index += 1) {
      expect(all[index]?.started_at?.getTime() ?? 0).toBeGreaterThanOrEqual(all[index - 1]?.finished_at?.getTime() ?? Infinity);
    }
  });

  /** Asks for `range` on one instance (Alex) and approves it on another (Alice); returns the request's id. */
  async function requestAndApprove(range: string, requestOn: "a" | "b", approveOn: "a" | "b"): Promise<string> {
    const justification = `multi-instance test ${range}`;
    const created = await callAction<{ status: string; message?: string; number?: number }>(origin(requestOn), clusterPath, sessions.admin, "requestRangeAdditionAction", [
      { status: "idle" },
      formOf({ clusterId, range, owner: "multi-instance test", justification, expiry: "1d" }),
    ]);
    expect(created, created.message).toMatchObject({ status: "done" });
    const [request] = await query<{ id: string; status: string }>("SELECT id, status::text FROM change_request WHERE justification = $1", [justification]);
    expect(request?.status).toBe("pending");
    const approved = await callAction<{ ok: boolean; message?: string; error?: string }>(origin(approveOn), `/requests/${created.number ?? 0}`, sessions.secondAdmin, "approveRequestAction", [
      { status: "idle" },
      formOf({ requestId: request?.id ?? "", comment: "approved on the other instance" }),
    ]);
    expect(approved, approved.error).toMatchObject({ ok: true });
    return request?.id ?? "";
  }

  async function appliedOnce(requestId: string, timeoutMs: number): Promise<void> {
    const status = async () => (await query<{ status: string }>("SELECT status::text FROM change_request WHERE id = $1", [requestId]))[0]?.status;
    await eventually(`request ${requestId} to be applied`, async () => (["applied", "failed"].includes((await status()) ?? "") ? true : undefined), timeoutMs, 500);
    expect(await status(), outputs()).toBe("applied");
    expect(successfulPuts()).toHaveLength(1);
    const events = await query<{ action: string }>("SELECT action FROM audit_event WHERE target_id = $1 AND action = 'request.applied'", [requestId]);
    expect(events).toHaveLength(1);
  }

  /**
   * With the worker frozen, only A's in-process workers can take the job: the request is approved
   * and A starts the ARM operation; then the worker runs on, so it is there to take over from A.
   */
  async function onlyOnA(approve: () => Promise<string>): Promise<string> {
    instances.worker?.pause();
    try {
      const requestId = await approve();
      await eventually("instance A's cluster PUT to be accepted", async () => (successfulPuts().length > 0 ? true : undefined), 60_000, 100);
      return requestId;
    } finally {
      instances.worker?.resume();
    }
  }

  it("applies a request made on instance A and approved on instance B exactly once", { timeout: 120_000 }, async () => {
    emulator.clearRequests();
    const requestId = await requestAndApprove("198.51.100.161", "a", "b");
    await appliedOnce(requestId, 90_000);
    const cluster = emulator.state().clusters.find((record) => record.resource.name === "aks-shared-dev");
    expect(cluster?.resource.properties.apiServerAccessProfile?.authorizedIPRanges?.filter((range) => range === "198.51.100.161/32")).toHaveLength(1);
  });

  it("loses nothing when instance A is stopped (SIGTERM) during a long ARM operation it runs: the worker takes over", { timeout: 150_000 }, async () => {
    emulator.clearRequests();
    const requestId = await onlyOnA(() => requestAndApprove("198.51.100.162", "b", "a"));
    const stopped = Date.now();
    expect(await instances.a?.stop("SIGTERM")).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(30_000);
    await appliedOnce(requestId, 120_000);
    expect(instances.worker?.process.exitCode).toBeNull();
  });

  it("restarts A without migrating again, and loses nothing when A is killed (SIGKILL) mid-operation", { timeout: 240_000 }, async () => {
    instances.a = startPortal("portal a (restarted)", ports.a, environment);
    const restarted = instances.a;
    await eventually("the restarted instance to answer", async () => (/portal on/.test(restarted.output()) ? healthy(ports.a) : undefined), 120_000, 1000);
    expect(instances.a.output()).toMatch(/database ready: 0 migration\(s\) applied/);
    emulator.clearRequests();
    const requestId = await onlyOnA(() => requestAndApprove("198.51.100.163", "b", "a"));
    await instances.a.stop("SIGKILL");
    // A job held by the killed instance goes back to the queue once its heartbeat is stale (10 s).
    await appliedOnce(requestId, 180_000);
  });
});
