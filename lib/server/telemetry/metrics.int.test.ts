import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { pointAppAtEmulator } from "@/test/app-under-test";
import { syncInventory } from "@/lib/server/clusters/sync-inventory";
import { db } from "@/lib/server/db/client";
import { jobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { observeHttpRequests } from "./http-metrics";
import { type MetricsServer, startMetricsServer } from "./metrics-server";
import { sampleValue, scrape } from "./scrape.test-helper";

let emulator: TestEmulator;
let server: MetricsServer;

beforeAll(async () => {
  emulator = await startTestEmulator();
  pointAppAtEmulator(emulator.url);
  server = await startMetricsServer(0, "127.0.0.1");
});
afterAll(async () => {
  await server.close();
  await stopJobQueue();
  await db().$disconnect();
  await emulator.dispose();
});

const families = [
  "clusterdesk_http_request_duration_seconds",
  "clusterdesk_job_queue_jobs",
  "clusterdesk_jobs_finished_total",
  "clusterdesk_arm_responses_total",
  "clusterdesk_arm_throttled_total",
  "clusterdesk_inventory_sync_duration_seconds",
  "clusterdesk_process_cpu_seconds_total",
];

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 45_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the metrics port", () => {
  it("serves every metric family at GET /metrics and nothing elsewhere", async () => {
    const text = await scrape(server.port);
    for (const family of families) expect(text).toContain(`# TYPE ${family} `);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
  });

  it("counts a sync's duration, ARM's answers and its throttling", async () => {
    const before = await scrape(server.port);
    const path = `^/subscriptions/${demoSubscriptions.nonProduction}/providers/Microsoft\\.ContainerService/managedClusters$`;
    emulator.injectFault({ method: "GET", path, status: 429, retryAfterMs: 10, count: 1 });
    const result = await syncInventory({ subscriptionIds: [demoSubscriptions.nonProduction], retryDelayMs: 10 });
    emulator.clearFaults();
    expect(result.failures).toEqual([]);
    const after = await scrape(server.port);
    const syncs = (text: string) => sampleValue(text, "clusterdesk_inventory_sync_duration_seconds_count", { outcome: "succeeded" });
    expect(syncs(after)).toBe(syncs(before) + 1);
    const throttled = (text: string) => sampleValue(text, "clusterdesk_arm_throttled_total", { method: "GET" });
    expect(throttled(after)).toBe(throttled(before) + 1);
    const ok = (text: string) => sampleValue(text, "clusterdesk_arm_responses_total", { method: "GET", status: "200" });
    expect(ok(after)).toBeGreaterThan(ok(before));
  });

  it("counts job outcomes per queue and shows the queue's depth", async () => {
    const queue = "telemetry-metrics-probe";
    const boss = await jobQueue();
    await boss.createQueue(queue, { retryLimit: 0 });
    await boss.work<{ fail: boolean }>(queue, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job?.data.fail) throw new Error("probe job failed on purpose");
    });
    await boss.send(queue, { fail: false });
    await boss.send(queue, { fail: true });
    const text = await until(() => scrape(server.port), (scraped) =>
      sampleValue(scraped, "clusterdesk_jobs_finished_total", { queue, outcome: "completed" }) === 1 &&
      sampleValue(scraped, "clusterdesk_jobs_finished_total", { queue, outcome: "failed" }) === 1, "both probe jobs to finish");
    expect(text).toMatch(new RegExp(`clusterdesk_job_queue_jobs\\{queue="${queue}",state="queued"\\} \\d+`));
    await boss.offWork(queue);
  });

  it("times the requests of the process's HTTP servers, but not its own scrapes", async () => {
    observeHttpRequests();
    const app = http.createServer((request, response) => response.writeHead(request.url === "/missing" ? 404 : 200).end("ok"));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const port = (app.address() as AddressInfo).port;
    const count = (text: string, kind: string, status: string) => sampleValue(text, "clusterdesk_http_request_duration_seconds_count", { method: "GET", kind, status });
    const before = await scrape(server.port);
    await (await fetch(`http://127.0.0.1:${port}/clusters`)).text();
    await (await fetch(`http://127.0.0.1:${port}/api/health`)).text();
    await (await fetch(`http://127.0.0.1:${port}/missing`)).text();
    const after = await until(() => scrape(server.port), (text) => count(text, "page", "4xx") > count(before, "page", "4xx"), "the requests to be observed", 10_000);
    app.close();
    expect(count(after, "page", "2xx")).toBe(count(before, "page", "2xx") + 1);
    expect(count(after, "api", "2xx")).toBe(count(before, "api", "2xx") + 1);
    expect(sampleValue(after, "clusterdesk_http_request_duration_seconds_count", { kind: "page", status: "2xx" })).toBeGreaterThan(0);
  });
});
