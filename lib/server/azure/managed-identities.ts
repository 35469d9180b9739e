import "server-only";
import { RestError, createDefaultHttpClient, createPipelineRequest, type HttpMethods } from "@azure/core-rest-pipeline";
import { env } from "@/lib/env";
import { containerServiceClient } from "./arm-client";

/**
 * Microsoft.ManagedIdentity user-assigned identities and their federated identity credentials.
 * `@azure/arm-msi` is not a dependency, so the calls go through the AKS SDK client's own pipeline
 * (the same credential, scope, retry and throttling policies), with the MSI API version. Failures are
 * `RestError`s like the SDKs', so `armFailure` classifies them.
 */
const apiVersion = "2023-01-31";
const httpClient = createDefaultHttpClient();

export type IdentityAddress = { subscriptionId: string; resourceGroup: string; name: string };
export type UserAssignedIdentity = { id: string; name: string; location: string; tags: Record<string, string>; clientId: string; principalId: string; tenantId: string };
export type FederatedCredential = { name: string; issuer: string; subject: string; audiences: string[] };

export function identityPath(address: IdentityAddress): string {
  const part = encodeURIComponent;
  return `/subscriptions/${part(address.subscriptionId)}/resourceGroups/${part(address.resourceGroup)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${part(address.name)}`;
}

export async function call(subscriptionId: string, method: HttpMethods, path: string, correlationId: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const url = `${env().endpoints.resourceManager.replace(/\/$/, "")}${path}?api-version=${apiVersion}`;
  const request = createPipelineRequest({ url, method, body: body === undefined ? undefined : JSON.stringify(body) });
  request.headers.set("x-ms-client-request-id", correlationId);
  if (body !== undefined) request.headers.set("content-type", "application/json");
  const response = await containerServiceClient(subscriptionId).pipeline.sendRequest(httpClient, request);
  const json: unknown = response.bodyAsText ? JSON.parse(response.bodyAsText) : null;
  if (response.status >= 400) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new RestError(error?.message ?? `ARM answered ${response.status}`, { code: error?.code, statusCode: response.status, request, response });
  }
  return { status: response.status, json };
}

function toIdentity(json: unknown): UserAssignedIdentity {
  const wire = json as { id: string; name: string; location: string; tags?: Record<string, string>; properties: { clientId: string; principalId: string; tenantId: string } };
  return { id: wire.id, name: wire.name, location: wire.location, tags: wire.tags ?? {}, clientId: wire.properties.clientId, principalId: wire.properties.principalId, tenantId: wire.properties.tenantId };
}

function toCredential(json: unknown): FederatedCredential {
  const wire = json as { name: string; properties: { issuer: string; subject: string; audiences: string[] } };
  return { name: wire.name, issuer: wire.properties.issuer, subject: wire.properties.subject, audiences: wire.properties.audiences };
}

const notFoundAsNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return null;
    throw error;
  }
};

export function getUserAssignedIdentity(address: IdentityAddress, correlationId: string): Promise<UserAssignedIdentity | null> {
  return notFoundAsNull(async () => toIdentity((await call(address.subscriptionId, "GET", identityPath(address), correlationId)).json));
}

/** PUT with the same name and content again changes nothing (and keeps the ids). */
export async function putUserAssignedIdentity(address: IdentityAddress, location: string, tags: Record<string, string>, correlationId: string): Promise<UserAssignedIdentity> {
  return toIdentity((await call(address.subscriptionId, "PUT", identityPath(address), correlationId, { location, tags })).json);
}

export async function deleteUserAssignedIdentity(address: IdentityAddress, correlationId: string): Promise<void> {
  await call(address.subscriptionId, "DELETE", identityPath(address), correlationId);
}

export function getFederatedCredential(address: IdentityAddress, name: string, correlationId: string): Promise<FederatedCredential | null> {
  return notFoundAsNull(async () => toCredential((await call(address.subscriptionId, "GET", `${identityPath(address)}/federatedIdentityCredentials/${encodeURIComponent(name)}`, correlationId)).json));
}

export async function putFederatedCredential(address: IdentityAddress, credential: FederatedCredential, correlationId: string): Promise<FederatedCredential> {
  const body = { properties: { issuer: credential.issuer, subject: credential.subject, audiences: credential.audiences } };
  return toCredential((await call(address.subscriptionId, "PUT", `${identityPath(address)}/federatedIdentityCredentials/${encodeURIComponent(credential.name)}`, correlationId, body)).json);
}
