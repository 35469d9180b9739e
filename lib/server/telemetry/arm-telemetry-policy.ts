import "server-only";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { logger } from "./logger";
import { metrics } from "./metrics";

/**
 * Counts ARM's answers and throttling and traces each attempt. Added after the SDK's Retry phase
 * (`{ afterPhase: "Retry" }`), so every attempt passes through it: a 429 that the throttling policy
 * waits out and retries is still seen. The span is a child of whatever is active (a page, a job), and
 * carries the path without the query (api-version only) and never a header.
 */
export function armTelemetryPolicy(): PipelinePolicy {
  return {
    name: "clusterdeskArmTelemetry",
    async sendRequest(request, next) {
      const url = new URL(request.url);
      const { armResponses, armThrottled } = metrics();
      return trace.getTracer("clusterdesk").startActiveSpan(
        `ARM ${request.method}`,
        { kind: SpanKind.CLIENT, attributes: { "http.request.method": request.method, "server.address": url.hostname, "url.path": url.pathname } },
        async (span) => {
          try {
            const response = await next(request);
            armResponses.inc({ method: request.method, status: String(response.status) });
            span.setAttribute("http.response.status_code", response.status);
            if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
            if (response.status === 429) {
              armThrottled.inc({ method: request.method });
              logger.warn("ARM throttled the portal", { method: request.method, path: url.pathname, retryAfter: response.headers.get("retry-after") ?? null });
            }
            return response;
          } catch (error) {
            armResponses.inc({ method: request.method, status: "error" });
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "Error" });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    },
  };
}
