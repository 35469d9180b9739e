import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postToTeams } from "./teams-webhook";

/** A stand-in for a Teams incoming webhook on loopback: records each card and answers as told. */
let server: Server;
let url = "";
let answer = 200;
const received: unknown[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ contentType: request.headers["content-type"], card: JSON.parse(body) as unknown });
      response.writeHead(answer).end(answer === 200 ? "1" : "error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhookb2/test`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = { id: "m1", subject: "[Clusterdesk] Request #3 was applied", body: "Done.", url: "https://portal.example/requests/3" };

describe("postToTeams", () => {
  it("posts the message card as JSON", async () => {
    answer = 200;
    expect(await postToTeams(url, message)).toEqual({ ok: true });
    expect(received.at(-1)).toEqual({ contentType: "application/json", card: expect.objectContaining({ "@type": "MessageCard", title: "Request #3 was applied" }) });
  });

  it("retries throttling and server errors, not a refused card", async () => {
    answer = 429;
    expect(await postToTeams(url, message)).toMatchObject({ ok: false, retryable: true, uncertain: false, status: 429 });
    answer = 502;
    expect(await postToTeams(url, message)).toMatchObject({ ok: false, retryable: true, status: 502 });
    answer = 400;
    expect(await postToTeams(url, message)).toMatchObject({ ok: false, retryable: false, status: 400 });
  });

  it("calls a send cut short uncertain (it may have arrived), and an unreachable hook retryable", async () => {
    const stopped = new AbortController();
    stopped.abort(new DOMException("stopped", "AbortError"));
    expect(await postToTeams(url, message, stopped.signal)).toMatchObject({ ok: false, uncertain: true, retryable: false });
    expect(await postToTeams("http://127.0.0.1:1/webhookb2/none", message)).toMatchObject({ ok: false, uncertain: false, retryable: true });
  });
});
