import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { requestRangeAdditionAction } from "@/app/(portal)/clusters/[subscriptionId]/[resourceGroup]/[name]/ip-ranges/_actions/request-range-addition";
import { containerServiceClient } from "@/emulator/test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { clusterKey } from "@/lib/clusters/resource-id";
import { sessionIdOf } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrations";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/workers";
import { logger } from "@/lib/server/logger";
import { useEmulator } from "@/test/support";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres";
import { setAuditCheckpointKey } from "@/test/audit-checkpoint-key";
import { asSession } from "@/test/next-request-scope";

/**
 * The embedded default under the load of a real portal: 20 server actions at once while the job
 * workers (pg-boss) poll, execute and sync in the same process. The PGlite-over-socket server this
 * replaced interleaved the clients' extended-protocol messages on its one session and failed here.
 * Deliberately not TEST_DATABASE_URL: this is about the server the launcher starts.
 */
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const parallelActions = 20;
const subscriptionId = demoSubscriptions.nonProduction;
const clusterId = `/subscriptions/${subscriptionId}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
const rangeOf = (index: number) => `198.51.100.${100 + index}/32`;

let database: EmbeddedPostgres;
let emulator: TestEmulator;
const errorLines: string[] = [];

beforeAll(async () => {
  database = await startEmbeddedPostgres();
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  emulator = await startTestEmulator({ lroDurationMs: 50 });
  // Configured as production would be, so the workers' start warns about nothing (checkpoints on).
  setAuditCheckpointKey(randomBytes(32).toString("base64"));
  useEmulator(emulator.url);
  // Driver and queue failures in the workers surface in the log: pg-boss's "error" event as an error,
  // a failed job attempt as a warning. Neither may happen here.
  for (const level of ["error", "warn"] as const) {
    vi.spyOn(logger, level).mockImplementation((message, fields) => void errorLines.push(`${level}: ${message} ${JSON.stringify(fields)}`));
  }
  await startWorkers();
}, 180_000);

afterAll(async () => {
  await stopJobQueue();
  await db().$disconnect();
  await emulator?.dispose();
  await database?.stop();
});

async function signInAdmin(): Promise<string> {
  const token = randomUUID();
  const objectId = randomUUID();
  const now = new Date();
  await db().user.create({ data: { id: objectId, entraTenantId: localDemoOrganisation.tenantId, displayName: "Alex Admin", userPrincipalName: "alex@contoso.example", lastSignInAt: now } });
  await db().session.create({
    data: { id: sessionIdOf(token), userId: objectId, groupIds: [...localDemoOrganisation.adminGroupIds], lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
  });
  return token;
}

function additionForm(index: number): FormData {
  const form = new FormData();
  form.set("clusterId", clusterId);
  form.set("range", rangeOf(index));
  form.set("owner", `agent ${index}`);
  form.set("justification", `Build agent ${index} needs the API server`);
  form.set("expiry", "never");
  form.set("applyNow", "on");
  return form;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it(`runs ${parallelActions} parallel direct changes plus the workers with zero driver errors, applying every one`, { timeout: 300_000 }, async () => {
  // Whether a cluster is production (four eyes) comes from the inventory, which the workers'
  // start-up sync fills; an uncached cluster counts as production and would refuse direct changes.
  await waitFor("the start-up sync to cache the cluster", async () => (await db().inventoryCluster.count({ where: { key: clusterKey(clusterId) } })) > 0, 120_000);
  const token = await signInAdmin();
  const outcomes = await Promise.allSettled(
    Array.from({ length: parallelActions }, (_, index) => asSession(token, () => requestRangeAdditionAction({ status: "idle" }, additionForm(index)))),
  );
  const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [String(outcome.reason)] : outcome.value.status === "done" ? [] : [JSON.stringify(outcome.value)]));
  expect(failures).toEqual([]);

  const key = clusterKey(clusterId);
  await waitFor("every change to be applied", async () => (await db().changeRequest.count({ where: { clusterResourceId: key, status: "applied" } })) === parallelActions, 240_000);
  const onCluster = (await containerServiceClient(emulator, subscriptionId).managedClusters.get("rg-dev", "aks-shared-dev")).apiServerAccessProfile?.authorizedIPRanges ?? [];
  const expected = Array.from({ length: parallelActions }, (_, index) => rangeOf(index));
  expect(onCluster).toEqual(expect.arrayContaining(expected));
  const recorded = await db().authorizedIpRange.findMany({ where: { clusterResourceId: key }, select: { range: true } });
  expect(recorded.map((row) => row.range)).toEqual(expect.arrayContaining(expected));
  expect(errorLines).toEqual([]);
});
