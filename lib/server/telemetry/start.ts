import "server-only";
import { env } from "@/lib/env";
import { observeHttpRequests } from "./http-metrics";
import { logger } from "./logger";
import { startMetricsServer } from "./metrics-server";
import { startTracing } from "./tracing";

/**
 * The process's telemetry from its settings: traces when an OTLP endpoint is set, the metrics server
 * when CLUSTERDESK_METRICS_PORT is. Called first thing by instrumentation.ts (web) and the worker.
 */
export async function startTelemetry(role: "web" | "worker"): Promise<void> {
  const { telemetry } = env();
  if (telemetry.tracesEndpoint) {
    startTracing({ endpoint: telemetry.tracesEndpoint, serviceName: telemetry.serviceName ?? `clusterdesk-${role}` });
    logger.info("tracing on: spans go to the OTLP endpoint", { endpoint: new URL(telemetry.tracesEndpoint).origin });
  }
  if (telemetry.metricsPort === null) return;
  if (role === "web") observeHttpRequests();
  await startMetricsServer(telemetry.metricsPort);
}
