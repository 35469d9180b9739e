import "server-only";
import { latestAuditChainBreak } from "@/lib/server/audit/chain-health";
import { db } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logger";

export type CheckResult = { ok: boolean; latencyMs: number; error?: string };
/** Something an operator must look at that does not stop the portal serving (so no 503). */
export type HealthWarning = { code: "audit-chain-broken"; message: string; since: string };
export type HealthReport = { status: "ok" | "degraded"; checks: Record<string, CheckResult>; warnings: HealthWarning[] };

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

async function warnings(): Promise<HealthWarning[]> {
  const found = await latestAuditChainBreak(db()).catch(() => null);
  if (!found) return [];
  // The endpoint is public: the kind and time of the break, not its position or the log's content.
  return [{ code: "audit-chain-broken", message: `The audit log's hash chain is broken (${found.tampering}): admins see the details in the portal and in the audit log (audit.chain_broken).`, since: found.detectedAt.toISOString() }];
}

/**
 * Checks every dependency the portal needs to serve requests (status, for readiness), and reports
 * the warnings an operator must see (they leave the status and the HTTP code alone).
 */
export async function checkHealth(): Promise<HealthReport> {
  const checks = { database: await timed("database", () => db().$queryRaw`SELECT 1`) };
  const status = Object.values(checks).every((check) => check.ok) ? "ok" : "degraded";
  return { status, checks, warnings: status === "ok" ? await warnings() : [] };
}
