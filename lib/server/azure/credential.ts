import "server-only";
import { ClientSecretCredential, type TokenCredential } from "@azure/identity";
import { env } from "@/lib/env";

/**
 * Clusterdesk's own identity for ARM, Graph and the clusters' API servers. People are never
 * impersonated: they are recorded as requester and approver, the portal acts.
 * In local mode the authority is the emulator, which is not a known Microsoft cloud, so instance
 * discovery is turned off (it would call login.microsoftonline.com).
 */
let credential: TokenCredential | undefined;

export function portalCredential(): TokenCredential {
  if (!credential) {
    const settings = env();
    credential = new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, {
      authorityHost: settings.endpoints.authorityHost,
      disableInstanceDiscovery: settings.mode === "local",
    });
  }
  return credential;
}
