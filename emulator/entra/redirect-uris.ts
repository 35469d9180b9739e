import type { ServicePrincipal } from "../state";

/**
 * Registered redirect URIs must match exactly, except on loopback hosts where Entra ignores the port
 * (learn.microsoft.com/entra/identity-platform/reply-url#localhost-exceptions). The demo app
 * registration lists no fixed URIs, so any loopback URI is accepted for it; other hosts are refused.
 */
const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isRegisteredRedirectUri(application: ServicePrincipal, redirectUri: string, extraUris: readonly string[] = []): boolean {
  let candidate: URL;
  try {
    candidate = new URL(redirectUri);
  } catch {
    return false;
  }
  if (candidate.hash) return false;
  const registered = [...application.redirectUris, ...extraUris];
  if (registered.includes(redirectUri)) return true;
  if (!loopbackHosts.has(candidate.hostname)) return false;
  if (registered.length === 0) return true;
  return registered.some((uri) => {
    const known = new URL(uri);
    return loopbackHosts.has(known.hostname) && known.protocol === candidate.protocol && known.pathname === candidate.pathname;
  });
}
