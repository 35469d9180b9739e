import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A pass-through HTTP front for the Next.js server, run by the launcher in production mode.
 *
 * Next.js shows route handlers, server actions and proxy.ts no socket, and `next start` copies the
 * peer into X-Forwarded-For only when a request has none, so a client could choose the address that
 * the audit log, "Add my IP" and the sign-in rate limit see. This front owns the socket: it writes
 * the peer into `peerAddressHeader` (replacing whatever a client sent under that name) and passes
 * everything else through unchanged, bodies and responses streamed. Next.js itself listens on
 * loopback only, so nothing reaches it around the front.
 */
export const peerAddressHeader = "x-clusterdesk-peer-address";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, not to the message.
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

/** Node's raw header list (name, value, name, value, …) without hop-by-hop headers and `also`. */
function endToEnd(rawHeaders: string[], also?: string): string[] {
  const kept: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? "").toLowerCase();
    if (!hopByHop.has(name) && name !== also) kept.push(rawHeaders[index] ?? "", rawHeaders[index + 1] ?? "");
  }
  return kept;
}

export type PeerAddressFront = { port: number; close: () => Promise<void> };

// Requests without a body that may be sent twice (RFC 9110 §9.2.2): safe to repeat on a fresh connection.
const repeatable = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * How long the front keeps an idle connection to Next.js. It must end well before Next.js's own
 * keep-alive timeout (`upstreamKeepAliveMs`, which the launcher passes to Next.js), or a request can
 * be written to a connection Next.js is closing at that moment and fail with ECONNRESET.
 */
const idleConnectionMs = 15_000;
export const upstreamKeepAliveMs = 65_000;

export async function startPeerAddressFront(options: { port: number; upstreamPort: number }): Promise<PeerAddressFront> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: idleConnectionMs });
  const forward = (request: http.IncomingMessage, response: http.ServerResponse, retried: boolean) => {
    const upstream = http.request({
      host: "127.0.0.1",
      port: options.upstreamPort,
      method: request.method,
      path: request.url,
      headers: [...endToEnd(request.rawHeaders, peerAddressHeader), peerAddressHeader, request.socket.remoteAddress ?? ""],
      agent,
    });
    upstream.on("response", (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.rawHeaders));
      answer.pipe(response);
    });
    upstream.on("error", () => {
      if (response.headersSent) return void response.destroy();
      // A kept-alive connection that Next.js closed as it was reused: nothing reached the portal, so a
      // bodiless request goes again once on a new connection instead of failing the page (a body has
      // been streamed away by now, and is never sent twice).
      if (upstream.reusedSocket && !retried && repeatable.has(request.method ?? "")) return forward(request, response, true);
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
      response.end("Clusterdesk is starting or stopping; try again in a moment.\n");
    });
    // A browser that goes away should not leave the portal rendering for nobody.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    if (retried) upstream.end();
    else request.pipe(upstream);
  };
  const server = http.createServer((request, response) => forward(request, response, false));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

