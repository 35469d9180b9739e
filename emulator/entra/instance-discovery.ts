import { sendJson, type Exchange } from "../http/exchange";
import { sendOAuthError } from "./oauth-errors";

/**
 * `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…` as login.microsoftonline.com
 * answers it: the tenant discovery document of the authority's tenant (v2.0 or v1 by the endpoint's
 * path) and the cloud's host aliases, so MSAL treats every name of the emulator as one authority.
 * The emulator is reachable as localhost, 127.0.0.1 and ::1 (its certificate names all three).
 */
export function emulatorHosts(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  const port = url.port ? `:${url.port}` : "";
  return [...new Set([url.host, `localhost${port}`, `127.0.0.1${port}`, `[::1]${port}`])];
}

/** The emulator's own URLs, which custom clouds (`az cloud register`) use as resource ids. */
export function emulatorResourceIds(baseUrl: string): string[] {
  return emulatorHosts(baseUrl).map((host) => `https://${host}`);
}

export function sendInstanceDiscovery(exchange: Exchange, baseUrl: string): void {
  const requested = exchange.url.searchParams.get("authorization_endpoint");
  if (!requested) {
    return sendOAuthError(exchange, 400, "invalid_request", 90014, "AADSTS90014: The required field 'authorization_endpoint' is missing from the credential.");
  }
  const hosts = emulatorHosts(baseUrl);
  const endpoint = URL.canParse(requested) ? new URL(requested) : undefined;
  const authority = endpoint && hosts.includes(endpoint.host) ? /^\/([^/]+)\/oauth2\/(v2\.0\/)?authorize$/.exec(endpoint.pathname) : null;
  if (!endpoint || !authority) {
    return sendOAuthError(exchange, 400, "invalid_instance", 50049, "AADSTS50049: Unknown or invalid instance.");
  }
  const [, tenant = "", v2] = authority;
  const [own = endpoint.host] = hosts;
  sendJson(exchange, 200, {
    tenant_discovery_endpoint: `https://${endpoint.host}/${tenant}/${v2 ? "v2.0/" : ""}.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: own, preferred_cache: own, aliases: hosts }],
  });
}
