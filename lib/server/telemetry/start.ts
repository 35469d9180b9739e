import "server-only";
import { env } from "@/lib/env";
import { observeHttpRequests } from "./http-metrics";
import { logger } from "./logger";
import { startMetricsServer } from "./metrics-server";
import { startTracing } from "./tracing";

const holder = globalThis as unknown as { clusterdeskTelemetryStarted?: boolean };

/**
 * The process's telemetry from its settings: traces when an OTLP endpoint is set, the metrics server
 * when CLUSTERDESK_METRICS_PORT is. Called first thing by instrumentation.ts (web) and the worker.
 */
export async function startTelemetry(role: "web" | "worker"): Promise<void> {
  // Once per process, should register() run again (development server restarts).
  if (holder.clusterdeskTelemetryStarted) return;
  holder.clusterdeskTelemetryStarted = true;
  const { telemetry } = env();
  if (telemetry.tracesEndpoint) {
    startTracing({ endpoint: telemetry.tracesEndpoint, serviceName: telemetry.serviceName ?? `clusterdesk-${role}` });
    logger.info("tracing on: spans go to the OTLP endpoint", { endpoint: new URL(telemetry.tracesEndpoint).origin });
  }
  if (telemetry.metricsPort === null) return;
  if (role === "web") observeHttpRequests();
  await startMetricsServer(telemetry.metricsPort).catch((error: unknown) => {
    const inUse = error instanceof Error && "code" in error && error.code === "EADDRINUSE";
    // Two processes on one host (a web instance and `npm run worker`) each need a port of their own.
    throw inUse ? new Error(`CLUSTERDESK_METRICS_PORT ${telemetry.metricsPort} is in use by another process: give each Clusterdesk process on this host its own port`) : error;
  });
}
