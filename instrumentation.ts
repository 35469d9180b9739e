/**
 * Next.js calls register() once when a server instance starts: this is where the instance starts
 * its job workers. Not during `next build`, and not in the Edge runtime (the workers need Node).
 */
export async function register(): Promise<void> {
  // These are Next.js's own runtime markers, not configuration.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorkers } = await import("@/lib/server/jobs/workers");
  await startWorkers();
}
