import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";

/**
 * Runs before every page and route: a fresh CSP nonce, a correlation id for the audit log and the
 * logs (it also reaches ARM as x-ms-client-request-id), the requested path (so sign-in can come back
 * to it), and the security headers. Headers a client sends under these names are overwritten.
 */
function contentSecurityPolicy(nonce: string, signInOrigins: string, isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by the nonce-bearing Next.js runtime are trusted; no inline scripts otherwise.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Next.js and React inject style attributes; styles cannot run code, scripts can.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-out posts to us and is redirected to Entra ID's end-session endpoint.
    `form-action 'self' ${signInOrigins}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  // 128 random bits (CSP asks for at least that), 24 characters of base64: the nonce is repeated on
  // every script and stylesheet of a page and in its React payload, some 35 times a response.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const correlationId = crypto.randomUUID();
  const settings = env();
  const isDevelopment = settings.nodeEnv === "development";
  const signInOrigins = [...new Set([settings.endpoints.authorityHost, settings.endpoints.signInPages].map((url) => new URL(url).origin))].join(" ");
  const policy = contentSecurityPolicy(nonce, signInOrigins, isDevelopment);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-clusterdesk-correlation-id", correlationId);
  requestHeaders.set("x-clusterdesk-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Correlation-Id", correlationId);
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (settings.baseUrl.startsWith("https://") && settings.nodeEnv === "production") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
