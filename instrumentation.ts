/**
 * Next.js calls register() once when a server instance starts: this is where the instance starts
 * its telemetry (traces, the metrics port) and its job workers. Not during `next build`, and not in the Edge runtime (the workers need Node).
 */
export async function register(): Promise<void> {
  // These are Next.js's own runtime markers, not configuration.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Telemetry first: tracing patches pg and http as they load (lib/server/telemetry/tracing.ts).
  const { startTelemetry } = await import("@/lib/server/telemetry/start");
  await startTelemetry("web");
  const { env } = await import("@/lib/env");
  // A deployment with a worker of its own (deploy/kubernetes) keeps its web instances to pages.
  if (!env().inProcessWorkers) return;
  const { startWorkers } = await import("@/lib/server/jobs/workers");
  const { stopWorkersOnSignals } = await import("@/lib/server/jobs/shutdown");
  // With NEXT_MANUAL_SIG_HANDLE (the launcher sets it) Next.js leaves SIGTERM to us: stop the
  // workers, then exit. Without it, Next.js exits on its own while the workers stop.
  // eslint-disable-next-line no-restricted-properties
  stopWorkersOnSignals({ exitWhenDone: Boolean(process.env.NEXT_MANUAL_SIG_HANDLE) });
  await startWorkers();
}
