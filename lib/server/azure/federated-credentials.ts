import "server-only";
import { type IdentityAddress, call, identityPath } from "./managed-identities";

/**
 * The federated identity credentials of a user-assigned identity, listed and deleted for offboarding
 * (same pipeline and API version as managed-identities.ts). Failures are `RestError`s.
 */
/** One page: Azure allows at most 20 credentials per identity, fewer than a page holds. */
export async function listFederatedCredentialNames(address: IdentityAddress, correlationId: string): Promise<string[]> {
  const { json } = await call(address.subscriptionId, "GET", `${identityPath(address)}/federatedIdentityCredentials`, correlationId);
  const value = (json as { value?: Array<{ name?: unknown }> } | null)?.value ?? [];
  return value.flatMap((credential) => (typeof credential.name === "string" ? [credential.name] : []));
}

/** DELETE answers 200, or 204 when the credential is already gone; a missing identity is a 404 (RestError). */
export async function deleteFederatedCredential(address: IdentityAddress, name: string, correlationId: string): Promise<void> {
  await call(address.subscriptionId, "DELETE", `${identityPath(address)}/federatedIdentityCredentials/${encodeURIComponent(name)}`, correlationId);
}
