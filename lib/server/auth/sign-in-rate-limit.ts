import "server-only";
import { clientKey } from "@/lib/rate-limit/client-key";
import { type TakeResult, TokenBuckets } from "@/lib/rate-limit/token-bucket";
import { signInLimits } from "./sign-in-limits";

export type SignInEndpoint = "login" | "callback";

/**
 * In-process token buckets: the limits hold per portal instance, so N instances admit N times as
 * much. That still bounds the writes per client, and needs no write per request, which a
 * database-backed counter would add to exactly the requests it is meant to limit.
 */
export function createSignInLimiter(nowMs: () => number = Date.now) {
  const buckets = () => ({ perClient: new TokenBuckets(signInLimits.perClient, nowMs), perInstance: new TokenBuckets(signInLimits.perInstance, nowMs) });
  const limiters: Record<SignInEndpoint, ReturnType<typeof buckets>> = { login: buckets(), callback: buckets() };
  return {
    admit(endpoint: SignInEndpoint, clientIp: string | null): TakeResult {
      const perClient = limiters[endpoint].perClient.take(clientKey(clientIp));
      return perClient.allowed ? limiters[endpoint].perInstance.take("instance") : perClient;
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

// One per process, also across module reloads in development.
const holder = globalThis as unknown as { clusterdeskSignInLimiter?: SignInLimiter };

export function signInLimiter(): SignInLimiter {
  holder.clusterdeskSignInLimiter ??= createSignInLimiter();
  return holder.clusterdeskSignInLimiter;
}

/** The 429 a browser shows: a page a person can read, and Retry-After for anything automated. */
export function tooManySignInRequests(retryAfterSeconds: number): Response {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Too many sign-in attempts · Clusterdesk</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color-scheme:light dark}</style></head>
<body><main><h1>Too many sign-in attempts</h1>
<p>Sign-in was tried too often from your network. Please wait ${retryAfterSeconds} seconds, then try again.</p>
<p><a href="/sign-in">Back to sign in</a></p></main></body></html>`;
  return new Response(page, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
