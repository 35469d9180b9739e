/**
 * node --conditions=react-server --import tsx scripts/bench/tenant-drift.ts [-- --environments 6 --rounds 20]
 *
 * What drift adds to the tenant page's environment table: `tenantEnvironmentStatuses` (per applied
 * environment one connection, the quota read and the drift plan: a read and a dry-run apply per
 * object) against a baseline in the same run, interleaved: the same environments' connection and quota
 * read alone (what the table cost before drift). In process, against the emulator (in process too,
 * so its CPU counts), environments of the demo tenant payments applied on aks-legacy-podid.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createKubernetesSide } from "../../emulator/kubernetes";
import { demoSubscriptions } from "../../emulator/seed/organisation";
import { startTestEmulator } from "../../emulator/test-support/start-test-emulator";
import { clusterKey, clusterResourceId } from "../../lib/clusters/resource-id";
import { migrate } from "../../lib/server/db/migrations";
import { load, ms } from "./lib/page-bench";
import { percentile } from "./lib/percentile";
import { seedDemoTenants } from "../lib/seed-demo-tenants";
import { createTestDatabase } from "../lib/test-database";

const { values } = parseArgs({ options: { environments: { type: "string", default: "6" }, rounds: { type: "string", default: "20" } } });
const [environments, rounds] = [Number(values.environments), Number(values.rounds)];
const legacy = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" });

const database = await createTestDatabase(process.env.TEST_DATABASE_URL, "bench");
const emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
try {
  console.error("database and emulator ready; migrating and seeding");
  await migrate(database.url);
  await seedDemoTenants({ url: database.url, origin: "throw-away" });
  Object.assign(process.env, { DATABASE_URL: database.url, CLUSTERDESK_MODE: "local", CLUSTERDESK_EMULATOR_URL: emulator.url, CLUSTERDESK_LOG_LEVEL: "error" });
  const { db } = await import("../../lib/server/db/client");
  const { createChangeRequest } = await import("../../lib/server/requests/create-request");
  const { executeChangeRequest } = await import("../../lib/server/requests/execute-request");
  const { tenantEnvironmentExecutor } = await import("../../lib/server/tenants/environment-executor");
  const { environmentOnCluster } = await import("../../lib/server/tenants/environment-on-cluster");
  const { tenantEnvironmentStatuses } = await import("../../lib/server/tenants/environment-status");
  const { snapshotOf } = await import("../../lib/tenants/requested-template");
  const { environmentTemplates } = await import("../../lib/tenants/templates");

  const tenant = await db().tenant.findUniqueOrThrow({ where: { slug: "payments" }, select: { id: true } });
  const admin = { kind: "user" as const, objectId: randomUUID(), name: "Bench Admin", upn: "bench@clusterdesk-demo.onmicrosoft.com" };
  const payloads = Array.from({ length: environments }, (_, index) => ({ tenantSlug: "payments", environment: `bench${index}`, namespace: `payments-bench${index}`, template: "sandbox", templateSnapshot: snapshotOf(environmentTemplates.sandbox) }));
  for (const payload of payloads) {
    const created = await createChangeRequest({ kind: "tenant-environment", clusterResourceId: clusterKey(legacy), tenantId: tenant.id, payload, justification: "bench", decideBy: null }, admin, { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" }, { applyDirectly: { reason: "bench" } });
    const outcome = await executeChangeRequest(created.id, { retryCount: 0, retryLimit: 1, signal: new AbortController().signal }, { "tenant-environment": tenantEnvironmentExecutor() });
    if (outcome !== "applied") throw new Error(`${payload.namespace} was not applied: ${outcome}`);
  }
  const baseline = () =>
    Promise.all(payloads.map(async (payload) => {
      const onCluster = await environmentOnCluster(tenant.id, legacy, payload, randomUUID());
      const quota = onCluster.rendered.objects.find((object) => object.kind === "ResourceQuota");
      if (quota) await onCluster.client.read(quota);
    }));
  const withDrift = async () => {
    const statuses = await tenantEnvironmentStatuses(tenant.id);
    const drifted = statuses.filter((status) => status.namespace.startsWith("payments-bench") && status.drift.state !== "in-sync");
    if (drifted.length > 0) throw new Error(`expected every bench environment in sync: ${JSON.stringify(drifted.map((status) => status.drift))}`);
  };
  console.error(`${payloads.length} environments applied; warming up`);
  for (let round = 0; round < 3; round += 1) {
    await baseline();
    await withDrift();
  }
  const samples = { "quota only (baseline)": [] as number[], "quota + drift (tenant page)": [] as number[] };
  const loadBefore = load();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of [["quota only (baseline)", baseline], ["quota + drift (tenant page)", withDrift]] as const) {
      const start = performance.now();
      await run();
      samples[name].push(performance.now() - start);
    }
  }
  console.log(`\nTenant environments table, ${environments} applied environments (sandbox template, ${payloads.length} on aks-legacy-podid); ${rounds} interleaved rounds; database ${database.kind}`);
  console.log(`load average ${loadBefore} before, ${load()} after`);
  for (const [name, times] of Object.entries(samples)) console.log(`  ${name.padEnd(30)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`);
} finally {
  // Applying directly enqueued jobs: the queue must stop before its database goes.
  const { stopJobQueue } = await import("../../lib/server/jobs/queue");
  await stopJobQueue();
  await emulator.dispose();
  await database.drop();
}
