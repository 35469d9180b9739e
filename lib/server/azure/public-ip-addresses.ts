import "server-only";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  RestError,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import { env } from "@/lib/env";
import { armTelemetryPolicy } from "@/lib/server/telemetry/arm-telemetry-policy";
import { portalCredential } from "./credential";

/**
 * Reads the address of a Microsoft.Network/publicIPAddresses resource: a cluster names its egress
 * IPs only by resource id. One GET needs no SDK of its own; core-rest-pipeline gives the same
 * retry, throttling and bearer-token behaviour the ARM SDKs have.
 */
const apiVersion = "2024-05-01";
let pipeline: Pipeline | undefined;
// One HTTP client for every read: a new one per request opened a new TLS connection each time,
// a handshake on the way to every IP-range change.
let httpClient: HttpClient | undefined;

function armPipeline(): Pipeline {
  if (!pipeline) {
    pipeline = createPipelineFromOptions({});
    pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: portalCredential(), scopes: env().endpoints.scopes.resourceManager }));
    pipeline.addPolicy(armTelemetryPolicy(), { afterPhase: "Retry" });
  }
  return pipeline;
}

export async function publicIpAddressOf(resourceId: string, correlationId?: string): Promise<string | null> {
  const request = createPipelineRequest({
    url: `${env().endpoints.resourceManager}${resourceId}?api-version=${apiVersion}`,
    method: "GET",
  });
  if (correlationId) request.headers.set("x-ms-client-request-id", correlationId);
  const response = await armPipeline().sendRequest((httpClient ??= createDefaultHttpClient()), request);
  if (response.status === 404) return null;
  if (response.status !== 200) {
    throw new RestError(`GET ${resourceId} answered ${response.status}`, { statusCode: response.status, request, response });
  }
  const body = JSON.parse(response.bodyAsText ?? "{}") as { properties?: { ipAddress?: unknown } };
  return typeof body.properties?.ipAddress === "string" ? body.properties.ipAddress : null;
}
