import type { IncomingMessage, ServerResponse } from "node:http";

/** One request as the services see it: the parsed URL (duplicate slashes collapsed) plus the raw objects. */
export type Exchange = {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  url: URL;
  /** Path with `//` collapsed: arm-authorization sends `https://host//subscriptions/…` for scopes starting with `/`. */
  path: string;
  header(name: string): string | undefined;
  body(): Promise<string>;
};

export function createExchange(request: IncomingMessage, response: ServerResponse, origin: string): Exchange {
  const url = new URL(request.url ?? "/", origin);
  let cached: Promise<string> | undefined;
  return {
    request,
    response,
    method: (request.method ?? "GET").toUpperCase(),
    url,
    path: url.pathname.replace(/\/{2,}/g, "/"),
    header(name) {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    body() {
      cached ??= new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        request.on("error", reject);
      });
      return cached;
    },
  };
}

export function sendJson(exchange: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  exchange.response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  exchange.response.end(text);
}

export function sendEmpty(exchange: Exchange, status: number, headers: Record<string, string> = {}): void {
  exchange.response.writeHead(status, { "content-length": "0", ...headers });
  exchange.response.end();
}

export function sendHtml(exchange: Exchange, status: number, html: string, headers: Record<string, string> = {}): void {
  exchange.response.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(html),
    "cache-control": "no-store",
    ...headers,
  });
  exchange.response.end(html);
}

export function redirect(exchange: Exchange, location: string): void {
  sendEmpty(exchange, 302, { location, "cache-control": "no-store" });
}
