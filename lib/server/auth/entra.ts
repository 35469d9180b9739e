import "server-only";
import { type AuthorizationCodeRequest, ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import { env } from "@/lib/env";
import type { ClientCredential, Settings } from "@/lib/config/settings";
import { isKnownAuthorityHost } from "@/lib/config/azure-clouds";
import { federatedTokenReader } from "@/lib/server/azure/client-assertion";
import { readClientCertificate } from "@/lib/server/azure/client-certificate";
import type { IdTokenClaims } from "./id-token-claims";

/** Entra ID v2 endpoints of the configured tenant (the real one, or the emulator's). */
export function entraEndpoints(settings: Pick<Settings, "endpoints" | "tenantId">) {
  const authority = `${settings.endpoints.authorityHost}/${settings.tenantId}`;
  // Browser-facing pages may live elsewhere locally (the emulator serves them over plain HTTP).
  const pages = `${settings.endpoints.signInPages}/${settings.tenantId}`;
  return {
    authority,
    issuer: `${authority}/v2.0`,
    authorization: `${pages}/oauth2/v2.0/authorize`,
    token: `${authority}/oauth2/v2.0/token`,
    keys: `${authority}/discovery/v2.0/keys`,
    endSession: `${pages}/oauth2/v2.0/logout`,
  };
}

/** How MSAL authenticates the portal: a secret, a certificate-signed assertion, or the federated token. */
function clientProof(proof: ClientCredential): Pick<Configuration["auth"], "clientSecret" | "clientAssertion" | "clientCertificate"> {
  switch (proof.kind) {
    // Workload identity: the federated token is the client assertion, re-read for every redemption.
    case "federated-token-file":
      return { clientAssertion: federatedTokenReader(proof.path) };
    case "certificate":
      return { clientCertificate: readClientCertificate(proof.path, proof.password) };
    case "secret":
      return { clientSecret: proof.secret };
  }
}

function msalConfiguration(settings: Settings): Configuration {
  const endpoints = entraEndpoints(settings);
  const proof = settings.clientCredential;
  const auth: Configuration["auth"] = { clientId: settings.clientId, ...clientProof(proof), authority: endpoints.authority };
  if (!isKnownAuthorityHost(settings.endpoints.authorityHost)) {
    // The emulator or a custom cloud is not a Microsoft cloud instance discovery knows: give MSAL the
    // metadata so it makes no discovery call to login.microsoftonline.com (WIRE-PROTOCOLS §4).
    const host = new URL(settings.endpoints.authorityHost).host;
    auth.knownAuthorities = [host];
    auth.authorityMetadata = JSON.stringify({
      issuer: endpoints.issuer,
      authorization_endpoint: endpoints.authorization,
      token_endpoint: endpoints.token,
      jwks_uri: endpoints.keys,
      end_session_endpoint: endpoints.endSession,
    });
    auth.cloudDiscoveryMetadata = JSON.stringify({
      tenant_discovery_endpoint: `${endpoints.issuer}/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  }
  return { auth, system: { loggerOptions: { piiLoggingEnabled: false } } };
}

let application: ConfidentialClientApplication | undefined;

export function entraApplication(): ConfidentialClientApplication {
  application ??= new ConfidentialClientApplication(msalConfiguration(env()));
  return application;
}

/**
 * Redeems an authorization code for the ID token's claims. MSAL caches every redeemed account with
 * its ID, access and refresh tokens in memory; Clusterdesk never uses them (it acts with its own
 * identity), so it keeps none: every account is removed again, even when redemption failed halfway.
 */
export async function redeemAuthorizationCode(request: AuthorizationCodeRequest): Promise<IdTokenClaims> {
  const app = entraApplication();
  try {
    const result = await app.acquireTokenByCode(request);
    // MSAL types the claims as `object`; identityFromClaims checks each one it reads.
    return result.idTokenClaims as IdTokenClaims;
  } finally {
    const cache = app.getTokenCache();
    for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
  }
}

export const signInScopes = ["openid", "profile", "email"];
