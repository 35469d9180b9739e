import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peerAddressHeader, type PeerAddressFront, startPeerAddressFront } from "./peer-address-front";

/** The upstream stands in for Next.js: it echoes what reached it, and can stream. */
let upstream: http.Server;
let front: PeerAddressFront;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    seen.push(request.headers);
    if (request.url === "/stream") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("first ");
      setTimeout(() => response.end("second"), 50);
      return;
    }
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      response.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      response.writeHead(201, { "content-type": "application/json", location: "/elsewhere" });
      response.end(JSON.stringify({ method: request.method, url: request.url, body }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  front = await startPeerAddressFront({ port: 0, upstreamPort: (upstream.address() as AddressInfo).port });
});
afterAll(async () => {
  await front.close();
  await new Promise((resolve) => upstream.close(resolve));
});

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: options.host ?? "127.0.0.1", port: front.port, path, method: options.method ?? "GET", headers: options.headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

describe("the launcher's front for Next.js", () => {
  it("tells the portal the socket's peer, whatever the client claims", async () => {
    await send("/", { headers: { [peerAddressHeader]: "203.0.113.66", "x-forwarded-for": "198.51.100.7" } });
    const headers = seen.at(-1);
    expect(headers?.[peerAddressHeader]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    // X-Forwarded-For is passed on untouched: behind trusted proxies it is what counts.
    expect(headers?.["x-forwarded-for"]).toBe("198.51.100.7");
  });

  it("passes method, path, query, body, status and repeated headers through", async () => {
    const answer = await send("/auth/callback?code=x&state=y", { method: "POST", body: "a=1&b=2", headers: { "content-type": "application/x-www-form-urlencoded", host: "portal.example" } });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ method: "POST", url: "/auth/callback?code=x&state=y", body: "a=1&b=2" });
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(answer.headers.location).toBe("/elsewhere");
    expect(seen.at(-1)?.host).toBe("portal.example");
  });

  it("streams a response as it is produced", async () => {
    const answer = await send("/stream");
    expect(answer.body).toBe("first second");
  });

  it("answers 502 with Retry-After while Next.js is not listening", async () => {
    const closed = await startPeerAddressFront({ port: 0, upstreamPort: 1 });
    try {
      const answer = await new Promise<http.IncomingMessage>((resolve, reject) => http.get({ host: "127.0.0.1", port: closed.port, path: "/" }, resolve).on("error", reject));
      answer.resume();
      expect(answer.statusCode).toBe(502);
      expect(answer.headers["retry-after"]).toBe("5");
    } finally {
      await closed.close();
    }
  });

  it("retries a GET on a fresh connection when Next.js closed the kept-alive one under it", async () => {
    // Next.js closes an idle connection after its keep-alive timeout; when the front's next request
    // races that close, the reused socket is reset before any answer. The first request on each
    // connection is answered and the connection kept; a second request on it is reset, unanswered.
    let connections = 0;
    const racing = net.createServer((socket) => {
      connections += 1;
      let requests = 0;
      socket.on("data", () => {
        requests += 1;
        if (requests > 1) return void socket.resetAndDestroy();
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok");
      });
    });
    await new Promise<void>((resolve) => racing.listen(0, "127.0.0.1", resolve));
    const racingFront = await startPeerAddressFront({ port: 0, upstreamPort: (racing.address() as AddressInfo).port });
    try {
      const get = () =>
        new Promise<{ status: number; body: string }>((resolve, reject) =>
          http.get({ host: "127.0.0.1", port: racingFront.port, path: "/clusters" }, (answer) => {
            let body = "";
            answer.on("data", (chunk: Buffer) => (body += chunk.toString()));
            answer.on("end", () => resolve({ status: answer.statusCode ?? 0, body }));
          }).on("error", reject),
        );
      expect(await get()).toEqual({ status: 200, body: "ok" });
      expect(await get()).toEqual({ status: 200, body: "ok" });
      expect(connections).toBe(2);
    } finally {
      await racingFront.close();
      await new Promise((resolve) => racing.close(resolve));
    }
  });
});
