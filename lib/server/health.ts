import "server-only";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";

export type CheckResult = { ok: boolean; latencyMs: number; error?: string };
export type HealthReport = { status: "ok" | "degraded"; checks: Record<string, CheckResult> };

async function timed(name: string, check: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    logger.error("health check failed", { check: name, error });
    // Report the kind of failure, never connection strings or other details that may hold secrets.
    const message = error instanceof Error ? error.name : "Error";
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: `${message}: check the server log` };
  }
}

/** Checks every dependency the portal needs to serve requests. */
export async function checkHealth(): Promise<HealthReport> {
  const checks = { database: await timed("database", () => db().$queryRaw`SELECT 1`) };
  const status = Object.values(checks).every((check) => check.ok) ? "ok" : "degraded";
  return { status, checks };
}
