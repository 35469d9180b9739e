import "server-only";
import { createDefaultHttpClient, createPipelineRequest } from "@azure/core-rest-pipeline";
import { env } from "@/lib/env";
import { containerServiceClient } from "./arm-client";

/** Facts around the clusters that the inventory shows or the posture rules need. */

const httpClient = createDefaultHttpClient();

/**
 * The subscription's display name. There is no subscriptions client among our SDKs, so this goes
 * through the container service client's pipeline (same credential, retries and throttling).
 */
export async function subscriptionDisplayName(subscriptionId: string): Promise<string | null> {
  const client = containerServiceClient(subscriptionId);
  const url = `${env().endpoints.resourceManager}/subscriptions/${encodeURIComponent(subscriptionId)}?api-version=2022-12-01`;
  const response = await client.pipeline.sendRequest(httpClient, createPipelineRequest({ url, method: "GET" }));
  if (response.status !== 200 || !response.bodyAsText) return null;
  const body = JSON.parse(response.bodyAsText) as { displayName?: unknown };
  return typeof body.displayName === "string" ? body.displayName : null;
}

/** Kubernetes minor versions AKS offers in a location ("1.31"), preview ones excluded. */
export async function supportedKubernetesVersions(subscriptionId: string, location: string): Promise<string[]> {
  const result = await containerServiceClient(subscriptionId).managedClusters.listKubernetesVersions(location);
  return (result.values ?? []).flatMap((version) => (version.version && !version.isPreview ? [version.version] : []));
}
