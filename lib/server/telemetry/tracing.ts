import "server-only";
import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export type TracingOptions = { endpoint: string; serviceName: string };
export type Tracing = { flush: () => Promise<void>; shutdown: () => Promise<void> };

const holder = globalThis as unknown as { clusterdeskTracing?: Tracing };

/**
 * OpenTelemetry traces over OTLP/HTTP (JSON), only when an endpoint is configured: incoming and
 * outgoing HTTP (node:http covers the Azure SDKs' pipeline, MSAL and the Kubernetes client; ARM calls
 * also get a span of their own from armTelemetryPolicy), fetch (Graph, Teams) and PostgreSQL through
 * pg (Prisma's adapter and pg-boss). Must run before pg is first loaded: the instrumentation patches
 * modules as they are required. The exporter reads OTEL_EXPORTER_OTLP_HEADERS itself.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (holder.clusterdeskTracing) return holder.clusterdeskTracing;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: options.endpoint }), { scheduledDelayMillis: 2000 })],
  });
  provider.register();
  // Constructed after register() so they take the global provider; each enables itself.
  const instrumentations = [
    new HttpInstrumentation(),
    new UndiciInstrumentation(),
    // SQL statements without their values: parameters can hold personal data.
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  ];
  holder.clusterdeskTracing = {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      for (const instrumentation of instrumentations) instrumentation.disable();
      await provider.shutdown();
      trace.disable();
      holder.clusterdeskTracing = undefined;
    },
  };
  return holder.clusterdeskTracing;
}
