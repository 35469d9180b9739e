import { type ChildProcess, spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { percentile } from "./percentile";

/** What the page benchmarks (cluster list, access pages) print and share: units, load, samples. */
export const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A page's goal: p95 below `p95Ms`, and its HTML below `htmlBytes` when given. */
export type PageGoal = { p95Ms: number; htmlBytes?: number };

/** The goal as printed beside a figure, with whether this run met it. */
export function goalText(goal: PageGoal, p95: number, htmlBytes?: number): string {
  const latency = `p95 < ${goal.p95Ms} ms ${p95 < goal.p95Ms ? "met" : "NOT met"}`;
  const size = goal.htmlBytes === undefined || htmlBytes === undefined ? "" : `; HTML < ${kb(goal.htmlBytes)} ${htmlBytes < goal.htmlBytes ? "met" : "NOT met"}`;
  return ` [goal: ${latency}${size}]`;
}

/**
 * One line per measured page: p50, p95 and max, with its HTML size where one was recorded and the
 * goal beside it where the page has one (baselines have none).
 */
export function printSamples(samples: ReadonlyMap<string, number[]>, sizes: ReadonlyMap<string, { html: number; gzip: number }>, goalOf: (name: string) => PageGoal | null = () => null): void {
  for (const [name, times] of samples) {
    const size = sizes.get(name);
    const payload = size ? `, ${kb(size.html)} HTML (${kb(size.gzip)} gzipped)` : "";
    const p95 = percentile(times, 95);
    const goal = goalOf(name);
    console.log(`  ${name.padEnd(24)} p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...times))}${payload}${goal ? goalText(goal, p95, size?.html) : ""}`);
  }
}

/** Stops the measured server (SIGTERM, then at most 20 s for it to leave). */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
}

/** The first column of the first row, as a number. */
export async function sql(url: string, text: string): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number(Object.values((await client.query<Record<string, unknown>>(text)).rows[0] ?? {})[0] ?? 0);
  } finally {
    await client.end();
  }
}

/** Removes the schedule the server's workers write at start-up (they may still be starting). */
export async function unscheduleInventorySync(url: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const exists = await sql(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'pgboss' AND tablename = 'schedule'");
    if (exists && (await sql(url, "WITH gone AS (DELETE FROM pgboss.schedule WHERE name = 'inventory-sync' RETURNING 1) SELECT count(*) FROM gone")) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server never scheduled its inventory sync");
}

/**
 * Starts the production build (`next start`) on a free port as the measured server, and returns it
 * with a GET that carries the session and refuses anything but 200, once `/api/health` answers.
 */
export async function startMeasuredServer(options: { port: number; dataDir: string; caCertPath: string; sessionToken: string }): Promise<{ server: ChildProcess; get: (pathname: string) => Promise<string> }> {
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(options.port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", CLUSTERDESK_DATA_DIR: options.dataDir, NODE_EXTRA_CA_CERTS: options.caCertPath },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${options.port}`;
  const get = async (pathname: string) => {
    const response = await fetch(`${origin}${pathname}`, { headers: { cookie: `clusterdesk-session=${options.sessionToken}` }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status}`);
    return body;
  };
  for (let attempt = 0; ; attempt += 1) {
    if (await get("/api/health").then(() => true, () => false)) break;
    if (attempt > 120) {
      await stopServer(server);
      throw new Error("the server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { server, get };
}
