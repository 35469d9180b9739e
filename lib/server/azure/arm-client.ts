import "server-only";
import { ContainerServiceClient } from "@azure/arm-containerservice";
import { env } from "@/lib/env";
import { armTelemetryPolicy } from "@/lib/server/telemetry/arm-telemetry-policy";
import { portalCredential } from "./credential";

const clients = new Map<string, ContainerServiceClient>();

/**
 * One SDK client per subscription. The SDK keeps the public cloud's `management.azure.com/.default`
 * scope even with a custom endpoint (WIRE-PROTOCOLS §1), so the configured cloud's scope is given.
 */
export function containerServiceClient(subscriptionId: string): ContainerServiceClient {
  let client = clients.get(subscriptionId);
  if (!client) {
    const { endpoints } = env();
    client = new ContainerServiceClient(portalCredential(), subscriptionId, {
      endpoint: endpoints.resourceManager,
      credentials: { scopes: [endpoints.scopes.resourceManager] },
    });
    client.pipeline.addPolicy(armTelemetryPolicy(), { afterPhase: "Retry" });
    clients.set(subscriptionId, client);
  }
  return client;
}

/** Sent as x-ms-client-request-id, so Azure's Activity Log entries join Clusterdesk's audit events. */
export function withCorrelation(correlationId: string | undefined) {
  return correlationId ? { requestOptions: { headers: { "x-ms-client-request-id": correlationId } } } : {};
}
