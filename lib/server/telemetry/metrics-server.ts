import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { leaveUnobserved } from "./http-metrics";
import { logger } from "./logger";
import { metrics } from "./metrics";

export type MetricsServer = { port: number; server: http.Server; close: () => Promise<void> };

/**
 * Serves GET /metrics on a port of its own, apart from the portal's: Prometheus scrapes it inside the
 * cluster, and nothing about it is reachable through the portal's ingress. It exposes counts and
 * durations only, no names, ids or addresses.
 */
export async function startMetricsServer(port: number, host?: string): Promise<MetricsServer> {
  const { registry } = metrics();
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" || (request.url ?? "").split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found: metrics are at GET /metrics\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(text),
      (error: unknown) => {
        logger.error("metrics: collection failed", { error });
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Metrics could not be collected; see the server log.\n");
      },
    );
  });
  leaveUnobserved(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  logger.info("metrics server listening", { port: bound });
  return {
    port: bound,
    server,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
