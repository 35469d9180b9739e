import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { metrics } from "./metrics";

/** A coarse, bounded label: paths are unbounded (ids, and anything a client types). */
export function requestKind(request: Pick<IncomingMessage, "method" | "url" | "headers">): "action" | "api" | "asset" | "page" {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/_next/") || /\.(ico|png|svg|txt|webmanifest)$/.test(path)) return "asset";
  if (path.startsWith("/api/")) return "api";
  // Server actions are POSTs to the page's own URL, marked by Next.js's Next-Action header.
  if (request.method === "POST" && request.headers["next-action"] !== undefined) return "action";
  return "page";
}

const knownMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const holder = globalThis as unknown as { clusterdeskHttpObserved?: WeakSet<http.Server> | undefined; clusterdeskHttpPatched?: boolean };

/** Servers whose requests are not the portal's (the metrics server itself). */
export function leaveUnobserved(server: http.Server): void {
  holder.clusterdeskHttpObserved ??= new WeakSet();
  holder.clusterdeskHttpObserved.add(server);
}

/**
 * Times every request of every HTTP server in this process (Next.js's, whichever way it was
 * started): pages, server actions and route handlers alike. Next.js offers no hook at a response's
 * end, so the server's "request" event is wrapped, as OpenTelemetry's http instrumentation does.
 */
export function observeHttpRequests(): void {
  if (holder.clusterdeskHttpPatched) return;
  holder.clusterdeskHttpPatched = true;
  const { httpRequestDuration } = metrics();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function observedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" && !holder.clusterdeskHttpObserved?.has(this)) {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const stop = httpRequestDuration.startTimer({ method: knownMethods.has(request.method ?? "") ? request.method : "OTHER", kind: requestKind(request) });
      response.once("close", () => stop({ status: response.writableFinished ? `${Math.floor(response.statusCode / 100)}xx` : "aborted" }));
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
