import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { pointAppAtEmulator } from "@/test/app-under-test";
import { type ReceivedSpan, startOtlpReceiver } from "./otlp-receiver.test-helper";
import { type Tracing, startTracing } from "./tracing";

let emulator: TestEmulator;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let tracing: Tracing;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  tracing = startTracing({ endpoint: receiver.endpoint, serviceName: "clusterdesk-tracing-test" });
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  pointAppAtEmulator(emulator.url);
});
afterAll(async () => {
  await tracing.shutdown();
  const { db } = await import("@/lib/server/db/client");
  await db().$disconnect();
  await emulator.dispose();
  await receiver.close();
});

/** Flushes until the exported spans include the operation's own span (exported last, as it ends last). */
async function spansOf(parent: { traceId: string; spanId: string }): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 30_000;
  let inTrace: ReceivedSpan[] = [];
  while (Date.now() < deadline) {
    await tracing.flush();
    inTrace = receiver.spans.filter((span) => span.traceId === parent.traceId);
    if (inTrace.some((span) => span.spanId === parent.spanId)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return inTrace;
}

describe("OpenTelemetry traces over OTLP/HTTP", () => {
  it("exports an operation's ARM call and SQL query as children of its span", async () => {
    // Imported after tracing started, as instrumentation.ts and the worker do.
    const { db } = await import("@/lib/server/db/client");
    const { listClustersOf } = await import("@/lib/server/azure/managed-clusters");
    const parent = await trace.getTracer("clusterdesk-test").startActiveSpan("telemetry test operation", async (span) => {
      for await (const cluster of listClustersOf(demoSubscriptions.nonProduction)) expect(cluster.id).toBeTruthy();
      await db().$queryRaw`SELECT count(*) FROM audit_event`;
      span.end();
      return span.spanContext();
    });
    const inTrace = await spansOf(parent);
    const root = inTrace.find((span) => span.spanId === parent.spanId);
    expect(root).toMatchObject({ name: "telemetry test operation", service: "clusterdesk-tracing-test" });
    const arm = inTrace.filter((span) => span.name === "ARM GET");
    expect(arm.length).toBeGreaterThan(0);
    expect(arm[0]).toMatchObject({ parentSpanId: parent.spanId, attributes: { "http.response.status_code": 200, "url.path": expect.stringContaining("/managedClusters") } });
    const sql = inTrace.filter((span) => span.attributes["db.system"] === "postgresql" || span.attributes["db.system.name"] === "postgresql");
    expect(sql.map((span) => span.parentSpanId)).toContain(parent.spanId);
    // The http instrumentation's span of the wire request sits under an ARM span.
    const armIds = new Set(arm.map((span) => span.spanId));
    expect(inTrace.filter((span) => span.parentSpanId && armIds.has(span.parentSpanId)).map((span) => span.name)).toContain("GET");
  });

  it("traces a sync's Kubernetes API reads within the sync's trace", async () => {
    const { syncInventory } = await import("@/lib/server/clusters/sync-inventory");
    const parent = await trace.getTracer("clusterdesk-test").startActiveSpan("telemetry test sync", async (span) => {
      const result = await syncInventory({ subscriptionIds: [demoSubscriptions.nonProduction] });
      expect(result.apiServersRead).toBeGreaterThan(0);
      span.end();
      return span.spanContext();
    });
    const inTrace = await spansOf(parent);
    const kube = inTrace.filter((span) => Object.values(span.attributes).some((value) => typeof value === "string" && value.includes("/k8s/")));
    expect(kube.length).toBeGreaterThan(0);
    // The portal's request (client), and the in-process emulator's answer (server) joined to it by the traceparent header.
    const clientSpans = kube.filter((span) => span.kind === 3);
    expect(clientSpans.length).toBeGreaterThan(0);
    const clientIds = new Set(clientSpans.map((span) => span.spanId));
    expect(kube.some((span) => span.kind === 2 && span.parentSpanId !== undefined && clientIds.has(span.parentSpanId))).toBe(true);
  });
});
