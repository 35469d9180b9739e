/**
 * Where to send a user after sign-in. Only same-origin absolute paths are accepted, so the sign-in
 * round trip cannot be turned into an open redirect (`//evil.example`, `/\evil.example`, schemes).
 */
export function safeReturnTo(candidate: string | null | undefined, fallback = "/"): string {
  if (!candidate || candidate.length > 2048) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  try {
    const parsed = new URL(candidate, "http://clusterdesk.invalid");
    if (parsed.origin !== "http://clusterdesk.invalid") return fallback;
    if (parsed.pathname.startsWith("/auth/")) return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}
