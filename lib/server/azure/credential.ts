import "server-only";
import { ClientAssertionCredential, ClientSecretCredential, type TokenCredential } from "@azure/identity";
import { env } from "@/lib/env";
import { isKnownAuthorityHost } from "@/lib/config/azure-clouds";
import { federatedTokenReader } from "./client-assertion";

/**
 * Clusterdesk's own identity for ARM, Graph and the clusters' API servers. People are never
 * impersonated: they are recorded as requester and approver, the portal acts.
 * With workload identity the proof is the federated token file (no secret anywhere); otherwise the
 * client secret. An authority that is not a known Microsoft cloud (the emulator, a custom cloud) gets
 * no instance discovery: it would call login.microsoftonline.com.
 */
let credential: TokenCredential | undefined;

export function portalCredential(): TokenCredential {
  if (!credential) {
    const settings = env();
    const options = { authorityHost: settings.endpoints.authorityHost, disableInstanceDiscovery: !isKnownAuthorityHost(settings.endpoints.authorityHost) };
    const proof = settings.clientCredential;
    credential =
      proof.kind === "federated-token-file"
        ? new ClientAssertionCredential(settings.tenantId, settings.clientId, federatedTokenReader(proof.path), options)
        : new ClientSecretCredential(settings.tenantId, settings.clientId, proof.secret, options);
  }
  return credential;
}
