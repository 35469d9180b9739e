/**
 * Where to send a user after sign-in: a path on the portal, or `fallback`, so the sign-in round trip
 * cannot be turned into an open redirect.
 *
 * The check runs on the parsed result, not on the input: URL parsing removes dot segments (also
 * encoded ones, `%2e%2e`) and turns backslashes into slashes, so `/.//evil.example` or
 * `/./\evil.example` become `//evil.example`, which a browser reads as another host. The returned
 * path is the normalised one, resolved against the portal's own base URL, so what is checked is
 * exactly what the browser gets.
 */
export function safeReturnTo(candidate: string | null | undefined, portalBaseUrl: string, fallback = "/"): string {
  if (!candidate || candidate.length > 2048 || !candidate.startsWith("/")) return fallback;
  // The URL parser silently drops tabs and newlines anywhere (`/\t/evil.example` is `//evil.example`).
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  const portal = new URL(portalBaseUrl);
  const resolved = parse(candidate, portal);
  if (!resolved || resolved.origin !== portal.origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (!isUnambiguousPath(path)) return fallback;
  // Parsing the result again must change nothing: nothing downstream can reinterpret it.
  if (parse(path, portal)?.href !== resolved.href) return fallback;
  if (resolved.pathname.startsWith("/auth/")) return fallback;
  return path;
}

/** One leading slash and no second slash or backslash: never a scheme-relative URL. */
function isUnambiguousPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

function parse(candidate: string, base: URL): URL | null {
  try {
    return new URL(candidate, base);
  } catch {
    return null;
  }
}
