import "server-only";
import { ClientAssertionCredential, ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from "@azure/identity";
import { env } from "@/lib/env";
import type { Settings } from "@/lib/config/settings";
import { isKnownAuthorityHost } from "@/lib/config/azure-clouds";
import { federatedTokenReader } from "./client-assertion";

/**
 * Clusterdesk's own identity for ARM, Graph and the clusters' API servers. People are never
 * impersonated: they are recorded as requester and approver, the portal acts.
 * With workload identity the proof is the federated token file (no secret anywhere); else a
 * certificate uploaded to the app registration (its private key in a PEM file); else the client
 * secret. An authority that is not a known Microsoft cloud (the emulator, a custom cloud) gets no
 * instance discovery: it would call login.microsoftonline.com.
 */
let credential: TokenCredential | undefined;

function credentialFor(settings: Settings): TokenCredential {
  const options = { authorityHost: settings.endpoints.authorityHost, disableInstanceDiscovery: !isKnownAuthorityHost(settings.endpoints.authorityHost) };
  const proof = settings.clientCredential;
  switch (proof.kind) {
    case "federated-token-file":
      return new ClientAssertionCredential(settings.tenantId, settings.clientId, federatedTokenReader(proof.path), options);
    case "certificate": {
      const certificate = { certificatePath: proof.path, ...(proof.password === null ? {} : { certificatePassword: proof.password }) };
      return new ClientCertificateCredential(settings.tenantId, settings.clientId, certificate, options);
    }
    case "secret":
      return new ClientSecretCredential(settings.tenantId, settings.clientId, proof.secret, options);
  }
}

export function portalCredential(): TokenCredential {
  credential ??= credentialFor(env());
  return credential;
}
